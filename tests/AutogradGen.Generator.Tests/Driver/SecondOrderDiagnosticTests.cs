using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>What second order cannot do is one diagnostic at the construct (AGD0075–AGD0077), and the method then gets no code.</summary>
public class SecondOrderDiagnosticTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    [Fact]
    public void AGD0075_is_reported_on_a_float_method() => AssertReported("AGD0075", """
        public static partial class Functions
        {
            [Differentiable(SecondOrder = true)] public static float [|F|](float x) => x * x;
        }
        """, "double arithmetic only");

    [Fact]
    public void AGD0075_is_reported_on_an_array_parameter() => AssertReported("AGD0075", """
        public static partial class Functions
        {
            [Differentiable(SecondOrder = true)] public static double [|F|](double[] x) => x[0] * x[1];
        }
        """, "take a ReadOnlySpan<double> instead");

    [Fact]
    public void AGD0076_is_reported_on_a_call_of_a_first_order_method() => AssertReported("AGD0076", """
        public static partial class Functions
        {
            [Differentiable] public static double G(double x) => x * x;
            [Differentiable(SecondOrder = true)] public static double F(double x) => 2 * [|G(x)|];
        }
        """, "mark it [Differentiable(SecondOrder = true)] too");

    [Fact]
    public void AGD0076_is_reported_on_a_call_of_a_span_method() => AssertReported("AGD0076", """
        public static partial class Functions
        {
            [Differentiable(SecondOrder = true)] public static double G(ReadOnlySpan<double> x) => x[0] * x[0];
            [Differentiable(SecondOrder = true)] public static double F(ReadOnlySpan<double> x) => 2 * [|G(x)|];
        }
        """, "scalar double arguments only");

    [Fact]
    public void AGD0077_is_reported_on_a_call_whose_user_derivative_has_no_dual_form() => AssertReported("AGD0077", """
        public static partial class Library
        {
            public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

            public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

            [DerivativeOf(typeof(Library), nameof(Softplus))]
            public static double SoftplusGradient(double x, out double dx)
            {
                dx = Logistic(x);
                return Softplus(x);
            }
        }
        public static partial class Functions
        {
            [Differentiable(SecondOrder = true)] public static double F(double x) => 2 * [|Library.Softplus(x)|];
        }
        """, "which has no dual form");

    [Fact]
    public void A_user_derivative_the_generator_can_read_is_differentiated_at_second_order_without_a_diagnostic()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Library
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
                [Differentiable(SecondOrder = true)] public static double F(double x) => 2 * Library.Softplus(x);
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("SoftplusGradientOnDuals", string.Concat(run.Sources.Select(s => s.SourceText.ToString())));
    }

    [Fact]
    public void A_first_order_method_gets_no_second_order_members() => Assert.DoesNotContain(
        "HessianVectorProduct",
        string.Concat(GeneratorHarness.Run(Usings + "public static partial class Functions { [Differentiable] public static double F(double x) => x * x; }").Sources.Select(s => s.SourceText.ToString())));

    [Fact]
    public void Second_order_code_compiles_without_warnings_for_instance_methods_pass_through_data_and_clashing_names()
    {
        var run = GeneratorHarness.Run(Usings + """
            public partial class Model
            {
                private readonly double _scale = 1.5;
                private readonly double[] _weights = { 0.5, -1.0, 2.0 };

                [Differentiable(nameof(value), nameof(hessian), SecondOrder = true)]
                public double Energy(double value, double hessian, int column, long n)
                {
                    var s = 0.0;
                    for (var k = 0; k < _weights.Length; k++)
                    {
                        s += _weights[k] * Math.Sin(value * k + hessian) * _scale;
                    }

                    return s * s + Helper(value) * n + column;
                }

                [Differentiable(SecondOrder = true)]
                public double Helper(double x) => Math.Exp(-x * x * _scale);
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("EnergyHessianVectorProduct(", StringComparison.Ordinal));
    }

    private static void AssertReported(string id, string markedSource, string messageContains)
    {
        var source = MarkedSource.Parse(Usings + markedSource);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Contains(messageContains, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.False(run.HasCodeFor("F"));
    }
}
