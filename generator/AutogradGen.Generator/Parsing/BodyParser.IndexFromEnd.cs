using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// The index of an element read or write. C#'s index from the end, <c>a[^k]</c> (a <c>System.Index</c>, on arrays
/// and spans alike), is lowered here to <c>a[a.Length - k]</c>, which is what it means, so every stage after parsing
/// (both modes, the twin, the recording of overwritten elements) sees a plain int index and needs nothing new.
/// </summary>
internal sealed partial class BodyParser
{
    private Expr? IndexOf(VariableModel array, IOperation index)
    {
        if (Unwrap(index) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat, Operand: var fromEnd })
        {
            return Expression(fromEnd) is { } distance
                ? new BinaryExpr(NumberKind.Int, BinaryOperator.Subtract, new LengthExpr(array.Name), Coerce(distance, NumberKind.Int))
                : null;
        }

        return Expression(index) is { } plain ? Coerce(plain, NumberKind.Int) : null;
    }
}
