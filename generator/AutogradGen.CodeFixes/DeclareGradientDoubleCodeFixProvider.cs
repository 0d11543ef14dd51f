using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutogradGen.CodeFixes;

/// <summary>
/// AGD0091 on <c>out var g</c> in a nested <c>FGradient(...)</c> call: writes <c>out double g</c>, as the message says.
/// The generator reads the body before <c>FGradient</c> exists, so it cannot infer the type; the gradient of a
/// nested call is always a double (a callee over float is AGD0092), so writing the type changes nothing else. The
/// other shapes of AGD0091 (arguments by name, a call where no statement can go) have no one-edit fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareGradientDoubleCodeFixProvider)), Shared]
public sealed class DeclareGradientDoubleCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.NestedCallShape);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>() is not
                {
                    RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword,
                    Expression: DeclarationExpressionSyntax { Type.IsVar: true, Designation: SingleVariableDesignationSyntax designation } declaration,
                })
            {
                continue;
            }

            var typed = declaration.WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DoubleKeyword)).WithTriviaFrom(declaration.Type));
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Declare '{designation.Identifier.ValueText}' as 'out double'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, typed))),
                    equivalenceKey: nameof(DeclareGradientDoubleCodeFixProvider)),
                diagnostic);
        }
    }
}
