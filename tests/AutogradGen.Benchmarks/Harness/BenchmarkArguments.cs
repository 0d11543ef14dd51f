namespace AutogradGen.Benchmarks.Harness;

/// <summary>How the program was asked to run.</summary>
public enum RunMode
{
    /// <summary>BenchmarkDotNet, ShortRun-like job (the default).</summary>
    Short,

    /// <summary>BenchmarkDotNet, default job.</summary>
    Full,

    /// <summary>Every case once, plain calls, for CI.</summary>
    Smoke,
}

/// <summary>
/// The program's own switches (--short, --full, --smoke) taken out of the arguments; the rest goes to
/// BenchmarkDotNet unchanged. Without a --filter, every benchmark runs (rather than BenchmarkDotNet's prompt).
/// </summary>
/// <param name="Mode">How to run.</param>
/// <param name="Filters">The --filter globs (used by the smoke run; BenchmarkDotNet reads them itself).</param>
/// <param name="BenchmarkDotNetArguments">Everything BenchmarkDotNet should see.</param>
public sealed record BenchmarkArguments(RunMode Mode, IReadOnlyList<string> Filters, IReadOnlyList<string> BenchmarkDotNetArguments)
{
    /// <summary>Parses the program's arguments.</summary>
    /// <exception cref="ArgumentException">More than one of --short, --full, --smoke was given.</exception>
    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        RunMode? mode = null;
        var rest = new List<string>();
        var filters = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            RunMode? switchMode = args[i] switch
            {
                "--short" => RunMode.Short,
                "--full" => RunMode.Full,
                "--smoke" => RunMode.Smoke,
                _ => null,
            };
            if (switchMode is { } chosen)
            {
                if (mode is not null && mode != chosen)
                {
                    throw new ArgumentException(
                        $"Choose one of --short, --full and --smoke; both --{mode.Value.ToString().ToLowerInvariant()} and {args[i]} were given.",
                        nameof(args));
                }

                mode = chosen;
                continue;
            }

            rest.Add(args[i]);
            if (args[i] is "--filter" or "-f")
            {
                for (; i + 1 < args.Count && !args[i + 1].StartsWith('-'); i++)
                {
                    filters.Add(args[i + 1]);
                    rest.Add(args[i + 1]);
                }
            }
        }

        if (filters.Count == 0)
        {
            rest.AddRange(["--filter", "*"]);
        }

        return new BenchmarkArguments(mode ?? RunMode.Short, filters, rest);
    }
}
