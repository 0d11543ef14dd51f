using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutogradGen.CodeFixes;

/// <summary>
/// AGD0017 on a <c>ref readonly</c> parameter of a method over double and float: declares it <c>in</c>, which the
/// message asks for and which the body reads the same way (both pass a read-only reference). Offered only for that
/// shape of AGD0017: a tensor method's by-reference parameter must be passed by value instead, and the other shapes
/// (no body, a local function, a generic tensor method) have no one-edit fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareParameterInCodeFixProvider)), Shared]
public sealed class DeclareParameterInCodeFixProvider : CodeFixProvider
{
    private const string TensorTypeName = "AutogradGen.Tensor";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnsupportedMethod);

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
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not ParameterSyntax parameter
                || !parameter.Modifiers.Any(SyntaxKind.RefKeyword) || !parameter.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)
                || semanticModel.GetDeclaredSymbol(parameter, context.CancellationToken) is not { ContainingSymbol: IMethodSymbol method }
                || IsTensor(method.ReturnType) || method.Parameters.Any(p => IsTensor(p.Type)))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Declare '{parameter.Identifier.ValueText}' 'in'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(parameter, DeclareIn(parameter)))),
                    equivalenceKey: nameof(DeclareParameterInCodeFixProvider)),
                diagnostic);
        }
    }

    private static bool IsTensor(ITypeSymbol type) => type.ToDisplayString() == TensorTypeName;

    /// <summary><c>ref readonly</c> becomes <c>in</c>, with the trivia before 'ref' and after 'readonly'.</summary>
    private static ParameterSyntax DeclareIn(ParameterSyntax parameter)
    {
        var modifiers = parameter.Modifiers;
        var @ref = modifiers.First(m => m.IsKind(SyntaxKind.RefKeyword));
        var @readonly = modifiers.First(m => m.IsKind(SyntaxKind.ReadOnlyKeyword));
        var @in = SyntaxFactory.Token(@ref.LeadingTrivia, SyntaxKind.InKeyword, @readonly.TrailingTrivia);
        var rewritten = modifiers.Where(m => m != @readonly).Select(m => m == @ref ? @in : m);
        return parameter.WithModifiers(SyntaxFactory.TokenList(rewritten));
    }
}
