using System.Globalization;

namespace AutogradGen.Benchmarks.Tests.Support;

/// <summary>ADBench's comparison: |a - b| / max(1, |a| + |b|), relative for large values and absolute for small ones.</summary>
internal static class Tolerance
{
    public static double Error(double a, double b) => Math.Abs(a - b) / Math.Max(1.0, Math.Abs(a) + Math.Abs(b));

    public static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        double error = Error(expected, actual);
        if (!(error <= tolerance))
        {
            Assert.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{what}: expected {expected:R}, got {actual:R} (error {error:E2}, tolerance {tolerance:E0})."));
        }
    }
}
