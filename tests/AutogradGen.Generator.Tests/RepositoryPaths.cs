namespace AutogradGen.Generator.Tests;

/// <summary>Finds the repository (the folder holding AutogradGen.sln) and the shared data beside it.</summary>
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

    /// <summary>The shared data folder, <c>../shared</c> from the repository root.</summary>
    public static string Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            if (!Directory.Exists(shared))
            {
                throw new InvalidOperationException(
                    $"The shared data folder was not found at {shared}. It holds ADBench's data (adbench/gmm/test.txt); place it beside the repository as ../shared.");
            }

            return shared;
        }
    }
}
