using AutogradGen.Benchmarks.Harness;

namespace AutogradGen.Benchmarks.Tests.Harness;

public class BenchmarkArgumentsTests
{
    [Fact]
    public void No_switch_means_a_short_run_of_every_benchmark()
    {
        BenchmarkArguments parsed = BenchmarkArguments.Parse([]);

        Assert.Equal(RunMode.Short, parsed.Mode);
        Assert.Equal(["--filter", "*"], parsed.BenchmarkDotNetArguments);
    }

    [Theory]
    [InlineData("--short", RunMode.Short)]
    [InlineData("--full", RunMode.Full)]
    [InlineData("--smoke", RunMode.Smoke)]
    public void A_mode_switch_chooses_the_mode_and_is_not_passed_on(string flag, RunMode mode)
    {
        BenchmarkArguments parsed = BenchmarkArguments.Parse([flag, "--filter", "*Gmm*"]);

        Assert.Equal(mode, parsed.Mode);
        Assert.Equal(["--filter", "*Gmm*"], parsed.BenchmarkDotNetArguments);
    }

    [Fact]
    public void Every_glob_after_filter_is_collected()
    {
        BenchmarkArguments parsed = BenchmarkArguments.Parse(["--filter", "*Gmm*", "*Rosenbrock*", "--smoke"]);

        Assert.Equal(["*Gmm*", "*Rosenbrock*"], parsed.Filters);
    }

    [Fact]
    public void Other_arguments_go_to_BenchmarkDotNet_unchanged()
    {
        BenchmarkArguments parsed = BenchmarkArguments.Parse(["--full", "--exporters", "json", "-f", "*Gmm*"]);

        Assert.Equal(["--exporters", "json", "-f", "*Gmm*"], parsed.BenchmarkDotNetArguments);
    }

    [Fact]
    public void Two_different_modes_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkArguments.Parse(["--short", "--full"]));

        Assert.StartsWith("Choose one of --short, --full and --smoke; both --short and --full were given.", error.Message, StringComparison.Ordinal);
    }
}
