using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Declarations;

/// <summary>
/// Reports the declaration rules of [Differentiable] and [DerivativeOf] methods (<see cref="DeclarationRules"/>:
/// AGD0001, AGD0002, AGD0010, AGD0011, AGD0014; <see cref="SignatureRules"/>: AGD0003, AGD0004, AGD0017) as an analyzer, so that the IDE shows them while the user types, as Roslyn's
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
        context.RegisterSyntaxNodeAction(AnalyzeUserDerivative, SyntaxKind.MethodDeclaration);
        // Per declaration, not per symbol: local functions have no symbol action, and the generator reads the declaration
        // that carries the attribute.
        context.RegisterSyntaxNodeAction(AnalyzeSignature, SignatureRules.TargetKinds);
    }

    /// <summary>AGD0003, AGD0004 and AGD0017 (<see cref="SignatureRules"/>).</summary>
    private static void AnalyzeSignature(SyntaxNodeAnalysisContext context)
    {
        IEnumerable<DiagnosticInfo> diagnostics;
        try
        {
            diagnostics = SignatureRules.Check(context.Node, context.SemanticModel, context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator runs the same code and reports its own failure as AGD0018 on the method; an exception
            // here would only add the host's AD0001 warning beside it.
            return;
        }

        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
        }
    }

    /// <summary>
    /// AGD0014 on a [DerivativeOf] method, except while it does not compile (as while typing: the compiler's errors
    /// say more), as the generator's parser decides.
    /// </summary>
    private static void AnalyzeUserDerivative(SyntaxNodeAnalysisContext context)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } derivative
            || derivative.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == UserDerivativeParser.DerivativeOfAttributeName
                && a.ApplicationSyntaxReference?.SyntaxTree == syntax.SyntaxTree && syntax.Span.Contains(a.ApplicationSyntaxReference.Span)) is not { } attribute
            || !MethodParser.HasValidNames(derivative)
            || context.SemanticModel.GetDiagnostics(syntax.Span, context.CancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return;
        }

        if (UserDerivativeParser.Check(derivative, attribute, syntax.Identifier.GetLocation()) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
        }
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
