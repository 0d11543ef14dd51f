using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tooling.Tests.Documentation;

public class DiagnosticsPageTests
{
    /// <summary>AGD0018 is the generator's last resort for its own bugs: no correct source triggers it.</summary>
    private const string InternalError = "AGD0018";

    public static TheoryData<string> Ids => [.. DiagnosticsPage.Descriptors.Select(descriptor => descriptor.Id)];

    [Fact]
    public void The_page_has_one_section_per_diagnostic_id_in_order()
    {
        Assert.Equal(DiagnosticsPage.Descriptors.Select(descriptor => descriptor.Id), DiagnosticsPage.Sections.Keys);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_section_states_the_title_and_default_severity_of_its_id(string id)
    {
        var descriptor = DiagnosticsPage.Descriptors.Single(d => d.Id == id);
        var severity = descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };

        Assert.Contains($"**{descriptor.Title}** ({severity})", DiagnosticsPage.Sections[id], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_section_says_how_to_fix_it(string id)
    {
        Assert.Contains("**Fix:**", DiagnosticsPage.Sections[id], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_example_makes_the_generator_report_its_id(string id)
    {
        var example = DiagnosticsPage.Example(DiagnosticsPage.Sections[id]);
        if (id == InternalError)
        {
            Assert.Null(example);
            return;
        }

        Assert.NotNull(example);
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(("/docs/Example.cs", example)));

        Assert.Contains(id, run.Diagnostics.Select(diagnostic => diagnostic.Id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_descriptor_links_to_its_section(string id)
    {
        var descriptor = DiagnosticsPage.Descriptors.Single(d => d.Id == id);

        Assert.EndsWith("docs/DIAGNOSTICS.md#" + id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
    }
}
