using System.Reflection;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// A refused method keeps the members its callers use, with bodies that throw (Parsing/RefusedStubs.cs): the user sees
/// the one error that says what to change, not a CS0117 per call beside it (issue 10, "Diagnostics that help").
/// </summary>
public class RefusedMethodStubTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n\n";

    /// <summary>Every error the user sees: the analyzer's, the generator's, and the compiler's on the user's code and the generated code.</summary>
    private static List<Diagnostic> Errors(GeneratorRun run) =>
        run.Diagnostics.Concat(run.CompilationProblems).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    [Fact]
    public void One_refused_method_with_three_callers_is_one_error()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable]
                public static double F(double x, ReadOnlySpan<double> w)
                {
                    lock (typeof(Functions)) { return x * w[0]; }
                }
            }

            public static class Callers
            {
                public static double Gradient(double x, double[] w, double[] dw) => Functions.FGradient(x, w, out _, dw);
                public static double Derivative(double x, double[] w) => Functions.FDerivative(x, w, 1.0, new double[w.Length]).Derivative;
                public static Tensor Tape(Tensor x, Tensor w) => Functions.FTape(x, w);
            }
            """);

        var error = Assert.Single(Errors(run));
        Assert.Equal("AGD0005", error.Id);
        Assert.False(run.HasCodeFor("F"));
        var source = Assert.Single(run.Sources).SourceText.ToString();
        Assert.Contains("F was refused (see its AGD error)", source, StringComparison.Ordinal);
        Assert.Contains("of the refused <see cref=\"F(", source, StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Calling_a_stub_throws_NotSupportedException_naming_the_diagnostic()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable]
                public static double F(double x)
                {
                    lock (typeof(Functions)) { return x * x; }
                }
            }
            """);
        Assert.Equal("AGD0005", Assert.Single(Errors(run)).Id);

        // The AGD error is the generator's; the compilation itself (the stub included) emits.
        using var stream = new MemoryStream();
        Assert.True(run.Output.Emit(stream).Success);
        var type = Assembly.Load(stream.ToArray()).GetType("Functions")!;
        var gradient = type.GetMethod("FGradient")!;
        var thrown = Assert.Throws<TargetInvocationException>(() => gradient.Invoke(null, [2.0, 0.0]));
        var notSupported = Assert.IsType<NotSupportedException>(thrown.InnerException);
        Assert.Contains("AGD0005", notSupported.Message, StringComparison.Ordinal);
        Assert.Contains("did not differentiate F", notSupported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Callers_of_a_method_that_lost_its_code_to_a_refused_callee_add_no_error()
    {
        // G calls the refused F: G gets AGD0019 (the existing rule), and users of GGradient and FGradient nothing more.
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable]
                public static double F(double x)
                {
                    lock (typeof(Functions)) { return x * x; }
                }

                [Differentiable]
                public static double G(double x) => F(x) * 2.0;
            }

            public static class Callers
            {
                public static double UseG(double x) => Functions.GGradient(x, out _) + Functions.GDerivative(x, 1.0).Derivative;
                public static double UseF(double x) => Functions.FGradient(x, out _);
            }
            """);

        Assert.Equal(["AGD0005", "AGD0019"], Errors(run).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.False(run.HasCodeFor("F"));
        Assert.False(run.HasCodeFor("G"));
    }

    [Fact]
    public void Callers_of_a_callee_refused_at_its_declaration_stay_silent_behind_its_one_AGD0001()
    {
        // Sq's type is not partial (AGD0001, from the DeclarationAnalyzer): one root cause, so neither Energy (two calls)
        // nor Outer (which calls Energy) adds an AGD0019; both lose their code to throwing stubs, and users compile.
        var run = GeneratorHarness.Run(Usings + """
            public static class Helpers
            {
                [Differentiable]
                public static double Sq(double x) => x * x;
            }

            public static partial class Functions
            {
                [Differentiable]
                public static double Energy(double x) => Helpers.Sq(x) + Helpers.Sq(2.0 * x);

                [Differentiable]
                public static double Outer(double x) => Energy(x) * 3.0;
            }

            public static class Callers
            {
                public static double UseOuter(double x) => Functions.OuterGradient(x, out _) + Functions.EnergyDerivative(x, 1.0).Derivative;
            }
            """);

        Assert.Equal(["AGD0001"], Errors(run).Select(e => e.Id));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AGD0019");
        Assert.False(run.HasCodeFor("Energy"));
        Assert.False(run.HasCodeFor("Outer"));

        using var stream = new MemoryStream();
        Assert.True(run.Output.Emit(stream).Success);
        var gradient = Assembly.Load(stream.ToArray()).GetType("Functions")!.GetMethod("EnergyGradient")!;
        var thrown = Assert.Throws<TargetInvocationException>(() => gradient.Invoke(null, [2.0, 0.0]));
        Assert.Contains("Sq", Assert.IsType<NotSupportedException>(thrown.InnerException).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_vector_valued_method_keeps_its_jvp_vjp_and_jacobian()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static partial class Functions
            {
                [Differentiable]
                public static void F(ReadOnlySpan<double> x, Span<double> r)
                {
                    lock (typeof(Functions)) { r[0] = x[0] * x[1]; }
                }
            }

            public static class Callers
            {
                public static void Use(double[] x, double[] r, double[] t, double[] u, double[] g, double[] j)
                {
                    Functions.FJvp(x, r, t, new double[r.Length]);
                    Functions.FVjp(x, r, u, g);
                    Functions.FJacobian(x, r, j);
                }
            }
            """);

        Assert.Equal("AGD0005", Assert.Single(Errors(run)).Id);
    }

    [Fact]
    public void Both_instances_of_a_refused_generic_method_keep_their_members()
    {
        var run = GeneratorHarness.Run(Usings + "using System.Numerics;\n\n" + """
            public static partial class Functions
            {
                [Differentiable]
                public static T F<T>(T x) where T : IFloatingPointIeee754<T>
                {
                    lock (typeof(Functions)) { return x * x; }
                }
            }

            public static class Callers
            {
                public static double Use(double x, float y) => Functions.FGradient(x, out _) + Functions.FGradient(y, out _);
            }
            """);

        Assert.Equal("AGD0005", Assert.Single(Errors(run)).Id);
    }
}
