namespace AutogradGen.CrossChecks;

/// <summary>The corpus keeps covering what the generator supports: every function of its rule table, every construct.</summary>
public class CorpusCoverageTests
{
    /// <summary>The functions of generator/AutogradGen.Generator/Rules/MathRules.cs (rule table and zero-derivative set).</summary>
    public static TheoryData<string> RuleTableFunctions =>
    [
        "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Atan2", "Sinh", "Cosh", "Tanh", "Exp", "Log", "Log10", "Log2",
        "Sqrt", "Cbrt", "Pow", "Abs", "Max", "Min", "Clamp", "FusedMultiplyAdd", "ScaleB", "CopySign",
        "Asinh", "Acosh", "Atanh", "MaxMagnitude", "MinMagnitude", "IEEERemainder",
        "Sign", "Floor", "Ceiling", "Round", "Truncate",
    ];

    /// <summary>The functions of the rule table only double and float have (MathRules.IsOnNumberType), spelled on double.</summary>
    public static TheoryData<string> NumberTypeFunctions =>
    [
        "Hypot", "Exp2", "Exp10", "ExpM1", "Exp2M1", "Exp10M1", "LogP1", "Log2P1", "Log10P1", "SinPi", "CosPi", "TanPi",
        "AsinPi", "AcosPi", "AtanPi", "Atan2Pi", "DegreesToRadians", "RadiansToDegrees", "RootN", "Lerp", "MaxNumber",
        "MinNumber", "MaxMagnitudeNumber", "MinMagnitudeNumber", "Ieee754Remainder",
    ];

    public static TheoryData<string> Constructs =>
    [
        "while (", "do\n", "for (", "foreach (", "break;", "continue;", "return", " ? ", "if (", "else", "+=", "-=", "*=", "/=",
        "++", "--", " % ", "stackalloc", "new double[", "Differentiation.WithoutDerivative(", "[DerivativeOf(", "[Differentiable(nameof(",
        "ReadOnlySpan<double>", "ReadOnlySpan<float>", "double.Hypot(", "float.Hypot(", "float.SinPi(", "T.SinPi(", "MidpointRounding.", "= Math.SinCos(", "= double.SinCosPi(", "(float)", "MathF.", "&&", "||", "!(",
        "switch (", " switch\n", "case ", " when ", " and ", " or ", "is not ", "is var ", "var (", ") = (", "(X: ", ".Item2",
        ".Sum(", ".Average()", "Enumerable.Range(", ".Max(", ".Min()", ".Select(", "static double Softplus", "double Damped(", "in double ", "params double[]",
        "(ref x, ref v", "out var ", "out _)", "ref state[0]", "Span<double> output", "void Advance(ref double",
        "Vector3[] x", "ReadOnlySpan<Point2> p", "Span<Particle> particles", "foreach (var leg in legs)", "foreach (var p in new[] { new Vec3(", "Vec3[] corners = { ", "= new Point2[", "state[i].X += ",
    ];

    private static readonly Lazy<string> s_corpus = new(() => string.Join("\n",
        Directory.GetFiles(Path.Combine(ProjectFolder(), "Corpus"), "*.cs").Select(File.ReadAllText)).Replace("\r\n", "\n", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(RuleTableFunctions))]
    public void Every_function_of_the_rule_table_is_in_the_corpus(string function) =>
        Assert.Contains("Math." + function + "(", s_corpus.Value, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(NumberTypeFunctions))]
    public void Every_function_of_the_number_types_is_in_the_corpus(string function) =>
        Assert.Contains("double." + function + "(", s_corpus.Value, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Constructs))]
    public void Every_supported_construct_is_in_the_corpus(string construct) =>
        Assert.Contains(construct, s_corpus.Value, StringComparison.Ordinal);

    private static string ProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AutogradGen.CrossChecks.csproj")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("tests/AutogradGen.CrossChecks was not found above " + AppContext.BaseDirectory);
    }
}
