using System.Collections.Generic;
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
public sealed class DeclareParameterInCodeFixProvider : DiagnosticCodeFixProvider
{
    private const string TensorTypeName = "AutogradGen.Tensor";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnsupportedMethod);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    protected override IEnumerable<CodeAction> FixesFor(Diagnostic diagnostic, FixSite site)
    {
        if (site.TokenParentAt(diagnostic) is not ParameterSyntax parameter
            || !parameter.Modifiers.Any(SyntaxKind.RefKeyword) || !parameter.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)
            || site.SemanticModel.GetDeclaredSymbol(parameter, site.CancellationToken) is not { ContainingSymbol: IMethodSymbol method }
            || IsTensor(method.ReturnType) || method.Parameters.Any(p => IsTensor(p.Type)))
        {
            yield break;
        }

        yield return Replace($"Declare '{parameter.Identifier.ValueText}' 'in'", site, parameter, DeclareIn(parameter));
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
