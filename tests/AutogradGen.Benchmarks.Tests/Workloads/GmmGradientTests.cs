using AutogradGen.Benchmarks.Tests.Support;
using AutogradGen.Benchmarks.Workloads.Gmm;

namespace AutogradGen.Benchmarks.Tests.Workloads;

public class GmmGradientTests
{
    /// <summary>ADBench's reference gradient for gmm/test.txt (tests/Data/adbench/README.md).</summary>
    private static readonly double[] ExpectedTestGradient =
    [
        0.108662855508652456, -0.741270039523898472, 0.632607184015246071,
        1.11692576532787013, 0.163333013551455269, -0.0219989824071193142,
        0.227778292254236098, 1.20963025612832187, -0.0606375920733956339,
        2.58529994051162237, 0.112632694524213789, 0.385744309849611777,
        0.0735180573182305508, 5.41836362715595232, -0.321494409677446469,
        1.71892309775004937, 0.860091090790866875, -0.994640930466322848,
    ];

    public static TheoryData<int> TestGradientIndices => [.. Enumerable.Range(0, 18)];

    private static double[] GradientOf(GmmInstance instance, out double value)
    {
        var gradient = new double[instance.ParameterCount];
        value = GmmHandWrittenGradient.ValueAndGradient(instance, instance.Parameters, gradient, new GmmWorkspace(instance));
        return gradient;
    }

    private static void AssertMatchesCentralDifferences(GmmInstance instance, IEnumerable<int> indices)
    {
        var workspace = new GmmWorkspace(instance);
        double[] parameters = instance.Parameters.ToArray();
        double[] gradient = GradientOf(instance, out _);
        FiniteDifferences.AssertGradientMatches(
            p => GmmObjective.Value(instance, p, workspace), parameters, gradient, indices, tolerance: 1e-7);
    }

    [Theory]
    [MemberData(nameof(TestGradientIndices))]
    public void Gradient_entry_on_test_txt_matches_ADBench(int index)
    {
        double[] gradient = GradientOf(GmmCases.Load(GmmCases.Test), out _);

        Tolerance.AssertClose(ExpectedTestGradient[index], gradient[index], 1e-8, $"gradient entry {index}");
    }

    [Fact]
    public void Gradient_on_test_txt_has_eighteen_entries()
    {
        Assert.Equal(ExpectedTestGradient.Length, GradientOf(GmmCases.Load(GmmCases.Test), out _).Length);
    }

    [Fact]
    public void Value_returned_with_the_gradient_is_the_objective()
    {
        GmmInstance instance = GmmCases.Load(GmmCases.D2K5);

        GradientOf(instance, out double value);

        Assert.Equal(GmmObjective.Value(instance, instance.Parameters, new GmmWorkspace(instance)), value, 1e-9);
    }

    [Fact]
    public void Gradient_overwrites_rather_than_accumulates()
    {
        GmmInstance instance = GmmCases.Load(GmmCases.Test);
        var workspace = new GmmWorkspace(instance);
        var gradient = new double[instance.ParameterCount];

        GmmHandWrittenGradient.ValueAndGradient(instance, instance.Parameters, gradient, workspace);
        GmmHandWrittenGradient.ValueAndGradient(instance, instance.Parameters, gradient, workspace);

        Tolerance.AssertClose(ExpectedTestGradient[0], gradient[0], 1e-8, "gradient entry 0 after two calls");
    }

    [Fact]
    public void Gradient_on_gmm_d2_K5_matches_central_differences_in_all_thirty_entries()
    {
        AssertMatchesCentralDifferences(GmmCases.Load(GmmCases.D2K5), Enumerable.Range(0, 30));
    }

    [Fact]
    public void Gradient_with_a_nontrivial_Wishart_prior_matches_central_differences()
    {
        // γ ≠ 1 and m > 0 exercise the prior's terms that ADBench's files leave at their neutral values.
        GmmInstance drawn = GmmRandomInstance.Create(dimension: 4, componentCount: 3, pointCount: 40, seed: 11);
        var instance = new GmmInstance(4, 3, drawn.Parameters.ToArray(), drawn.Points.ToArray(), wishartGamma: 1.7, wishartM: 2);

        AssertMatchesCentralDifferences(instance, Enumerable.Range(0, instance.ParameterCount));
    }

    [Fact]
    public void Gradient_on_the_d10_k25_benchmark_instance_matches_central_differences_on_every_thirteenth_entry()
    {
        GmmInstance instance = GmmCases.Load(GmmCases.D10K25);

        // 1,650 entries × 2 objective evaluations would take too long; a stride of 13 reaches alphas, means,
        // log-diagonals and lower-triangle entries of many components.
        AssertMatchesCentralDifferences(instance, Enumerable.Range(0, instance.ParameterCount).Where(i => i % 13 == 0));
    }

    [Fact]
    public void Gradient_call_allocates_nothing()
    {
        GmmInstance instance = GmmCases.Load(GmmCases.D2K5);
        var workspace = new GmmWorkspace(instance);
        var gradient = new double[instance.ParameterCount];
        GmmHandWrittenGradient.ValueAndGradient(instance, instance.Parameters, gradient, workspace);

        long before = GC.GetAllocatedBytesForCurrentThread();
        GmmHandWrittenGradient.ValueAndGradient(instance, instance.Parameters, gradient, workspace);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_gradient_span_of_the_wrong_length_is_rejected()
    {
        GmmInstance instance = GmmCases.Load(GmmCases.Test);

        var error = Assert.Throws<ArgumentException>(() => GmmHandWrittenGradient.ValueAndGradient(
            instance, instance.Parameters, new double[17], new GmmWorkspace(instance)));

        Assert.StartsWith("The gradient has 17 entries but there are 18 parameters", error.Message, StringComparison.Ordinal);
    }
}
