using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Tensors.TensorInputs;

namespace AutogradGen.Generator.Tests.Tensors;

/// <summary>Every tensor method of <see cref="TensorFunctions"/>, as a case for the cross-checks.</summary>
internal static class TensorCases
{
    public static readonly TensorCase[] All =
    [
        new("Loss", (d, g) => [Randn(g, d, 8, 3), Randn(g, d, 3, 1), Randn(g, d, 1), Rand(g, d, 8, 1).Gt(0.5).To(d)], [1, 2],
            Tape(TensorFunctions.Loss),
            i => (TensorFunctions.LossGradient(i[0], i[1], i[2], i[3], out var dw, out var db), [dw, db])),
        new("Arithmetic", (d, g) => [Randn(g, d, 2, 3), Randn(g, d, 2, 3)], [0, 1],
            Tape(TensorFunctions.Arithmetic),
            i => (TensorFunctions.ArithmeticGradient(i[0], i[1], out var da, out var db), [da, db])),
        new("BroadcastRow", (d, g) => [Randn(g, d, 4, 3), Randn(g, d, 3), Randn(g, d, 4, 1)], [0, 1, 2],
            Tape(TensorFunctions.BroadcastRow),
            i => (TensorFunctions.BroadcastRowGradient(i[0], i[1], i[2], out var dm, out var drow, out var dcolumn), [dm, drow, dcolumn])),
        new("Unary", (d, g) => [Randn(g, d, 3, 4)], [0],
            Tape(TensorFunctions.Unary),
            i => (TensorFunctions.UnaryGradient(i[0], out var dx), [dx])),
        new("Reductions", (d, g) => [Randn(g, d, 3, 4)], [0],
            Tape(TensorFunctions.Reductions),
            i => (TensorFunctions.ReductionsGradient(i[0], out var dm), [dm])),
        new("Shapes", (d, g) => [Randn(g, d, 3, 2), Randn(g, d, 2)], [0, 1],
            Tape(TensorFunctions.Shapes),
            i => (TensorFunctions.ShapesGradient(i[0], i[1], out var dm, out var dv), [dm, dv])),
        new("Classifier", (d, g) => [Randn(g, d, 5, 3), Classes(g, 5, 3), Functional.Softmax(Randn(g, d, 5, 3), 1)], [0],
            Tape(TensorFunctions.Classifier),
            i => (TensorFunctions.ClassifierGradient(i[0], i[1], i[2], out var dlogits), [dlogits])),
        new("Regression", (d, g) => [Randn(g, d, 6, 2), Randn(g, d, 6, 2)], [0, 1],
            Tape(TensorFunctions.Regression),
            i => (TensorFunctions.RegressionGradient(i[0], i[1], out var dp, out var dt), [dp, dt])),
        new("BranchesSquare", (d, g) => [Randn(g, d, 4)], [0],
            i => ((Func<Tensor, bool, double, Tensor>)TensorFunctions.Branches)(i[0], true, 2.5),
            i => (TensorFunctions.BranchesGradient(i[0], true, 2.5, out var dx), [dx])),
        new("BranchesExp", (d, g) => [Randn(g, d, 4)], [0],
            i => ((Func<Tensor, bool, double, Tensor>)TensorFunctions.Branches)(i[0], false, 0.5),
            i => (TensorFunctions.BranchesGradient(i[0], false, 0.5, out var dx), [dx])),
        new("Layers", (d, g) => [Randn(g, d, 2, 3), Randn(g, d, 3, 3) * 0.5], [0, 1],
            i => ((Func<Tensor, Tensor, int, Tensor>)TensorFunctions.Layers)(i[0], i[1], 3),
            i => (TensorFunctions.LayersGradient(i[0], i[1], 3, out var dh0, out var dw), [dh0, dw])),
        new("TwoLayers", (d, g) => [Randn(g, d, 4, 3), Randn(g, d, 3, 3), Randn(g, d, 3, 3), Randn(g, d, 3)], [1, 2],
            Tape(TensorFunctions.TwoLayers),
            i => (TensorFunctions.TwoLayersGradient(i[0], i[1], i[2], i[3], out var dw1, out var dw2), [dw1, dw2])),
        new("CompoundAndDetach", (d, g) => [Randn(g, d, 2, 3)], [0],
            Tape(TensorFunctions.CompoundAndDetach),
            i => (TensorFunctions.CompoundAndDetachGradient(i[0], out var dx), [dx]), StopsDerivatives: true),
        new("Selections", (d, g) => [Randn(g, d, 3, 4), Randn(g, d, 3, 4)], [0, 1],
            Tape(TensorFunctions.Selections),
            i => (TensorFunctions.SelectionsGradient(i[0], i[1], out var da, out var db), [da, db])),
    ];

    // The originals are called through delegates: a method group is not a call site, so the generated interceptors
    // leave it alone and these run the user's body on the tape (calls inside the body are still intercepted).
    private static Func<Tensor[], Tensor> Tape(Func<Tensor, Tensor> f) => i => f(i[0]);

    private static Func<Tensor[], Tensor> Tape(Func<Tensor, Tensor, Tensor> f) => i => f(i[0], i[1]);

    private static Func<Tensor[], Tensor> Tape(Func<Tensor, Tensor, Tensor, Tensor> f) => i => f(i[0], i[1], i[2]);

    private static Func<Tensor[], Tensor> Tape(Func<Tensor, Tensor, Tensor, Tensor, Tensor> f) => i => f(i[0], i[1], i[2], i[3]);

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> NamesWithoutStoppedDerivatives => All.Where(c => !c.StopsDerivatives).Select(c => new object[] { c.Name });

    public static TensorCase Named(string name) => All.Single(c => c.Name == name);
}
