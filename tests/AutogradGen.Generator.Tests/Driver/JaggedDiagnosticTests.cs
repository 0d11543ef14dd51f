using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>Refusals around differentiated jagged arrays: one diagnostic each, at the construct, and none where the code works.</summary>
public class JaggedDiagnosticTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    [Fact]
    public void AGD0086_is_reported_when_a_jagged_array_with_a_derivative_is_passed_whole_to_a_method_that_does_not_differentiate_it() => AssertReported("AGD0086", """
        public static partial class Functions
        {
            [Differentiable(nameof(x))]
            public static double Sum(double[][] w, double x) => w[0][0] + w[0][1] * x;

            [Differentiable]
            public static double F(double[][] w, double x) => [|Sum(w, x)|] * x;
        }
        """, "handed the jagged array 'w', whose gradient is computed, and the parameter it is passed to is not a differentiated jagged array");

    [Fact]
    public void AGD0086_is_reported_when_a_row_is_passed_to_a_plain_method() => AssertReported("AGD0086", """
        public static partial class Functions
        {
            private static double Total(double[] v) => v[0];

            [Differentiable]
            public static double F(double[][] w, double x) => [|Total(w[0])|] * x;
        }
        """, "handed the row 'w[0]' of a jagged array, whose gradient is computed, and the method is not [Differentiable]");

    [Fact]
    public void AGD0087_is_reported_on_a_jagged_parameter_of_a_vector_valued_method() => AssertReported("AGD0087", """
        public static partial class Functions
        {
            [Differentiable]
            public static void F(double[][] [|a|], Span<double> r)
            {
                for (var i = 0; i < r.Length; i++)
                {
                    r[i] = a[i][0] * a[i][0];
                }
            }
        }
        """, "it differentiates the jagged array 'a'");

    [Fact]
    public void AGD0087_is_reported_on_a_2D_parameter_of_a_vector_valued_method() => AssertReported("AGD0087", """
        public static partial class Functions
        {
            [Differentiable]
            public static void F(double[,] [|w|], Span<double> r) => r[0] = w[0, 0];
        }
        """, "the 2-D array 'w'");

    [Fact]
    public void A_row_local_assigned_again_is_one_diagnostic() => AssertReported("AGD0005", """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double[][] w, double x)
            {
                [|var r = w[0];|]
                r = w[1];
                return r[0] * x;
            }
        }
        """, "The row local 'r', assigned again later");

    [Fact]
    public void Another_member_of_a_row_is_refused_at_the_row() => AssertReported("AGD0006", """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double[][] w, double x) => [|w[0]|].Rank * x;
        }
        """, "'w' is a jagged array whose gradient is computed");

    [Fact]
    public void Second_order_names_the_jagged_array() => AssertReported("AGD0075", """
        public static partial class Functions
        {
            [Differentiable(SecondOrder = true)]
            public static double [|F|](double[][] w, double x) => w[0][0] * x;
        }
        """, "it takes a differentiated jagged array");

    [Fact]
    public void Data_handed_to_a_differentiated_jagged_or_2D_parameter_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable] public static double G(double[][] w, double x) => w[0][0] * x * x;
                [Differentiable(nameof(x))] public static double F(double[][] w, double x) => G(w, x) * x;
                [Differentiable] public static double H(double[,] w, double x) => w[0, 0] * x * x;
                [Differentiable(nameof(x))] public static double K(double[,] w, double x) => H(w, x) * x + H(w, 1.0);
                [Differentiable] public static double Nested(double[][] w, double x) { double s = 0; foreach (var r in w) foreach (var v in r) s += v * x; foreach (var v in w[0]) s += v; return s; }
            }
            """);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationProblems);
        Assert.All(new[] { "G", "F", "H", "K", "Nested" }, name => Assert.True(run.HasCodeFor(name), name));
    }

    private static void AssertReported(string id, string markedSource, string messageContains)
    {
        var source = MarkedSource.Parse(Usings + markedSource);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Contains(messageContains, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
    }
}
