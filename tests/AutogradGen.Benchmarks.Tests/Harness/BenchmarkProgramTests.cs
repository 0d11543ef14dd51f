using AutogradGen.Benchmarks.Benchmarks;
using AutogradGen.Benchmarks.Harness;

namespace AutogradGen.Benchmarks.Tests.Harness;

public class BenchmarkProgramTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = BenchmarkProgram.Run(args, typeof(GmmBenchmarks).Assembly, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Smoke_mode_exits_zero_when_every_case_passes()
    {
        var (exitCode, output, _) = Run("--smoke");

        Assert.Equal(0, exitCode);
        Assert.EndsWith($"80 of 80 benchmark cases ran once and gave finite results.{Environment.NewLine}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Smoke_mode_exits_one_when_the_filter_matches_nothing()
    {
        var (exitCode, output, _) = Run("--smoke", "--filter", "*NoSuchBenchmark*");

        Assert.Equal((1, $"No benchmark case matched the filter.{Environment.NewLine}"), (exitCode, output));
    }

    [Fact]
    public void Conflicting_modes_exit_two_with_the_reason()
    {
        var (exitCode, _, error) = Run("--smoke", "--full");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Choose one of --short, --full and --smoke", error, StringComparison.Ordinal);
    }
}
