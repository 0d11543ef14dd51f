using System.Globalization;
using AutogradGen.Benchmarks.Benchmarks;
using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Tests.Support;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Tests.Harness;

public class SmokeRunnerTests
{
    /// <summary>Every case the benchmark project defines: adding a benchmark means adding it here too.</summary>
    private static readonly string[] AllCases =
    [
        "ExtendedRosenbrockBenchmarks.Primal(N=1000)",
        "ExtendedRosenbrockBenchmarks.HandWrittenGradient(N=1000)",
        "ExtendedRosenbrockBenchmarks.GeneratedGradient(N=1000)",
        "ExtendedRosenbrockBenchmarks.GeneratedGradientByPairs(N=1000)",
        "ExtendedRosenbrockBenchmarks.TapeGradient(N=1000)",
        "ExtendedRosenbrockBenchmarks.Primal(N=1000000)",
        "ExtendedRosenbrockBenchmarks.HandWrittenGradient(N=1000000)",
        "ExtendedRosenbrockBenchmarks.GeneratedGradient(N=1000000)",
        "ExtendedRosenbrockBenchmarks.GeneratedGradientByPairs(N=1000000)",
        "ExtendedRosenbrockBenchmarks.TapeGradient(N=1000000)",
        "ElementwiseBenchmarks.SpanLoopAdd()",
        "ElementwiseBenchmarks.TensorAdd()",
        "ElementwiseBenchmarks.SpanLoopExp()",
        "ElementwiseBenchmarks.TensorExp()",
        "ElementwiseBenchmarks.SpanLoopMulSumGradient()",
        "ElementwiseBenchmarks.TapeMulSumGradient()",
        "GmmBenchmarks.Primal(Instance=d10_k25_n1000)",
        "GmmBenchmarks.HandWrittenGradient(Instance=d10_k25_n1000)",
        "GmmBenchmarks.GeneratedGradient(Instance=d10_k25_n1000)",
        "GmmBenchmarks.TapeGradient(Instance=d10_k25_n1000)",
        "GmmBenchmarks.Primal(Instance=d2_k3_n1)",
        "GmmBenchmarks.HandWrittenGradient(Instance=d2_k3_n1)",
        "GmmBenchmarks.GeneratedGradient(Instance=d2_k3_n1)",
        "GmmBenchmarks.TapeGradient(Instance=d2_k3_n1)",
        "GmmBenchmarks.Primal(Instance=d2_k5_n1000)",
        "GmmBenchmarks.HandWrittenGradient(Instance=d2_k5_n1000)",
        "GmmBenchmarks.GeneratedGradient(Instance=d2_k5_n1000)",
        "GmmBenchmarks.TapeGradient(Instance=d2_k5_n1000)",
        "GeneratorBenchmarks.FullRun(MethodCount=100)",
        "GeneratorBenchmarks.IncrementalRunAfterOneLineEdit(MethodCount=100)",
        "GeneratorBenchmarks.FloorIncrementalRunAfterOneLineEdit(MethodCount=100)",
        "GeneratorBenchmarks.FloorPerTypeIncrementalRunAfterOneLineEdit(MethodCount=100)",
        "GeneratorBenchmarks.FloorSingleFileIncrementalRunAfterOneLineEdit(MethodCount=100)",
        "GeneratorBenchmarks.FullRun(MethodCount=1000)",
        "GeneratorBenchmarks.IncrementalRunAfterOneLineEdit(MethodCount=1000)",
        "GeneratorBenchmarks.FloorIncrementalRunAfterOneLineEdit(MethodCount=1000)",
        "GeneratorBenchmarks.FloorPerTypeIncrementalRunAfterOneLineEdit(MethodCount=1000)",
        "GeneratorBenchmarks.FloorSingleFileIncrementalRunAfterOneLineEdit(MethodCount=1000)",
        "LogisticRegressionBenchmarks.Primal()",
        "LogisticRegressionBenchmarks.HandWrittenGradient()",
        "LogisticRegressionBenchmarks.GeneratedGradient()",
        "LogisticRegressionBenchmarks.TapeGradient()",
        "LogisticRegressionBenchmarks.GeneratedTensorGradient()",
        "Rosenbrock2DBenchmarks.Primal()",
        "Rosenbrock2DBenchmarks.HandWrittenGradient()",
        "Rosenbrock2DBenchmarks.GeneratedGradient()",
        "Rosenbrock2DBenchmarks.ForwardDirectionalDerivative()",
        "Rosenbrock2DBenchmarks.ForwardGradient()",
        "Rosenbrock2DBenchmarks.TapeGradient()",
        "TapeOverheadBenchmarks.PlainDoubles()",
        "TapeOverheadBenchmarks.TapeForwardAndBackward()",
        "TapeOverheadBenchmarks.TapeForwardOnly()",
        "TapeOverheadBenchmarks.TensorsWithoutTape()",
        "ElementwiseChainBenchmarks.HandWrittenGradient()",
        "ElementwiseChainBenchmarks.HandWrittenValue()",
        "ElementwiseChainBenchmarks.TapeGradient()",
        "GemmBenchmarks.LoopDouble512()",
        "GemmBenchmarks.GemmDouble512()",
        "GemmBenchmarks.LoopFloat512()",
        "GemmBenchmarks.GemmFloat512()",
        "GemmBenchmarks.LoopMlpForward()",
        "GemmBenchmarks.GemmMlpForward()",
        "GemmBenchmarks.GemmMlpWeightGradient()",
        "GemmBenchmarks.GemmMlpInputGradient()",
        "MlpStepBenchmarks.HandWrittenStep()",
        "MlpStepBenchmarks.TapeStep()",
        "HessianVectorProductBenchmarks.GeneratedGradient(Objective=ExtendedRosenbrock)",
        "HessianVectorProductBenchmarks.GeneratedHessianVectorProduct(Objective=ExtendedRosenbrock)",
        "HessianVectorProductBenchmarks.GeneratedGradient(Objective=SoftplusChain)",
        "HessianVectorProductBenchmarks.GeneratedHessianVectorProduct(Objective=SoftplusChain)",
        "BaBenchmarks.Objective(Instance=test)",
        "BaBenchmarks.Jacobian(Instance=test)",
        "BaBenchmarks.JacobianRefill(Instance=test)",
        "BaBenchmarks.Objective(Instance=ba1_n49_m7776_p31843)",
        "BaBenchmarks.Jacobian(Instance=ba1_n49_m7776_p31843)",
        "BaBenchmarks.JacobianRefill(Instance=ba1_n49_m7776_p31843)",
        "HandBenchmarks.Objective(Instance=simple_small_hand1)",
        "HandBenchmarks.Jacobian(Instance=simple_small_hand1)",
        "HandBenchmarks.Objective(Instance=complicated_small_hand1)",
        "HandBenchmarks.Jacobian(Instance=complicated_small_hand1)",
    ];

