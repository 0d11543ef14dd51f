using System.Globalization;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// Each construct the generator cannot differentiate is reported at that construct, and the message says which
/// construct it is (the "say which: goto, try, lambda, LINQ, ref locals, ..."), so the user need not guess.
/// </summary>
public class UnsupportedConstructTests
{
    private const string Usings = "using System;\nusing System.Linq;\nusing AutogradGen;\n";

    public static TheoryData<string, string, string> Statements => new()
    {
        { "goto", "var y = x; [|goto end;|] end: return y;", "A 'goto' statement cannot be differentiated: jumps cannot be reversed" },
        { "label", "var y = x; goto end; [|end: return y;|]", "A labeled statement cannot be differentiated" },
        { "using", "[|using (var stream = new System.IO.MemoryStream()) { return x; }|]", "A 'using' statement cannot be differentiated" },
        { "lock", "[|lock (typeof(int)) { return x; }|]", "A 'lock' statement cannot be differentiated" },
        { "foreach over a list", "var s = 0.0; [|foreach (var v in new System.Collections.Generic.List<double> { x }) s += v;|] return s;", "A 'foreach' loop cannot be differentiated: foreach works over arrays, spans, and lists and read-only lists that carry no derivative" },
        { "ref local whose index changes", "Span<double> a = stackalloc double[2]; a[0] = x; int i = 0; [|ref double r = ref a[i];|] i = 1; return x + r;", "A ref local cannot be differentiated: only a ref local bound to one element" },
        { "array allocated in a loop", "var s = 0.0; for (var i = 0; i < 2; i++) { [|var a = new double[2];|] a[0] = x; s += a[0]; } return s;", "An array allocated inside a loop or branch cannot be differentiated" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void An_unsupported_statement_is_named_in_an_AGD0005_at_the_statement(string construct, string body, string message) =>
        AssertReportedAt("AGD0005", construct, body, message);

    [Fact]
    public void A_call_inside_a_value_read_as_it_is_is_named_in_an_AGD0006_at_the_call() =>
        AssertReportedAt("AGD0006", "call in a read", "return x * [|Environment.GetCommandLineArgs()|].Length;",
            "A call to 'System.Environment.GetCommandLineArgs()' inside a value read as it is cannot be differentiated");

    [Fact]
    public void An_assignment_inside_an_expression_is_named_in_an_AGD0006_at_the_assignment() =>
        AssertReportedAt("AGD0006", "nested assignment", "var y = 0.0; return x * ([|y = x|]);", "An assignment inside an expression cannot be differentiated: assign in a statement of its own");

    [Fact]
    public void A_property_pattern_is_named_in_an_AGD0040_at_the_pattern() =>
        AssertReportedAt("AGD0040", "pattern", "return x is [|{ }|] ? x : -x;", "This pattern cannot be differentiated: only constant, relational");

    [Fact]
    public void A_lambda_held_in_a_variable_assigned_again_is_named_in_an_AGD0006_at_the_lambda() =>
        AssertReportedAt("AGD0006", "lambda", "Func<double, double> square = [|v => v * v|]; square = v => v; return square(x);",
            "A lambda cannot be differentiated: write the function as a [Differentiable] static method and call it");

    [Fact]
    public void A_refused_delegate_local_is_one_diagnostic_however_often_it_is_called()
    {
        var run = GeneratorHarness.Run(Usings + "public static partial class Functions\n{\n    [Differentiable]\n    public static double F(double x)\n    {\n"
            + "        Func<double, double> square = Math.Sin;\n        return square(x) + square(2 * x) * square(x);\n    }\n}\n");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AGD0006", diagnostic.Id);
        Assert.StartsWith("A lambda cannot be differentiated", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lambda_passed_as_an_argument_is_named_in_an_AGD0006_at_the_lambda() =>
        AssertReportedAt("AGD0006", "lambda argument", "double[] a = [x, 1]; return Array.Find(a, [|v => v > 0|]);",
            "A lambda cannot be differentiated");

    [Fact]
    public void A_call_through_a_delegate_is_named_in_an_AGD0006_at_the_call() =>
        AssertReportedAt("AGD0006", "delegate call", "return [|((Func<double, double>)Math.Sin)(x)|];",
            "A call through a delegate cannot be differentiated: call a [Differentiable] static method directly instead");

    [Fact]
    public void A_LINQ_call_is_named_in_an_AGD0006_at_the_call() =>
        AssertReportedAt("AGD0006", "LINQ", "var a = new double[2]; a[0] = x; return [|a.OrderBy(v => v).First()|];",
            "A LINQ query cannot be differentiated: write the query as a for loop over the array or span");

    [Fact]
    public void A_LINQ_call_held_in_a_variable_is_named_in_an_AGD0006_at_the_call() =>
        AssertReportedAt("AGD0006", "LINQ variable", "var a = new double[2]; a[0] = x; var squares = [|a.Select(v => v * v)|]; return x;",
            "A LINQ query cannot be differentiated");

    [Fact]
    public void A_query_expression_is_named_in_an_AGD0006_at_the_query() =>
        AssertReportedAt("AGD0006", "query", "var a = new double[2]; a[0] = x; var squares = [|from v in a select v * v|]; return x;",
            "A LINQ query cannot be differentiated: write the query as a for loop");

    private static void AssertReportedAt(string id, string construct, string body, string message)
    {
        var source = MarkedSource.Parse(Usings + "public static partial class Functions\n{\n    [Differentiable]\n    public static double F(double x)\n    {\n        "
            + body + "\n    }\n}\n");
        var run = GeneratorHarness.Run(source.Text);

        var atSpan = run.Diagnostics.Where(d => d.Location.SourceSpan == source.Span).ToList();
        var diagnostic = Assert.Single(atSpan);
        Assert.Equal(id, diagnostic.Id);
        Assert.StartsWith(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(!run.HasCodeFor("F"), $"{construct}: a method with an error must get no code.");
    }
}
