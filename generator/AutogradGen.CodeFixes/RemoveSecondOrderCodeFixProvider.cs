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
public sealed class RemoveSecondOrderCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.NestedDepth);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var method = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>();
            if (method is null || DifferentiableAttributes.Find(method, semanticModel, context.CancellationToken) is not { } attribute)
            {
                continue;
            }

            var without = DifferentiableAttributes.WithoutSecondOrder(attribute);
            if (without == attribute)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove SecondOrder = true from '{method.Identifier.ValueText}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, without))),
                    equivalenceKey: nameof(RemoveSecondOrderCodeFixProvider)),
                diagnostic);
        }
    }
}
