using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// Generic math (issue 10, item 9): what is instantiated, what is refused with one diagnostic at the construct
/// (AGD0065–AGD0067, AGD0030 for a call with another type argument), and that nothing else is reported then.
/// </summary>
public class GenericMathDiagnosticTests
{
    private const string Usings = "using System;\nusing System.Numerics;\nusing AutogradGen;\n";

    [Fact]
    public void A_generic_method_gets_a_double_and_a_float_overload_of_each_member_and_one_tape_twin()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable] public static T F<T>(T x) where T : IFloatingPointIeee754<T> => T.Exp(x) * T.CreateChecked(2);
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
        var type = run.Output.GetTypeByMetadataName("Functions")!;
        foreach (var suffix in new[] { "Gradient", "Derivative", "Pullback" })
        {
            var overloads = type.GetMembers("F" + suffix).OfType<IMethodSymbol>().ToList();
            Assert.Equal(2, overloads.Count);
            Assert.All(overloads, m => Assert.False(m.IsGenericMethod));
            Assert.Equal(["double", "float"], overloads.Select(m => m.Parameters[0].Type.ToDisplayString()).Order());
        }

        Assert.Single(type.GetMembers("FTape"));
        var floatSource = run.Sources.Single(s => s.HintName == "Functions.Derivatives.g.cs").SourceText.ToString();
        floatSource = floatSource[floatSource.IndexOf("FDerivative(float", StringComparison.Ordinal)..];
        Assert.Contains("global::System.MathF.Exp(x)", floatSource, StringComparison.Ordinal);
        Assert.Contains("2f", floatSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_through_types_that_mention_the_type_parameter_are_spelled_with_the_instance_type()
    {
        var run = GeneratorHarness.Run(Usings + """
            using System.Collections.Generic;

            public static partial class Functions
            {
                [Differentiable(nameof(x))]
                public static T Weighted<T>(T x, IReadOnlyList<T> weights, T[][] table) where T : IFloatingPointIeee754<T>
                {
                    var s = default(T);
                    for (var i = 0; i < weights.Count; i++)
                    {
                        s += weights[i] * T.Sin(x * table[i][0]);
                    }

                    return s;
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
        var floatSource = run.Sources.Single(s => s.HintName.EndsWith("Derivatives.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        floatSource = floatSource[floatSource.IndexOf("WeightedDerivative(float", StringComparison.Ordinal)..];
        Assert.Contains("global::System.Collections.Generic.IReadOnlyList<float> weights", floatSource, StringComparison.Ordinal);
        Assert.Contains("float[][] table", floatSource, StringComparison.Ordinal);
    }

    [Fact]
    public void AGD0065_is_reported_on_a_type_parameter_that_can_be_neither_double_nor_float() => AssertReported("AGD0065", """
        public static partial class Functions
        {
            [Differentiable] public static T F[|<T>|](T x) where T : IBinaryInteger<T> => x * x;
        }
        """, "'System.Numerics.IBinaryInteger<T>'");

    [Fact]
    public void AGD0065_is_reported_on_a_class_constraint() => AssertReported("AGD0065", """
        public static partial class Functions
        {
            [Differentiable] public static double F[|<T>|](double x, T tag) where T : class => x * x;
        }
        """, "'class'");

    [Fact]
    public void AGD0066_is_reported_on_two_type_parameters() => AssertReported("AGD0066", """
        public static partial class Functions
        {
            [Differentiable] public static T F[|<T, TScale>|](T x, TScale s) where T : INumber<T> where TScale : INumber<TScale> => x * T.CreateChecked(s);
        }
        """, "2 type parameters");

    [Fact]
    public void AGD0066_is_reported_on_a_type_parameter_no_parameter_mentions() => AssertReported("AGD0066", """
        public static partial class Functions
        {
            [Differentiable] public static double F[|<T>|](double x) => x;
        }
        """, "no parameter's type mentions 'T'");

    [Fact]
    public void AGD0066_is_reported_when_an_instance_would_clash_with_a_differentiable_overload()
    {
        var source = MarkedSource.Parse(Usings + """
            public static partial class Functions
            {
                [Differentiable] public static T F[|<T>|](T x) where T : INumber<T> => x * x;

                [Differentiable] public static double F(double x) => x * x * x;
            }
            """);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AGD0066", diagnostic.Id);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Contains("same parameters as 'Functions.F(double)'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void An_instance_generic_method_gets_instance_overloads()
    {
        var run = GeneratorHarness.Run(Usings + """
            public sealed partial class Model
            {
                public double Scale { get; init; } = 2;

                [Differentiable] public T Score<T>(in T x) where T : IFloatingPointIeee754<T> => T.CreateChecked(Scale) * T.Tanh(x);
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
        var overloads = run.Output.GetTypeByMetadataName("Model")!.GetMembers("ScoreGradient").OfType<IMethodSymbol>().ToList();
        Assert.Equal(2, overloads.Count);
        Assert.All(overloads, m => Assert.False(m.IsStatic));
        Assert.All(overloads, m => Assert.Equal(RefKind.In, m.Parameters[0].RefKind));
    }

    [Fact]
    public void AGD0067_is_reported_on_a_generic_math_member_without_a_rule() => AssertReported("AGD0067", """
        public static partial class Functions
        {
            [Differentiable] public static T F<T>(T x, T y) where T : IFloatingPointIeee754<T> => x + [|T.BitIncrement(x)|] * y;
        }
        """, "'IFloatingPointIeee754.BitIncrement'");

    [Fact]
    public void AGD0030_is_reported_on_a_call_of_a_generic_method_with_another_type_argument()
    {
        var source = MarkedSource.Parse(Usings + """
            public static partial class Functions
            {
                [Differentiable] public static T G<T>(T x) where T : INumber<T> => x * x;

                [Differentiable] public static double F(double x) => x * (double)[|G<int>(3)|];
            }
            """);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("AGD0030", diagnostic.Id);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Contains("type argument 'int'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_generic_method_takes_its_callers_code_with_one_AGD0019_and_no_compiler_error()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable] public static T G<T>(T x) where T : IFloatingPointIeee754<T> => T.BitIncrement(x);

                [Differentiable] public static double F(double x) => G(x) * x;

                [Differentiable] public static float H(float x) => G(x) * x;
            }
            """);
        Assert.Equal(["AGD0019", "AGD0019", "AGD0067"], run.Diagnostics.Select(d => d.Id).Order());
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
        Assert.False(run.HasCodeFor("G"));
        Assert.False(run.HasCodeFor("F"));
        Assert.False(run.HasCodeFor("H"));
    }

    [Fact]
    public void A_diagnostic_both_instances_would_report_is_reported_once()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable] public static T F<T>(T x) where T : IFloatingPointIeee754<T> => T.Floor(x) + x;
            }
            """);
        Assert.Equal("AGD0013", Assert.Single(run.Diagnostics).Id);
        // Both instances, in the one file of their type.
        var source = Assert.Single(run.Sources).SourceText.ToString();
        Assert.Contains("FGradient(double", source, StringComparison.Ordinal);
        Assert.Contains("FGradient(float", source, StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
    }

    private static void AssertReported(string id, string markedSource, string messageContains)
    {
        var source = MarkedSource.Parse(Usings + markedSource);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(SourceText.From(source.Text).Lines.GetLinePositionSpan(source.Span), diagnostic.Location.GetLineSpan().Span);
        Assert.Contains(messageContains, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.False(run.HasCodeFor("F"));
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
    }
}
