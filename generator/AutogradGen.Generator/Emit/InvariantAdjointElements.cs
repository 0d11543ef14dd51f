using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Adjoint elements that a loop's reverse only adds to, at one index the loop never changes: the GMM's
/// <c>centeredBar[column]</c> in the reverse of <c>for (row …) transformed[row] += l[lower] * centered[column];</c>,
/// a matrix-vector product's <c>xBar[j]</c> in the reverse of its inner loop. Added to in place, such an element
/// is a store and a reload per iteration on one address, which chains every iteration's addition to the last one
/// through memory; the reverse loop sums it in a local instead (loaded before the loop, stored after it, the same
/// additions in the same order, so bit for bit the same result), which the JIT keeps in a register.
/// </summary>
/// <remarks>
/// An array a qualifies when, anywhere in the loop (body and step, nested statements included): nothing assigns
/// a (so its reverse never reads or resets <c>aBar</c>), no call takes a whole (its pullback would add to
/// <c>aBar</c> directly), every active read of a has the same index E, and E reads nothing the loop assigns (the
/// counted index included) and calls nothing, so E has one value through the whole reverse loop. At least one such
/// read must be in an active assignment, whose reverse is what adds to <c>aBar[E]</c>.
/// </remarks>
internal static class InvariantAdjointElements
{
    /// <summary>One read <c>a[E]</c> per array a whose adjoint the loop's reverse may sum in a local.</summary>
    public static IReadOnlyList<ElementExpr> Find(LoopStmt loop, Activity activity, IReadOnlyDictionary<string, string> adjoints)
    {
        var statements = StmtWalker.Descendants(loop.Body.Concat(loop.Step)).ToList();
        var assigned = new HashSet<string>();
        if (loop.CountedIndex is { } index)
        {
            assigned.Add(index);
        }

        foreach (var statement in statements)
        {
            switch (statement)
            {
                case AssignStmt assignment:
                    assigned.Add(assignment.Variable);
                    break;
                case AllocateStmt allocation:
                    assigned.Add(allocation.Variable);
                    break;
            }
        }

        // Per array: the one index its active reads use, or null once two differ or it is passed whole.
        var reads = new Dictionary<string, ElementExpr?>();
        var contributed = new HashSet<string>();
        void Walk(Expr expr, bool inActiveAssignment)
        {
            switch (expr)
            {
                case ElementExpr element when adjoints.ContainsKey(element.Array) && activity.IsActive(element):
                    if (!reads.TryGetValue(element.Array, out var seen))
                    {
                        reads[element.Array] = element;
                    }
                    else if (seen is not null && ExprPrinter.Print(seen.Index) != ExprPrinter.Print(element.Index))
                    {
                        reads[element.Array] = null;
                    }

                    if (inActiveAssignment)
                    {
                        contributed.Add(element.Array);
                    }

                    break;
                case ArrayArgumentExpr whole:
                    reads[whole.Array] = null;
                    break;
            }

            foreach (var child in ExprWalker.Children(expr))
            {
                Walk(child, inActiveAssignment);
            }
        }

        if (loop.Condition is { } condition)
        {
            Walk(condition, false);
        }

        foreach (var statement in statements)
        {
            switch (statement)
            {
                case AssignStmt assignment:
                    Walk(assignment.Value, adjoints.ContainsKey(assignment.Variable) && activity.IsActive(assignment.Value));
                    if (assignment.Index is not null)
                    {
                        Walk(assignment.Index, false);
                    }

                    break;
                case GuardStmt guard:
                    Walk(guard.Code, false);
                    break;
                case AllocateStmt allocation:
                    Walk(allocation.Length, false);
                    break;
                case IfStmt branch:
                    Walk(branch.Condition, false);
                    break;
                case LoopStmt { Condition: { } inner }:
                    Walk(inner, false);
                    break;
            }
        }

        return reads
            .Where(r => r.Value is not null && contributed.Contains(r.Key) && !assigned.Contains(r.Key)
                && !ExprWalker.Variables(r.Value.Index).Overlaps(assigned) && !Calls(r.Value.Index))
            .Select(r => r.Value!)
            .OrderBy(e => e.Array, System.StringComparer.Ordinal)
            .ToList();
    }

    private static bool Calls(Expr expr) => expr is CallExpr || ExprWalker.Children(expr).Any(Calls);
}
