using System.Globalization;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// switch, patterns, tuples, local functions, lambdas, LINQ and recursion are lowered before differentiation:
/// what can be lowered compiles with no diagnostic; what cannot is one diagnostic (AGD0040-AGD0045) at the construct.
/// </summary>
public class StatementLoweringTests
{
    private const string Usings = "using System;\nusing System.Linq;\nusing AutogradGen;\n";

    public static TheoryData<string, string> Lowered => new()
    {
        { "recursion", "[Differentiable] public static double F(double x, int n) => n == 0 ? x : F(x, n - 1) * x;" },
        { "mutual recursion", "[Differentiable] public static double F(double x, int n) => n == 0 ? x : G(x, n - 1) + 1; [Differentiable] public static double G(double x, int n) => F(x * x, n);" },
        { "switch statement", "[Differentiable] public static double F(double x, int k) { var y = 0.0; switch (k) { case 0: y = x; break; case 1 or 2: y = x * x; break; default: { y = -x; break; } } return y; }" },
        { "switch in a loop with continue", "[Differentiable] public static double F(double x) { var s = 0.0; for (var i = 0; i < 3; i++) { switch (i) { case 1: continue; default: s += x * i; break; } } return s; }" },
        { "switch expression", "[Differentiable] public static double F(double x) => x switch { < 0 => -x, >= 0 and < 1 => x * x, double d when d > 5 => d, _ => Math.Sqrt(x) };" },
        { "is pattern", "[Differentiable] public static double F(double x) { if (x * 2 is var y && x is > 0 and not 3) { y += 1; return y * x; } return x; }" },
        { "tuples", "[Differentiable] public static double F(double x, double y) { var (a, b) = (x, y); (a, b) = (b, a); var t = (P: a, Q: 2.0); t.P = t.Q * a; return t.P + b; }" },
        { "local functions", "[Differentiable] public static double F(double x) { var k = 2.0; return Scale(x) + Twice(x); double Scale(double v) => v * k; static double Twice(double v) { var w = v * 2; if (w > 1) return w; return -w; } }" },
        { "local function over an array", "[Differentiable] public static double F(double[] v) { return Total(v) * 2; static double Total(double[] a) { var s = 0.0; foreach (var e in a) s += e * e; return s; } }" },
        { "LINQ", "[Differentiable] public static double F(double[] v) => v.Sum() + v.Average(x => x * x) + v.Select(x => Math.Exp(x)).Max() - v.Min();" },
        { "in and params parameters", "[Differentiable] public static double F(in double x, params double[] v) => x * v[0] + G(in x) + G(v[1]); [Differentiable] public static double G(in double y) => y * y;" },
        { "float LINQ", "[Differentiable] public static float F(float[] v) => v.Sum(x => x * x) / v.Length;" },
        { "LINQ over a table and Zip", "static readonly double[] W = { 0.5, -1.0 }; [Differentiable] public static double F(double[] v) => W.Select(w => w * w).Sum() * v.Zip(W, (a, b) => a * b).Sum() + v.Zip(v, static (a, b) => a * b).Average();" },
        { "query calls and bit operators", "static readonly double[] Knots = { 0.0, 1.0, 2.0 }; [Differentiable(nameof(x))] public static double F(double x, double[] grid, string label) { int i = Array.BinarySearch(Knots, x); if (i < 0) i = ~i; int j = Array.IndexOf(grid, x) & 3; return label.StartsWith(\"a\") ? x * (i + j) : x * (i >> 1); }" },
        { "switch on an enum", "public enum Mode { A, B, C } [Differentiable(nameof(x))] public static double F(double x, Mode mode) { switch (mode) { case Mode.A: return x; case Mode.B or Mode.C: const double K = 2; return K * x * x; default: throw new ArgumentOutOfRangeException(nameof(mode)); } } [Differentiable(nameof(x))] public static double G(double x, Mode mode) => mode switch { Mode.A => x, _ => -x };" },
        { "?: chain ending in a throw", "[Differentiable(nameof(x))] public static double F(double x, string kind) => kind == \"a\" ? x : kind == \"b\" ? 2 * x : throw new ArgumentException($\"unknown {kind}\", nameof(kind));" },
        { "tuple-returning local function", "[Differentiable] public static double F(double x, double v) { static (double, double) Rates(double p, double q) => (q, -Math.Sin(p)); var (a, b) = Rates(x, v); var (c, d) = Rates(x + a, v + b); return c * d; }" },
        { "a local naming a row of data", "static readonly double[][] Rows = { new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 } }; [Differentiable] public static double F(double x) { var s = 0.0; for (var i = 0; i < Rows.Length; i++) { double[] row = Rows[i]; s += row[0] * x + row[1] * x * x; } return s; }" },
        { "foreach over data", "static readonly double[] W = { 0.5, -1.0 }; [Differentiable(nameof(x))] public static double F(double x, System.Collections.Generic.List<double> ys, System.Collections.Generic.IReadOnlyList<double> zs) { var s = 0.0; foreach (var w in W) s += w * x; foreach (double y in ys) s += y * x * x; foreach (var z in zs) { s -= z * x; } return s; }" },
        { "a lambda held in a Func local", "[Differentiable] public static double F(double x, double y) { Func<double, double> sq = t => t * t; Func<double, double, double> mix = (a, b) => { var m = a * b; return m + a; }; var u = mix(x, y); return sq(x) + 3 * sq(x - y) + u; }" },
        { "increments inside expressions", "[Differentiable] public static double F(double x) { var k = 0; var s = 0.0; while (true) { s += Math.Exp(-x * ++k); if (k++ >= 5) break; } return s; }" },
        { "array initializers", "[Differentiable] public static double F(double x, double y) { var p = new[] { x, y * y }; double[] w = [0.5, x]; float[] f = { 1f, 2f }; return p[0] * w[1] + p[1] * w[0] + f[1]; }" },
        { "nullable patterns", "[Differentiable(nameof(x))] public static double F(double x, double? cap) { var y = x * x; if (cap is double c) y = Math.Min(y, c); return cap is null ? y : y + 1; }" },
    };

