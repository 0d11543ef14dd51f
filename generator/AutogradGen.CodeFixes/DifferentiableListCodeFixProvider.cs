using System.Collections.Generic;
using System;
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
/// Fixes in the with-respect-to list of [Differentiable(...)], as the messages say:
/// <list type="bullet">
/// <item>AGD0003 (a named parameter that cannot carry a derivative), AGD0010 (a name that is no parameter) and
/// AGD0072 (the results span of a vector-valued method): remove the name from the list. Offered only while another name stays in it: an empty list means "every
/// floating-point parameter", which is not what the user wrote.</item>
/// <item>AGD0010 on a misspelt name: <c>nameof(p)</c> of the one parameter within two edits of it (letters changed,
/// added or removed, case ignored) and fewer edits than the name has letters, so the compiler checks the name from
/// then on. Not offered when two parameters are as near, or when the parameter is named already.</item>
/// </list>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DifferentiableListCodeFixProvider)), Shared]
public sealed class DifferentiableListCodeFixProvider : DiagnosticCodeFixProvider
{
    private const int MaxEdits = 2;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(
        DiagnosticIds.ParameterNotDifferentiable, DiagnosticIds.UnknownParameterName, DiagnosticIds.ResultsSpanDifferentiated);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    protected override IEnumerable<CodeAction> FixesFor(Diagnostic diagnostic, FixSite site)
    {
        var node = site.NodeAt(diagnostic);
        var method = node.FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (method is null || DifferentiableAttributes.Find(method, site.SemanticModel, site.CancellationToken) is not { } attribute)
        {
            yield break;
        }

        // AGD0010 is on the name in the list; AGD0003 and AGD0072 on the parameter, whose name the list spells somewhere.
        var argument = diagnostic.Id == DiagnosticIds.UnknownParameterName
            ? node.FirstAncestorOrSelf<AttributeArgumentSyntax>()
            : node.FirstAncestorOrSelf<ParameterSyntax>() is { } parameter
                ? DifferentiableAttributes.Naming(attribute, parameter.Identifier.ValueText, site.SemanticModel, site.CancellationToken)
                : null;
        var names = DifferentiableAttributes.Names(attribute);
        if (argument is null || !names.Contains(argument))
        {
            yield break;
        }

        var written = site.SemanticModel.GetConstantValue(argument.Expression, site.CancellationToken).Value as string;
        if (diagnostic.Id == DiagnosticIds.UnknownParameterName && written is not null
            && Nearest(method, written, names, site.SemanticModel, site.CancellationToken) is { } nearest)
        {
            var nameOf = SyntaxFactory.ParseExpression("nameof(" + nearest + ")").WithTriviaFrom(argument.Expression);
            yield return Replace($"Use nameof({nearest})", site, argument.Expression, nameOf, nameof(DifferentiableListCodeFixProvider) + ".NameOf");
        }

        if (names.Length > 1)
        {
            yield return Replace(
                $"Remove '{written ?? argument.Expression.ToString()}' from the [Differentiable] list",
                site,
                attribute,
                DifferentiableAttributes.Without(attribute, argument),
                nameof(DifferentiableListCodeFixProvider) + ".Remove");
        }
    }

    /// <summary>The one parameter within <see cref="MaxEdits"/> of <paramref name="written"/> that the list does not name yet.</summary>
    private static string? Nearest(MethodDeclarationSyntax method, string written, AttributeArgumentSyntax[] names, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var named = names.Select(n => semanticModel.GetConstantValue(n.Expression, cancellationToken).Value as string).ToList();
        var candidates = method.ParameterList.Parameters.Select(p => p.Identifier.ValueText)
            .Where(p => !named.Contains(p))
            .Select(p => (Name: p, Edits: Distance(written, p)))
            // Fewer edits than letters: 'z' is not a misspelt 'x'.
            .Where(c => c.Edits <= MaxEdits && c.Edits < written.Length)
            .OrderBy(c => c.Edits)
            .ToList();
        return candidates.Count == 1 || candidates.Count > 1 && candidates[0].Edits < candidates[1].Edits ? candidates[0].Name : null;
    }

    /// <summary>Levenshtein distance, ignoring case (a name that differs only in case is the nearest there is).</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
