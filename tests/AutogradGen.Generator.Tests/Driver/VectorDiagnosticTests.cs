using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>Vector-valued methods the generator refuses: one diagnostic each, at the construct, saying why and what to change.</summary>
public class VectorDiagnosticTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    [Fact]
    public void AGD0072_is_reported_on_a_results_span_named_in_the_differentiation_list() => AssertReported("AGD0072", """
        public static partial class Functions
        {
            [Differentiable("x", "r")] public static void F(ReadOnlySpan<double> x, Span<double> [|r|]) { r[0] = x[0]; }
        }
        """, "'r' is the results span of 'F'");

    [Fact]
    public void AGD0073_is_reported_on_the_results_span_passed_whole_to_a_call() => AssertReported("AGD0073", """
        public static partial class Functions
        {
            [Differentiable] public static double Sum(ReadOnlySpan<double> v) { var s = 0.0; for (var i = 0; i < v.Length; i++) s += v[i]; return s; }

            [Differentiable]
            public static void F(ReadOnlySpan<double> x, Span<double> r)
            {
                r[0] = x[0];
                r[1] = Sum([|r|]);
            }
        }
        """, "it is passed whole to a call");

    [Fact]
    public void A_span_parameter_of_a_scalar_method_is_still_not_written() => AssertReported("AGD0008", """
        public static partial class Functions
        {
            [Differentiable] public static double F(ReadOnlySpan<double> x, Span<double> r) { [|r[0]|] = x[0]; return x[0]; }
        }
        """, "'r[0]'");

    [Fact]
    public void A_vector_valued_method_gets_jvp_vjp_and_jacobian_and_no_scalar_members()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable] public static void F(ReadOnlySpan<double> x, Span<double> r) { r[0] = x[0] * x[1]; r[1] = Math.Sin(x[0]); }
            }
            """);
        Assert.Empty(run.Diagnostics);
        var source = Assert.Single(run.Sources, s => s.HintName == "Functions.Derivatives.g.cs").SourceText.ToString();
        Assert.Contains("void FJvp(", source, StringComparison.Ordinal);
        Assert.Contains("void FVjp(", source, StringComparison.Ordinal);
        Assert.Contains("void FJacobian(", source, StringComparison.Ordinal);
        Assert.DoesNotContain("FGradient", source, StringComparison.Ordinal);
        Assert.DoesNotContain("FDerivative", source, StringComparison.Ordinal);
    }

    private static void AssertReported(string id, string markedSource, string messageContains)
    {
        var source = MarkedSource.Parse(Usings + markedSource);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(SourceText.From(source.Text).Lines.GetLinePositionSpan(source.Span), diagnostic.Location.GetLineSpan().Span);
        Assert.Contains(messageContains, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.False(run.HasCodeFor("F"));
    }
}
