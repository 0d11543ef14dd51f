namespace AutogradGen.Benchmarks.Harness;

/// <summary>
/// Finds the shared data folder (ADBench files), which sits beside the repository: <c>../shared</c> from the
/// folder that holds AutogradGen.sln. Benchmarks run from BenchmarkDotNet's generated folders under bin/,
/// so the search walks up from the program's folder and from the current directory.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "AutogradGen.sln";

    /// <summary>The shared folder, found from the program's folder or the current directory.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither lies in the repository, or ../shared is missing.</exception>
    public static string FindSharedDirectory() =>
        FindSharedDirectory(AppContext.BaseDirectory, Environment.CurrentDirectory);

    /// <summary>The shared folder, found by walking up from each start folder in turn.</summary>
    /// <exception cref="DirectoryNotFoundException">No start folder lies in the repository, or ../shared is missing.</exception>
    public static string FindSharedDirectory(params string[] startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        foreach (string start in startDirectories)
        {
            string? root = FindRepositoryRoot(start);
            if (root is null)
            {
                continue;
            }

            string shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
            if (!Directory.Exists(shared))
            {
                throw new DirectoryNotFoundException(
                    $"The shared data folder '{shared}' is missing. The benchmarks read ADBench's files from ../shared "
                    + $"beside the repository root '{root}'; put the shared folder (with adbench/) there.");
            }

            return shared;
        }

        throw new DirectoryNotFoundException(
            $"Could not find {SolutionFileName} above '{string.Join("' or '", startDirectories)}'. "
            + "Run the benchmarks and their tests from inside the AutogradGen repository.");
    }

    /// <summary>A file under the shared folder, e.g. <c>Shared("adbench", "gmm", "test.txt")</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">The shared folder cannot be found.</exception>
    public static string Shared(params string[] relativeParts)
    {
        ArgumentNullException.ThrowIfNull(relativeParts);
        return Path.Combine([FindSharedDirectory(), .. relativeParts]);
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
