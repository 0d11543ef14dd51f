using AutogradGen.Generator.Declarations;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tooling.Tests.Analyzer;

/// <summary>
/// The declaration rules (AGD0001, AGD0002, AGD0003, AGD0004, AGD0010, AGD0011, AGD0014, AGD0017) come from <see cref="DeclarationAnalyzer"/>, so the IDE
/// shows them as the user types: each once, at the same place and with the same message as when the generator
/// reported them, and never from the generator as well (one cause, one diagnostic); the generator still generates
/// nothing for the method.
/// </summary>
public class DeclarationAnalyzerTests
{
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        {
            "AGD0001",
            """
            public static class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(double x) => x * x;
            }
            """,
            "Objectives",
            "Type 'Objectives' must be partial so that the derivatives of 'Square' can be generated into it: add the 'partial' modifier to 'Objectives'",
            "Square"
        },
        {
            "AGD0002",
            """
            public partial class Objectives
            {
                [AutogradGen.Differentiable]
                public AutogradGen.Tensor Loss(AutogradGen.Tensor x) => x * x;
            }
            """,
            "Loss",
            "Tensor method 'Loss' must be static to be differentiated: make it static and pass the state it reads as parameters (instance methods over double and float are differentiated as instance members)",
            "Loss"
        },
        {
            "AGD0003",
            """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable(nameof(x), nameof(n))]
                public static double Power(double x, int n) => x * n;
            }
            """,
            "n",
            "Parameter 'n' of type 'int' cannot be differentiated: only double, float, arrays and spans of them, and 2-D and jagged arrays of them (double[,], double[][]) can; change its type, or leave it out of the [Differentiable] list",
            "Power"
        },
        {
            "AGD0004",
            """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static int Rounded(double x) => (int)x;
            }
            """,
            "int",
            "Method 'Rounded' returns 'int', which cannot be differentiated: a [Differentiable] method must return double or float",
            "Rounded"
        },
        {
            "AGD0010",
            """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable("y")]
                public static double Square(double x) => x * x;
            }
            """,
            "\"y\"",
            "'y' is not a parameter of 'Square': name a parameter with nameof, or remove it from the list",
            "Square"
        },
        {
            "AGD0011",
            """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(double x) => x * x;

                public static double SquareGradient(double x) => 2 * x;
            }
            """,
            "SquareGradient",
            "Type 'Objectives' already has a member named 'SquareGradient', the name of the derivative generated for 'Square': rename that member",
            "Square"
        },
        {
            "AGD0014",
            """
            public static class Library
            {
                public static double Softplus(double x) => System.Math.Log(1 + System.Math.Exp(x));
            }

            public static partial class Objectives
            {
                [AutogradGen.DerivativeOf(typeof(Library), nameof(Library.Softplus))]
                public static double SoftplusGradient(double x) => 1 / (1 + System.Math.Exp(-x));
            }
            """,
            "SoftplusGradient",
            "Derivative 'SoftplusGradient' does not match 'Library.Softplus(double)': expected a static method returning double with parameters (double x, out double dx)",
            "SoftplusGradient"
        },
        {
            "AGD0017",
            """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(ref readonly double x) => x * x;
            }
            """,
            "x",
            "Method 'Square' cannot be differentiated: parameter 'x' is 'ref readonly'; declare it 'in', which is read the same way, or pass it by value",
            "Square"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_analyzer_reports_the_rule_once_where_it_applies_and_the_generator_does_not(string id, string source, string at, string message, string method)
    {
        var compilation = GeneratorHarness.Compile(("/src/Objectives.cs", source));

        var analyzer = GeneratorHarness.AnalyzerDiagnostics(compilation);
        var run = GeneratorHarness.Run(compilation);

        var diagnostic = Assert.Single(analyzer);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(at, compilation.SyntaxTrees.Single().GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id is "AGD0001" or "AGD0002" or "AGD0003" or "AGD0004" or "AGD0010" or "AGD0011" or "AGD0014" or "AGD0017");
        Assert.Single(run.Diagnostics, d => d.Id == id);
        Assert.False(run.HasCodeFor(method));
    }

    [Fact]
    public void A_pragma_suppresses_an_analyzer_diagnostic_as_it_did_the_generators()
    {
        var compilation = GeneratorHarness.Compile(("/src/Objectives.cs", """
            #pragma warning disable AGD0001
            public static class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(double x) => x * x;
            }
            """));

        var diagnostic = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(compilation));

        Assert.True(diagnostic.IsSuppressed);
    }

    [Fact]
    public void A_derivative_that_does_not_compile_yet_gets_no_AGD0014()
    {
        var compilation = GeneratorHarness.Compile(("/src/Objectives.cs", """
            public static class Library
            {
                public static double Softplus(double x) => x;
            }

            public static partial class Objectives
            {
                [AutogradGen.DerivativeOf(typeof(Library), nameof(Library.Softplus))]
                public static double SoftplusGradient(double x) => undefinedName;
            }
            """));

        Assert.Empty(GeneratorHarness.AnalyzerDiagnostics(compilation));
    }