    private static SmokeReport RunAll(params string[] filters) =>
        SmokeRunner.Run(SmokeRunner.BenchmarkTypesIn(typeof(GmmBenchmarks).Assembly), filters, TextWriter.Null);

    private static SmokeReport RunOnly<T>() => SmokeRunner.Run([typeof(T)], [], TextWriter.Null);

    [Fact]
    public void Smoke_run_runs_every_benchmark_case_once()
    {
        SmokeReport report = RunAll();

        Assert.Equal(AllCases.Order(StringComparer.Ordinal), report.Cases.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_benchmark_case_succeeds_in_the_smoke_run()
    {
        SmokeReport report = RunAll();

        Assert.DoesNotContain(report.Cases, c => !c.Succeeded);
        Assert.True(report.Succeeded);
    }

    [Fact]
    public void Smoke_run_sets_params_before_the_global_setup()
    {
        SmokeCaseResult result = RunAll("*Gmm*").Cases.Single(c => c.Name == "GmmBenchmarks.Primal(Instance=d2_k3_n1)");

        Tolerance.AssertClose(8.07380408004975791, double.Parse(result.Detail, CultureInfo.InvariantCulture), 1e-8, "GMM objective on test.txt");
    }

    [Fact]
    public void Smoke_run_keeps_only_the_cases_the_filter_matches()
    {
        SmokeReport report = RunAll("*Rosenbrock2D*");

        Assert.Equal(
            AllCases.Where(c => c.StartsWith("Rosenbrock2DBenchmarks.", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            report.Cases.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_filter_that_matches_nothing_is_a_failed_run()
    {
        Assert.False(RunAll("*NoSuchBenchmark*").Succeeded);
    }

    [Fact]
    public void A_throwing_benchmark_fails_with_its_exception()
    {
        SmokeCaseResult result = Assert.Single(RunOnly<ThrowingBenchmarks>().Cases);

        Assert.Equal((false, "threw InvalidOperationException: the workload broke"), (result.Succeeded, result.Detail));
    }

    [Fact]
    public void A_benchmark_returning_NaN_fails()
    {
        SmokeCaseResult result = Assert.Single(RunOnly<NaNBenchmarks>().Cases);

        Assert.Equal((false, "returned a non-finite value, NaN."), (result.Succeeded, result.Detail));
    }

    [Fact]
    public void A_benchmark_leaving_an_infinite_gradient_entry_fails()
    {
        SmokeCaseResult result = Assert.Single(RunOnly<InfiniteGradientBenchmarks>().Cases);

        Assert.Equal((false, "left a non-finite gradient entry 1: Infinity."), (result.Succeeded, result.Detail));
    }

    public class ThrowingBenchmarks
    {
        [Benchmark]
        public double Primal() => throw new InvalidOperationException("the workload broke");
    }

    public class NaNBenchmarks
    {
        [Benchmark]
        public double Primal() => double.NaN;
    }

    public class InfiniteGradientBenchmarks : IGradientOutput
    {
        private readonly double[] _gradient = new double[2];

        public ReadOnlySpan<double> LastGradient => _gradient;

        [Benchmark]
        public double HandWrittenGradient()
        {
            _gradient[1] = double.PositiveInfinity;
            return 1.0;
        }
    }
}