    [Theory]
    [MemberData(nameof(Lowered))]
    public void A_lowered_construct_gets_code_that_compiles_with_no_diagnostic(string construct, string members)
    {
        var run = GeneratorHarness.Run(Usings + "public static partial class Functions\n{\n" + members + "\n}\n");
        Assert.True(run.Diagnostics.IsEmpty, construct + ": " + string.Join("; ", run.Diagnostics));
        Assert.True(run.HasCodeFor("F"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_ref_helper_gets_its_own_forward_mode_and_only_the_AGD0061_note()
    {
        var run = GeneratorHarness.Run(Usings + "public static partial class Functions\n{\n"
            + "[Differentiable] public static void Step(ref double x, out double y, double k) { y = x * k; if (k < 0) return; x += y; }\n"
            + "[Differentiable] public static void Shift(ref double x, Span<double> s) { x += s[0]; }\n"
            + "[Differentiable] public static double F(double x) { Step(ref x, out var y, 0.5); return x + y; }\n}\n");
        Assert.Equal(["AGD0061", "AGD0061"], run.Diagnostics.Select(d => d.Id));
        Assert.Contains(run.Diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("its forward mode is StepDerivative", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("and no ShiftDerivative", StringComparison.Ordinal));
        var text = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public static void StepDerivative(ref double x, out double y, double k, ref double xTangent, out double yTangent, double kTangent)", text, StringComparison.Ordinal);
        Assert.Contains("public static void StepGradient(ref double x, out double y, double k, ref double xGradient, double yAdjoint, out double kGradient)", text, StringComparison.Ordinal);
        Assert.Contains(run.Diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("its reverse mode is StepGradient", StringComparison.Ordinal));
        Assert.DoesNotContain("ShiftDerivative", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ShiftGradient", text, StringComparison.Ordinal);
        Assert.True(run.HasCodeFor("F"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_ref_helper_with_results_of_two_types_or_a_hand_written_gradient_keeps_forward_mode_only()
    {
        var run = GeneratorHarness.Run(Usings + "public static partial class Functions\n{\n"
            + "[Differentiable] public static double Mixed(double x, out float y) { y = (float)x; return x * x; }\n"
            + "[Differentiable] public static void Taken(ref double x, double k) { x *= k; }\n"
            + "public static void TakenGradient(ref double x, double k, ref double xGradient, out double kGradient) { kGradient = x * xGradient; xGradient *= k; x *= k; }\n}\n");
        Assert.Equal(["AGD0061", "AGD0061"], run.Diagnostics.Select(d => d.Id));
        Assert.All(run.Diagnostics, d => Assert.Contains("it has no reverse mode, because its results are of different floating-point types or the type already has a member named", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var text = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("MixedDerivative(", text, StringComparison.Ordinal);
        Assert.Contains("TakenDerivative(", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MixedGradient", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TakenByReference", text, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void An_instance_ref_helper_with_an_in_parameter_gets_an_instance_gradient_that_compiles()
    {
        var run = GeneratorHarness.Run(Usings + "public partial class Model\n{\n"
            + "private readonly double _rate = 0.5;\n"
            + "[Differentiable] public float Advance(ref float x, in float dt) { x += _rate > 0 ? dt * x : dt; return x * x; }\n}\n");
        var text = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public float AdvanceGradient(ref float x, in float dt, ref float xGradient, out float dtGradient)", text, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "AGD0040", "property pattern", "return x is [|{ }|] ? x : 0;", "This pattern cannot be differentiated" },
        { "AGD0040", "assigned designation", "if (x > 0 && x * 2 is var y) { [|y|] += 1; return y; } return x;", "Assigning 'y', declared by a pattern" },
        { "AGD0041", "no discard arm", "return [|x switch { < 0 => -x, >= 0 => x }|];", "This switch expression has no last arm that matches every value" },
        { "AGD0042", "early break", "var y = x; switch ((int)Differentiation.WithoutDerivative(x)) { case 0: if (y > 0) [|break;|] y = -y; break; } return y;", "This 'break' leaves the switch section before its end" },
        { "AGD0043", "recursive local function", "return Power(x, 3); double Power(double b, int n) => n == 0 ? 1 : b * [|Power(b, n - 1)|];", "A call to local function 'Power' cannot be differentiated: it calls itself" },
        { "AGD0043", "statements in a loop condition", "var s = x; while (s < [|Grow(s)|]) { s += 1; } return s; double Grow(double v) { var w = v * 0.5; return w + 3; }", "A call to local function 'Grow' cannot be differentiated: its body has statements" },
        { "AGD0043", "captured write", "var s = 0.0; var r = Add(x); return s + r; double Add(double v) { [|s|] += v; return s; }", "Assigning 's', a variable of the enclosing method, inside local function 'Add'" },
        { "AGD0043", "return inside a loop", "return First(x); double First(double v) { for (var i = 0; i < 3; i++) { if (v * i > 1) [|return v * i;|] } return v; }", "A 'return' inside a loop of local function 'First'" },
        { "AGD0044", "LINQ in a ternary", "var a = new double[2]; a[0] = x; return x > 0 ? [|a.Sum()|] : x;", "LINQ's 'Sum' cannot be differentiated: it becomes a loop" },
        { "AGD0044", "LINQ over Where", "var a = new double[2]; a[0] = x; return [|a.Where(v => v > 0)|].Sum();", "LINQ's 'Sum' cannot be differentiated: LINQ is differentiated over an array parameter, a local array or an array field or property" },
        { "AGD0045", "tuple from a call", "var (a, b) = [|Pair(x)|]; return a * b;", "The tuple returned by 'Functions.Pair(double)' cannot be differentiated: it is not [Differentiable]; mark it [Differentiable]" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_construct_that_cannot_be_lowered_is_one_diagnostic_at_the_construct(string id, string construct, string body, string message)
    {
        var source = MarkedSource.Parse(Usings + "public static partial class Functions\n{\n    static (double, double) Pair(double v) => (v, v);\n\n    [Differentiable]\n    public static double F(double x)\n    {\n        "
            + body + "\n    }\n}\n");
        var run = GeneratorHarness.Run(source.Text);

        var diagnostic = Assert.Single(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(id, diagnostic.Id);
        Assert.True(source.Span == diagnostic.Location.SourceSpan, $"{construct}: reported at '{source.Text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length)}'");
        Assert.StartsWith(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.False(run.HasCodeFor("F"));
    }
}
