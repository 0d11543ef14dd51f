using System.Diagnostics;

namespace AutogradGen.Packaging.Tests;

/// <summary>
/// The repository as a newcomer's clone has it: only the files git tracks (with their working-tree contents, so an
/// uncommitted edit is tested too, and new files that are not ignored), copied into a fresh temporary folder with
/// nothing beside it (no <c>../shared</c>, no bin/obj, no packages). The copy is made a git repository of its own, as
/// a clone is, so that the tests it runs can copy it again. The README's commands run in it, literally. Deleted afterwards.
/// </summary>
public sealed class CleanCopy : IDisposable
{
    private readonly Lazy<PackedPackage> _package;

    public CleanCopy()
    {
        Root = Directory.CreateTempSubdirectory("autogradgen-clean-copy-").FullName;
        Repository = Path.Combine(Root, "AutogradGen");
        var source = RepositoryRoot();
        foreach (var relative in TrackedFiles(source))
        {
            var from = Path.Combine(source, relative);
            if (!File.Exists(from)) continue; // deleted in the working tree but not yet in the index
            var to = Path.Combine(Repository, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }

        Git(Repository, "init", "--quiet");
        Git(Repository, "add", "--all");
        _package = new Lazy<PackedPackage>(() => new PackedPackage(this));
    }

    /// <summary>The temporary folder that holds the copy and nothing else.</summary>
    public string Root { get; }

    /// <summary>The copy of the repository (the folder holding AutogradGen.sln).</summary>
    public string Repository { get; }

    /// <summary>The package made in the copy by the README's pack command (made on first use).</summary>
    public PackedPackage Package => _package.Value;

    /// <summary>Runs one of the README's command lines, word for word, in the copy's root folder.</summary>
    public string Run(string commandLine, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        DotnetCli.RunCommandLine(Repository, environment ?? new Dictionary<string, string>(), commandLine, timeout);

    public void Dispose()
    {
        if (_package.IsValueCreated) _package.Value.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AutogradGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"AutogradGen.sln was not found above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }

    // Tracked files and untracked ones that are not ignored: what `git add --all && git commit` would put in a clone.
    private static IEnumerable<string> TrackedFiles(string repository) =>
        Git(repository, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal);

    private static string Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("These tests copy the repository's git-tracked files: install git and run them from a git clone.", error);
        }

        using (process)
        {
            var errorText = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed in {workingDirectory}:\n{errorText.Result}");
            return output;
        }
    }
}

/// <summary>The tests that share one clean copy of the repository (they run one after another, never at once).</summary>
[CollectionDefinition(Name)]
public sealed class CleanCopyCollection : ICollectionFixture<CleanCopy>
{
    public const string Name = "a clean copy of the repository";
}
