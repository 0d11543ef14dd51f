namespace AutogradGen.Generator.Tests.Tensors;

/// <summary>
/// Every tensor method's generated gradient against the same code run on the tape (1e-5 in float32, 1e-12 in
/// float64) and against central differences in float64.
/// </summary>
public sealed class TensorGradientCrossCheckTests
{
    public static IEnumerable<object[]> Cases => TensorCases.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_gradient_matches_the_tape_in_float32(string name) => MatchesTape(TensorCases.Named(name), DType.Float32, 1e-5);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_gradient_matches_the_tape_in_float64(string name) => MatchesTape(TensorCases.Named(name), DType.Float64, 1e-12);

    public static IEnumerable<object[]> DifferentiableEverywhere => TensorCases.NamesWithoutStoppedDerivatives;

    [Theory]
    [MemberData(nameof(DifferentiableEverywhere))]
    public void Generated_gradient_matches_central_differences_in_float64(string name)
    {
        var test = TensorCases.Named(name);
        var inputs = test.Inputs(DType.Float64, new RandomGenerator(7));
        var (_, gradients) = test.Generated(inputs);
        const double step = 1e-6;
        for (var k = 0; k < test.Differentiated.Length; k++)
        {
            var input = inputs[test.Differentiated[k]];
            var values = input.ToArray();
            var expected = new double[values.Length];
            for (var e = 0; e < values.Length; e++)
            {
                expected[e] = (Evaluate(test, inputs, k, values, e, step) - Evaluate(test, inputs, k, values, e, -step)) / (2 * step);
            }

            AssertClose(expected, gradients[k].ToArray(), 1e-6, $"{name}: d{k}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_value_equals_the_original_value_and_records_nothing(string name)
    {
        var test = TensorCases.Named(name);
        var inputs = test.Inputs(DType.Float64, new RandomGenerator(11));
        foreach (var index in test.Differentiated)
        {
            inputs[index].RequiresGrad = true;
        }

        var (value, gradients) = test.Generated(inputs);
        Assert.Equal(test.Original(inputs).ToArray(), value.ToArray());
        Assert.Null(value.GradFn);
        Assert.All(gradients, g => Assert.Null(g.GradFn));
        Assert.All(test.Differentiated, i => Assert.Null(inputs[i].Grad));
    }

    private static double Evaluate(TensorCase test, Tensor[] inputs, int k, double[] values, int element, double step)
    {
        var shifted = (double[])values.Clone();
        shifted[element] += step;
        var copy = (Tensor[])inputs.Clone();
        copy[test.Differentiated[k]] = Tensor.From(shifted, inputs[test.Differentiated[k]].Shape);
        using (Autograd.NoGrad())
        {
            return test.Original(copy).Item();
        }
    }

    private static void MatchesTape(TensorCase test, DType dtype, double tolerance)
    {
        var inputs = test.Inputs(dtype, new RandomGenerator(3));
        foreach (var index in test.Differentiated)
        {
            inputs[index].RequiresGrad = true;
        }

        var taped = test.Original(inputs);
        taped.Backward();
        var (value, gradients) = test.Generated(inputs);
        AssertClose(taped.ToArray(), value.ToArray(), tolerance, test.Name + ": value");
        for (var k = 0; k < test.Differentiated.Length; k++)
        {
            var input = inputs[test.Differentiated[k]];
            Assert.Equal(input.DType, gradients[k].DType);
            Assert.Equal(input.Shape, gradients[k].Shape);
            AssertClose(input.Grad!.ToArray(), gradients[k].ToArray(), tolerance, $"{test.Name}: d{k}");
        }
    }

    /// <summary>|a - b| ≤ tolerance (1 + |a|), element by element.</summary>
    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])),
                $"{what}[{i}]: expected {expected[i]:R}, generated {actual[i]:R}");
        }
    }
}
