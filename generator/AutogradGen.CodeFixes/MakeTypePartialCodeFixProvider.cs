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
/// AGD0001: adds <c>partial</c> to every declaration of the type that contains a [Differentiable] method. Every
/// declaration, not only the flagged one: C# requires all parts of a partial type to say partial, and the
/// generator reports the type until they all do.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTypePartialCodeFixProvider)), Shared]
public sealed class MakeTypePartialCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ContainingTypeNotPartial);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

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
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as TypeDeclarationSyntax;
            if (declaration is null || semanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{type.Name}' partial",
                    cancellationToken => MakePartialAsync(context.Document.Project.Solution, type, cancellationToken),
                    equivalenceKey: nameof(MakeTypePartialCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Solution> MakePartialAsync(Solution solution, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // Declarations may sit in several documents; group them so that each document is rewritten once.
        foreach (var group in type.DeclaringSyntaxReferences.GroupBy(reference => reference.SyntaxTree))
        {
            var document = solution.GetDocument(group.Key);
            if (document is null)
            {
                continue;
            }

            var root = await group.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var declarations = group.Select(reference => reference.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>()
                .Where(declaration => !declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
            var newRoot = root.ReplaceNodes(declarations, static (_, declaration) => AddPartial(declaration));
            solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
        }

        return solution;
    }

    /// <summary>'partial' must come right before the type keyword, so it goes last among the modifiers.</summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }

        // No modifiers: the keyword carries the declaration's leading trivia (indentation, doc comments); move it to 'partial'.
        var keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
