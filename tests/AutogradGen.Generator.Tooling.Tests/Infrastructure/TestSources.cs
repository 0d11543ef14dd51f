namespace AutogradGen.Generator.Tooling.Tests.Infrastructure;

/// <summary>
/// The [Differentiable] functions the generator's own tests compile (tests/AutogradGen.Generator.Tests/Functions), read
/// from the repository so that the robustness and caching tests grow with them, plus a user derivative the generator's
/// tests do not have yet.
/// </summary>
internal static class TestSources
{
    /// <summary>What the SDK's implicit usings give the test project, which its sources rely on.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        """;

    public const string UserDerivative = """
        using AutogradGen;

        namespace Samples;

        public static class Library
        {
            public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));
        }

        public static partial class UsesLibrary
        {
            [DerivativeOf(typeof(Library), nameof(Library.Softplus))]
            public static double SoftplusGradient(double x, out double dx)
            {
                dx = 1 / (1 + Math.Exp(-x));
                return Library.Softplus(x);
            }

            [Differentiable]
            public static double Smooth(double x, double y) => Library.Softplus(x * y) + y;

            public static double Rescale(double x)
            {
                return x / 2;
            }
        }
        """;

    private static readonly Lazy<IReadOnlyList<(string Path, string Source)>> s_functions = new(Load);

    /// <summary>Every file of the generator tests' Functions folder, by repository-relative path, in a stable order.</summary>
    public static IReadOnlyList<(string Path, string Source)> Functions => s_functions.Value;

    /// <summary>The functions, the user derivative and the implicit usings: a compilation the generator accepts without errors.</summary>
    public static IReadOnlyList<(string Path, string Source)> All =>
        [.. Functions, ("/src/UserDerivative.cs", UserDerivative), ("/src/ImplicitUsings.cs", ImplicitUsings)];

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static IReadOnlyList<(string Path, string Source)> Load()
    {
        var folder = Path.Combine(RepositoryRoot, "tests", "AutogradGen.Generator.Tests", "Functions");
        var files = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 0, $"No test functions found in {folder}.");
        return files.Select(file => ("/src/" + Path.GetFileName(file), File.ReadAllText(file))).ToList();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AutogradGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"AutogradGen.sln was not found above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
