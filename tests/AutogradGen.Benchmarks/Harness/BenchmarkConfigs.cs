using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace AutogradGen.Benchmarks.Harness;

/// <summary>The two ways to measure: short (seconds per case, for a quick look) and full (BenchmarkDotNet's default job).</summary>
public static class BenchmarkConfigs
{
    /// <summary>
    /// One launch, 3 warm-up and 3 measured iterations, like BenchmarkDotNet's ShortRun:
    /// a few seconds per case, good for spotting large changes, not for 5% differences.
    /// </summary>
    public static IConfig Short() => Create(Job.ShortRun.WithId("Short"));

    /// <summary>BenchmarkDotNet's default job: as many iterations as the statistics need.</summary>
    public static IConfig Full() => Create(Job.Default.WithId("Full"));

    private static ManualConfig Create(Job job) =>
        DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            // The primals allocate nothing, so an allocation ratio against them is always NA: show bytes only.
            .HideColumns("Alloc Ratio")
            // Group by category so that each workload size gets its own baseline (the primal) and ratios.
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value));
}
