using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutogradGen.CodeFixes;

/// <summary>
/// AGD0076 (a second-order method calls a [Differentiable] method without second-order code) and AGD0090 (a nested
/// derivative calls <c>FGradient</c>/<c>FDerivative</c> of a method without second-order code): adds
/// <c>SecondOrder = true</c> to the callee's [Differentiable], as both messages say. Offered only when that is all the
/// callee lacks: it is in source, [Differentiable] without SecondOrder, static and not generic, returns double and
/// takes double, int and bool parameters by value or <c>in</c> (a span, array, struct or float parameter has no
/// second-order code either way, and the fix would only move the error to the callee as AGD0075).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkCalleeSecondOrderCodeFixProvider)), Shared]
public sealed class MarkCalleeSecondOrderCodeFixProvider : DiagnosticCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SecondOrderCallee, DiagnosticIds.NestedCalleeNotSecondOrder);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    protected override IEnumerable<CodeAction> FixesFor(Diagnostic diagnostic, FixSite site)
    {
        var invocation = site.NodeAt(diagnostic).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (invocation is null)
        {
            yield break;
        }

        var callee = diagnostic.Id == DiagnosticIds.NestedCalleeNotSecondOrder
            ? NestedCallee(invocation, site.SemanticModel, site.CancellationToken)
            : site.SemanticModel.GetSymbolInfo(invocation, site.CancellationToken).Symbol as IMethodSymbol;
        if (callee is null || Declaration(callee.OriginalDefinition, site.CancellationToken) is not { } declaration)
        {
            yield break;
        }

        var solution = site.Document.Project.Solution;
        yield return EditSolution($"Mark '{callee.Name}' [Differentiable(SecondOrder = true)]", cancellationToken => MarkAsync(solution, declaration, cancellationToken));
    }

    /// <summary>
    /// The method behind <c>FGradient(...)</c> or <c>T.FDerivative(...)</c>: <c>F</c> in the qualifier's type or the
    /// caller's, the one [Differentiable] method of that name (the generated member need not exist yet).
    /// </summary>
    private static IMethodSymbol? NestedCallee(InvocationExpressionSyntax invocation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        (string Name, INamedTypeSymbol? Type) called = invocation.Expression switch
        {
            IdentifierNameSyntax identifier => (identifier.Identifier.ValueText, semanticModel.GetEnclosingSymbol(invocation.SpanStart, cancellationToken)?.ContainingType),
            MemberAccessExpressionSyntax access => (access.Name.Identifier.ValueText, semanticModel.GetSymbolInfo(access.Expression, cancellationToken).Symbol as INamedTypeSymbol),
            _ => (string.Empty, null),
        };
        var (name, type) = called;
        var suffix = name.EndsWith("Gradient", System.StringComparison.Ordinal) ? "Gradient"
            : name.EndsWith("Derivative", System.StringComparison.Ordinal) ? "Derivative"
            : null;
        if (type is null || suffix is null)
        {
            return null;
        }

        var candidates = type.GetMembers(name.Substring(0, name.Length - suffix.Length)).OfType<IMethodSymbol>()
            .Where(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == DifferentiableAttributes.MetadataName))
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>The callee's declaration, when marking it SecondOrder is all it needs (see the class remarks).</summary>
    private static MethodDeclarationSyntax? Declaration(IMethodSymbol callee, CancellationToken cancellationToken)
    {
        var attribute = callee.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == DifferentiableAttributes.MetadataName);
        if (attribute is null || DifferentiableAttributes.IsSecondOrder(attribute) || !callee.IsStatic || callee.IsGenericMethod
            || callee.ReturnType.SpecialType != SpecialType.System_Double
            || callee.Parameters.Any(p => p.RefKind is not (RefKind.None or RefKind.In)
                || p.Type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Int32 or SpecialType.System_Boolean)))
        {
            return null;
        }

        return attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<MethodDeclarationSyntax>();
    }

    private static async Task<Solution> MarkAsync(Solution solution, MethodDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(declaration.SyntaxTree);
        if (document is null
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } semanticModel
            || DifferentiableAttributes.Find(declaration, semanticModel, cancellationToken) is not { } attribute)
        {
            return solution;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(attribute, DifferentiableAttributes.WithSecondOrder(attribute))).Project.Solution;
    }
}
