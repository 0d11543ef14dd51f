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
/// AGD0002: makes a [Differentiable] method static. Offered only when the body uses no instance state (no
/// <c>this</c>, <c>base</c>, or instance member of its type): otherwise 'static' would only trade this error for
/// compiler errors, and the fix the message asks for (pass the state as parameters) is the user's design call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeMethodStaticCodeFixProvider)), Shared]
public sealed class MakeMethodStaticCodeFixProvider : DiagnosticCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.MethodNotStatic);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    protected override IEnumerable<CodeAction> FixesFor(Diagnostic diagnostic, FixSite site)
    {
        if (site.TokenParentAt(diagnostic) is not MethodDeclarationSyntax method
            || method.Modifiers.Any(SyntaxKind.StaticKeyword)
            || UsesInstanceState(method, site.SemanticModel, site.CancellationToken))
        {
            yield break;
        }

        yield return Replace($"Make '{method.Identifier.ValueText}' static", site, method, AddStatic(method));
    }

    private static bool UsesInstanceState(MethodDeclarationSyntax method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            return false;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is ThisExpressionSyntax or BaseExpressionSyntax)
            {
                return true;
            }

            if (node is SimpleNameSyntax name
                && semanticModel.GetSymbolInfo(name, cancellationToken).Symbol is { IsStatic: false } symbol
                && symbol.Kind is SymbolKind.Field or SymbolKind.Property or SymbolKind.Method or SymbolKind.Event
                && symbol.ContainingType is not null
                && !IsMemberAccessOnOtherInstance(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>In <c>other.Field</c> the name 'Field' belongs to another object, not to <c>this</c>.</summary>
    private static bool IsMemberAccessOnOtherInstance(SimpleNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax access && access.Name == name
        || name.Parent is MemberBindingExpressionSyntax;

    /// <summary>'static' goes after the accessibility modifiers (public static, internal static), as C# code usually reads.</summary>
    private static MethodDeclarationSyntax AddStatic(MethodDeclarationSyntax method)
    {
        var modifiers = method.Modifiers;
        var index = 0;
        while (index < modifiers.Count && SyntaxFacts.IsAccessibilityModifier(modifiers[index].Kind()))
        {
            index++;
        }

        var @static = SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (index == 0)
        {
            // 'static' becomes the first token of the declaration after its attributes: it takes over the leading trivia.
            var first = modifiers.Count > 0 ? modifiers[0] : method.ReturnType.GetFirstToken();
            @static = @static.WithLeadingTrivia(first.LeadingTrivia);
            method = modifiers.Count > 0
                ? method.WithModifiers(modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia()))
                : method.ReplaceToken(first, first.WithLeadingTrivia());
            return method.WithModifiers(method.Modifiers.Insert(0, @static));
        }

        return method.WithModifiers(modifiers.Insert(index, @static));
    }
}
