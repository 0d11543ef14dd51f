namespace AutogradGen.Samples;

/// <summary>The command line of the samples program: which samples to run and where their files go.</summary>
/// <param name="Names">The samples to run, by name; empty for all.</param>
/// <param name="Help">--help / --list: print the usage and the samples, run nothing.</param>
/// <param name="FilesFolder">Where the graphs (.dot/.svg) and loss curves (.png) go; null with --no-files.</param>
/// <param name="Progress">Progress bars on a terminal; --no-progress turns them off (they never appear in redirected output).</param>
internal sealed record SampleOptions(IReadOnlyList<string> Names, bool Help, string? FilesFolder, bool Progress)
{
    /// <summary>Where the files go unless --out says otherwise (under artifacts/, which git ignores).</summary>
    public const string DefaultFilesFolder = "artifacts/samples";

    public static readonly string[] Usage =
    [
        "usage: dotnet run --project samples/AutogradGen.Samples [-- [options] [<sample>...]]",
        "",
        "Runs the samples (all of them, in order, or the ones named) and prints what each prints.",
        "",
        "options:",
        "  -h, --help, -l, --list   print this help and the samples, run nothing",
        $"  -o, --out <folder>       write the seeds' graphs (.dot, and .svg when Graphviz's 'dot' is on the PATH) and the",
        $"                           loss curves (.png) there (default: {DefaultFilesFolder})",
        "  --no-files               write no files",
        "  --no-progress            no progress bars (they are drawn only on a terminal, never into redirected output)",
    ];

    /// <summary>Reads the arguments; a message says what is wrong with them.</summary>
    public static SampleOptions Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var names = new List<string>();
        bool help = false, progress = true, files = true;
        string folder = DefaultFilesFolder;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help" or "-l" or "--list":
                    help = true;
                    break;
                case "-o" or "--out" when i + 1 < args.Count:
                    folder = args[++i];
                    break;
                case "-o" or "--out":
                    error = $"{args[i]} needs a folder: {args[i]} <folder>.";
                    break;
                case "--no-files":
                    files = false;
                    break;
                case "--no-progress":
                    progress = false;
                    break;
                case var option when option.StartsWith('-'):
                    error = $"There is no option '{option}'.";
                    break;
                case var name:
                    names.Add(name);
                    break;
            }
        }

        return new SampleOptions(names, help, files ? folder : null, progress);
    }
}
