using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Benchmarks.GeneratorCost;

/// <summary>
/// A synthetic project of [Differentiable] methods, <see cref="MethodsPerFile"/> per file, each a few lines of
/// what users write: alternately a loop over a span with a call into Math, and straight-line scalar code with a
/// branch. Methods differ in their constants so that no two generated files are alike.
/// </summary>
public sealed class SyntheticProject
{
    /// <summary>[Differentiable] methods per source file (one partial class per file).</summary>
    public const int MethodsPerFile = 10;

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(DifferentiableAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private SyntheticProject(ImmutableArray<SyntaxTree> trees) => Trees = trees;

    /// <summary>The parsed source files.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The parse options the trees were parsed with (the driver needs the same).</summary>
    public static CSharpParseOptions ParseOptions => s_parseOptions;

    /// <summary>Writes and parses a project of <paramref name="methodCount"/> methods.</summary>
    public static SyntheticProject Create(int methodCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(methodCount, 1);
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        for (int first = 0, file = 0; first < methodCount; first += MethodsPerFile, file++)
        {
            int count = Math.Min(MethodsPerFile, methodCount - first);
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(FileText(file, first, count)), s_parseOptions, $"Functions{file}.cs"));
        }

        return new SyntheticProject(trees.ToImmutable());
    }

    /// <summary>A fresh compilation of the trees (no semantic information computed yet, as at the start of a build).</summary>
    public CSharpCompilation Compile() => Compile(Trees);

    /// <summary>
    /// The one-line edit: the first method of the first file gets a different constant in one statement of its
    /// body. Returns the compilation with that file re-parsed incrementally, as the IDE and the compiler server do.
    /// </summary>
    public static CSharpCompilation WithOneLineEdit(CSharpCompilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.First();
        SourceText text = tree.GetText();
        const string Original = "double t = Math.Sin(x[j] * a) + 0.5;";
        int start = text.ToString().IndexOf(Original, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"The synthetic project's first file no longer contains '{Original}'; update the edit.");
        }

        SourceText edited = text.WithChanges(new TextChange(new TextSpan(start, Original.Length), "double t = Math.Sin(x[j] * a) + 0.75;"));
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(edited));
    }

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "SyntheticDifferentiableProject",
            trees,
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static string FileText(int file, int first, int count)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using AutogradGen;

            namespace Synthetic;

            public static partial class Functions{{file}}
            {

            """);
        for (int i = first; i < first + count; i++)
        {
            text.Append(i % 2 == 0 ? SpanMethod(i) : ScalarMethod(i));
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string SpanMethod(int index)
    {
        string constant = (0.5 + index % 7 * 0.125).ToString("R", CultureInfo.InvariantCulture);
        return $$"""
                [Differentiable]
                public static double Method{{index}}(ReadOnlySpan<double> x, double a)
                {
                    double sum = 0.0;
                    for (int j = 0; j < x.Length; j++)
                    {
                        double t = Math.Sin(x[j] * a) + {{constant}};
                        sum += t * t;
                    }

                    return Math.Exp(-sum) + a * {{index}};
                }

            """;
    }

    private static string ScalarMethod(int index) => $$"""
                [Differentiable]
                public static double Method{{index}}(double x, double y)
                {
                    double r = Math.Sqrt(x * x + y * y + {{index + 1}});
                    if (x > y)
                    {
                        r = r * Math.Log(1.0 + x * x);
                    }

                    return Math.Tanh(r) / (1.0 + y * y);
                }

            """;
}
