using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using AutogradGen.Generator.Incremental;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// What the parsers read of one attributed declaration (the parts of a GeneratorAttributeSyntaxContext they use),
/// found again from a <see cref="BindRequest{TSite}"/> in the request's compilation.
/// </summary>
internal sealed class BindingTarget
{
    private BindingTarget(SyntaxNode targetNode, ISymbol? targetSymbol, SemanticModel semanticModel, ImmutableArray<AttributeData> attributes)
    {
        TargetNode = targetNode;
        TargetSymbol = targetSymbol;
        SemanticModel = semanticModel;
        Attributes = attributes;
    }

    public SyntaxNode TargetNode { get; }

    public ISymbol? TargetSymbol { get; }

    public SemanticModel SemanticModel { get; }

    /// <summary>The applications of the attribute the site was found by, in source order.</summary>
    public ImmutableArray<AttributeData> Attributes { get; }

    /// <summary>
    /// The target as the analyzer sees it (<see cref="Declarations.SignatureRules"/>): the declaration, its symbol and the
    /// attributes named <paramref name="attributeName"/>, read as <see cref="Locate"/> reads them for the generator.
    /// </summary>
    public static BindingTarget Of(SyntaxNode node, ISymbol symbol, SemanticModel semanticModel, string attributeName) =>
        new(node, symbol, semanticModel, symbol.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == attributeName).ToImmutableArray());

    public static BindingTarget Locate(
        BindRequest<TargetSite> request, Func<SyntaxNode, bool> isTarget, string attributeName, CancellationToken cancellationToken)
    {
        var (node, semanticModel) = request.Locate(isTarget, cancellationToken);
        var symbol = semanticModel.GetDeclaredSymbol(node, cancellationToken);
        var attributes = symbol is null ? ImmutableArray<AttributeData>.Empty
            : symbol.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == attributeName).ToImmutableArray();
        return new BindingTarget(node, symbol, semanticModel, attributes);
    }
}
