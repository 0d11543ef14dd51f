using System.Globalization;
using AutogradGen.Samples;
using AutogradGen.Samples.Models;

namespace AutogradGen.Tests.Samples;

/// <summary>
/// The end-to-end classifier sample learns: its test loss falls epoch after epoch, it classifies most unseen images,
/// and the model loaded back from its saved state dict computes the same logits. Its dataset is the same for a seed.
/// </summary>
public sealed class GlyphClassifierSampleTests
{
    [Fact]
    public void The_classifier_learns_the_glyphs_and_its_saved_model_gives_the_same_logits()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Program.Samples.Single(sample => sample.Name == "glyph-classifier").Run(output);
        var lines = output.ToString().Split('\n');

        var epochs = lines.Where(line => line.StartsWith("epoch", StringComparison.Ordinal)).Select(Fields).ToList();
        Assert.Equal(6, epochs.Count);
        // Five classes: an untrained model's cross entropy is about log 5 = 1.61.
        Assert.InRange(epochs[0]["train loss"], 1.0, 1.8);
        for (int i = 1; i < epochs.Count; i++)
        {
            Assert.True(epochs[i]["train loss"] < epochs[i - 1]["train loss"], $"epoch {i + 1}'s training loss did not fall");
            Assert.True(epochs[i]["test loss"] < epochs[i - 1]["test loss"], $"epoch {i + 1}'s test loss did not fall");
        }
        Assert.True(epochs[^1]["test accuracy"] > 0.85, $"test accuracy {epochs[^1]["test accuracy"]}");
        Assert.Contains("saved 6 tensors to a state-dict file and loaded them into a new model: same test logits: True", lines);
    }

    [Fact]
    public void The_dataset_is_the_same_for_a_seed_and_balanced_over_the_classes()
    {
        var (first, firstLabels) = GlyphImages.Make(50, new RandomGenerator(3));
        var (second, secondLabels) = GlyphImages.Make(50, new RandomGenerator(3));

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(firstLabels.ToArray(), secondLabels.ToArray());
        Assert.Equal([50, GlyphImages.Pixels], first.Shape.ToArray());
        Assert.All(Enumerable.Range(0, GlyphImages.ClassNames.Length), label => Assert.Equal(10, firstLabels.ToArray().Count(l => l == label)));
    }

    // "epoch 3  train loss 0.5109  test loss 0.4383  test accuracy 0.8520" → the three figures by name.
    private static Dictionary<string, double> Fields(string line)
    {
        var parts = line.Split("  ", StringSplitOptions.RemoveEmptyEntries);
        return parts.Skip(1).ToDictionary(
            part => part[..part.LastIndexOf(' ')],
            part => double.Parse(part[(part.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
