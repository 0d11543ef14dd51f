using System.Globalization;
using AutogradGen.Samples.Static;

namespace AutogradGen.Tests.Samples;

/// <summary>The static-gradients sample: generated and tape gradients agree, and the curve fit converges.</summary>
public class StaticGradientsSampleTests
{
    [Fact]
    public void Generated_rosenbrock_gradient_is_the_analytic_one_and_equals_the_tape()
    {
        double f = Objectives.RosenbrockGradient(-1.2, 1.0, out double dx, out double dy);

        Assert.Equal(24.2, f, 12);
        Assert.Equal((-2 * (1 - -1.2)) - (400 * -1.2 * (1.0 - (1.44))), dx, 10);
        Assert.Equal(200 * (1.0 - 1.44), dy, 10);
        Assert.Contains("equal: True", RunSample());
    }

    [Fact]
    public void Curve_fit_prints_the_same_loss_from_both_engines_every_epoch_and_the_loss_falls()
    {
        var rows = RunSample().Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length == 3 && int.TryParse(cells[0], out _))
            .Select(cells => (Generated: Parse(cells[1]), Tape: Parse(cells[2])))
            .ToArray();

        Assert.Equal(11, rows.Length);
        Assert.All(rows, row => Assert.Equal(row.Generated, row.Tape));
        Assert.True(rows[^1].Generated < rows[0].Generated / 100, $"loss fell from {rows[0].Generated} to {rows[^1].Generated}");
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string RunSample()
    {
        using var output = new StringWriter();
        StaticGradients.Run(output);
        return output.ToString();
    }
}
