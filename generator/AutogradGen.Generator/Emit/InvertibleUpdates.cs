using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Integer updates the reverse sweep undoes instead of restoring: <c>x = x + c</c> or <c>x = x - c</c> (what
/// <c>x += c</c>, <c>x -= c</c>, <c>x++</c> and <c>x--</c> become) on an int scalar x, with c an int expression
/// of <see cref="InvariantValues"/> (so it has the same value when undone as when applied). The reverse sweep
/// runs <c>x = x - c</c> (or <c>+ c</c>) where it would have popped the saved x: int addition wraps modulo 2³²
/// in an unchecked context, so the undo is exact even across an overflow; in a checked context the forward
/// update either threw or did not overflow, and then its undo cannot overflow either. Extended Rosenbrock's
/// <c>i += 2</c> and the GMM's <c>lower++</c> are such updates.
/// <para>
/// Undoing is right only where the reverse sweep holds x's forward value after the update. It does wherever it
/// would have restored x instead (<see cref="ReverseNeeds"/> decides that as before; an undo takes the place of a
/// restore, never of "nothing to do"): every later assignment to x has by then been undone or restored, or it
/// is an increment after a reset (<see cref="IncrementsAfterReset"/>), whose reset restores x before any earlier
/// reader, and such an increment's run of unrestored increments never contains one that is undone (each of them
/// follows the reset with no reader in between, so each is itself left unrestored).
/// </para>
/// </summary>
internal static class InvertibleUpdates
{
    /// <summary>The expression that undoes the update (<c>x - c</c> or <c>x + c</c>), or null when it cannot be undone.</summary>
    public static Expr? Undo(AssignStmt assignment, NumberKind variableKind, InvariantValues invariants)
    {
        if (assignment.Index is not null || variableKind != NumberKind.Int
            || assignment.Value is not BinaryExpr { Kind: NumberKind.Int } sum
            || ReverseEmitter.Increment(assignment) is not { } update
            || update.Added.Kind != NumberKind.Int || !invariants.IsInvariant(update.Added))
        {
            return null;
        }

        var inverse = update.Negated ? BinaryOperator.Add : BinaryOperator.Subtract;
        return new BinaryExpr(NumberKind.Int, inverse, sum.Left, update.Added);
    }
}
