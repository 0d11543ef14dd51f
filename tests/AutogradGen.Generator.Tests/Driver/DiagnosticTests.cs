using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>Every diagnostic id, reported at the exact construct (line, column and length).</summary>
public class DiagnosticTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    [Fact]
    public void AGD0001_is_reported_on_a_containing_type_that_is_not_partial() => AssertReported("AGD0001", """
        public static class [|Functions|]
        {
            [Differentiable] public static double F(double x) => x * x;
        }
        """);

    [Fact]
    public void AGD0002_is_reported_on_a_tensor_method_that_is_not_static() => AssertReported("AGD0002", """
        public partial class Functions
        {
            [Differentiable] public Tensor [|F|](Tensor x) => x * x;
        }
        """);

    [Fact]
    public void AGD0003_is_reported_on_a_named_parameter_that_cannot_be_differentiated() => AssertReported("AGD0003", """
        public static partial class Functions
        {
            [Differentiable("x", "n")] public static double F(double x, int [|n|]) => x * n;
        }
        """);

    [Fact]
    public void AGD0004_is_reported_on_a_return_type_that_cannot_be_differentiated() => AssertReported("AGD0004", """
        public static partial class Functions
        {
            [Differentiable] public static [|int|] F(double x) => (int)x;
        }
        """);

    [Fact]
    public void AGD0005_is_reported_on_an_unsupported_statement() => AssertReported("AGD0005", """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double x)
            {
                var y = x;
                [|try { y = x * x; } finally { }|]
                return y;
            }
        }
        """, "A 'try' statement");

    [Fact]
    public void AGD0006_is_reported_on_an_unsupported_expression() => AssertReported("AGD0006", """
        public static partial class Functions
        {
            public sealed class Box(double value) { public double Value = value; }

            [Differentiable] public static double F(double x) => x * [|new Box(x)|].Value;
        }
        """, "Creating an object cannot be differentiated: create it outside the method and pass it as a parameter");

    [Fact]
    public void AGD0007_is_reported_on_a_call_to_a_method_without_a_derivative() => AssertReported("AGD0007", """
        public static partial class Functions
        {
            public static double Helper(double x) => x + 1;

            [Differentiable] public static double F(double x) => 2 * [|Helper(x)|];
        }
        """, "Functions.Helper(double)");

    [Fact]
    public void AGD0007_is_not_reported_on_a_call_no_derivative_flows_through()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                public static double Helper(double x) => x + 1;

                [Differentiable]
                public static double F(double x) => double.IsNaN(x) ? 0 : x * Helper(3) + Helper(Differentiation.WithoutDerivative(x));
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void AGD0019_is_reported_on_a_call_to_a_refused_method_even_when_no_derivative_flows_through_it()
    {
        // The caller's tape twin would call the refused method's twin, which does not exist (CS0117).
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable]
                public static double Refused(double x) { try { return x; } finally { } }

                [Differentiable]
                public static double Caller(double x) => x * Refused(2.0);
            }
            """);
        Assert.Contains(run.Diagnostics, d => d.Id == "AGD0019" && d.GetMessage(CultureInfo.InvariantCulture).Contains("Refused", StringComparison.Ordinal));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void AGD0030_is_reported_on_an_instance_call_on_a_value_computed_in_the_method() => AssertReported("AGD0030", """
        public sealed partial class Model
        {
            public double Scale { get; init; } = 2;

            [Differentiable] public double Scaled(double x) => Scale * x;

            [Differentiable] public static double Twice(double x) => [|new Model().Scaled(x)|] * 2;
        }
        """, "only calls on this, a field, a property or a parameter");

    [Fact]
    public void AGD0008_is_reported_on_a_write_to_a_field() => AssertReported("AGD0008", """
        public static partial class Functions
        {
            private static double s_last;

            [Differentiable]
            public static double F(double x)
            {
                [|s_last|] = x;
                return x * x;
            }
        }
        """, "s_last");

    [Fact]
    public void AGD0008_is_reported_on_a_write_into_a_2D_array_parameter() => AssertReported("AGD0008", """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double[,] w, double x)
            {
                [|w[0, 0]|] = x;
                return w[0, 1] * x;
            }
        }
        """, "w[0, 0]");

    [Fact]
    public void AGD0085_is_reported_when_a_2D_array_with_a_derivative_is_passed_to_a_differentiable_method() => AssertReported("AGD0085", """
        public static partial class Functions
        {
            [Differentiable(nameof(x))]
            public static double Sum(double[,] w, double x) => w[0, 0] + w[0, 1] * x;

            [Differentiable]
            public static double F(double[,] w, double x) => [|Sum(w, x)|] * x;
        }
        """, "handed the 2-D array 'w', whose gradient is computed, and the parameter it is passed to is not a differentiated 2-D array");

    [Fact]
    public void AGD0085_is_reported_when_a_2D_array_with_a_derivative_is_passed_to_a_plain_method() => AssertReported("AGD0085", """
        public static partial class Functions
        {
            private static double Total(double[,] w) => w[0, 0];

            [Differentiable]
            public static double F(double[,] w, double x) => [|Total(w)|] * x;
        }
        """, "mark it [Differentiable]");

    [Fact]
    public void AGD0009_is_reported_on_a_recursive_call_of_a_tensor_method() => AssertReported("AGD0009", """
        public static partial class Functions
        {
            [Differentiable] public static AutogradGen.Tensor F(AutogradGen.Tensor x) => [|F(x * 2)|] + x;
        }
        """);

    [Fact]
    public void AGD0010_is_reported_on_a_name_that_is_not_a_parameter() => AssertReported("AGD0010", """
        public static partial class Functions
        {
            [Differentiable("x", [|"z"|])] public static double F(double x, double y) => x * y;
        }
        """, "'z'");

    [Fact]
    public void AGD0011_is_reported_on_a_member_that_takes_a_generated_name() => AssertReported("AGD0011", """
        public static partial class Functions
        {
            [Differentiable] public static double F(double x) => x * x;

            public static void [|FGradient|]() { }
        }
        """, "FGradient");

    [Fact]
    public void AGD0012_warns_when_the_result_does_not_depend_on_the_parameters() => AssertReported("AGD0012", """
        public static partial class Functions
        {
            [Differentiable] public static double [|F|](double x) => 3.0;
        }
        """, expectSource: true);

    [Fact]
    public void AGD0013_warns_on_a_non_differentiable_function_of_an_active_value() => AssertReported("AGD0013", """
        public static partial class Functions
        {
            [Differentiable] public static double F(double x) => [|Math.Floor(x)|] + x;
        }
        """, "Math.Floor", expectSource: true);

    [Fact]
    public void AGD0013_warns_on_a_cast_of_an_active_value_to_int() => AssertReported("AGD0013", """
        public static partial class Functions
        {
            [Differentiable] public static double F(double x) => [|(int)x|] * x;
        }
        """, "(int)x", expectSource: true);

    [Fact]
    public void AGD0013_is_not_reported_on_floor_or_an_int_cast_of_a_value_no_derivative_flows_through()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable(nameof(x))]
                public static double F(double x, double y) => Math.Floor(y) * x + (int)(y * 3) + Math.Round(Differentiation.WithoutDerivative(x));
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Single(run.Sources);
    }

    [Fact]
    public void AGD0014_is_reported_on_a_user_derivative_of_the_wrong_shape() => AssertReported("AGD0014", """
        public static class Library
        {
            public static double G(double x) => x;
        }

        public static class Derivatives
        {
            [DerivativeOf(typeof(Library), nameof(Library.G))]
            public static double [|GGradient|](double x) => x;
        }
        """, "out double dx");

    [Fact]
    public void AGD0015_is_reported_on_a_local_of_an_unsupported_type() => AssertReported("AGD0015", """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double x)
            {
                long [|n = 3|];
                return x * n;
            }
        }
        """, "'long'");

    [Fact]
    public void AGD0015_is_reported_once_on_a_local_of_an_unsupported_type_not_at_each_use()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable]
                public static double F(double x)
                {
                    long n = 3;
                    n++;
                    return x * n;
                }
            }
            """);
        Assert.Equal("AGD0015", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void AGD0015_is_reported_on_a_local_jagged_array_and_nowhere_else() => AssertReported("AGD0015", """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double x)
            {
                var [|grid = new double[2][]|];
                grid[0] = new double[2];
                grid[0][0] = x;
                return grid[0][0] * x;
            }
        }
        """, "'double[][]'");

    [Fact]
    public void AGD0006_is_reported_on_a_member_of_a_2D_array_with_a_derivative_other_than_its_shape() => AssertReported("AGD0006", """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double[,] w) => w[0, 0] * [|w.GetUpperBound(0)|];
        }
        """, "read its elements (w[i, j]) and its shape with Length, Rank and GetLength(k)");

    [Fact]
    public void AGD0016_warns_when_the_callee_drops_an_active_arguments_derivative() => AssertReported("AGD0016", """
        public static partial class Functions
        {
            [Differentiable("x")] public static double Scaled(double x, double factor) => x * factor;

            [Differentiable] public static double F(double x, double y) => Scaled(x, [|y|]);
        }
        """, "'factor'", expectSource: true);

    [Fact]
    public void AGD0017_is_reported_on_a_differentiable_local_function() => AssertReported("AGD0017", """
        public static partial class Functions
        {
            public static double Outer(double x)
            {
                return Inner(x);

                [Differentiable] static double [|Inner|](double y) => y * y;
            }
        }
        """, "make it a static or instance method of a partial type", expectSource: false);

    [Fact]
    public void AGD0019_is_reported_on_a_call_to_a_differentiable_method_whose_derivatives_could_not_be_generated() => AssertReported("AGD0019", """
        public static partial class Functions
        {
            [Differentiable]
            public static double Broken(double x)
            {
                goto end;
                end: return x;
            }

            [Differentiable] public static double F(double x) => 2 * [|Broken(x)|];
        }
        """, "Functions.Broken(double)");

    [Fact]
    public void AGD0014_is_reported_on_a_user_derivative_generated_code_cannot_call() => AssertReported("AGD0014", """
        public static class Library
        {
            public static double G(double x) => x;

            private static class Hidden
            {
                [DerivativeOf(typeof(Library), nameof(Library.G))]
                public static double [|GGradient|](double x, out double dx)
                {
                    dx = 1;
                    return x;
                }
            }
        }
        """, "internal or public");

    private static void AssertReported(string id, string markedSource, string? messageContains = null, bool expectSource = false)
    {
        var source = MarkedSource.Parse(Usings + markedSource);
        var run = GeneratorHarness.Run(source.Text);
        var reported = run.Diagnostics.Where(d => d.Id == id).ToList();
        var diagnostic = Assert.Single(reported);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        var expectedLines = SourceText.From(source.Text).Lines.GetLinePositionSpan(source.Span);
        Assert.Equal(expectedLines, diagnostic.Location.GetLineSpan().Span);
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        Assert.Equal(expectSource, run.HasCodeFor("F"));
        if (expectSource)
        {
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
        }
    }
}
