using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>What cannot be done with structs is one diagnostic, at the construct, saying why and what to change.</summary>
public class StructDiagnosticTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    private const string Vec3 = """
        public readonly struct Vec3
        {
            public Vec3(double x, double y, double z) { X = x; Y = y; Z = z; }
            public double X { get; }
            public double Y { get; }
            public double Z { get; }
            public double Norm { get { var s = X * X + Y * Y + Z * Z; return Math.Sqrt(s); } }
        }

        """;

    [Fact]
    public void AGD0050_is_reported_on_a_struct_parameter_with_a_string_field() => AssertReported("AGD0050", """
        public struct Labelled { public double Value; public string Label; }
        public static partial class Functions
        {
            [Differentiable] public static double F(Labelled [|s|]) => s.Value;
        }
        """, "field 'Label' of 'Labelled' is string");

    [Fact]
    public void AGD0050_is_reported_on_a_readonly_struct_that_cannot_be_built_back() => AssertReported("AGD0050", """
        public readonly struct Scaled
        {
            public Scaled(double x) { X = 2 * x; }
            public double X { get; }
        }
        public static partial class Functions
        {
            [Differentiable] public static double F(Scaled [|s|]) => s.X;
        }
        """, "give it a constructor that sets each field from a parameter");

    [Fact]
    public void AGD0050_is_reported_on_a_struct_local_with_private_fields() => AssertReported("AGD0050", """
        public struct Hidden { private double _x; public Hidden(double x) { _x = x; } }
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double x)
            {
                var [|h|] = new Hidden(x);
                return x;
            }
        }
        """, "cannot be read from here");

    [Fact]
    public void AGD0051_is_reported_on_a_differentiable_method_returning_a_struct_with_an_int_field_from_a_block() => AssertReported("AGD0051", Vec3 + """
        public readonly struct Sample
        {
            public Sample(double value, int count) { Value = value; Count = count; }
            public double Value { get; }
            public int Count { get; }
        }

        public static partial class Functions
        {
            [Differentiable]
            public static [|Sample|] F(Vec3 a)
            {
                var s = 2.0;
                return new Sample(a.X * s, 3);
            }
        }
        """, "write it as '=> new Sample(...)'");

    [Fact]
    public void A_block_bodied_member_that_writes_the_struct_itself_is_reported_once_at_its_call() => AssertReported("AGD0006", """
        public struct Counter
        {
            public double Value;
            public double Bump(double by) { Value += by; return Value; }
        }
        public static partial class Functions
        {
            [Differentiable]
            public static double F(Counter c, double x)
            {
                var bumped = [|c.Bump(x)|];
                return bumped * x;
            }
        }
        """, "assigns 'Value += by', a field of the struct itself");

    [Fact]
    public void A_block_bodied_property_in_a_loop_condition_is_reported_at_its_use() => AssertReported("AGD0006", Vec3 + """
        public static partial class Functions
        {
            [Differentiable]
            public static double F(Vec3 a, double k)
            {
                var x = k;
                while ([|a.Norm|] > x)
                {
                    x *= 2;
                }

                return x;
            }
        }
        """, "assign its result to a local first");

    [Fact]
    public void A_block_bodied_member_returning_from_inside_a_loop_is_reported_at_its_call() => AssertReported("AGD0006", """
        public readonly struct V
        {
            public V(double x) { X = x; }
            public double X { get; }
            public double Halved() { var v = X; while (true) { if (v * v < 1) return v; v /= 2; } }
        }
        public static partial class Functions
        {
            [Differentiable] public static double F(V a) => 2 * [|a.Halved()|];
        }
        """, "it returns from inside a loop ('return v;')");

    [Fact]
    public void A_block_bodied_member_whose_body_cannot_be_differentiated_is_one_diagnostic_at_the_call() => AssertReported("AGD0006", """
        public readonly struct V
        {
            public V(double x) { X = x; }
            public double X { get; }
            public double Noisy() { var s = X * X; return s + Console.ReadLine()!.Length; }
        }
        public static partial class Functions
        {
            [Differentiable] public static double F(V a) => 2 * [|a.Noisy()|];
        }
        """, "in its body,");

    [Fact]
    public void A_constructor_that_computes_its_fields_is_reported_at_the_creation() => AssertReported("AGD0006", Vec3 + """
        public readonly struct Polar
        {
            public Polar(double x, double y) { X = x; Y = y; }
            public Polar(double r, double angle, bool polar) { X = r * Math.Cos(angle); Y = r * Math.Sin(angle); }
            public double X { get; }
            public double Y { get; }
        }
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double r)
            {
                var p = [|new Polar(r, 0.5, true)|];
                return p.X;
            }
        }
        """, "sets each field from one of its parameters");

    [Fact]
    public void A_struct_operator_whose_body_cannot_be_differentiated_is_one_diagnostic_at_the_operator() => AssertReported("AGD0006", """
        public readonly struct V
        {
            public V(double x) { X = x; }
            public double X { get; }
            public static V operator +(V a, V b) => new(Math.Floor(a.X) > 0 ? a.X : Console.ReadLine()!.Length);
        }
        public static partial class Functions
        {
            [Differentiable] public static double F(V a) => ([|a + a|]).X;
        }
        """, "in its body,");

    [Fact]
    public void A_block_bodied_member_whose_body_only_warns_is_inlined_and_its_caller_generated()
    {
        var run = GeneratorHarness.Run(Usings + """
            public readonly struct V
            {
                public V(double x) { X = x; }
                public double X { get; }
                public double Signed() { var s = Math.Sign(X); return s * X * X; }
            }
            public static partial class Functions
            {
                [Differentiable] public static double F(V a) => 2 * a.Signed();
            }
            """);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(run.HasCodeFor("F"));
        Assert.Empty(run.CompilationProblems);
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
