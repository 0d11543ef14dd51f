using System.Buffers.Binary;
using System.Globalization;
using AutogradGen.Samples;
using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Samples;

/// <summary>
/// The samples program: its options, the line it prints per sample, and the files it writes (the seeds' graphs as DOT,
/// the training samples' loss curves as PNG) without changing a line of what each sample prints.
/// </summary>
public sealed class SampleProgramTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("autogradgen-samples-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) RunProgram(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        int exitCode = Program.Run(args, output, error, interactive: false);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string RunSampleAlone(string name)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Program.Samples.Single(sample => sample.Name == name).Run(output);
        return output.ToString();
    }

    [Fact]
    public void Help_lists_every_option_and_every_sample()
    {
        var (exitCode, output, _) = RunProgram("--help");

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--help", "--list", "--out <folder>", "--no-files", "--no-progress" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
        var lines = output.Split('\n');
        Assert.All(Program.Samples, sample => Assert.Contains($"  {sample.Name,-20} {sample.Title}", lines));
    }

    [Fact]
    public void An_unknown_option_or_sample_is_an_error_that_shows_the_usage()
    {
        var (optionExit, _, optionError) = RunProgram("--colour");
        var (sampleExit, _, sampleError) = RunProgram("seed999");

        Assert.Equal(1, optionExit);
        Assert.StartsWith("There is no option '--colour'.\nusage:", optionError, StringComparison.Ordinal);
        Assert.Equal(1, sampleExit);
        Assert.StartsWith("There is no sample named 'seed999'.\nusage:", sampleError, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_sample_gets_a_header_line_and_prints_exactly_what_it_prints_alone_then_the_files_it_wrote()
    {
        var (exitCode, output, _) = RunProgram("--out", _folder, "seed001", "static-two-moons");

        Assert.Equal(0, exitCode);
        var samples = Program.Samples.Where(sample => sample.Name is "seed001" or "static-two-moons").ToList();
        string graphNote = "-> graph: " + Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_folder, "seed001-graph.dot"));
        string chartNote = "-> loss curve: " + Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_folder, "static-two-moons-loss.png"));
        var expected = string.Concat(
            $"Running 2 sample(s); graphs and loss curves go to {_folder}. --help lists the options.\n\n",
            $"=== seed001: {samples[0].Title} ===\n", RunSampleAlone("seed001"));
        Assert.StartsWith(expected + graphNote, output, StringComparison.Ordinal);
        Assert.Contains($"\n\n=== static-two-moons: {samples[1].Title} ===\n{RunSampleAlone("static-two-moons")}{chartNote}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_graph_file_is_the_DOT_of_its_output_with_the_leaf_named()
    {
        RunProgram("--out", _folder, "seed001");

        var graph = DotReader.Read(File.ReadAllText(Path.Combine(_folder, "seed001-graph.dot")));

        // out = (y * y * 3).mean(), y = x + 2: the README example.
        Assert.Equal(
            ["AccumulateGrad -> AddBackward0", "AddBackward0 -> MulBackward0", "AddBackward0 -> MulBackward0",
             "MeanBackward0 -> ()\nrequires_grad=True", "MulBackward0 -> MeanBackward0", "MulBackward0 -> MulBackward0",
             "x\n(2, 2)\nrequires_grad=True -> AccumulateGrad"],
            graph.DirectedEdgesByLabel());
    }

    [Fact]
    public void Every_training_sample_draws_its_loss_curves_as_a_PNG_image()
    {
        RunProgram("--out", _folder, "logistic-regression", "static-seed003", "static-two-moons", "glyph-classifier");

        foreach (var name in new[] { "logistic-regression-loss", "static-seed003-loss", "static-two-moons-loss", "glyph-classifier-loss" })
        {
            var png = File.ReadAllBytes(Path.Combine(_folder, name + ".png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(500, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }
    }

    [Fact]
    public void No_files_writes_nothing_and_says_so()
    {
        var (_, output, _) = RunProgram("--no-files", "--out", _folder, "seed001");

        Assert.StartsWith("Running 1 sample(s); no files written (--no-files).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("-> ", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }
}
