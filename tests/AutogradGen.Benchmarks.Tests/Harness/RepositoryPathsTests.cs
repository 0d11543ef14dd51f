using AutogradGen.Benchmarks.Harness;

namespace AutogradGen.Benchmarks.Tests.Harness;

public sealed class RepositoryPathsTests : IDisposable
{
    private readonly string _sandbox = Path.Combine(Path.GetTempPath(), "autogradgen-paths-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_sandbox))
        {
            Directory.Delete(_sandbox, recursive: true);
        }
    }

    private string MakeRepository(bool withShared)
    {
        string repository = Path.Combine(_sandbox, "repo");
        Directory.CreateDirectory(Path.Combine(repository, "tests", "bin"));
        File.WriteAllText(Path.Combine(repository, RepositoryPaths.SolutionFileName), string.Empty);
        if (withShared)
        {
            Directory.CreateDirectory(Path.Combine(_sandbox, "shared"));
        }

        return repository;
    }

    [Fact]
    public void Shared_is_found_beside_the_repository_from_a_folder_deep_inside_it()
    {
        string repository = MakeRepository(withShared: true);

        string shared = RepositoryPaths.FindSharedDirectory(Path.Combine(repository, "tests", "bin"));

        Assert.Equal(Path.Combine(_sandbox, "shared"), shared);
    }

    [Fact]
    public void A_missing_shared_folder_is_reported_with_where_it_should_be()
    {
        string repository = MakeRepository(withShared: false);

        var error = Assert.Throws<DirectoryNotFoundException>(() => RepositoryPaths.FindSharedDirectory(repository));

        Assert.StartsWith($"The shared data folder '{Path.Combine(_sandbox, "shared")}' is missing.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_outside_any_repository_is_reported()
    {
        Directory.CreateDirectory(_sandbox);

        var error = Assert.Throws<DirectoryNotFoundException>(() => RepositoryPaths.FindSharedDirectory(_sandbox));

        Assert.StartsWith($"Could not find AutogradGen.sln above '{_sandbox}'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_shared_folder_holds_the_ADBench_files()
    {
        Assert.True(File.Exists(RepositoryPaths.Shared("adbench", "gmm", "1k", "gmm_d2_K5.txt")));
    }
}
