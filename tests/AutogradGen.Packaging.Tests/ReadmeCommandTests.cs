namespace AutogradGen.Packaging.Tests;

/// <summary>
/// The README's commands, run word for word in a clean copy of the repository (<see cref="CleanCopy"/>: tracked files
/// only, nothing beside it), as a newcomer with only the .NET SDK would run them. The pack command is run by
/// <see cref="PackedPackage"/> for <see cref="PackageTests"/>; <c>dotnet test AutogradGen.sln</c> by
/// <see cref="CleanCopyTestRunTests"/>. The <c>dotnet test</c> run inside a clean copy skips them: this run has
/// just run each of them on the same files, and a copy of a copy would only build everything once more.
/// </summary>
[Collection(CleanCopyCollection.Name)]
public class ReadmeCommandTests(CleanCopy copy)
{
    private static readonly string[] SampleNames =
        ["seed000", "seed001", "seed002", "seed003", "seed004", "logistic-regression", "static-gradients", "static-seed003", "static-two-moons", "glyph-classifier"];

    [OutsideCleanCopyRunFact]
    public void The_copy_holds_the_repository_and_nothing_beside_it()
    {
        Assert.True(File.Exists(Path.Combine(copy.Repository, "AutogradGen.sln")));
        Assert.True(File.Exists(Path.Combine(copy.Repository, "tests", "Data", "adbench", "gmm", "test.txt")));
        Assert.Equal([copy.Repository], Directory.GetFileSystemEntries(copy.Root));
        Assert.False(Directory.Exists(Path.Combine(copy.Repository, "bin")));
    }

    [OutsideCleanCopyRunFact]
    public void The_samples_run_and_print_every_sample_in_order()
    {
        var output = copy.Run(ReadmeCommands.RunSamples);

        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        var headers = lines.Where(line => line.StartsWith("=== ", StringComparison.Ordinal)).ToList();
        Assert.Equal(SampleNames.Length, headers.Count);
        for (int i = 0; i < SampleNames.Length; i++)
        {
            Assert.StartsWith($"=== {SampleNames[i]}:", headers[i], StringComparison.Ordinal);
        }

        // The seeds' graphs and the training samples' loss curves, where the first line says they go.
        Assert.Contains(lines, line => line.StartsWith("Running 10 sample(s); graphs and loss curves go to artifacts/samples.", StringComparison.Ordinal));
        var files = Directory.GetFiles(Path.Combine(copy.Repository, "artifacts", "samples")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string?>(["seed000-graph.dot", "seed001-graph.dot", "seed002-graph.dot", "seed003-graph.dot", "seed004-graph.dot",
                "logistic-regression-loss.png", "static-seed003-loss.png", "static-two-moons-loss.png", "glyph-classifier-loss.png"]),
            new HashSet<string?>(files));
    }

    [OutsideCleanCopyRunFact]
    public void The_list_option_lists_every_sample_by_name()
    {
        var output = copy.Run(ReadmeCommands.ListSamples);

        var listed = output.Split('\n', StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2)[0]).Where(SampleNames.Contains).ToList();
        Assert.Equal(SampleNames, listed);
    }

    [OutsideCleanCopyRunFact]
    public void A_sample_name_runs_that_sample_alone()
    {
        var output = copy.Run(ReadmeCommands.RunOneSample);

        var headers = output.Split('\n', StringSplitOptions.TrimEntries).Where(line => line.StartsWith("=== ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["static-gradients"], headers.Select(header => header[4..header.IndexOf(':', StringComparison.Ordinal)]));
    }

    [OptInFact(TestEnvironment.RunBenchmarkCommand, "the README's benchmark command measures 49 cases for about six minutes on every core")]
    public void The_benchmark_command_measures_every_case()
    {
        // Exit code 0 (DotnetCli checks it) means every case ran and none failed (BenchmarkProgram).
        var output = copy.Run(ReadmeCommands.Benchmarks, timeout: TimeSpan.FromMinutes(40));

        Assert.Contains("// * Summary *", output, StringComparison.Ordinal);
    }

    [OutsideCleanCopyRunFact]
    public void The_GradBench_tool_builds_into_the_folder_the_README_runs_it_from()
    {
        copy.Run(ReadmeCommands.BuildGradBenchTool);

        Assert.True(File.Exists(Path.Combine(copy.Repository, "out", "gradbench", "AutogradGen.GradBench.dll")));
    }

    [OutsideCleanCopyRunFact]
    public void The_GradBench_tool_publishes_into_a_GradBench_checkout_in_the_home_folder()
    {
        // Not beside the copy: the copy's root must hold the repository alone (the first test of this class checks it).
        var home = Directory.CreateTempSubdirectory("autogradgen-home-").FullName;

        copy.Run(ReadmeCommands.PublishGradBenchTool, new Dictionary<string, string> { ["HOME"] = home });

        Assert.True(File.Exists(Path.Combine(home, "gradbench", "tools", "autogradgen", "AutogradGen.GradBench.dll")));
    }
}
