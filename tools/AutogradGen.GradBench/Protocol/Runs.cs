using System.Diagnostics;
using System.Text.Json;

namespace AutogradGen.GradBench.Protocol;

/// <summary>
/// GradBench's repetition: run the function at least <c>min_runs</c> times and until the runs add up to
/// <c>min_seconds</c> (the reference's <c>for (i = 0; i &lt; min_runs || elapsed &lt; min_seconds; i++)</c>), timing
/// each run alone. Turning the parsed JSON into the function's arrays is timed once, as <c>prepare</c>, the name
/// GradBench's C++ tools give it; writing the output is not timed.
/// </summary>
internal static class Runs
{
    /// <summary>Prepares the input, runs <paramref name="run"/> as often as the input asks, and keeps the last output.</summary>
    public static Evaluation Measure<TInput, TOutput>(
        JsonElement input, Func<JsonElement, TInput> prepare, Func<TInput, TOutput> run, Action<Utf8JsonWriter, TOutput> write)
    {
        var (minRuns, minSeconds) = Read(input);
        var timings = new List<Timing>();

        long start = Stopwatch.GetTimestamp();
        TInput prepared = prepare(input);
        timings.Add(new Timing("prepare", ElapsedNanoseconds(start)));

        TOutput output = default!;
        double elapsedSeconds = 0;
        for (int i = 0; i < minRuns || elapsedSeconds < minSeconds; i++)
        {
            start = Stopwatch.GetTimestamp();
            output = run(prepared);
            long nanoseconds = ElapsedNanoseconds(start);
            timings.Add(new Timing("evaluate", nanoseconds));
            elapsedSeconds += nanoseconds / 1e9;
        }

        return new Evaluation(writer => write(writer, output), timings);
    }

    /// <summary><c>min_runs</c> (default 1, at least 1) and <c>min_seconds</c> (default 0) of an input object.</summary>
    public static (int MinRuns, double MinSeconds) Read(JsonElement input)
    {
        int minRuns = 1;
        double minSeconds = 0;
        if (input.ValueKind == JsonValueKind.Object)
        {
            if (input.TryGetProperty("min_runs", out var runs)) minRuns = Json.Int(runs, "min_runs");
            if (input.TryGetProperty("min_seconds", out var seconds)) minSeconds = Json.Number(seconds, "min_seconds");
        }

        if (minRuns < 1) throw new EvalInputException($"min_runs must be at least 1, got {minRuns}");
        if (!(minSeconds >= 0)) throw new EvalInputException($"min_seconds must be a number >= 0, got {minSeconds}");
        return (minRuns, minSeconds);
    }

    private static long ElapsedNanoseconds(long start)
    {
        long ticks = Stopwatch.GetTimestamp() - start;
        return (long)(ticks * (1e9 / Stopwatch.Frequency));
    }
}
