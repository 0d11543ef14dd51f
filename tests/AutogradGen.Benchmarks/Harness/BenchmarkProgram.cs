using System.Reflection;
using BenchmarkDotNet.Running;

namespace AutogradGen.Benchmarks.Harness;

/// <summary>
/// What the program does, apart from its entry point so that tests can run the smoke path as CI does.
/// Exit codes: 0 every case ran, 1 a case failed (or none matched the filter), 2 the arguments were wrong.
/// </summary>
public static class BenchmarkProgram
{
    /// <summary>Runs the benchmarks of <paramref name="assembly"/> as <paramref name="args"/> ask.</summary>
    public static int Run(string[] args, Assembly assembly, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        BenchmarkArguments arguments;
        try
        {
            arguments = BenchmarkArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        if (arguments.Mode == RunMode.Smoke)
        {
            SmokeReport report = SmokeRunner.Run(SmokeRunner.BenchmarkTypesIn(assembly), arguments.Filters, output);
            return report.Succeeded ? 0 : 1;
        }

        var config = arguments.Mode == RunMode.Full ? BenchmarkConfigs.Full() : BenchmarkConfigs.Short();
        var summaries = BenchmarkSwitcher.FromAssembly(assembly).Run([.. arguments.BenchmarkDotNetArguments], config);
        bool failed = !summaries.Any()
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
