using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutogradGen.CodeFixes;

/// <summary>
/// AGD0093 (a method that calls a nested derivative is marked SecondOrder itself): removes <c>SecondOrder = true</c>
/// from the calling method's [Differentiable], the one fix the message names. The method keeps its first-order
/// members, which already take the callee's second derivatives.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveSecondOrderCodeFixProvider)), Shared]
public sealed class RemoveSecondOrderCodeFixProvider : DiagnosticCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.NestedDepth);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    protected override IEnumerable<CodeAction> FixesFor(Diagnostic diagnostic, FixSite site)
    {
        var method = site.NodeAt(diagnostic).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (method is null || DifferentiableAttributes.Find(method, site.SemanticModel, site.CancellationToken) is not { } attribute)
        {
            yield break;
        }

        var without = DifferentiableAttributes.WithoutSecondOrder(attribute);
        if (without != attribute)
        {
            yield return Replace($"Remove SecondOrder = true from '{method.Identifier.ValueText}'", site, attribute, without);
        }
    }
}
