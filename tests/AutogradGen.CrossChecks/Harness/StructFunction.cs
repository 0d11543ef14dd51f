namespace AutogradGen.CrossChecks.Harness;

/// <summary>
/// A <see cref="CorpusFunction"/> for a method with struct parameters: reflection cannot flatten them, so each
/// corpus entry maps the flat point to its structs (value, gradient, forward mode) and to the tape twin's one 0-d
/// tensor per field, in the same order.
/// </summary>
public static class StructFunction
{
    public static CorpusFunction Create(string name, int dimension, (double Min, double Max) domain,
        Func<double[], double> value, Func<double[], (double Value, double[] Gradient)> gradient,
        Func<Tensor[], Tensor> tape, Func<double[], double[], (double Value, double Derivative)> directional, bool isFloat = false) =>
        new(name, isFloat, dimension, value, gradient, point => Tape(tape, point, isFloat), directional, domain, []);

    private static (double, double[]) Tape(Func<Tensor[], Tensor> tape, double[] point, bool isFloat)
    {
        var leaves = point.Select(x => Tensor.Scalar(isFloat ? (float)x : x, requiresGrad: true, isFloat ? DType.Float32 : DType.Float64)).ToArray();
        var result = tape(leaves);
        result.Backward();
        return (result.Item(), leaves.Select(l => l.Grad?.Item() ?? 0.0).ToArray());
    }
}
