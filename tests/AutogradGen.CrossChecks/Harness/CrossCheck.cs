using System.Globalization;
using System.Text;

namespace AutogradGen.CrossChecks.Harness;

/// <summary>
/// The cross-check: at seeded random points of a function's domain (and at its exact points), the generated
/// gradient, the tape twin's gradient, central differences and forward mode must agree. Where a derivative is
/// infinite or NaN, the generated gradient, the tape and forward mode must all say so.
/// </summary>
public static class CrossCheck
{
    /// <summary>How many random points each function is checked at.</summary>
    public const int RandomPoints = 20;

    /// <summary>Generated vs tape and forward vs reverse, relative, in double.</summary>
    public const double DoubleTolerance = 1e-12;

    /// <summary>Generated vs tape and forward vs reverse, relative, in float.</summary>
    public const double FloatTolerance = 1e-5;

    /// <summary>Against Richardson-extrapolated central differences in double, relative.</summary>
    public const double NumericalTolerance = 1e-6;

    /// <summary>Against central differences of float code (evaluated in float), relative.</summary>
    public const double FloatNumericalTolerance = 1e-3;

    /// <summary>Every disagreement found, each a message with the function, the point and the gradients side by side.</summary>
    public static IReadOnlyList<string> Disagreements(CorpusFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var random = new Random(StableSeed(function.Name));
        var failures = new List<string>();
        foreach (var point in function.ExactPoints)
        {
            CheckPoint(function, point, random, numerical: false, failures);
        }

        for (var i = 0; i < RandomPoints; i++)
        {
            var point = new double[function.Dimension];
            for (var j = 0; j < point.Length; j++)
            {
                var value = function.Domain.Min + (random.NextDouble() * (function.Domain.Max - function.Domain.Min));
                point[j] = function.IsFloat ? (float)value : value;
            }

            CheckPoint(function, point, random, numerical: !function.StopsDerivatives, failures);
        }

        return failures;
    }

    /// <summary>Fails the test with every disagreement when there is any.</summary>
    public static void AssertAgrees(CorpusFunction function)
    {
        var failures = Disagreements(function);
        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} disagreement(s) for {function.Name}:\n" + string.Join("\n", failures.Take(5)));
        }
    }

    private static void CheckPoint(CorpusFunction function, double[] point, Random random, bool numerical, List<string> failures)
    {
        var tolerance = function.IsFloat ? FloatTolerance : DoubleTolerance;
        var value = function.Value(point);
        var (generatedValue, generated) = function.Gradient(point);
        var (tapeValue, tape) = function.Tape(point);
        var direction = new double[point.Length];
        for (var i = 0; i < direction.Length; i++)
        {
            var d = 0.25 + (0.75 * random.NextDouble());
            direction[i] = function.IsFloat ? (float)(random.Next(2) == 0 ? d : -d) : random.Next(2) == 0 ? d : -d;
        }

        var (forwardValue, forward) = function.Directional(point, direction);
        double[]? estimate = numerical ? Numerical.Gradient(function, point) : null;
        var problems = new List<string>();

        if (!SameNumber(value, generatedValue, tolerance) || !SameNumber(value, tapeValue, tolerance) || !SameNumber(value, forwardValue, tolerance))
        {
            problems.Add($"values differ: method {Format(value)}, gradient {Format(generatedValue)}, tape {Format(tapeValue)}, forward {Format(forwardValue)}");
        }

        var scale = generated.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (var i = 0; i < point.Length; i++)
        {
            if (!double.IsFinite(generated[i]) || !double.IsFinite(tape[i]))
            {
                if (Classify(generated[i]) != Classify(tape[i]))
                {
                    problems.Add($"∂f/∂x{i}: generated is {Format(generated[i])} but tape is {Format(tape[i])}");
                }

                continue;
            }

            if (!Close(generated[i], tape[i], tolerance, scale))
            {
                problems.Add($"∂f/∂x{i}: generated and tape differ beyond {tolerance:R}");
            }

            if (estimate is not null && double.IsFinite(estimate[i]))
            {
                if (!Numerical.Agrees(function, generated[i], estimate[i], scale, point, i))
                {
                    problems.Add($"∂f/∂x{i}: generated and central differences differ");
                }

                if (!Numerical.Agrees(function, tape[i], estimate[i], scale, point, i))
                {
                    problems.Add($"∂f/∂x{i}: tape and central differences differ");
                }
            }
        }

        var dot = 0.0;
        var magnitude = 0.0;
        for (var i = 0; i < point.Length; i++)
        {
            dot += generated[i] * direction[i];
            magnitude += Math.Abs(generated[i] * direction[i]);
        }

        if (double.IsFinite(dot) != double.IsFinite(forward)
            || (double.IsFinite(dot) && Math.Abs(dot - forward) > 8 * tolerance * Math.Max(magnitude, 1e-300)))
        {
            problems.Add($"forward mode: ⟨∇f, v⟩ = {Format(dot)} but the directional derivative is {Format(forward)}");
        }

        if (problems.Count > 0)
        {
            failures.Add(Report(function, point, generated, tape, estimate, direction, forward, problems));
        }
    }

    private static string Report(CorpusFunction function, double[] point, double[] generated, double[] tape, double[]? estimate, double[] direction, double forward, List<string> problems)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{function.Name} at ({string.Join(", ", point.Select(Format))}): {string.Join("; ", problems)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  {"",-6} {"generated",-26} {"tape",-26} {"central differences",-26}\n");
        for (var i = 0; i < point.Length; i++)
        {
            var numerical = estimate is null ? "(exact point)" : Format(estimate[i]);
            text.Append(CultureInfo.InvariantCulture, $"  x{i,-5} {Format(generated[i]),-26} {Format(tape[i]),-26} {numerical,-26}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"  forward along ({string.Join(", ", direction.Select(Format))}): {Format(forward)}");
        return text.ToString();
    }

    private static bool SameNumber(double expected, double actual, double tolerance) =>
        double.IsFinite(expected) ? Math.Abs(expected - actual) <= tolerance * Math.Max(Math.Abs(expected), 1e-300) || expected == actual : Classify(expected) == Classify(actual);

    /// <summary>Relative agreement, with a floor at a small fraction of the gradient's largest entry (one entry may cancel).</summary>
    private static bool Close(double a, double b, double tolerance, double scale) =>
        Math.Abs(a - b) <= tolerance * Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), Math.Max(1e-4 * scale, 1e-300));

    private static string Classify(double value) => double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+∞" : double.IsNegativeInfinity(value) ? "-∞" : "finite";

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A seed from the name that does not change between runs (string.GetHashCode does).</summary>
    private static int StableSeed(string name)
    {
        var hash = 17;
        foreach (var c in name)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
