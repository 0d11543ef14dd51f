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
    private Dictionary<string, (int Count, bool AllOutsideLoops)>? _assignments;

    /// <summary>The trip count as an expression valid in the reverse sweep, or null when it must be recorded.</summary>
    private string? RecomputedTripCount(LoopStmt loop)
    {
        if (loop.CountedIndex is not { } index || loop.ConstantStart is not { } start
            || loop.Condition is not BinaryExpr { Left: VariableExpr left } test || left.Name != index || !IsInvariant(test.Right))
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

    private bool IsInvariant(Expr expr) => expr switch
    {
        LiteralExpr or LengthExpr => true,
        VariableExpr variable => IsAssignedOnceOutsideLoops(variable.Name),
        UnaryExpr unary => IsInvariant(unary.Operand),
        BinaryExpr binary => IsInvariant(binary.Left) && IsInvariant(binary.Right),
        ConvertExpr convert => IsInvariant(convert.Operand),
        _ => false,
    };

    /// <summary>A parameter never assigned, or a local assigned exactly once, outside any loop.</summary>
    private bool IsAssignedOnceOutsideLoops(string variable)
    {
        if (_assignments is null)
        {
            _assignments = new Dictionary<string, (int, bool)>();
            Count(Method.Body, 0);
        }

        var parameter = Variables[variable].IsParameter;
        return _assignments.TryGetValue(variable, out var assigned)
            ? !parameter && assigned.Count == 1 && assigned.AllOutsideLoops
            : parameter;

        void Count(IEnumerable<Stmt> statements, int depth)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case AssignStmt a:
                        var (count, outside) = _assignments.TryGetValue(a.Variable, out var known) ? known : (0, true);
                        _assignments[a.Variable] = (count + 1, outside && depth == 0);
                        break;
                    case IfStmt i:
                        Count(i.Then, depth);
                        Count(i.Else, depth);
                        break;
                    case LoopStmt l:
                        Count(l.Body, depth + 1);
                        Count(l.Step, depth + 1);
                        break;
                }
            }
        }
    }
}
