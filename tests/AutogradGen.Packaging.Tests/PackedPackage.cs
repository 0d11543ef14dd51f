namespace AutogradGen.Packaging.Tests;

/// <summary>
/// The package made by the README's own command, <see cref="ReadmeCommands.Pack"/>, run word for word in a clean copy
/// of the repository (so the repository's bin/obj, which other builds may be using, are not touched). The consumer
/// restores it with a package cache of its own, so no stale AutogradGen of the same version can stand in for it.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    internal PackedPackage(CleanCopy copy)
    {
        Root = Directory.CreateTempSubdirectory("autogradgen-packaging-").FullName;
        copy.Run(ReadmeCommands.Pack);
        Feed = Path.Combine(copy.Repository, "packages");
        var packages = Directory.GetFiles(Feed, "AutogradGen.*.nupkg");
        Assert.True(packages.Length == 1, $"The pack command should make one package in ./packages, not: {string.Join(", ", packages)}");
        PackagePath = packages[0];
        Version = Path.GetFileNameWithoutExtension(PackagePath)["AutogradGen.".Length..];
    }

    /// <summary>A temporary folder for the consumer project and its package cache.</summary>
    public string Root { get; }

    public string Version { get; }

    /// <summary>The local folder package source the consumer restores from: the README's <c>./packages</c>.</summary>
    public string Feed { get; }

    public string PackagePath { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
