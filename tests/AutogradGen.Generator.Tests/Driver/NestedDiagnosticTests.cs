using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// Nested derivatives (a [Differentiable] method calling another one's generated Gradient or Derivative): what they
/// cannot do is one diagnostic at the construct (AGD0090–AGD0093) and the calling method gets no code; what they can
/// do compiles without warnings.
/// </summary>
public class NestedDiagnosticTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    private const string Bowl = "[Differentiable(SecondOrder = true)] public static double Bowl(double x, double y) => x * x + 3 * y * y;\n";

    [Fact]
    public void AGD0090_is_reported_on_a_call_of_a_first_order_method() => AssertReported("AGD0090", """
        public static partial class Functions
        {
            [Differentiable] public static double Bowl(double x, double y) => x * x + 3 * y * y;
            [Differentiable] public static double G(double x) => [|BowlGradient(x, 2 * x, out double gx, out double gy)|] + gx * gy;
        }
        """, "mark 'Bowl' [Differentiable(SecondOrder = true)]");

    [Fact]
    public void AGD0091_is_reported_on_an_out_var() => AssertReported("AGD0091", """
        public static partial class Functions
        {
            BOWL
            [Differentiable] public static double G(double x) => BowlGradient(x, x, [|out var gx|], out double gy) * gy;
        }
        """, "write 'out double gx'");

    [Fact]
    public void AGD0091_is_reported_on_a_derivative_tuple_read_whole() => AssertReported("AGD0091", """
        public static partial class Functions
        {
            BOWL
            [Differentiable] public static double G(double x)
            {
                var t = [|BowlDerivative(x, x, 1.0, 0.0)|];
                return x;
            }
        }
        """, "read .Value or .Derivative");

    [Fact]
    public void AGD0092_is_reported_on_a_call_of_a_method_with_a_span_it_does_not_differentiate() => AssertReported("AGD0092", """
        public static partial class Functions
        {
            [Differentiable(nameof(s), SecondOrder = true)] public static double Weighted(ReadOnlySpan<double> w, double s) => w[0] * s * s + w[1] * s;
            [Differentiable] public static double G(double a)
            {
                Span<double> w = stackalloc double[2];
                w[0] = a;
                return [|WeightedGradient(w, a, out double g)|] * g;
            }
        }
        """, "not a span of double the method differentiates");

    [Fact]
    public void AGD0092_is_reported_on_the_derivative_of_a_span_method() => AssertReported("AGD0092", """
        public static partial class Functions
        {
            [Differentiable(SecondOrder = true)] public static double Norm2(ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1];
            [Differentiable] public static double G(double a)
            {
                Span<double> x = stackalloc double[2];
                x[0] = a;
                return [|Norm2Derivative(x, x)|].Derivative;
            }
        }
        """, "call its Gradient into a local array");

    [Fact]
    public void AGD0091_is_reported_on_a_span_gradient_that_is_also_an_argument() => AssertReported("AGD0091", """
        public static partial class Functions
        {
            [Differentiable(SecondOrder = true)] public static double Norm2(ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1];
            [Differentiable] public static double G(double a)
            {
                Span<double> g = stackalloc double[2];
                g[0] = a;
                return Norm2Gradient(g, [|g|]);
            }
        }
        """, "also an argument of the call");

    [Fact]
    public void AGD0091_is_reported_on_a_span_gradient_into_a_parameter() => AssertReported("AGD0091", """
        public static partial class Functions
        {
            [Differentiable(SecondOrder = true)] public static double Norm2(ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1];
            [Differentiable] public static double G(double[] x, double[] g) => Norm2Gradient(x, [|g|]);
        }
        """, "local double array of this method");

    [Fact]
    public void Nested_span_code_compiles_without_warnings_with_a_scalar_it_does_not_differentiate_pass_through_data_and_stackalloc()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable(nameof(x), nameof(t), SecondOrder = true)]
                public static double Inner(ReadOnlySpan<double> x, double t, double w, int k)
                {
                    double s = t * w;
                    for (int i = 0; i < x.Length; i++) s += Math.Sin(w * x[i]) * k * t;
                    return s;
                }

                [Differentiable]
                public static double Outer(double[] x, double a, int k)
                {
                    Span<double> g = stackalloc double[x.Length];
                    double[] h = new double[x.Length];
                    double v = InnerGradient(x, a, a * a, k, g, out double gt);
                    InnerGradient(x, gt, a, k, h, out _);
                    double s = v;
                    for (int i = 0; i < x.Length; i++) s += g[i] * h[i];
                    return s;
                }
            }
            """);
        Assert.True(run.Diagnostics.Length == 0, string.Join("\n", run.Diagnostics));
        Assert.True(!run.CompilationProblems.Any(), string.Join("\n", run.CompilationProblems));
        var sources = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("InnerNestedComponentPullback(", sources, StringComparison.Ordinal);
        Assert.Contains("OuterGradient(", sources, StringComparison.Ordinal);
    }

    [Fact]
    public void AGD0093_is_reported_when_the_caller_is_second_order_itself() => AssertReported("AGD0093", """
        public static partial class Functions
        {
            BOWL
            [Differentiable(SecondOrder = true)] public static double G(double x) => [|BowlDerivative(x, x, 1.0, 1.0)|].Derivative;
        }
        """, "one level deep");

    [Fact]
    public void Nested_code_compiles_without_warnings_with_subsets_discards_pass_through_data_and_a_tape_twin_over_the_callees_nested_twin()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable(nameof(x), SecondOrder = true)]
                public static double Inner(double x, double w, int k, long n) => Math.Sin(w * x) * k + n;

                [Differentiable]
                public static double Outer(double a, int k)
                {
                    double x = a;
                    for (int i = 0; i < k; i++)
                    {
                        InnerGradient(x, a * a, k, 3L, out double g);
                        x -= 0.1 * g + InnerDerivative(x, a, k, 3L, 2.0).Derivative;
                        InnerGradient(x, a, k, 3L, out _);
                    }

                    return -InnerDerivative(x, a, k, 3L, 1.0).Value * (x + 1);
                }

                [Differentiable]
                public static double Caller(double a) => Outer(a, 2) * 2;
            }
            """);
        Assert.True(run.Diagnostics.Length == 0, string.Join("\n", run.Diagnostics));
        Assert.True(!run.CompilationProblems.Any(), string.Join("\n", run.CompilationProblems));
        var sources = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("InnerNestedSlopePullback(", sources, StringComparison.Ordinal);
        Assert.Contains("OuterGradient(", sources, StringComparison.Ordinal);
        // Inner leaves w undifferentiated: the twins call its twin over every double parameter under a createGraph gradient.
        Assert.Contains("InnerNestedTape(", sources, StringComparison.Ordinal);
        Assert.Contains("global::AutogradGen.CompilerServices.NestedTape.Slope(", sources, StringComparison.Ordinal);
        Assert.DoesNotContain("NotSupportedException", sources, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_derivative_nests_forward_over_forward_unless_the_callee_calls_a_user_derivative()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static class Library
            {
                public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

                [DerivativeOf(typeof(Library), nameof(Softplus))]
                public static double SoftplusGradient(double x, out double dx)
                {
                    dx = 1 / (1 + Math.Exp(-x));
                    return Softplus(x);
                }
            }

            public static partial class Functions
            {
                [Differentiable(SecondOrder = true)] public static double Leaf(double x) => Math.Exp(x) * x;
                [Differentiable(SecondOrder = true)] public static double Calls(double x) => Leaf(x) + x * x;
                [Differentiable(SecondOrder = true)] public static double User(double x) => Library.Softplus(x) * x;

                [Differentiable]
                public static double Outer(double a) =>
                    LeafDerivative(a, 1.0).Derivative * CallsDerivative(a, a).Derivative + UserDerivative(a, 2.0).Derivative;
            }
            """);
        Assert.True(run.Diagnostics.Length == 0, string.Join("\n", run.Diagnostics));
        Assert.True(!run.CompilationProblems.Any(), string.Join("\n", run.CompilationProblems));
        var sources = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        // Calls's forward mode on duals calls Leaf's; User's TangentDerivative runs its dual pullback.
        Assert.Contains("LeafTangentDerivative(", sources, StringComparison.Ordinal);
        Assert.Contains("CallsTangentDerivative(", sources, StringComparison.Ordinal);
        Assert.Contains("= UserTangentPullback(x, 1.0, ref xAdjoint);", sources, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_call_reading_an_in_parameter_gets_a_tape_twin_that_says_it_has_no_tape_form()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable(nameof(x), SecondOrder = true)]
                public static double Inner(double x, int k) => Math.Sin(x) * k;

                [Differentiable]
                public static double Outer(double a, in int k) => InnerGradient(a, k, out double g) * g;
            }
            """);
        Assert.True(run.Diagnostics.Length == 0, string.Join("\n", run.Diagnostics));
        Assert.True(!run.CompilationProblems.Any(), string.Join("\n", run.CompilationProblems));
        var sources = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("OuterGradient(", sources, StringComparison.Ordinal);
        Assert.Contains("an argument a tape twin cannot capture", sources, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_with_a_nested_call_and_another_error_is_left_to_the_compiler()
    {
        var run = GeneratorHarness.Run(Usings + "public static partial class Functions\n{\n" + Bowl + """
                [Differentiable] public static double G(double x) => BowlGradient(x, x, out double gx, out double gy) * undefinedName;
            }
            """);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id.StartsWith("AGD", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("GPullback(", StringComparison.Ordinal));
    }

    private static void AssertReported(string id, string markedSource, string messageContains)
    {
        var source = MarkedSource.Parse(Usings + markedSource.Replace("BOWL", Bowl));
        var run = GeneratorHarness.Run(source.Text);
        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        var diagnostic = errors[0];
        Assert.True(id == diagnostic.Id, diagnostic.ToString());
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Contains(messageContains, diagnostic.GetMessage(), StringComparison.Ordinal);
        // A refused method keeps only its throwing stubs (so that callers see no CS0117), never derivative code.
        Assert.False(run.HasCodeFor("G"));
    }
}
