using System.Reflection;
using System.Text.RegularExpressions;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tooling.Tests.Documentation;

/// <summary>docs/DIAGNOSTICS.md read into one section per id, and the generator's own descriptors to hold it against.</summary>
internal static partial class DiagnosticsPage
{
    public static string Path { get; } = System.IO.Path.Combine(TestSources.RepositoryRoot, "docs", "DIAGNOSTICS.md");

    /// <summary>Each "## AGDnnnn" section's text, by id, in page order.</summary>
    public static IReadOnlyDictionary<string, string> Sections { get; } = ReadSections();

    /// <summary>The generator's descriptors, read from its internal descriptor table by reflection.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = typeof(DifferentiableGenerator).Assembly
        .GetType("AutogradGen.Generator.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>The first C# code block of a section: the example that triggers the id.</summary>
    public static string? Example(string section) =>
        CodeBlock().Match(section) is { Success: true } match ? match.Groups["code"].Value : null;

    private static Dictionary<string, string> ReadSections()
    {
        var text = File.ReadAllText(Path);
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var matches = SectionHeading().Matches(text);
        for (var i = 0; i < matches.Count; i++)
        {
            var end = i + 1 < matches.Count ? matches[i + 1].Index : NextHeading(text, matches[i].Index + matches[i].Length);
            sections[matches[i].Groups["id"].Value] = text[matches[i].Index..end];
        }

        return sections;
    }

    private static int NextHeading(string text, int from)
    {
        var next = text.IndexOf("\n## ", from, StringComparison.Ordinal);
        return next < 0 ? text.Length : next;
    }

    [GeneratedRegex(@"^## (?<id>AGD\d{4})\s*$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
