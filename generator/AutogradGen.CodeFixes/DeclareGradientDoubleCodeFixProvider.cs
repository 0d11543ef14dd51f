using System.Collections.Generic;
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
public sealed class DeclareGradientDoubleCodeFixProvider : DiagnosticCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.NestedCallShape);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    protected override IEnumerable<CodeAction> FixesFor(Diagnostic diagnostic, FixSite site)
    {
        if (site.NodeAt(diagnostic).FirstAncestorOrSelf<ArgumentSyntax>() is not
            {
                RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword,
                Expression: DeclarationExpressionSyntax { Type.IsVar: true, Designation: SingleVariableDesignationSyntax designation } declaration,
            })
        {
            yield break;
        }

        var typed = declaration.WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DoubleKeyword)).WithTriviaFrom(declaration.Type));
        yield return Replace($"Declare '{designation.Identifier.ValueText}' as 'out double'", site, declaration, typed);
    }
}
