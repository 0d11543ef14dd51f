using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// <c>ref double slot = ref buffer[i];</c>: a ref local bound to one element of an array or span of the method is
/// another name for that element, so each read and write of <c>slot</c> is parsed as <c>buffer[i]</c>. That is exact
/// while <c>i</c> and <c>buffer</c> keep their values wherever <c>slot</c> can be used (its block, after the
/// declaration) and <c>slot</c> is never bound again; anything else stays AGD0005, with its uses explained by it.
/// </summary>
internal sealed partial class BodyParser
{
    private readonly Dictionary<ILocalSymbol, (IOperation Array, IOperation Index)> _refElementAliases = new(SymbolEqualityComparer.Default);

    private bool RefElementAlias(ILocalSymbol local, IOperation? initializer, SyntaxNode declarator)
    {
        var element = initializer switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } array => (Array: array.ArrayReference, Index: array.Indices[0]),
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { Type: INamedTypeSymbol spanType } span } indexer
                when IsSpan(spanType) => (Array: span, Index: indexer.Arguments[0].Value),
            _ => default,
        };
        if (element.Array is null || Variable(Unwrap(element.Array)) is not { Storage: not StorageKind.Scalar })
        {
            return false;
        }

        var statement = declarator.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
        if (statement?.Parent is not BlockSyntax block)
        {
            return false;
        }

        // The names the element's address is made of: none may change while the alias can be used.
        var names = element.Index.DescendantsAndSelf().Concat(element.Array.DescendantsAndSelf())
            .Select(o => o switch
            {
                ILocalReferenceOperation l => l.Local.Name,
                IParameterReferenceOperation p => p.Parameter.Name,
                _ => null,
            })
            .Where(n => n is not null)
            .Select(n => n!)
            .ToList();
        var after = block.Statements.SkipWhile(s => s != statement).Skip(1).ToList();
        if (after.Any(s => names.Any(n => WritesName(s, n, countElementWrites: false)) || RebindsRef(s, local.Name)))
        {
            return false;
        }

        _refElementAliases[local] = element;
        return true;
    }

    /// <summary>A read of an aliased ref local: the element it names.</summary>
    private bool RefAliasRead(IOperation operation, SyntaxNode syntax, out Expr? result)
    {
        result = null;
        if (operation is not ILocalReferenceOperation reference || !_refElementAliases.TryGetValue(reference.Local, out var element))
        {
            return false;
        }

        result = Element(element.Array, element.Index, syntax);
        return true;
    }

    /// <summary>A write to an aliased ref local: a write to the element it names.</summary>
    private bool RefAliasTarget(IOperation target, out AssignTarget? result)
    {
        result = null;
        if (target is not ILocalReferenceOperation reference || !_refElementAliases.TryGetValue(reference.Local, out var element))
        {
            return false;
        }

        result = ElementTarget(element.Array, element.Index, target.Syntax);
        return true;
    }

    private static bool RebindsRef(SyntaxNode scope, string name) =>
        scope.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>()
            .Any(a => a.Right is RefExpressionSyntax && a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == name);
}
