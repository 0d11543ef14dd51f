using ScottPlot;

namespace AutogradGen.Samples.Plots;

/// <summary>
/// One training curve: a label for the legend and the loss at each step (step 1 first), or at the given steps when a
/// curve is measured less often than the training steps (a test loss after each epoch, drawn on the batch axis).
/// </summary>
internal sealed record LossCurve(string Label, IReadOnlyList<double> Losses, IReadOnlyList<double>? Steps = null);

/// <summary>
/// A training run's loss curves as a PNG image (ScottPlot): loss against step, one line per curve, so the static
/// (generated) and dynamic (tape) gradients of the same training can be seen on one chart.
/// </summary>
internal static class LossChart
{
    public const int Width = 800;
    public const int Height = 500;

    /// <summary>Writes the chart to <paramref name="path"/> (a .png file).</summary>
    public static void WritePng(string path, string title, string stepName, IReadOnlyList<LossCurve> curves)
    {
        using var plot = new Plot();
        // Distinct line styles as well as colours: when the two gradients agree, the lines lie on top of each other.
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];
        float[] widths = [5, 2, 2];
        for (int i = 0; i < curves.Count; i++)
        {
            var curve = curves[i];
            double[] steps = curve.Steps is { } given ? [.. given] : [.. Enumerable.Range(1, curve.Losses.Count).Select(step => (double)step)];
            var line = plot.Add.Scatter(steps, curve.Losses.ToArray());
            line.LegendText = curve.Label;
            line.LinePattern = patterns[i % patterns.Length];
            line.LineWidth = widths[i % widths.Length];
            line.MarkerSize = i == 0 ? 7 : 4;
        }

        plot.Title(title);
        plot.XLabel(stepName);
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }
}
