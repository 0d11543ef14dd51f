namespace AutogradGen.CrossChecks.Harness;

public delegate double SpanValue(ReadOnlySpan<double> v);

public delegate double SpanGradient(ReadOnlySpan<double> v, Span<double> gradient);

public delegate (double Value, double Derivative) SpanDerivative(ReadOnlySpan<double> v, ReadOnlySpan<double> tangent);

public delegate float FloatSpanValue(ReadOnlySpan<float> v);

public delegate float FloatSpanGradient(ReadOnlySpan<float> v, Span<float> gradient);

public delegate (float Value, float Derivative) FloatSpanDerivative(ReadOnlySpan<float> v, ReadOnlySpan<float> tangent);

/// <summary>
/// A <see cref="CorpusFunction"/> for a method of one differentiated span: spans cannot go through reflection,
/// so the four forms are passed as method groups (or lambdas that bind the other arguments).
/// </summary>
public static class SpanFunction
{
    public static CorpusFunction Create(string name, int length, (double Min, double Max) domain,
        SpanValue value, SpanGradient gradient, SpanDerivative derivative, Func<Tensor, Tensor> tape) =>
        new(name, false, length,
            point => value(point),
            point =>
            {
                var g = new double[point.Length];
                var v = gradient(point, g);
                return (v, g);
            },
            point => Tape(tape, Tensor.From(point, requiresGrad: true)),
            (point, direction) => derivative(point, direction),
            domain, []);

    public static CorpusFunction Create(string name, int length, (double Min, double Max) domain,
        FloatSpanValue value, FloatSpanGradient gradient, FloatSpanDerivative derivative, Func<Tensor, Tensor> tape) =>
        new(name, true, length,
            point => value(Floats(point)),
            point =>
            {
                var g = new float[point.Length];
                var v = gradient(Floats(point), g);
                return (v, g.Select(x => (double)x).ToArray());
            },
            point => Tape(tape, Tensor.From(Floats(point), requiresGrad: true)),
            (point, direction) => derivative(Floats(point), Floats(direction)),
            domain, []);

    private static (double, double[]) Tape(Func<Tensor, Tensor> tape, Tensor leaf)
    {
        var result = tape(leaf);
        result.Backward();
        return (result.Item(), leaf.Grad?.ToArray() ?? new double[leaf.Numel]);
    }

    private static float[] Floats(double[] values) => values.Select(v => (float)v).ToArray();
}
