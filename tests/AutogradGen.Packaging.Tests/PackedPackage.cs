namespace AutogradGen.Packaging.Tests;

/// <summary>
/// Packs src/AutogradGen once for the tests of this class, into a unique temporary folder: its own artifacts path (so
/// that the repository's bin/obj, which other builds may be using, are not touched) and a version no other run has
/// used (so that no stale copy in a package cache can stand in for it). Deleted afterwards.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Root = Directory.CreateTempSubdirectory("autogradgen-packaging-").FullName;
        Version = "0.1.0-packtest." + Guid.NewGuid().ToString("N")[..12];
        Feed = Path.Combine(Root, "feed");
        var project = Path.Combine(RepositoryRoot(), "src", "AutogradGen", "AutogradGen.csproj");
        DotnetCli.Run(Root, new Dictionary<string, string>(), "pack", project, "-c", "Release", "-o", Feed,
            "--artifacts-path", Path.Combine(Root, "artifacts"), "-p:Version=" + Version, "--disable-build-servers");
        PackagePath = Path.Combine(Feed, $"AutogradGen.{Version}.nupkg");
    }

    public string Root { get; }

    public string Version { get; }

    /// <summary>The local folder package source the consumer restores from.</summary>
    public string Feed { get; }

    public string PackagePath { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string RepositoryRoot()
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
}
