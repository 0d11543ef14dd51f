using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace AutogradGen.CodeFixes;

/// <summary>
/// AGD0007: marks the called method [Differentiable], so that the generator differentiates it too and the caller's
/// derivative calls the callee's generated code. Offered only when the callee is declared in this solution's source
/// and has the shape the generator accepts (static, not generic, a body); for anything else the right fix is a
/// [DerivativeOf] method, which only the user can write.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkCalleeDifferentiableCodeFixProvider)), Shared]
public sealed class MarkCalleeDifferentiableCodeFixProvider : DiagnosticCodeFixProvider
{
    private const string AttributeMetadataName = "AutogradGen.DifferentiableAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.CallNotDifferentiable);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    protected override IEnumerable<CodeAction> FixesFor(Diagnostic diagnostic, FixSite site)
    {
        if (site.SemanticModel.Compilation.GetTypeByMetadataName(AttributeMetadataName) is null)
        {
            yield break;
        }

        var invocation = site.NodeAt(diagnostic).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (invocation is null
            || site.SemanticModel.GetSymbolInfo(invocation, site.CancellationToken).Symbol is not IMethodSymbol callee
            || CalleeDeclaration(callee.OriginalDefinition, site.CancellationToken) is not { } declaration)
        {
            yield break;
        }

        var solution = site.Document.Project.Solution;
        yield return EditSolution($"Mark '{callee.Name}' [Differentiable]", cancellationToken => MarkDifferentiableAsync(solution, declaration, cancellationToken));
    }

    private static MethodDeclarationSyntax? CalleeDeclaration(IMethodSymbol callee, CancellationToken cancellationToken)
    {
        if (!callee.IsStatic || callee.IsGenericMethod || callee.DeclaringSyntaxReferences.Length != 1
            || callee.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeMetadataName))
        {
            return null;
        }

        var syntax = callee.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as MethodDeclarationSyntax;
        return syntax?.Body is not null || syntax?.ExpressionBody is not null ? syntax : null;
    }

    private static async Task<Solution> MarkDifferentiableAsync(Solution solution, MethodDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(declaration.SyntaxTree);
        if (document is null)
        {
            return solution;
        }

        // Written fully qualified and annotated: the simplifier shortens it to [Differentiable] and adds
        // 'using AutogradGen;' when the file does not have it yet.
        var attributeName = SyntaxFactory.ParseName("global::AutogradGen.Differentiable")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var attributeList = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(attributeName)));
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return solution;
        }

        var marked = AddAttribute(declaration, attributeList);
        document = document.WithSyntaxRoot(root.ReplaceNode(declaration, marked));
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.Project.Solution;
    }

    /// <summary>The new attribute list goes on its own line above the method, with the method's indentation.</summary>
    private static MethodDeclarationSyntax AddAttribute(MethodDeclarationSyntax declaration, AttributeListSyntax attributeList)
    {
        var firstToken = declaration.GetFirstToken();
        var leading = firstToken.LeadingTrivia;
        var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));

        // The file's own line break (the first one in it), so that the fix does not mix \n and \r\n.
        var fileLineBreak = declaration.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = fileLineBreak.IsKind(SyntaxKind.EndOfLineTrivia) ? fileLineBreak : SyntaxFactory.ElasticCarriageReturnLineFeed;
        var attribute = attributeList.WithLeadingTrivia(leading).WithTrailingTrivia(newLine);
        var rest = declaration.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(indentation.IsKind(SyntaxKind.None) ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation)));
        return rest.WithAttributeLists(rest.AttributeLists.Insert(0, attribute));
    }
}
