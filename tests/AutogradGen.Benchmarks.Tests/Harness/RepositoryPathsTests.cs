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

    private string MakeRepository(bool withData)
    {
        string repository = Path.Combine(_sandbox, "repo");
        Directory.CreateDirectory(Path.Combine(repository, "tests", "bin"));
        File.WriteAllText(Path.Combine(repository, RepositoryPaths.SolutionFileName), string.Empty);
        if (withData)
        {
            Directory.CreateDirectory(Path.Combine(repository, "tests", "Data"));
        }

        return repository;
    }

    [Fact]
    public void The_data_folder_is_found_inside_the_repository_from_a_folder_deep_inside_it()
    {
        string repository = MakeRepository(withData: true);

        string data = RepositoryPaths.FindDataDirectory(Path.Combine(repository, "tests", "bin"));

        Assert.Equal(Path.Combine(repository, "tests", "Data"), data);
    }

    [Fact]
    public void A_missing_data_folder_is_reported_with_where_it_should_be()
    {
        string repository = MakeRepository(withData: false);

        var error = Assert.Throws<DirectoryNotFoundException>(() => RepositoryPaths.FindDataDirectory(repository));

        Assert.StartsWith($"The test data folder '{Path.Combine(repository, "tests", "Data")}' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_outside_any_repository_is_reported()
    {
        Directory.CreateDirectory(_sandbox);

        var error = Assert.Throws<DirectoryNotFoundException>(() => RepositoryPaths.FindDataDirectory(_sandbox));

        Assert.StartsWith($"Could not find AutogradGen.sln above '{_sandbox}'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repository_holds_the_ADBench_files()
    {
        Assert.True(File.Exists(RepositoryPaths.Data("adbench", "gmm", "1k", "gmm_d2_K5.txt")));
    }
}
