namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// One root cause gives one diagnostic: a local refused at its declaration, or a refused call that writes locals,
/// is reported there, and the statements that write or read those locals afterwards add nothing.
/// </summary>
public class OneRootCauseTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    private static void AssertOnlyDiagnostic(string id, string source)
    {
        var run = GeneratorHarness.Run(Usings + source);
        var errors = run.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1 && errors[0].Id == id, "expected one " + id + ", got: " + string.Join("; ", errors.Select(e => e.Id + " " + e.GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    [Fact]
    public void Writes_into_a_refused_local_jagged_array_are_not_reported_again() => AssertOnlyDiagnostic("AGD0015", """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double x, int n)
            {
                var levels = new double[n + 1][];
                levels[n] = new double[n + 1];
                for (int i = 0; i <= n; i++) levels[n][i] = x * i;
                return levels[n][0] + levels[n][n];
            }
        }
        """);

    [Fact]
    public void Locals_written_by_a_refused_call_are_not_reported_again() => AssertOnlyDiagnostic("AGD0005", """
        public static partial class Functions
        {
            static void Split(double notional, double rate, out double fixedLeg, out double floatLeg)
            {
                fixedLeg = notional * rate;
                floatLeg = notional * (rate + 0.001);
            }

            [Differentiable]
            public static double F(double notional, double rate)
            {
                Split(notional, rate, out var fixedLeg, out var floatLeg);
                return floatLeg - fixedLeg * fixedLeg;
            }
        }
        """);

    [Fact]
    public void A_local_2d_array_allocated_in_a_loop_is_one_diagnostic() => AssertOnlyDiagnostic("AGD0005", """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double x, int n)
            {
                double s = 0;
                for (int k = 0; k < 2; k++)
                {
                    var table = new double[n, n];
                    table[0, 0] = x * k;
                    s += table[0, 0] * table.GetLength(1);
                }

                return s;
            }
        }
        """);

    [Fact]
    public void A_tuple_from_a_method_that_is_not_differentiable_says_to_mark_it()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                static (double Mean, double Variance) Moments(ReadOnlySpan<double> xs)
                {
                    double mean = 0;
                    foreach (var x in xs) mean += x;
                    mean /= xs.Length;
                    double v = 0;
                    foreach (var x in xs) v += (x - mean) * (x - mean);
                    return (mean, v / (xs.Length - 1));
                }

                [Differentiable]
                public static double F(ReadOnlySpan<double> xs)
                {
                    var (mean, variance) = Moments(xs);
                    return Math.Sqrt(variance) / mean;
                }
            }
            """);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Equal("AGD0045", diagnostic.Id);
        Assert.Contains("mark it [Differentiable]", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
