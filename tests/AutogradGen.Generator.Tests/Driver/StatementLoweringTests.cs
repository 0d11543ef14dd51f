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
        { "AGD0044", "LINQ over Where", "var a = new double[2]; a[0] = x; return [|a.Where(v => v > 0)|].Sum();", "LINQ's 'Sum' cannot be differentiated: LINQ is differentiated over an array parameter or a local array" },
        { "AGD0045", "tuple from a call", "var (a, b) = [|Pair(x)|]; return a * b;", "This tuple value cannot be differentiated" },
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
