namespace AutogradGen.Benchmarks.Harness;

/// <summary>
/// Finds the repository's test data (ADBench's files, tests/Data/adbench: see its NOTICE.md) from the folder that
/// holds AutogradGen.sln. Benchmarks run from BenchmarkDotNet's generated folders under bin/, so the search walks up
/// from the program's folder and from the current directory.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "AutogradGen.sln";

    /// <summary>The test data folder, found from the program's folder or the current directory.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither lies in the repository, or tests/Data is missing.</exception>
    public static string FindDataDirectory() =>
        FindDataDirectory(AppContext.BaseDirectory, Environment.CurrentDirectory);

    /// <summary>The test data folder, <c>tests/Data</c> of the repository found by walking up from each start folder in turn.</summary>
    /// <exception cref="DirectoryNotFoundException">No start folder lies in the repository, or tests/Data is missing.</exception>
    public static string FindDataDirectory(params string[] startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        foreach (string start in startDirectories)
        {
            string? root = FindRepositoryRoot(start);
            if (root is null)
            {
                continue;
            }

            string data = Path.Combine(root, "tests", "Data");
            if (!Directory.Exists(data))
            {
                throw new DirectoryNotFoundException(
                    $"The test data folder '{data}' is missing from the repository '{root}'. It holds ADBench's files "
                    + "(tests/Data/adbench) and is part of the repository: restore it with 'git checkout -- tests/Data'.");
            }

            return data;
        }

        throw new DirectoryNotFoundException(
            $"Could not find {SolutionFileName} above '{string.Join("' or '", startDirectories)}'. "
            + "Run the benchmarks and their tests from inside the AutogradGen repository.");
    }

    /// <summary>A file of the test data, e.g. <c>Data("adbench", "gmm", "test.txt")</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">The test data folder cannot be found.</exception>
    public static string Data(params string[] relativeParts)
    {
        ArgumentNullException.ThrowIfNull(relativeParts);
        return Path.Combine([FindDataDirectory(), .. relativeParts]);
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
