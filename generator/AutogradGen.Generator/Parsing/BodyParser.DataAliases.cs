using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// A local array that names data carrying no derivative, <c>double[] row = _hidden[j];</c> (a row of a model's
/// weights, a table): not an array of the IR but another name for the data. Its reads are printed as the data
/// (<c>this._hidden[rowIndex][k]</c>), with each index the declaration evaluated kept in an int local of its own
/// (<c>rowIndex = j</c>), so that every read, in both sweeps, names the element the original read. The local must
/// never be written (or assigned again): then it is the same array wherever it is read.
/// </summary>
internal sealed partial class BodyParser
{
    private readonly Dictionary<ILocalSymbol, (List<string> Parts, List<Expr> Holes)> _dataAliases = new(SymbolEqualityComparer.Default);

    /// <summary>Declares <paramref name="local"/> as an alias when its initializer is such data and nothing writes it; false otherwise.</summary>
    private bool DataAliasDeclarator(ILocalSymbol local, IOperation initializer, SyntaxNode statementSyntax, List<Stmt> output)
    {
        var value = Unwrap(initializer);
        if (value is not (IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation) || !IsPassThrough(value)
            || value.Type is not IArrayTypeSymbol { Rank: 1 } || IsWritten(local))
        {
            return false;
        }

        var reported = _diagnostics.Count;
        if (PassThroughCode(value) is not { } code)
        {
            // Not data after all (a differentiated array's row, say): the ordinary declaration reports what is wrong.
            _diagnostics.RemoveRange(reported, _diagnostics.Count - reported);
            return false;
        }

        var line = Line(statementSyntax);
        var source = SourceText(statementSyntax);
        var holes = code.Holes.Select(h => h is LiteralExpr ? h : MaterializeInto(h, local.Name + "Index", line, source, output, force: true)).ToList();
        _dataAliases[local] = (code.Parts.ToList(), holes);
        return true;
    }

    /// <summary>Whether the local is assigned again, written element-wise, or passed by reference anywhere in its scope.</summary>
    private bool IsWritten(ILocalSymbol local)
    {
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken);
        var scope = declaration?.FirstAncestorOrSelf<BlockSyntax>();
        if (scope is null)
        {
            return true;
        }

        return WritesName(scope, local.Name, countElementWrites: true);
    }

    /// <summary>
    /// Whether anything in <paramref name="scope"/> assigns <paramref name="name"/> (also in a tuple), increments or
    /// decrements it, or passes it by reference; with <paramref name="countElementWrites"/>, writing one of its
    /// elements counts too. Syntactic, so a shadowing name counts as well: it can only refuse more, never less.
    /// </summary>
    private static bool WritesName(SyntaxNode scope, string name, bool countElementWrites)
    {
        bool Names(ExpressionSyntax? e) => e switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText == name,
            ElementAccessExpressionSyntax access => countElementWrites && Names(access.Expression),
            ParenthesizedExpressionSyntax p => Names(p.Expression),
            TupleExpressionSyntax tuple => tuple.Arguments.Any(a => Names(a.Expression)),
            _ => false,
        };

        return scope.DescendantNodesAndSelf().Any(n => n switch
        {
            AssignmentExpressionSyntax assignment => Names(assignment.Left),
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } u => Names(u.Operand),
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } u => Names(u.Operand),
            ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => Names(argument.Expression),
            _ => false,
        });
    }

    /// <summary>Prints an alias's data, its holes the int locals of its declaration.</summary>
    private bool PrintAlias(ILocalSymbol local, Code code)
    {
        var (parts, holes) = _dataAliases[local];
        code.Text(parts[0]);
        for (var i = 0; i < holes.Count; i++)
        {
            code.Hole(holes[i]);
            code.Text(parts[i + 1]);
        }

        return true;
    }
}
