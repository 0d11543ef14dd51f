using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AutogradGen.Benchmarks.Benchmarks;

namespace AutogradGen.TapeProbe;

/// <summary>
/// Times the benchmark classes' tape cases (and their hand-written baselines) with a Stopwatch: a warm-up, then
/// <c>rounds</c> rounds of at least <c>ms</c> milliseconds each; prints per case the fastest and the median round's
/// time per call, the bytes allocated per call and the gen-2 collections per 100 calls, and the fastest and median process CPU time per call, one tab-separated line each.
/// BenchmarkDotNet builds a project per run, which takes minutes on a loaded machine; this probe lets two builds of
/// the same cases run in turn in separate processes (A, B, A, B, ...) so that load drifts hit both alike.
/// Usage: AutogradGen.TapeProbe [--rounds 7] [--ms 150] [--filter substring]...
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        int rounds = 7;
        int milliseconds = 150;
        var filters = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--ms": milliseconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--filter": filters.Add(args[++i]); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        Console.WriteLine("case\tbest_us\tmedian_us\tbytes_per_call\tgen2_per_100\tcpu_best_us\tcpu_median_us");
        foreach (var (name, make) in Cases())
        {
            if (filters.Count > 0 && !filters.Exists(f => name.Contains(f, StringComparison.OrdinalIgnoreCase))) continue;
            var call = make();
            Measure(name, call, rounds, milliseconds);
        }
        return 0;
    }

    private static IEnumerable<(string Name, Func<Func<double>> Make)> Cases()
    {
        yield return ("TapeOverhead.PlainDoubles", () => new TapeOverheadBenchmarks().PlainDoubles);
        yield return ("TapeOverhead.TapeForwardAndBackward", () => new TapeOverheadBenchmarks().TapeForwardAndBackward);
        yield return ("TapeOverhead.TapeForwardOnly", () => new TapeOverheadBenchmarks().TapeForwardOnly);
        yield return ("TapeOverhead.TensorsWithoutTape", () => new TapeOverheadBenchmarks().TensorsWithoutTape);
        yield return ("Elementwise.SpanLoopAdd", () => Setup(new ElementwiseBenchmarks(), b => b.Setup()).SpanLoopAdd);
        yield return ("Elementwise.TensorAdd", () => Setup(new ElementwiseBenchmarks(), b => b.Setup()).TensorAdd);
        yield return ("Elementwise.TensorExp", () => Setup(new ElementwiseBenchmarks(), b => b.Setup()).TensorExp);
        yield return ("Elementwise.TapeMulSumGradient", () => Setup(new ElementwiseBenchmarks(), b => b.Setup()).TapeMulSumGradient);
        yield return ("LogisticRegression.HandWrittenGradient", () => Setup(new LogisticRegressionBenchmarks(), b => b.Setup()).HandWrittenGradient);
        yield return ("LogisticRegression.TapeGradient", () => Setup(new LogisticRegressionBenchmarks(), b => b.Setup()).TapeGradient);
        yield return ("ExtendedRosenbrock1e3.TapeGradient", () => Setup(new ExtendedRosenbrockBenchmarks { N = 1_000 }, b => b.Setup()).TapeGradient);
        yield return ("ExtendedRosenbrock1e6.TapeGradient", () => Setup(new ExtendedRosenbrockBenchmarks { N = 1_000_000 }, b => b.Setup()).TapeGradient);
        yield return ("GmmD2K5.TapeGradient", () => Setup(new GmmBenchmarks { Instance = "d2_k5_n1000" }, b => b.Setup()).TapeGradient);
        yield return ("GmmD10K25.TapeGradient", () => Setup(new GmmBenchmarks { Instance = "d10_k25_n1000" }, b => b.Setup()).TapeGradient);
        yield return ("MlpStep.HandWrittenStep", () => Setup(new MlpStepBenchmarks(), b => b.Setup()).HandWrittenStep);
        yield return ("MlpStep.TapeStep", () => Setup(new MlpStepBenchmarks(), b => b.Setup()).TapeStep);
        yield return ("ElementwiseChain.HandWrittenGradient", () => Setup(new ElementwiseChainBenchmarks(), b => b.Setup()).HandWrittenGradient);
        yield return ("ElementwiseChain.TapeGradient", () => Setup(new ElementwiseChainBenchmarks(), b => b.Setup()).TapeGradient);
    }

    private static T Setup<T>(T benchmark, Action<T> setup)
    {
        setup(benchmark);
        return benchmark;
    }

    // CPU time of the whole process (all threads: the GC's and the GEMM's workers too), which other processes on a
    // loaded machine inflate far less than wall time: time spent waiting for a core is not counted.
    private static double ProcessCpuMicroseconds()
    {
        if (ClockGetTime(ClockProcessCpuTimeId, out var time) != 0) return double.NaN;
        return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
    }

    private const int ClockProcessCpuTimeId = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static void Measure(string name, Func<double> call, int rounds, int milliseconds)
    {
        double sink = 0;
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 2 * milliseconds) sink += call();

        var perCall = new double[rounds];
        var cpuPerCall = new double[rounds];
        long bytes = 0, calls = 0;
        int gen2 = GC.CollectionCount(2);
        for (int r = 0; r < rounds; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            double cpuBefore = ProcessCpuMicroseconds();
            var watch = Stopwatch.StartNew();
            long n = 0;
            do
            {
                sink += call();
                n++;
            }
            while (watch.ElapsedMilliseconds < milliseconds);
            watch.Stop();
            cpuPerCall[r] = (ProcessCpuMicroseconds() - cpuBefore) / n;
            bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            calls += n;
            perCall[r] = watch.Elapsed.TotalMicroseconds / n;
        }
        gen2 = GC.CollectionCount(2) - gen2;
        Array.Sort(perCall);
        Array.Sort(cpuPerCall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}\t{perCall[0]:F2}\t{perCall[rounds / 2]:F2}\t{bytes / calls}\t{100.0 * gen2 / calls:F2}\t{cpuPerCall[0]:F2}\t{cpuPerCall[rounds / 2]:F2}"));
        if (double.IsNaN(sink)) Console.Error.WriteLine($"{name}: NaN");
    }
}
