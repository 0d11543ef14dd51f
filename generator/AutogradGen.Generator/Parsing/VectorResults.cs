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
/// <c>ReadOnlySpan&lt;T&gt;</c>s), and it has no <c>ref</c>/<c>out</c> parameter. Any other void method is a helper
/// inlined where it is called (BodyParser.RefArguments, AGD0061). Naming the results in the differentiation list is AGD0072.
/// </summary>
internal static class VectorResults
{
    /// <summary>The members generated for a vector-valued method, whose names must be free (AGD0011).</summary>
    public static readonly string[] GeneratedSuffixes = { "Jvp", "Vjp", "Jacobian", "JvpBatch" };

    /// <summary>
    /// Whether <paramref name="method"/> is vector-valued: it returns void, has exactly one <c>Span&lt;T&gt;</c> parameter
    /// (its results) and no <c>ref</c>/<c>out</c> parameter. Any other void method is a helper differentiated where it is
    /// called (BodyParser.RefArguments, AGD0061).
    /// </summary>
    public static bool IsVectorValued(IMethodSymbol method) =>
        method.ReturnsVoid
        && !method.Parameters.Any(p => p.RefKind is RefKind.Ref or RefKind.Out)
        && method.Parameters.Count(p => p.RefKind == RefKind.None && TypeClassifier.Classify(p.Type) is { Storage: StorageKind.Span }) == 1;

    /// <summary>The results parameter of a vector-valued method (<see cref="IsVectorValued"/>), or null with a diagnostic.</summary>
    public static (string Name, NumberKind Kind)? Find(
        IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics)
    {
        var results = method.Parameters.Single(p => p.RefKind == RefKind.None && TypeClassifier.Classify(p.Type) is { Storage: StorageKind.Span });
        var named = MethodParser.WithRespectTo(method, attribute, cancellationToken, new List<DiagnosticInfo>());
        if (named?.Contains(results.Name) == true)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResultsSpanDifferentiated, results.Locations.FirstOrDefault(), results.Name, method.Name));
            return null;
        }

        return (results.Name, TypeClassifier.Classify(results.Type)!.Value.Kind);
    }
}
