using AutogradGen.Benchmarks.Harness;

namespace AutogradGen.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/AutogradGen.Benchmarks -- [--short|--full|--smoke] [--filter *Gmm*]
/// (docs/BENCHMARKS.md).
/// </summary>
internal static class Program
{
    private static int Main(string[] args) =>
        BenchmarkProgram.Run(args, typeof(Program).Assembly, Console.Out, Console.Error);
}
