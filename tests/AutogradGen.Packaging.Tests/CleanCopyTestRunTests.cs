namespace AutogradGen.Packaging.Tests;

/// <summary>
/// The proof that a clone stands alone: the README's <c>dotnet test AutogradGen.sln</c>, word for word, in a clean copy
/// of the repository with nothing beside it (no <c>../shared</c>), passes. The expensive test of the suite: it builds
/// and runs every test project once more. The inner run skips only this test (<see cref="TestEnvironment.InsideCleanCopyRun"/>).
/// </summary>
[Collection(CleanCopyCollection.Name)]
public class CleanCopyTestRunTests(CleanCopy copy)
{
    [OutsideCleanCopyRunFact]
    public void The_README_test_command_passes_in_a_clean_copy_of_the_repository()
    {
        var environment = new Dictionary<string, string> { [TestEnvironment.InsideCleanCopyRun] = "1" };

        var output = copy.Run(ReadmeCommands.TestEverything, environment, TimeSpan.FromMinutes(40));

        // dotnet test exited 0 (DotnetCli checks it); each test project reported, none failed, and some tests ran.
        var summaries = output.Split('\n', StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("Passed!", StringComparison.Ordinal) || line.StartsWith("Failed!", StringComparison.Ordinal)).ToList();
        var projects = Directory.GetFiles(Path.Combine(copy.Repository, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Where(project => File.ReadAllText(project).Contains("<IsTestProject>true</IsTestProject>", StringComparison.Ordinal)).ToList();
        Assert.Equal(projects.Count, summaries.Count);
        Assert.All(summaries, summary => Assert.StartsWith("Passed!", summary, StringComparison.Ordinal));
    }
}
