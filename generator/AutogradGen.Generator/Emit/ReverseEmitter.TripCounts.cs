using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Trip counts that need no recording: a counted loop from a literal to a bound that never changes
/// (<c>for (int i = 0; i &lt; n; i++)</c> with n a parameter, a Length, or a local assigned once outside loops),
/// with no break or return, runs n − 0 times (none if that is negative), which the reverse sweep computes again.
/// </summary>
internal sealed partial class ReverseEmitter
{
    private InvariantValues? _invariants;

    /// <summary>The trip count as an expression valid in the reverse sweep, or null when it must be recorded.</summary>
    private string? RecomputedTripCount(LoopStmt loop)
    {
        if (loop.CountedIndex is not { } index || loop.ConstantStart is not { } start
            || loop.Condition is not BinaryExpr { Left: VariableExpr left } test || left.Name != index || !(_invariants ??= new InvariantValues(Method)).IsInvariant(test.Right))
        {
            return null;
        }

        // A count below zero replays nothing, exactly as the forward loop ran nothing.
        var bound = test.Right is VariableExpr or LengthExpr or LiteralExpr ? ExprPrinter.Print(test.Right) : "(" + ExprPrinter.Print(test.Right) + ")";
        var difference = loop.CountedDirection < 0 ? start + " - " + bound
            : start == "0" ? bound
            : bound + " - " + start;
        return test.Operator is BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual ? "(" + difference + " + 1)" : difference;
    }
}
