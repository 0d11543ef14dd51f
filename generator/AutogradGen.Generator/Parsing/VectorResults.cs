using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Which parameter of a vector-valued method holds its results. The rule is the signature's, so a reader sees it
/// without reading the body: a <c>[Differentiable]</c> method that returns <c>void</c> writes its results into its
/// one <c>Span&lt;double&gt;</c> or <c>Span&lt;float&gt;</c> parameter (inputs are scalars, arrays and
/// <c>ReadOnlySpan&lt;T&gt;</c>s). No <c>Span&lt;T&gt;</c> parameter is AGD0070, several are AGD0071, and naming it in
/// the differentiation list is AGD0072.
/// </summary>
internal static class VectorResults
{
    /// <summary>The members generated for a vector-valued method, whose names must be free (AGD0011).</summary>
    public static readonly string[] GeneratedSuffixes = { "Jvp", "Vjp", "Jacobian" };

    /// <summary>The results parameter of a void method, or null with a diagnostic when it has none or several.</summary>
    public static (string Name, NumberKind Kind)? Find(
        IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics)
    {
        var spans = method.Parameters
            .Where(p => p.RefKind == RefKind.None && TypeClassifier.Classify(p.Type) is { Storage: StorageKind.Span })
            .ToList();
        if (spans.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.VoidWithoutResults, syntax.ReturnType.GetLocation(), method.Name));
            return null;
        }

        if (spans.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SeveralResultSpans, spans[1].Locations.FirstOrDefault(), method.Name, string.Join(", ", spans.Select(p => "'" + p.Name + "'"))));
            return null;
        }

        var results = spans[0];
        var named = MethodParser.WithRespectTo(method, attribute, cancellationToken, new List<DiagnosticInfo>());
        if (named?.Contains(results.Name) == true)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResultsSpanDifferentiated, results.Locations.FirstOrDefault(), results.Name, method.Name));
            return null;
        }

        return (results.Name, TypeClassifier.Classify(results.Type)!.Value.Kind);
    }
}
