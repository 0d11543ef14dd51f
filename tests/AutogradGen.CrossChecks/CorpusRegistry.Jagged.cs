using AutogradGen.CrossChecks.Corpus;
using AutogradGen.CrossChecks.Harness;
using static AutogradGen.CrossChecks.Harness.MatrixFunction;

namespace AutogradGen.CrossChecks;

/// <summary>
/// The jagged array corpus (Corpus/Jagged.cs): a point is each jagged array's elements row after row, then the spans
/// and scalars, in parameter order; gradients and tangents are jagged arrays of the same shapes, flattened the same
/// way. The twins take one leaf tensor per row.
/// </summary>
public static partial class CorpusRegistry
{
    private static Tensor Scalar(double x) => Tensor.Scalar(x, requiresGrad: true, DType.Float64);

    private static IEnumerable<CorpusFunction> JaggedFunctions()
    {
        int[] shape = [3, 1, 2];
        yield return MatrixFunction.Create("JaggedArrays.RowProducts", 9, (-2, 2),
            p => JaggedArrays.RowProducts(Jag(p, 0, shape), Vec(p, 6, 3)),
            p =>
            {
                var (da, dx) = (JagZeros(shape), new double[3]);
                return (JaggedArrays.RowProductsGradient(Jag(p, 0, shape), Vec(p, 6, 3), da, dx), Elements(da, dx));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, shape));
                var x = Tensor.From(Vec(p, 6, 3), requiresGrad: true);
                return ([.. rows, x], JaggedArrays.RowProductsTape(rows, x));
            },
            (p, d) => JaggedArrays.RowProductsDerivative(Jag(p, 0, shape), Vec(p, 6, 3), Jag(d, 0, shape), Vec(d, 6, 3)));

        int[] logits = [3, 2, 4];
        yield return MatrixFunction.Create("JaggedArrays.LogPartitions", 10, (-2, 2),
            p => JaggedArrays.LogPartitions(Jag(p, 0, logits), p[9]),
            p =>
            {
                var da = JagZeros(logits);
                return (JaggedArrays.LogPartitionsGradient(Jag(p, 0, logits), p[9], da, out var db), Elements(da, db));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, logits));
                var beta = Scalar(p[9]);
                return ([.. rows, beta], JaggedArrays.LogPartitionsTape(rows, beta));
            },
            (p, d) => JaggedArrays.LogPartitionsDerivative(Jag(p, 0, logits), p[9], Jag(d, 0, logits), d[9]));

        int[] curves = [4, 3];
        yield return MatrixFunction.Create("JaggedArrays.CurveTable", 8, (-2, 2),
            p => JaggedArrays.CurveTable(Jag(p, 0, curves), p[7]),
            p =>
            {
                var da = JagZeros(curves);
                return (JaggedArrays.CurveTableGradient(Jag(p, 0, curves), p[7], da, out var dt), Elements(da, dt));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, curves));
                var t = Scalar(p[7]);
                return ([.. rows, t], JaggedArrays.CurveTableTape(rows, t));
            },
            (p, d) => JaggedArrays.CurveTableDerivative(Jag(p, 0, curves), p[7], Jag(d, 0, curves), d[7]));

        int[] hidden = [3, 3];
        yield return MatrixFunction.Create("JaggedArrays.TwoLayer", 11, (-2, 2),
            p => JaggedArrays.TwoLayer(Jag(p, 0, hidden), Vec(p, 6, 2), Vec(p, 8, 3)),
            p =>
            {
                var (dh, dw, dx) = (JagZeros(hidden), new double[2], new double[3]);
                return (JaggedArrays.TwoLayerGradient(Jag(p, 0, hidden), Vec(p, 6, 2), Vec(p, 8, 3), dh, dw, dx), Elements(dh, dw, dx));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, hidden));
                var (w, x) = (Tensor.From(Vec(p, 6, 2), requiresGrad: true), Tensor.From(Vec(p, 8, 3), requiresGrad: true));
                return ([.. rows, w, x], JaggedArrays.TwoLayerTape(rows, w, x));
            },
            (p, d) => JaggedArrays.TwoLayerDerivative(Jag(p, 0, hidden), Vec(p, 6, 2), Vec(p, 8, 3), Jag(d, 0, hidden), Vec(d, 6, 2), Vec(d, 8, 3)));

        int[] neighbours = [2, 3, 1, 2];
        yield return MatrixFunction.Create("JaggedArrays.NeighbourRows", 8, (-2, 2),
            p => JaggedArrays.NeighbourRows(Jag(p, 0, neighbours)),
            p =>
            {
                var da = JagZeros(neighbours);
                return (JaggedArrays.NeighbourRowsGradient(Jag(p, 0, neighbours), da), Elements(da));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, neighbours));
                return (rows, JaggedArrays.NeighbourRowsTape(rows));
            },
            (p, d) => JaggedArrays.NeighbourRowsDerivative(Jag(p, 0, neighbours), Jag(d, 0, neighbours)));

        int[] floats = [2, 3];
        yield return MatrixFunction.Create("JaggedArrays.SquaredNormFloat", 5, (-2, 2),
            p => JaggedArrays.SquaredNormFloat(JagF(p, 0, floats)),
            p =>
            {
                float[][] da = [new float[2], new float[3]];
                return (JaggedArrays.SquaredNormFloatGradient(JagF(p, 0, floats), da), Elements(da));
            },
            p =>
            {
                var rows = Rows(JagF(p, 0, floats));
                return (rows, JaggedArrays.SquaredNormFloatTape(rows));
            },
            (p, d) => JaggedArrays.SquaredNormFloatDerivative(JagF(p, 0, floats), JagF(d, 0, floats)),
            isFloat: true);

        int[] weighted = [2, 1, 3];
        yield return MatrixFunction.Create("JaggedArrays.Weighted[double]", 7, (-1.5, 1.5),
            p => JaggedArrays.Weighted(Jag(p, 0, weighted), p[6]),
            p =>
            {
                var dw = JagZeros(weighted);
                return (JaggedArrays.WeightedGradient(Jag(p, 0, weighted), p[6], dw, out var dt), Elements(dw, dt));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, weighted));
                var t = Scalar(p[6]);
                return ([.. rows, t], JaggedArrays.WeightedTape(rows, t));
            },
            (p, d) => JaggedArrays.WeightedDerivative(Jag(p, 0, weighted), p[6], Jag(d, 0, weighted), d[6]));
        yield return MatrixFunction.Create("JaggedArrays.Weighted[float]", 7, (-1.5, 1.5),
            p => JaggedArrays.Weighted(JagF(p, 0, weighted), (float)p[6]),
            p =>
            {
                float[][] dw = [new float[2], new float[1], new float[3]];
                return (JaggedArrays.WeightedGradient(JagF(p, 0, weighted), (float)p[6], dw, out var dt), Elements(dw, dt));
            },
            p =>
            {
                // Only the double instance has a twin; float tensors run through it in float.
                var rows = Rows(JagF(p, 0, weighted));
                var t = Tensor.Scalar((float)p[6], requiresGrad: true, DType.Float32);
                return ([.. rows, t], JaggedArrays.WeightedTape(rows, t));
            },
            (p, d) => JaggedArrays.WeightedDerivative(JagF(p, 0, weighted), (float)p[6], JagF(d, 0, weighted), (float)d[6]),
            isFloat: true);

        int[] norms = [2, 3, 1];
        yield return MatrixFunction.Create("JaggedArrays.RowNorms", 6, (-2, 2),
            p => JaggedArrays.RowNorms(Jag(p, 0, norms)),
            p =>
            {
                var da = JagZeros(norms);
                return (JaggedArrays.RowNormsGradient(Jag(p, 0, norms), da), Elements(da));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, norms));
                return (rows, JaggedArrays.RowNormsTape(rows));
            },
            (p, d) => JaggedArrays.RowNormsDerivative(Jag(p, 0, norms), Jag(d, 0, norms)));

        int[] logistic = [3, 3, 2];
        yield return MatrixFunction.Create("JaggedArrays.LogisticRows", 11, (-2, 2),
            p => JaggedArrays.LogisticRows(Jag(p, 0, logistic), Vec(p, 8, 3)),
            p =>
            {
                var (da, dw) = (JagZeros(logistic), new double[3]);
                return (JaggedArrays.LogisticRowsGradient(Jag(p, 0, logistic), Vec(p, 8, 3), da, dw), Elements(da, dw));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, logistic));
                var w = Tensor.From(Vec(p, 8, 3), requiresGrad: true);
                return ([.. rows, w], JaggedArrays.LogisticRowsTape(rows, w));
            },
            (p, d) => JaggedArrays.LogisticRowsDerivative(Jag(p, 0, logistic), Vec(p, 8, 3), Jag(d, 0, logistic), Vec(d, 8, 3)));

        int[] samples = [4, 2, 3];
        yield return MatrixFunction.Create("JaggedArrays.Trapezoids", 10, (-2, 2),
            p => JaggedArrays.Trapezoids(Jag(p, 0, samples), p[9]),
            p =>
            {
                var df = JagZeros(samples);
                return (JaggedArrays.TrapezoidsGradient(Jag(p, 0, samples), p[9], df, out var dh), Elements(df, dh));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, samples));
                var h = Scalar(p[9]);
                return ([.. rows, h], JaggedArrays.TrapezoidsTape(rows, h));
            },
            (p, d) => JaggedArrays.TrapezoidsDerivative(Jag(p, 0, samples), p[9], Jag(d, 0, samples), d[9]));

        int[] guarded = [2, 1];
        yield return MatrixFunction.Create("JaggedArrays.Guarded", 4, (-1.5, 1.5),
            p => JaggedArrays.Guarded(Jag(p, 0, guarded), p[3]),
            p =>
            {
                var da = JagZeros(guarded);
                return (JaggedArrays.GuardedGradient(Jag(p, 0, guarded), p[3], da, out var dx), Elements(da, dx));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, guarded));
                var x = Scalar(p[3]);
                return ([.. rows, x], JaggedArrays.GuardedTape(rows, x));
            },
            (p, d) => JaggedArrays.GuardedDerivative(Jag(p, 0, guarded), p[3], Jag(d, 0, guarded), d[3]));

        int[] triangle = [1, 2, 3];
        yield return MatrixFunction.Create("JaggedArrays.Triangular", 9, (-1.5, 1.5),
            p => JaggedArrays.Triangular(Jag(p, 0, triangle), Vec(p, 6, 3)),
            p =>
            {
                var (dl, dx) = (JagZeros(triangle), new double[3]);
                return (JaggedArrays.TriangularGradient(Jag(p, 0, triangle), Vec(p, 6, 3), dl, dx), Elements(dl, dx));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, triangle));
                var x = Tensor.From(Vec(p, 6, 3), requiresGrad: true);
                return ([.. rows, x], JaggedArrays.TriangularTape(rows, x));
            },
            (p, d) => JaggedArrays.TriangularDerivative(Jag(p, 0, triangle), Vec(p, 6, 3), Jag(d, 0, triangle), Vec(d, 6, 3)));

        int[] whole = [3, 2, 1];
        yield return MatrixFunction.Create("JaggedArrays.WholeToCallees", 7, (-1.5, 1.5),
            p => JaggedArrays.WholeToCallees(Jag(p, 0, whole), p[6]),
            p =>
            {
                var da = JagZeros(whole);
                return (JaggedArrays.WholeToCalleesGradient(Jag(p, 0, whole), p[6], da, out var dx), Elements(da, dx));
            },
            p =>
            {
                var rows = Rows(Jag(p, 0, whole));
                var x = Scalar(p[6]);
                return ([.. rows, x], JaggedArrays.WholeToCalleesTape(rows, x));
            },
            (p, d) => JaggedArrays.WholeToCalleesDerivative(Jag(p, 0, whole), p[6], Jag(d, 0, whole), d[6]));

        yield return MatrixFunction.Create("Matrices.PenalisedEnergy", 7, (-2, 2),
            p => Matrices.PenalisedEnergy(Mat(p, 0, 2, 3), p[6]),
            p =>
            {
                var du = new double[2, 3];
                return (Matrices.PenalisedEnergyGradient(Mat(p, 0, 2, 3), p[6], du, out var dl), Elements(du, dl));
            },
            p =>
            {
                Tensor[] t = [Tensor.From(Mat(p, 0, 2, 3), requiresGrad: true), Scalar(p[6])];
                return (t, Matrices.PenalisedEnergyTape(t[0], t[1]));
            },
            (p, d) => Matrices.PenalisedEnergyDerivative(Mat(p, 0, 2, 3), p[6], Mat(d, 0, 2, 3), d[6]));
    }
}