    [Fact]
    public void A_correct_declaration_gets_no_analyzer_diagnostic_and_its_code()
    {
        var compilation = GeneratorHarness.Compile(("/src/Objectives.cs", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable("x")]
                public static double Square(double x, double y) => x * x * y;
            }
            """));

        Assert.Empty(GeneratorHarness.AnalyzerDiagnostics(compilation));
        Assert.True(GeneratorHarness.Run(compilation).HasCodeFor("Square"));
    }

    [Fact]
    public void Names_are_taken_only_for_the_members_a_method_gets()
    {
        // A void ref helper gets no members (it is inlined where called), a vector-valued method gets Jvp/Vjp/Jacobian:
        // a user's StepGradient or MapGradient clashes with nothing, a user's MapJvp does.
        var compilation = GeneratorHarness.Compile(("/src/Objectives.cs", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static void Step(ref double x, double dt) { x += dt * x; }

                public static double StepGradient(double x) => x;

                [AutogradGen.Differentiable]
                public static void Map(System.ReadOnlySpan<double> x, System.Span<double> r) { r[0] = x[0] * x[0]; }

                public static double MapGradient(double x) => x;

                public static double MapJvp(double x) => x;
            }
            """));

        var diagnostic = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(compilation));
        Assert.Equal("AGD0011", diagnostic.Id);
        Assert.Contains("'MapJvp'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void The_analyzer_supports_exactly_the_declaration_rules()
    {
        Assert.Equal(
            ["AGD0001", "AGD0002", "AGD0003", "AGD0004", "AGD0010", "AGD0011", "AGD0014", "AGD0017"],
            new DeclarationAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }
    public static TheoryData<string, string, string> SignatureCases => new()
    {
        {
            // A local function has no symbol action: the analyzer reads declarations.
            "AGD0017",
            """
            public static partial class Objectives
            {
                public static double Outer(double y)
                {
                    return Inner(y);

                    [AutogradGen.Differentiable]
                    static double Inner(double x) => x * x;
                }
            }
            """,
            "Inner"
        },
        {
            "AGD0017",
            """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static extern double Square(double x);
            }
            """,
            "Square"
        },
        {
            "AGD0017",
            """
            public static partial class Model
            {
                [AutogradGen.Differentiable]
                public static AutogradGen.Tensor Loss(ref AutogradGen.Tensor x) => x * x;
            }
            """,
            "x"
        },
        {
            "AGD0017",
            """
            public static partial class Model
            {
                [AutogradGen.Differentiable]
                public static AutogradGen.Tensor Loss<T>(AutogradGen.Tensor x) => x * x;
            }
            """,
            "<T>"
        },
        {
            "AGD0004",
            """
            public static partial class Model
            {
                [AutogradGen.Differentiable]
                public static double Loss(AutogradGen.Tensor x) => 1.0;
            }
            """,
            "double"
        },
        {
            "AGD0003",
            """
            public static partial class Model
            {
                [AutogradGen.Differentiable("x", "scale")]
                public static AutogradGen.Tensor Loss(AutogradGen.Tensor x, double scale) => x * scale;
            }
            """,
            "scale"
        },
        {
            // Both instances of a generic method find it; it is reported once.
            "AGD0003",
            """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable(nameof(x), nameof(n))]
                public static T Power<T>(T x, int n) where T : System.Numerics.IFloatingPointIeee754<T> => x * T.CreateChecked(n);
            }
            """,
            "n"
        },
    };

    [Theory]
    [MemberData(nameof(SignatureCases))]
    public void Every_shape_of_a_signature_rule_comes_from_the_analyzer_alone(string id, string source, string at)
    {
        var compilation = GeneratorHarness.Compile(("/src/Objectives.cs", source));

        var run = GeneratorHarness.Run(compilation);

        var diagnostic = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(compilation));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(at, compilation.SyntaxTrees.Single().GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(run.Result.Diagnostics.Where(d => d.Id.StartsWith("AGD", StringComparison.Ordinal)));
        Assert.Single(run.Diagnostics, d => d.Id == id);
    }

    [Fact]
    public void Rules_that_depend_on_one_another_stay_as_the_parser_applies_them()
    {
        // A ref helper is inlined where it is called (AGD0061, from the generator): its list is read there, not here,
        // so its int parameter is no AGD0003; a struct result with an int field is substituted at its calls: no AGD0004.
        var compilation = GeneratorHarness.Compile(("/src/Objectives.cs", """
            public readonly record struct Counted(double Value, int Count);

            public static partial class Objectives
            {
                [AutogradGen.Differentiable(nameof(x), nameof(n))]
                public static void Step(ref double x, int n) { x *= n; }

                [AutogradGen.Differentiable]
                public static Counted Scaled(double x) => new Counted(2 * x, 1);
            }
            """));

        var run = GeneratorHarness.Run(compilation);

        Assert.Empty(GeneratorHarness.AnalyzerDiagnostics(compilation));
        Assert.Equal(["AGD0061"], run.Diagnostics.Select(d => d.Id));
    }
}
