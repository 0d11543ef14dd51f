namespace AutogradGen.Generator.Tests.Checking;

/// <summary>
/// Checks generated derivatives against the function itself: the reverse-mode gradient against central finite
/// differences (Richardson-extrapolated, error O(h⁴)), and forward mode against ⟨gradient, direction⟩.
/// </summary>
public static class DerivativeChecker
{
    private const int Points = 24;

    public static void GradientMatchesFiniteDifferences(DerivativeCase @case)
    {
        var random = new Random(HashCode(@case.Name));
        for (var n = 0; n < Points; n++)
        {
            var point = Sample(@case, random);
            var (value, gradient) = @case.Gradient(point);
            Assert.Equal(@case.Function(point), value, Tolerance(@case, value));
            Assert.Equal(@case.Dimension, gradient.Length);
            for (var i = 0; i < @case.Dimension; i++)
            {
                var expected = CentralDifference(@case, point, i);
                var tolerance = @case.Tolerance * Math.Max(1, Math.Abs(expected));
                Assert.True(
                    Math.Abs(gradient[i] - expected) <= tolerance,
                    $"{@case.Name}: ∂/∂x{i} at ({string.Join(", ", point)}) is {gradient[i]:R}, finite differences give {expected:R} (tolerance {tolerance:R}).");
            }
        }
    }

    public static void ForwardModeMatchesGradientDotDirection(DerivativeCase @case)
    {
        var random = new Random(HashCode(@case.Name) + 1);
        for (var n = 0; n < Points; n++)
        {
            var point = Sample(@case, random);
            var direction = Enumerable.Range(0, @case.Dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var (value, gradient) = @case.Gradient(point);
            var (forwardValue, derivative) = @case.Derivative(point, direction);
            var expected = gradient.Zip(direction, (g, d) => g * d).Sum();
            Assert.Equal(value, forwardValue, Tolerance(@case, value));
            var tolerance = (@case.Tolerance < 1e-6 ? 1e-12 : @case.Tolerance) * Math.Max(1, gradient.Zip(direction, (g, d) => Math.Abs(g * d)).Sum());
            Assert.True(
                Math.Abs(derivative - expected) <= tolerance,
                $"{@case.Name}: forward mode gives {derivative:R} at ({string.Join(", ", point)}) along ({string.Join(", ", direction)}), ⟨gradient, direction⟩ is {expected:R}.");
        }
    }

    private static double CentralDifference(DerivativeCase @case, double[] point, int i)
    {
        double Difference(double h)
        {
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[i] += h;
            minus[i] -= h;
            return (@case.Function(plus) - @case.Function(minus)) / (2 * h);
        }

        var step = @case.Step * Math.Max(1, Math.Abs(point[i]));
        return (4 * Difference(step / 2) - Difference(step)) / 3;
    }

    private static double[] Sample(DerivativeCase @case, Random random) =>
        Enumerable.Range(0, @case.Dimension).Select(_ => @case.Low + (@case.High - @case.Low) * random.NextDouble()).ToArray();

    private static double Tolerance(DerivativeCase @case, double value) => (@case.Tolerance < 1e-6 ? 1e-12 : 1e-6) * Math.Max(1, Math.Abs(value));

    private static int HashCode(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
