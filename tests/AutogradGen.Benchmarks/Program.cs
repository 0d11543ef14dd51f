using AutogradGen.Benchmarks.Harness;
using BenchmarkDotNet.Running;

namespace AutogradGen.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/AutogradGen.Benchmarks -- [--short|--full|--smoke] [--filter *Gmm*]
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        BenchmarkArguments arguments;
        try
        {
            arguments = BenchmarkArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var assembly = typeof(Program).Assembly;
        if (arguments.Mode == RunMode.Smoke)
        {
            SmokeReport report = SmokeRunner.Run(SmokeRunner.BenchmarkTypesIn(assembly), arguments.Filters, Console.Out);
            return report.Succeeded ? 0 : 1;
        }

        var config = arguments.Mode == RunMode.Full ? BenchmarkConfigs.Full() : BenchmarkConfigs.Short();
        var summaries = BenchmarkSwitcher.FromAssembly(assembly).Run([.. arguments.BenchmarkDotNetArguments], config);
        bool failed = !summaries.Any()
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
