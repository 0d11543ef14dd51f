using System.Composition;
using AutogradGen.CodeFixes;
using AutogradGen.Generator.Tooling.Tests.Documentation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AutogradGen.Generator.Tooling.Tests.CodeFixes;

/// <summary>What the IDE needs to find the code fixes: MEF exports for C#, ids the generator really reports.</summary>
public class CodeFixRegistrationTests
{
    private static readonly IReadOnlyList<Type> s_providers = typeof(MakeTypePartialCodeFixProvider).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(CodeFixProvider)) && !type.IsAbstract)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void The_assembly_has_the_eight_code_fixes()
    {
        Assert.Equal(
            [
                nameof(DeclareGradientDoubleCodeFixProvider), nameof(DeclareParameterInCodeFixProvider), nameof(DifferentiableListCodeFixProvider),
                nameof(MakeMethodStaticCodeFixProvider), nameof(MakeTypePartialCodeFixProvider), nameof(MarkCalleeDifferentiableCodeFixProvider),
                nameof(MarkCalleeSecondOrderCodeFixProvider), nameof(RemoveSecondOrderCodeFixProvider),
            ],
            s_providers.Select(type => type.Name));
    }

    [Fact]
    public void Every_code_fix_is_exported_for_CSharp_as_a_shared_part()
    {
        Assert.All(s_providers, type =>
        {
            var export = Assert.Single(type.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), inherit: false).Cast<ExportCodeFixProviderAttribute>());
            Assert.Equal([LanguageNames.CSharp], export.Languages);
            Assert.Single(type.GetCustomAttributes(typeof(SharedAttribute), inherit: false));
        });
    }

    [Fact]
    public void Every_fixable_id_is_one_the_generator_declares()
    {
        var declared = DiagnosticsPage.Descriptors.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
        var fixable = s_providers.SelectMany(type => ((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds).Order(StringComparer.Ordinal);

        Assert.Equal(["AGD0001", "AGD0002", "AGD0003", "AGD0007", "AGD0010", "AGD0017", "AGD0072", "AGD0076", "AGD0090", "AGD0091", "AGD0093"], fixable);
        Assert.All(fixable, id => Assert.Contains(id, declared));
    }
}
