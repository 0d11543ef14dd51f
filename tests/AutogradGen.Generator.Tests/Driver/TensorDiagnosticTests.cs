using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>Diagnostics of tensor methods, at the exact construct; a clean tensor method compiles with its generated code.</summary>
public class TensorDiagnosticTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    [Fact]
    public void AGD0020_is_reported_on_a_tensor_operation_without_a_derivative_rule() => AssertReported("AGD0020", """
        public static partial class Functions
        {
            [Differentiable] public static Tensor F(Tensor x) => [|x.Norm()|] * 2;
        }
        """, "'x.Norm'");

    [Fact]
    public void AGD0020_is_reported_on_a_call_of_a_method_that_is_not_differentiable() => AssertReported("AGD0020", """
        public static partial class Functions
        {
            public static Tensor Helper(Tensor x) => x * 2;

            [Differentiable] public static Tensor F(Tensor x) => [|Helper(x)|].Sum();
        }
        """, "'Helper'");

    [Fact]
    public void AGD0005_is_reported_on_a_return_before_the_end_of_a_tensor_method() => AssertReported("AGD0005", """
        public static partial class Functions
        {
            [Differentiable]
            public static Tensor F(Tensor x, bool early)
            {
                if (early) [|return x.Sum();|]
                return x.Exp().Sum();
            }
        }
        """, "A return before the end");

    [Fact]
    public void AGD0004_is_reported_on_a_tensor_method_that_does_not_return_a_tensor() => AssertReported("AGD0004", """
        public static partial class Functions
        {
            [Differentiable] public static [|double|] F(Tensor x) => x.Sum().Item();
        }
        """);

    [Fact]
    public void AGD0012_warns_on_a_tensor_method_whose_result_does_not_depend_on_the_differentiated_tensors()
    {
        var source = MarkedSource.Parse(Usings + """
            public static partial class Functions
            {
                [Differentiable(nameof(w))] public static Tensor [|F|](Tensor x, Tensor w) => (x * 2).Sum() + w.Detach().Sum();
            }
            """);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "AGD0012");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Contains(run.Sources, s => s.HintName == "Functions.F.Derivatives.g.cs");
    }

    [Fact]
    public void A_tensor_method_with_loops_branches_and_calls_compiles_with_its_generated_code()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable(nameof(w))]
                public static Tensor Layer(Tensor x, Tensor w) => x.MatMul(w).Tanh();

                [Differentiable(nameof(w))]
                public static Tensor F(Tensor x, Tensor w, int layers, bool relu)
                {
                    var h = x;
                    for (int i = 0; i < layers; i++)
                    {
                        h = Layer(h, w);
                        if (relu) h = h.Relu();
                    }

                    return h.Sum();
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "Functions.F.Derivatives.g.cs");
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private static void AssertReported(string id, string markedSource, string? messageContains = null)
    {
        var source = MarkedSource.Parse(Usings + markedSource);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics.Where(d => d.Id == id));
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(SourceText.From(source.Text).Lines.GetLinePositionSpan(source.Span), diagnostic.Location.GetLineSpan().Span);
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        Assert.False(run.HasCodeFor("F"));
    }
}
