namespace AutogradGen.Generator.Tests;

/// <summary>Finds the repository (the folder holding AutogradGen.sln) and the test data kept in it.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "AutogradGen.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"Could not find AutogradGen.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
        }
    }

    /// <summary>A file of the repository's test data, <c>tests/Data/...</c> (ADBench's files: tests/Data/adbench/NOTICE.md).</summary>
    public static string Data(params string[] relativeParts) => Path.Combine([Root, "tests", "Data", .. relativeParts]);
}
