using System.Globalization;
using AutogradGen.Samples;

namespace AutogradGen.Tests.Seeds;

/// <summary>
/// Each seed sample prints exactly its expected output (Seeds/Expected/{name}.txt); the training sample's loss falls.
/// Wherever the samples print what PyTorch would, the expected text is PyTorch's for the same generator seeds
/// (Support/pytorch_samples.py).
/// </summary>
public class SeedSampleOutputTests
{
    private static readonly string[] Seeds = ["seed000", "seed001", "seed002", "seed003", "seed004"];

    public static TheoryData<string> SeedNames => [.. Seeds];

    private static string RunSample(string name)
    {
        var sample = Program.Samples.Single(s => s.Name == name);
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        sample.Run(output);
        return output.ToString();
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Seed_sample_prints_its_expected_output(string name)
    {
        string expectedPath = Path.Combine(AppContext.BaseDirectory, "Seeds", "Expected", name + ".txt");
        string expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        Assert.Equal(expected, RunSample(name));
    }

    [Fact]
    public void Samples_run_the_five_seeds_first_then_the_training_examples()
    {
        var names = Program.Samples.Select(s => s.Name).ToArray();
        Assert.Equal(["seed000", "seed001", "seed002", "seed003", "seed004"], names[..5]);
        Assert.Contains("logistic-regression", names[5..]);
        Assert.Contains("static-gradients", names[5..]);
        Assert.Contains("static-seed003", names[5..]);
        Assert.Contains("static-two-moons", names[5..]);
    }

    [Fact]
    public void Every_seed_check_the_samples_print_holds()
    {
        var checks = Seeds.SelectMany(name => RunSample(name).Split('\n'))
            .Where(line => line.Contains("equals", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, checks.Count);
        Assert.All(checks, line => Assert.EndsWith(": True", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Logistic_regression_loss_falls_every_epoch_and_classifies_well()
    {
        var lines = RunSample("logistic-regression").Split('\n');
        var losses = lines.Where(line => line.StartsWith("epoch", StringComparison.Ordinal))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(20, losses.Count);
        Assert.Equal(Math.Log(2), losses[0], 4);
        for (int i = 1; i < losses.Count; i++) Assert.True(losses[i] < losses[i - 1], $"epoch {i + 1}: {losses[i]} is not below {losses[i - 1]}");
        double accuracy = double.Parse(lines.Single(line => line.StartsWith("accuracy", StringComparison.Ordinal))[9..], CultureInfo.InvariantCulture);
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");
    }
}
