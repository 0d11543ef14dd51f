using System.Globalization;
using AutogradGen.Samples;

namespace AutogradGen.Tests.Seeds;

/// <summary>The samples of generated tensor gradients: seed 003's network and the two-moons classifier.</summary>
public class StaticGradientSampleTests
{
    private static string[] RunSample(string name)
    {
        var sample = Program.Samples.Single(s => s.Name == name);
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        sample.Run(output);
        return output.ToString().Split('\n');
    }

    [Fact]
    public void Seed003_network_trains_without_recording_and_runs_as_one_LossBackward_node()
    {
        var lines = RunSample("static-seed003");
        var steps = lines.Where(l => l.StartsWith("step", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, steps.Count);
        Assert.All(steps, l => Assert.EndsWith("records a node: False", l, StringComparison.Ordinal));
        var losses = steps.Select(l => double.Parse(l.Split("loss ")[1].Split(' ')[0], CultureInfo.InvariantCulture)).ToList();
        for (int i = 1; i < losses.Count; i++) Assert.True(losses[i] < losses[i - 1], $"step {i + 1}: {losses[i]} is not below {losses[i - 1]}");
        Assert.Contains("Gradient function for loss = <LossBackward object>", lines);
        Assert.Equal(2, lines.Count(l => l.Contains("2 × the generated gradient: True", StringComparison.Ordinal)));
    }

    [Fact]
    public void Two_moons_classifier_prints_the_same_loss_for_the_generated_gradient_and_the_tape_every_epoch()
    {
        var rows = RunSample("static-two-moons")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(r => r.Length == 3 && int.TryParse(r[0], CultureInfo.InvariantCulture, out _))
            .ToList();
        Assert.Equal(15, rows.Count);
        Assert.All(rows, r => Assert.Equal(r[1], r[2]));
        var losses = rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToList();
        Assert.True(losses[^1] < losses[0] / 3, $"the loss fell from {losses[0]} to only {losses[^1]}");
    }
}
