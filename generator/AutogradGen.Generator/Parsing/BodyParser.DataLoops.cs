using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// <c>foreach</c> over data that carries no derivative and can be indexed: an array field or property (a
/// <c>static readonly</c> table), a <c>List&lt;double&gt;</c> or <c>IReadOnlyList&lt;double&gt;</c> parameter, field or
/// property. It becomes the counted loop <c>for (i = 0; i &lt; data.Count; i++) { v = data[i]; … }</c> (Length for an
/// array), the data read as the original reads it, so the element is a pass-through value and the index an int the
/// reverse sweep recomputes.
/// </summary>
internal sealed partial class BodyParser
{
    private bool DataForEach(IForEachLoopOperation loop, List<Stmt> output)
    {
        var collection = Unwrap(loop.Collection);
        if (!IsPassThrough(collection) || IndexedData(collection.Type) is not { } shape || loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: var element })
        {
            return false;
        }

        var reported = _diagnostics.Count;
        if (PassThroughCode(collection) is not { Holes.Count: 0 } code)
        {
            // Not data after all: the ordinary refusal says what to do.
            _diagnostics.RemoveRange(reported, _diagnostics.Count - reported);
            return false;
        }

        var text = code.Parts[0];
        var line = Line(loop.Syntax);
        var source = Regex.Replace(loop.Syntax is ForEachStatementSyntax s ? "foreach (" + s.Type + " " + s.Identifier + " in " + s.Expression + ")" : loop.Syntax.ToString(), @"\s+", " ");
        var index = DeclareSynthetic(element.Name + "Index", NumberKind.Int);
        var elementKind = TypeClassifier.Scalar(element.Type) ?? shape.Kind;
        var elementName = DeclareLocal(element, elementKind, StorageKind.Scalar);
        var indexExpr = new VariableExpr(NumberKind.Int, index);
        var read = new PassThroughExpr(shape.Kind, EquatableArray.Of(text + "[", "]"), EquatableArray.Of<Expr>(indexExpr));
        var length = new PassThroughExpr(NumberKind.Int, EquatableArray.Of(text + "." + shape.Length), EquatableArray<Expr>.Empty);
        output.Add(new AssignStmt(line, source, index, null, new LiteralExpr(NumberKind.Int, "0")));
        _loopDepth++;
        var body = new List<Stmt> { new AssignStmt(line, source, elementName, null, Coerce(read, elementKind)) };
        Statement(loop.Body, body);
        _loopDepth--;
        var step = new AssignStmt(line, source, index, null, new BinaryExpr(NumberKind.Int, BinaryOperator.Add, indexExpr, new LiteralExpr(NumberKind.Int, "1")));
        var condition = new BinaryExpr(NumberKind.Bool, BinaryOperator.Less, indexExpr, length);
        output.Add(new LoopStmt(line, source, condition, body.ToEquatableArray(), EquatableArray.Of<Stmt>(step), false, index, 1, "0"));
        return true;
    }

    /// <summary>The element kind and length member of a 1-D array or an IReadOnlyList/IList of numbers; null for anything else.</summary>
    private static (NumberKind Kind, string Length)? IndexedData(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return TypeClassifier.Scalar(array.ElementType) is { } kind ? (kind, "Length") : null;
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        foreach (var candidate in named.AllInterfaces.Prepend(named))
        {
            if (candidate is { Name: "IReadOnlyList" or "IList", TypeArguments.Length: 1 } list
                && list.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"
                && TypeClassifier.Scalar(list.TypeArguments[0]) is { } element)
            {
                return (element, "Count");
            }
        }

        return null;
    }
}
