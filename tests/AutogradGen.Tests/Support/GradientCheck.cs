namespace AutogradGen.Tests.Support;

/// <summary>
/// Compares the engine's gradients with central finite differences in float64. The output is reduced to a scalar
/// with fixed, uneven weights so that every entry of the vector-Jacobian product is exercised.
/// </summary>
internal static class GradientCheck
{
    private const double Step = 1e-6;
    private const double Tolerance = 1e-5;

    /// <summary>Float64 leaves that require grad, filled with deterministic values that avoid kinks.</summary>
    public static Tensor Input(int[] shape, double offset = 0.3, double scale = 1)
    {
        int count = 1;
        foreach (int size in shape) count *= size;
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = offset + (scale * Math.Sin(1.7 * i + 0.4));
        return Tensor.From(values, shape, requiresGrad: true);
    }

    /// <summary>Asserts that the analytical gradient of <paramref name="function"/> matches numerical differentiation for every input.</summary>
    public static void AssertMatches(Func<Tensor[], Tensor> function, params Tensor[] inputs)
    {
        var output = function(inputs);
        var weights = Weights(output);
        var loss = (output * weights).Sum();
        var analytical = Autograd.Grad([loss], inputs, allowUnused: true);

        for (int i = 0; i < inputs.Length; i++)
        {
            var values = inputs[i].Elements<double>();
            var expected = new double[values.Length];
            for (int k = 0; k < values.Length; k++)
            {
                double saved = values[k];
                values[k] = saved + Step;
                double plus = Evaluate(function, inputs, weights);
                values[k] = saved - Step;
                double minus = Evaluate(function, inputs, weights);
                values[k] = saved;
                expected[k] = (plus - minus) / (2 * Step);
            }
            var actual = analytical[i]?.ToArray() ?? new double[values.Length];
            Assert.Equal(inputs[i].Shape, analytical[i]?.Shape ?? inputs[i].Shape);
            for (int k = 0; k < expected.Length; k++)
            {
                double allowed = Tolerance * Math.Max(1, Math.Abs(expected[k]));
                Assert.True(Math.Abs(expected[k] - actual[k]) <= allowed,
                    $"input {i}, element {k}: numerical {expected[k]}, analytical {actual[k]}");
            }
        }
    }

    // Evaluated with grad mode on, so that functions which differentiate internally (second-order checks) work.
    private static double Evaluate(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor weights) =>
        (function(inputs) * weights).Sum().Item();

    private static Tensor Weights(Tensor output)
    {
        var values = new double[output.Numel];
        for (int i = 0; i < values.Length; i++) values[i] = 0.5 + (0.25 * Math.Cos(0.9 * i));
        return Tensor.From(values, [.. output.Shape]);
    }
}
