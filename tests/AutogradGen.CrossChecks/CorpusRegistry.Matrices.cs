using AutogradGen.CrossChecks.Corpus;
using AutogradGen.CrossChecks.Harness;
using static AutogradGen.CrossChecks.Harness.MatrixFunction;

namespace AutogradGen.CrossChecks;

/// <summary>
/// The 2-D array corpus (Corpus/Matrices.cs): a point is each array's elements row after row, then the spans and
/// scalars, in parameter order; gradients and tangents are arrays of the same shapes, flattened the same way.
/// </summary>
public static partial class CorpusRegistry
{
    private static Tensor Leaf(double[,] m) => Tensor.From(m, requiresGrad: true);

    private static Tensor Leaf(float[,] m) => Tensor.From(m, requiresGrad: true);

    private static Tensor Leaf(double[] v) => Tensor.From(v, requiresGrad: true);

    private static Tensor Leaf(float[] v) => Tensor.From(v, requiresGrad: true);

    private static Tensor Leaf(double x) => Tensor.Scalar(x, requiresGrad: true, DType.Float64);

    private static IEnumerable<CorpusFunction> MatrixFunctions()
    {
        // xᵀ A x, A 3×3 (9), x (3).
        yield return MatrixFunction.Create("Matrices.QuadraticForm", 12, (-2, 2),
            p => Matrices.QuadraticForm(Mat(p, 0, 3, 3), Vec(p, 9, 3)),
            p =>
            {
                var (da, dx) = (new double[3, 3], new double[3]);
                return (Matrices.QuadraticFormGradient(Mat(p, 0, 3, 3), Vec(p, 9, 3), da, dx), Elements(da, dx));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 3, 3)), Leaf(Vec(p, 9, 3))];
                return (t, Matrices.QuadraticFormTape(t[0], t[1]));
            },
            (p, d) => Matrices.QuadraticFormDerivative(Mat(p, 0, 3, 3), Vec(p, 9, 3), Mat(d, 0, 3, 3), Vec(d, 9, 3)));

        // xᵀ A y, x (2), A 2×3 (6), y (3).
        yield return MatrixFunction.Create("Matrices.BilinearForm", 11, (-2, 2),
            p => Matrices.BilinearForm(Vec(p, 0, 2), Mat(p, 2, 2, 3), Vec(p, 8, 3)),
            p =>
            {
                var (dx, da, dy) = (new double[2], new double[2, 3], new double[3]);
                return (Matrices.BilinearFormGradient(Vec(p, 0, 2), Mat(p, 2, 2, 3), Vec(p, 8, 3), dx, da, dy), Elements(dx, da, dy));
            },
            p =>
            {
                Tensor[] t = [Leaf(Vec(p, 0, 2)), Leaf(Mat(p, 2, 2, 3)), Leaf(Vec(p, 8, 3))];
                return (t, Matrices.BilinearFormTape(t[0], t[1], t[2]));
            },
            (p, d) => Matrices.BilinearFormDerivative(Vec(p, 0, 2), Mat(p, 2, 2, 3), Vec(p, 8, 3), Vec(d, 0, 2), Mat(d, 2, 2, 3), Vec(d, 8, 3)));

        // ‖A x − b‖², A 3×2 (6), x (2), b (3).
        yield return MatrixFunction.Create("Matrices.LeastSquares", 11, (-2, 2),
            p => Matrices.LeastSquares(Mat(p, 0, 3, 2), Vec(p, 6, 2), Vec(p, 8, 3)),
            p =>
            {
                var (da, dx, db) = (new double[3, 2], new double[2], new double[3]);
                return (Matrices.LeastSquaresGradient(Mat(p, 0, 3, 2), Vec(p, 6, 2), Vec(p, 8, 3), da, dx, db), Elements(da, dx, db));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 3, 2)), Leaf(Vec(p, 6, 2)), Leaf(Vec(p, 8, 3))];
                return (t, Matrices.LeastSquaresTape(t[0], t[1], t[2]));
            },
            (p, d) => Matrices.LeastSquaresDerivative(Mat(p, 0, 3, 2), Vec(p, 6, 2), Vec(p, 8, 3), Mat(d, 0, 3, 2), Vec(d, 6, 2), Vec(d, 8, 3)));

        // tr(A B), A and B 3×3.
        yield return MatrixFunction.Create("Matrices.TraceOfProduct", 18, (-2, 2),
            p => Matrices.TraceOfProduct(Mat(p, 0, 3, 3), Mat(p, 9, 3, 3)),
            p =>
            {
                var (da, db) = (new double[3, 3], new double[3, 3]);
                return (Matrices.TraceOfProductGradient(Mat(p, 0, 3, 3), Mat(p, 9, 3, 3), da, db), Elements(da, db));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 3, 3)), Leaf(Mat(p, 9, 3, 3))];
                return (t, Matrices.TraceOfProductTape(t[0], t[1]));
            },
            (p, d) => Matrices.TraceOfProductDerivative(Mat(p, 0, 3, 3), Mat(p, 9, 3, 3), Mat(d, 0, 3, 3), Mat(d, 9, 3, 3)));

        // A 3×4 grid and its coupling.
        yield return MatrixFunction.Create("Matrices.GridEnergy", 13, (-1.5, 1.5),
            p => Matrices.GridEnergy(Mat(p, 0, 3, 4), p[12]),
            p =>
            {
                var du = new double[3, 4];
                return (Matrices.GridEnergyGradient(Mat(p, 0, 3, 4), p[12], du, out var dc), Elements(du, dc));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 3, 4)), Leaf(p[12])];
                return (t, Matrices.GridEnergyTape(t[0], t[1]));
            },
            (p, d) => Matrices.GridEnergyDerivative(Mat(p, 0, 3, 4), p[12], Mat(d, 0, 3, 4), d[12]));

        // W₁ 3×2 (6), W₂ 1×3 (3), x (2), target.
        yield return MatrixFunction.Create("Matrices.TwoLayerNetwork", 12, (-1.5, 1.5),
            p => Matrices.TwoLayerNetwork(Mat(p, 0, 3, 2), Mat(p, 6, 1, 3), Vec(p, 9, 2), p[11]),
            p =>
            {
                var (d1, d2, dx) = (new double[3, 2], new double[1, 3], new double[2]);
                return (Matrices.TwoLayerNetworkGradient(Mat(p, 0, 3, 2), Mat(p, 6, 1, 3), Vec(p, 9, 2), p[11], d1, d2, dx, out var dt), Elements(d1, d2, dx, dt));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 3, 2)), Leaf(Mat(p, 6, 1, 3)), Leaf(Vec(p, 9, 2)), Leaf(p[11])];
                return (t, Matrices.TwoLayerNetworkTape(t[0], t[1], t[2], t[3]));
            },
            (p, d) => Matrices.TwoLayerNetworkDerivative(Mat(p, 0, 3, 2), Mat(p, 6, 1, 3), Vec(p, 9, 2), p[11], Mat(d, 0, 3, 2), Mat(d, 6, 1, 3), Vec(d, 9, 2), d[11]));

        // W 4×3 only (x and the label fixed).
        double[] input = [0.5, -1.25, 2.0];
        yield return MatrixFunction.Create("Matrices.SoftmaxCrossEntropy", 12, (-2, 2),
            p => Matrices.SoftmaxCrossEntropy(Mat(p, 0, 4, 3), input, 2),
            p =>
            {
                var dw = new double[4, 3];
                return (Matrices.SoftmaxCrossEntropyGradient(Mat(p, 0, 4, 3), input, 2, dw), Elements(dw));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 4, 3))];
                return (t, Matrices.SoftmaxCrossEntropyTape(t[0], input, 2));
            },
            (p, d) => Matrices.SoftmaxCrossEntropyDerivative(Mat(p, 0, 4, 3), input, 2, Mat(d, 0, 4, 3)));

        // W 2×3 and λ.
        yield return MatrixFunction.Create("Matrices.FlatPenalty", 7, (-2, 2),
            p => Matrices.FlatPenalty(Mat(p, 0, 2, 3), p[6]),
            p =>
            {
                var dw = new double[2, 3];
                return (Matrices.FlatPenaltyGradient(Mat(p, 0, 2, 3), p[6], dw, out var dl), Elements(dw, dl));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 2, 3)), Leaf(p[6])];
                return (t, Matrices.FlatPenaltyTape(t[0], t[1]));
            },
            (p, d) => Matrices.FlatPenaltyDerivative(Mat(p, 0, 2, 3), p[6], Mat(d, 0, 2, 3), d[6]));

        yield return MatrixFunction.Create("Matrices.GaussianBumps", 12, (-2, 2),
            p => Matrices.GaussianBumps(Mat(p, 0, 3, 4)),
            p =>
            {
                var da = new double[3, 4];
                return (Matrices.GaussianBumpsGradient(Mat(p, 0, 3, 4), da), Elements(da));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 3, 4))];
                return (t, Matrices.GaussianBumpsTape(t[0]));
            },
            (p, d) => Matrices.GaussianBumpsDerivative(Mat(p, 0, 3, 4), Mat(d, 0, 3, 4)));

        yield return MatrixFunction.Create("Matrices.QuadraticFormFloat", 6, (-2, 2),
            p => Matrices.QuadraticFormFloat(MatF(p, 0, 2, 2), VecF(p, 4, 2)),
            p =>
            {
                var (da, dx) = (new float[2, 2], new float[2]);
                return (Matrices.QuadraticFormFloatGradient(MatF(p, 0, 2, 2), VecF(p, 4, 2), da, dx), Elements(da, dx));
            },
            p =>
            {
                Tensor[] t = [Leaf(MatF(p, 0, 2, 2)), Leaf(VecF(p, 4, 2))];
                return (t, Matrices.QuadraticFormFloatTape(t[0], t[1]));
            },
            (p, d) => Matrices.QuadraticFormFloatDerivative(MatF(p, 0, 2, 2), VecF(p, 4, 2), MatF(d, 0, 2, 2), VecF(d, 4, 2)),
            isFloat: true);

        // Generic math: only the double instance has a twin, and float tensors run through it in float.
        yield return MatrixFunction.Create("Matrices.RowRoughness[double]", 7, (-2, 2),
            p => Matrices.RowRoughness(Mat(p, 0, 2, 3), p[6]),
            p =>
            {
                var du = new double[2, 3];
                return (Matrices.RowRoughnessGradient(Mat(p, 0, 2, 3), p[6], du, out var ds), Elements(du, ds));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 2, 3)), Leaf(p[6])];
                return (t, Matrices.RowRoughnessTape(t[0], t[1]));
            },
            (p, d) => Matrices.RowRoughnessDerivative(Mat(p, 0, 2, 3), p[6], Mat(d, 0, 2, 3), d[6]));
        yield return MatrixFunction.Create("Matrices.RowRoughness[float]", 7, (-2, 2),
            p => Matrices.RowRoughness(MatF(p, 0, 2, 3), (float)p[6]),
            p =>
            {
                var du = new float[2, 3];
                return (Matrices.RowRoughnessGradient(MatF(p, 0, 2, 3), (float)p[6], du, out var ds), Elements(du, ds));
            },
            p =>
            {
                Tensor[] t = [Leaf(MatF(p, 0, 2, 3)), Tensor.Scalar((float)p[6], requiresGrad: true, DType.Float32)];
                return (t, Matrices.RowRoughnessTape(t[0], t[1]));
            },
            (p, d) => Matrices.RowRoughnessDerivative(MatF(p, 0, 2, 3), (float)p[6], MatF(d, 0, 2, 3), (float)d[6]),
            isFloat: true);

        yield return MatrixFunction.Create("Matrices.WeightedSoftplus", 8, (-2, 2),
            p => Matrices.WeightedSoftplus(Mat(p, 0, 2, 3), Vec(p, 6, 2)),
            p =>
            {
                var (da, dw) = (new double[2, 3], new double[2]);
                return (Matrices.WeightedSoftplusGradient(Mat(p, 0, 2, 3), Vec(p, 6, 2), da, dw), Elements(da, dw));
            },
            p =>
            {
                Tensor[] t = [Leaf(Mat(p, 0, 2, 3)), Leaf(Vec(p, 6, 2))];
                return (t, Matrices.WeightedSoftplusTape(t[0], t[1]));
            },
            (p, d) => Matrices.WeightedSoftplusDerivative(Mat(p, 0, 2, 3), Vec(p, 6, 2), Mat(d, 0, 2, 3), Vec(d, 6, 2)));
    }
}
