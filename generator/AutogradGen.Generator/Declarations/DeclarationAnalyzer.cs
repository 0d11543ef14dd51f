using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Declarations;

/// <summary>
/// Reports the declaration rules of [Differentiable] methods (<see cref="DeclarationRules"/>: AGD0001, AGD0002,
/// AGD0010, AGD0011) as an analyzer, so that the IDE shows them while the user types, as Roslyn's
/// incremental-generator cookbook recommends; the generator only consults the same rules to generate nothing.
/// </summary>
/// <remarks>
/// Each diagnostic is made exactly as the generator made it (<see cref="Diagnostics.DiagnosticInfo.ToDiagnostic"/>:
/// same id, location and message), so suppressions, .editorconfig severities and the code fixes see no difference.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DeclarationRules.Descriptors);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        foreach (var attribute in method.GetAttributes())
        {
            // Each declaration that carries the attribute, as ForAttributeWithMetadataName finds it for the generator.
            if (attribute.AttributeClass?.ToDisplayString() != MethodParser.DifferentiableAttributeName
                || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } syntax)
            {
                continue;
            }

            foreach (var diagnostic in DeclarationRules.Check(method, syntax, attribute, context.Compilation, context.CancellationToken))
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
            }
        }
    }
}
