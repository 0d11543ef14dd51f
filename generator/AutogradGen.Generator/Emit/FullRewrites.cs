using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Statements that assign every element of a local array: a counted loop <c>for (int j = 0; j &lt; n; j++)</c>,
/// with no break, whose body plainly assigns <c>a[j] = …</c> at its top level (so on every iteration), where a was
/// allocated with length n and n is an <see cref="InvariantValues"/> expression (or the loop runs to
/// <c>a.Length</c>). The GMM's <c>centered[j] = xc; transformed[j] = … * xc;</c> loop rewrites both arrays. The
/// reverse sweep of such a loop restores every element, which <see cref="IncrementsAfterReset"/> uses as it uses
/// a plain assignment to a scalar.
/// </summary>
internal sealed class FullRewrites
{
    private readonly Dictionary<string, Expr> _allocatedLengths = new();
    private readonly InvariantValues _invariants;

    public FullRewrites(LoweredMethod method, InvariantValues invariants)
    {
        _invariants = invariants;
        foreach (var allocation in StmtWalker.Descendants(method.Body).OfType<AllocateStmt>())
        {
            _allocatedLengths[allocation.Variable] = allocation.Length;
        }
    }

    /// <summary>The local arrays whose every element the statement assigns (none for any other statement).</summary>
    public IEnumerable<string> ArraysRewrittenBy(Stmt statement)
    {
        if (statement is not LoopStmt { CountedIndex: { } index, ConstantStart: "0", TestAfterBody: false } loop || loop.CountedDirection <= 0
            || loop.Condition is not BinaryExpr { Operator: BinaryOperator.Less, Left: VariableExpr left, Right: var bound } || left.Name != index)
        {
            return Enumerable.Empty<string>();
        }

        return loop.Body.OfType<AssignStmt>()
            .Where(a => a.Index is VariableExpr element && element.Name == index && ReverseEmitter.Increment(a) is null
                && _allocatedLengths.TryGetValue(a.Variable, out var length)
                && (bound is LengthExpr l && l.Array == a.Variable || bound == length && _invariants.IsInvariant(bound)))
            .Select(a => a.Variable)
            .Distinct();
    }
}
