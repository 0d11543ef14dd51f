using AutogradGen.Benchmarks.Benchmarks;
using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Tests.Support;
using AutogradGen.Benchmarks.Workloads.Gmm;

namespace AutogradGen.Benchmarks.Tests.Benchmarks;

/// <summary>
/// Every new gradient case (generated, forward, tape) gives the objective and the gradient the hand-written case
/// gives, run exactly as the benchmark runs it: same class, same set-up, same buffer. So a table row can only
/// be fast by being right.
/// </summary>
public class GradientAgreementTests
{
    /// <summary>Generated and forward code differs from the hand-written code only in rounding.</summary>
    private const double GeneratedTolerance = 1e-12;

    /// <summary>
    /// Tensor code (the tape, and generated tensor methods) sums in another order (whole-tensor reductions) and uses
    /// log(1 + e) for log1p.
    /// </summary>
    private const double TapeTolerance = 1e-10;

    public static TheoryData<string> Rosenbrock2DCases => ["GeneratedGradient", "ForwardGradient", "TapeGradient"];

    public static TheoryData<int, string> ExtendedRosenbrockCases => new()
    {
        { 1_000, "GeneratedGradient" },
        { 1_000, "GeneratedGradientByPairs" },
        { 1_000, "TapeGradient" },
        { 1_000_000, "GeneratedGradient" },
        { 1_000_000, "GeneratedGradientByPairs" },
        { 1_000_000, "TapeGradient" },
    };

    public static TheoryData<string> GmmInstances => [GmmCases.Test, GmmCases.D2K5, GmmCases.D10K25];

    public static TheoryData<string> LogisticRegressionCases => ["GeneratedGradient", "TapeGradient", "GeneratedTensorGradient"];

    private static (double Value, double[] Gradient) Run<T>(T benchmark, string method)
        where T : IGradientOutput
    {
        object? value = typeof(T).GetMethod(method)!.Invoke(benchmark, null);
        return ((double)value!, benchmark.LastGradient.ToArray());
    }

    private static void AssertAgrees<T>(Func<T> create, Action<T> setup, string method, double tolerance)
        where T : IGradientOutput
    {
        T reference = create();
        setup(reference);
        (double expectedValue, double[] expectedGradient) = Run(reference, "HandWrittenGradient");
        T benchmark = create();
        setup(benchmark);

        (double value, double[] gradient) = Run(benchmark, method);

        Tolerance.AssertClose(expectedValue, value, tolerance, $"{method}'s value");
        Assert.Equal(expectedGradient.Length, gradient.Length);
        for (int i = 0; i < gradient.Length; i++)
        {
            Tolerance.AssertClose(expectedGradient[i], gradient[i], tolerance, $"{method}'s gradient entry {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Rosenbrock2DCases))]
    public void Rosenbrock_2D_gradient_case_agrees_with_the_hand_written_gradient(string method)
    {
        double tolerance = method == "TapeGradient" ? TapeTolerance : GeneratedTolerance;
        AssertAgrees(() => new Rosenbrock2DBenchmarks(), b => b.Setup(), method, tolerance);
    }

    [Fact]
    public void Rosenbrock_2D_forward_directional_derivative_is_the_x_partial_of_the_hand_written_gradient()
    {
        var reference = new Rosenbrock2DBenchmarks();
        reference.Setup();
        double[] expected = Run(reference, "HandWrittenGradient").Gradient;
        var forward = new Rosenbrock2DBenchmarks();
        forward.Setup();

        double[] actual = Run(forward, "ForwardDirectionalDerivative").Gradient;

        for (int i = 0; i < Rosenbrock2DBenchmarks.PointCount; i++)
        {
            Tolerance.AssertClose(expected[2 * i], actual[2 * i], GeneratedTolerance, $"∂f/∂x at point {i}");
        }
    }

    [Theory]
    [MemberData(nameof(ExtendedRosenbrockCases))]
    public void Extended_Rosenbrock_gradient_case_agrees_with_the_hand_written_gradient(int n, string method)
    {
        double tolerance = method == "TapeGradient" ? TapeTolerance : GeneratedTolerance;
        AssertAgrees(() => new ExtendedRosenbrockBenchmarks { N = n }, b => b.Setup(), method, tolerance);
    }

    [Theory]
    [MemberData(nameof(GmmInstances))]
    public void Generated_GMM_gradient_agrees_with_the_hand_written_gradient(string instance)
    {
        AssertAgrees(() => new GmmBenchmarks { Instance = instance }, b => b.Setup(), "GeneratedGradient", 1e-11);
    }

    [Theory]
    [MemberData(nameof(GmmInstances))]
    public void Tape_GMM_gradient_agrees_with_the_hand_written_gradient(string instance)
    {
        AssertAgrees(() => new GmmBenchmarks { Instance = instance }, b => b.Setup(), "TapeGradient", TapeTolerance);
    }

    [Theory]
    [MemberData(nameof(LogisticRegressionCases))]
    public void Logistic_regression_gradient_case_agrees_with_the_hand_written_gradient(string method)
    {
        double tolerance = method == "GeneratedGradient" ? GeneratedTolerance : TapeTolerance;
        AssertAgrees(() => new LogisticRegressionBenchmarks(), b => b.Setup(), method, tolerance);
    }
}
