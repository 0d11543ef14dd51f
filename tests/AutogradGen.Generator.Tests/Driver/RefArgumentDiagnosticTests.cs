using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// Calls with ref and out arguments and void helpers: inlined at the call, and where that cannot be done, one AGD0060
/// at the call (the helper itself carries the AGD0061 note that it is differentiated where it is called).
/// </summary>
public class RefArgumentDiagnosticTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    [Fact]
    public void AGD0061_notes_that_a_void_helper_has_no_members_of_its_own() => AssertReported("AGD0061", """
        public static partial class Functions
        {
            [Differentiable] public static void [|Step|](ref double x, double dt) => x += dt * x;

            [Differentiable]
            public static double F(double x)
            {
                Step(ref x, 0.1);
                return x;
            }
        }
        """, "'Step' returns void, so it is differentiated where [Differentiable] methods call it", DiagnosticSeverity.Info, generatesF: true);

    [Fact]
    public void AGD0061_names_the_out_parameter_of_a_helper_returning_a_number() => AssertReported("AGD0061", """
        public static partial class Functions
        {
            [Differentiable] public static double [|Split|](double x, out double y) { y = x * x; return x; }
        }
        """, "hands back results through 'y' (out)", DiagnosticSeverity.Info, generatesF: false);

    [Fact]
    public void AGD0060_is_reported_on_a_recursive_helper_call() => AssertReported("AGD0060", """
        public static partial class Functions
        {
            [Differentiable]
            public static void Halve(ref double x, int n)
            {
                if (n == 0)
                {
                    return;
                }

                x *= 0.5;
                [|Halve(ref x, n - 1)|];
            }

            [Differentiable]
            public static double F(double x)
            {
                Halve(ref x, 3);
                return x;
            }
        }
        """, "it calls itself");

    [Fact]
    public void AGD0060_is_reported_on_a_helper_call_where_no_statement_can_go() => AssertReported("AGD0060", """
        public static partial class Functions
        {
            [Differentiable] public static double Split(double x, out double y) { y = x * x; return x; }

            [Differentiable]
            public static double F(double x) => x > 0 ? [|Split(x, out var y)|] * y : x;
        }
        """, "call it in a statement of its own");

    [Fact]
    public void AGD0060_is_reported_on_elements_of_one_array_that_may_alias() => AssertReported("AGD0060", """
        public static partial class Functions
        {
            [Differentiable] public static void Swap(ref double a, ref double b) => (a, b) = (b, a);

            [Differentiable]
            public static double F(double x, int i, int j)
            {
                var v = new double[2];
                v[0] = x;
                [|Swap(ref v[i], ref v[j])|];
                return v[0] * v[1];
            }
        }
        """, "would alias inside it");

    [Fact]
    public void AGD0060_is_reported_on_a_ref_argument_that_is_not_a_variable() => AssertReported("AGD0060", """
        public static partial class Functions
        {
            [Differentiable] public static void Grow(ref double a) => a *= 2;

            [Differentiable]
            public static double F(in double x)
            {
                var y = x;
                Grow(ref y);
                Grow([|ref Unsafe(x)|]);
                return y;
            }

            private static ref double Unsafe(in double x) => ref System.Runtime.CompilerServices.Unsafe.AsRef(in x);
        }
        """, "is not a local variable, a parameter or an array element");

    [Fact]
    public void AGD0060_is_reported_on_an_instance_helper_called_on_another_object() => AssertReported("AGD0060", """
        public partial class Model
        {
            public double Rate = 0.5;

            [Differentiable] public void Step(ref double x) => x *= Rate;

            [Differentiable]
            public static double F(double x, Model other)
            {
                [|other.Step(ref x)|];
                return x;
            }
        }
        """, "call it on 'this'", generatesF: false, fileName: ".F.");

    [Fact]
    public void A_problem_inside_a_helper_called_twice_is_reported_once_where_it_is() => AssertReported("AGD0005", """
        public static partial class Functions
        {
            [Differentiable]
            public static void Step(ref double x)
            {
                x *= 2;
                [|lock (typeof(Functions)) { }|]
            }

            [Differentiable]
            public static double F(double x)
            {
                Step(ref x);
                Step(ref x);
                return x;
            }
        }
        """);

    private static void AssertReported(
        string id, string markedSource, string? messageContains = null, DiagnosticSeverity severity = DiagnosticSeverity.Error, bool generatesF = false, string fileName = ".F.")
    {
        var source = MarkedSource.Parse(Usings + markedSource);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics.Where(d => d.Id == id));
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(SourceText.From(source.Text).Lines.GetLinePositionSpan(source.Span), diagnostic.Location.GetLineSpan().Span);
        Assert.Equal(severity, diagnostic.Severity);
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        Assert.Equal(generatesF, run.HasCodeFor(fileName.Trim('.')));
        if (generatesF)
        {
            Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
        }
    }
}

/// <summary>A helper inlined into another type: what its body reads must be reachable from there.</summary>
public class RefArgumentAccessibilityTests
{
    [Fact]
    public void AGD0060_is_reported_when_an_inlined_helper_reads_a_private_member_of_its_own_type()
    {
        var source = MarkedSource.Parse("""
            using System;
            using AutogradGen;

            public static partial class Tables
            {
                private static readonly double[] Weights = { 0.5, 0.25 };

                [Differentiable] public static void Weigh(ref double x) => x *= Weights[0];
            }

            public static partial class Functions
            {
                [Differentiable]
                public static double F(double x)
                {
                    [|Tables.Weigh(ref x)|];
                    return x;
                }
            }
            """);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics.Where(d => d.Id == "AGD0060"));
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Contains("'Tables.Weights', which 'Functions' cannot reach", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.False(run.HasCodeFor("F"));
    }
}

/// <summary>What an inlined helper's body cannot do, reported once in the helper.</summary>
public class RefHelperBodyDiagnosticTests
{
    [Fact]
    public void AGD0005_is_reported_on_an_array_allocated_in_an_inlined_helper()
    {
        var source = MarkedSource.Parse("""
            using System;
            using AutogradGen;

            public static partial class Functions
            {
                [Differentiable]
                public static void Smooth(ref double x)
                {
                    [|var tmp = new double[2];|]
                    tmp[0] = x;
                    x = tmp[0] * x;
                }

                [Differentiable]
                public static double F(double x)
                {
                    if (x > 0)
                    {
                        Smooth(ref x);
                    }

                    Smooth(ref x);
                    return x;
                }
            }
            """);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics.Where(d => d.Id == "AGD0005"));
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Contains("allocate the array in the caller", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.False(run.HasCodeFor("F"));
    }
}

/// <summary>A helper that is not [Differentiable]: the hint is to mark it.</summary>
public class UnmarkedRefHelperTests
{
    [Theory]
    [InlineData("AGD0005", "[|Step(ref x);|]", "mark it [Differentiable] and it is inlined here")]
    [InlineData("AGD0030", "var y = [|Split(x, out var rest)|];", "mark it [Differentiable] and it is inlined at the call")]
    public void A_call_of_an_unmarked_ref_helper_says_to_mark_it(string id, string call, string hint)
    {
        var source = MarkedSource.Parse($$"""
            using System;
            using AutogradGen;

            public static partial class Functions
            {
                public static void Step(ref double x) => x *= 2;

                public static double Split(double x, out double rest) { rest = x; return x; }

                [Differentiable]
                public static double F(double x)
                {
                    {{call}}
                    return x;
                }
            }
            """);
        var run = GeneratorHarness.Run(source.Text);
        var diagnostic = Assert.Single(run.Diagnostics.Where(d => d.Id == id));
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Contains(hint, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
