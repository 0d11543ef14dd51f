using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Generated Jacobians of vector-valued methods against the tape's <c>Autograd.Functional.Jacobian</c> (both of its
/// strategies) of the same computation written with tensors: two independent differentiations must agree to rounding.
/// </summary>
public class VectorValuedTapeTests
{
    private static Tensor At(Tensor x, int i) => x[i];

    private static readonly Dictionary<string, Func<Tensor, Tensor>> s_tape = new()
    {
        ["cartesian to polar"] = p => Tensor.Stack([(At(p, 0) * At(p, 0) + At(p, 1) * At(p, 1)).Sqrt(), At(p, 1).Atan2(At(p, 0))]),
        ["polar to cartesian"] = p => Tensor.Stack([At(p, 0) * At(p, 1).Cos(), At(p, 0) * At(p, 1).Sin()]),
        ["spherical to cartesian"] = s => Tensor.Stack([
            At(s, 0) * At(s, 1).Sin() * At(s, 2).Cos(), At(s, 0) * At(s, 1).Sin() * At(s, 2).Sin(), At(s, 0) * At(s, 1).Cos()]),
        ["softmax"] = x => (x - x.Max().Detach()).Exp() / (x - x.Max().Detach()).Exp().Sum(),
        ["log-softmax"] = x => x - x.Exp().Sum().Log(),
        ["normalize"] = x => x / (x * x).Sum().Sqrt(),
        ["cross product"] = x => Tensor.Stack([
            At(x, 1) * At(x, 5) - At(x, 2) * At(x, 4), At(x, 2) * At(x, 3) - At(x, 0) * At(x, 5), At(x, 0) * At(x, 4) - At(x, 1) * At(x, 3)]),
        ["Rosenbrock residuals"] = x => Tensor.Stack(Enumerable.Range(0, 3)
            .SelectMany(i => new[] { 10 * (At(x, i + 1) - At(x, i) * At(x, i)), 1 - At(x, i) }).ToArray()),
        ["cumulative product"] = x => Tensor.Stack([At(x, 0), At(x, 0) * At(x, 1), At(x, 0) * At(x, 1) * At(x, 2), At(x, 0) * At(x, 1) * At(x, 2) * At(x, 3)]),
        ["dense tanh layer"] = x => Tensor.Stack(Enumerable.Range(0, 2)
            .Select(i => (At(x, 9 + i) + At(x, 3 * i) * At(x, 6) + At(x, 3 * i + 1) * At(x, 7) + At(x, 3 * i + 2) * At(x, 8)).Tanh()).ToArray()),
    };

    public static TheoryData<string> Names => [.. s_tape.Keys];

    public static TheoryData<string> TwinNames => [.. VectorValuedTests.Corpus.Where(c => c.Tape is not null).Select(c => c.Name)];

    [Fact]
    public void The_corpus_has_at_least_forty_functions_each_with_a_tape_twin()
    {
        Assert.True(VectorValuedTests.Corpus.Length >= 40, $"{VectorValuedTests.Corpus.Length} functions");
        Assert.All(VectorValuedTests.Corpus, c => Assert.NotNull(c.Tape));
    }

    /// <summary>
    /// The generated Jacobian against Autograd.Functional.Jacobian over the method's own tape twin ({Name}Tape, one 0-d
    /// tensor per result), both strategies: the generated code and the tape run the same body through two engines.
    /// </summary>
    [Theory]
    [MemberData(nameof(TwinNames))]
    public void Generated_jacobian_matches_the_jacobian_of_the_tape_twin(string name)
    {
        var c = VectorValuedTests.Corpus.Single(k => k.Name == name);
        var generated = new double[c.Results * c.X.Length];
        c.Dense(c.X, new double[c.Results], generated);
        foreach (var strategy in new[] { JacobianStrategy.ReverseMode, JacobianStrategy.ForwardMode })
        {
            var tape = Autograd.Functional.Jacobian(c.Tape!, Tensor.From(c.X), vectorize: strategy == JacobianStrategy.ForwardMode, strategy: strategy);
            Assert.Equal(new[] { c.Results, c.X.Length }, tape.Shape.ToArray());
            var expected = tape.ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - generated[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"{name} ({strategy}) entry {i}: tape {expected[i]:R}, generated {generated[i]:R}");
            }
        }

        // The twin's values are the original's.
        var values = new double[c.Results];
        c.F(c.X, values);
        var twinValues = c.Tape!(Tensor.From(c.X)).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], twinValues[i], 1e-13);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_jacobian_matches_the_tape_jacobian(string name)
    {
        var c = VectorValuedTests.Corpus.Single(k => k.Name == name);
        var generated = new double[c.Results * c.X.Length];
        c.Dense(c.X, new double[c.Results], generated);
        foreach (var strategy in new[] { JacobianStrategy.ReverseMode, JacobianStrategy.ForwardMode })
        {
            var tape = Autograd.Functional.Jacobian(s_tape[name], Tensor.From(c.X), vectorize: strategy == JacobianStrategy.ForwardMode, strategy: strategy);
            Assert.Equal(new[] { c.Results, c.X.Length }, tape.Shape.ToArray());
            var expected = tape.ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - generated[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"{name} ({strategy}) entry {i}: tape {expected[i]:R}, generated {generated[i]:R}");
            }
        }
    }
}
