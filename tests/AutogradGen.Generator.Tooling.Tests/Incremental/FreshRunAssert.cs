using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tooling.Tests.Incremental;

/// <summary>
/// The soundness check of incremental runs: what a driver with a cache produces for a compilation (every generated
/// file's text, every diagnostic with its location) is exactly what a new driver produces for it.
/// </summary>
internal static class FreshRunAssert
{
    public static void SameAsFreshRun(GeneratorDriverRunResult incremental, GeneratorDriverRunResult fresh)
    {
        Assert.Equal(Sources(fresh), Sources(incremental));
        Assert.Equal(Diagnostics(fresh), Diagnostics(incremental));
    }

    private static List<(string HintName, string Text)> Sources(GeneratorDriverRunResult run) =>
        run.Results.SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();

    private static List<string> Diagnostics(GeneratorDriverRunResult run) =>
        run.Diagnostics
            .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}{d.Location.GetLineSpan().Span} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
