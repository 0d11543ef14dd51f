using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Function values the forward sweep already holds, read back by the reverse sweep's partials instead of being computed
/// again: <c>Math.Sin</c>'s partial is <c>Math.Cos</c> of the same argument, and <c>Math.Cos</c>'s is −<c>Math.Sin</c>, so
/// a method that computes <c>double cos = Math.Cos(angle); double sin = Math.Sin(angle);</c> (a rotation) calls neither
/// again in its reverse sweep; the same holds for <c>Sinh</c>/<c>Cosh</c>, and any partial that calls a function some
/// local already holds.
/// </summary>
/// <remarks>
/// A local is held, while the reverse sweep reverses the statement list that assigns it (statements nested in that list
/// included), when that is its only assignment, outside every loop, with a function call of values that cannot change
/// after it (parameters never assigned, and locals assigned once, outside loops, before it). The reverse sweep never
/// restores such a local, and it reverses a list only after the forward sweep has run the whole of it, so whether the
/// statement being reversed comes before or after the assignment, the local holds the value. Not with an early
/// <c>return</c>, <c>break</c> or <c>continue</c> anywhere (the assignment might not have run), and not in the forward
/// sweep (a loop reversed with its forward sweep runs before the rest of the list).
/// </remarks>
internal sealed partial class ReverseEmitter
{
    /// <summary>The statement lists the reverse sweep is reversing now, outermost first (<see cref="ReverseSweep"/>).</summary>
    private readonly List<IReadOnlyList<Stmt>> _reversedLists = new();

    /// <summary>Per statement list, by its first statement (a branch's list is a struct, boxed anew at each use), its held locals.</summary>
    private readonly Dictionary<Stmt, List<(string Text, string Variable)>> _heldByList = new(ReferenceComparer.Instance);

    private bool? _exitsEarly;

    /// <summary><paramref name="partial"/> with every call a held local holds replaced by the local.</summary>
    private string ReadHeldValues(string partial)
    {
        if (_reversedLists.Count == 0 || partial.IndexOf('(') < 0)
        {
            return partial;
        }

        _exitsEarly ??= StmtWalker.DescendantsWithLoopDepth(Method.Body)
            .Any(d => d.Statement is BreakStmt or ContinueStmt || (d.Statement is ReturnStmt && !ReferenceEquals(d.Statement, Method.Body.LastOrDefault())));
        if (_exitsEarly.Value)
        {
            return partial;
        }

        foreach (var list in _reversedLists)
        {
            foreach (var (text, variable) in HeldValues(list))
            {
                if (partial.Contains(text))
                {
                    partial = partial.Replace(text, variable);
                }
            }
        }

        return partial;
    }

    private List<(string Text, string Variable)> HeldValues(IReadOnlyList<Stmt> list)
    {
        if (list.Count == 0)
        {
            return new List<(string, string)>();
        }

        if (_heldByList.TryGetValue(list[0], out var held))
        {
            return held;
        }

        held = new List<(string, string)>();
        _heldByList[list[0]] = held;
        var all = StmtWalker.DescendantsWithLoopDepth(Method.Body).ToList();
        var assignments = all.Where(d => d.Statement is AssignStmt).GroupBy(d => ((AssignStmt)d.Statement).Variable).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var statement in list)
        {
            if (statement is not AssignStmt { Index: null, Value: MathCallExpr } assignment
                || !Variables.TryGetValue(assignment.Variable, out var variable) || variable.IsParameter || variable.Storage != StorageKind.Scalar
                || assignments[assignment.Variable] is not { Count: 1 } only || only[0].LoopDepth != 0
                || Records(assignment) || Undo(assignment) is not null)
            {
                continue;
            }

            var position = all.FindIndex(d => ReferenceEquals(d.Statement, assignment));
            if (Unchanging(assignment.Value, position, all, assignments))
            {
                held.Add((ExprPrinter.Print(assignment.Value), assignment.Variable));
            }
        }

        return held;
    }

    /// <summary>Whether <paramref name="value"/> reads only what nothing assigns after <paramref name="position"/>.</summary>
    private bool Unchanging(Expr value, int position, List<(Stmt Statement, int LoopDepth)> all, Dictionary<string, List<(Stmt Statement, int LoopDepth)>> assignments)
    {
        if (value is not (LiteralExpr or VariableExpr or ElementExpr or UnaryExpr or BinaryExpr or MathCallExpr)
            || !ExprWalker.Children(value).All(c => Unchanging(c, position, all, assignments)))
        {
            return false;
        }

        foreach (var name in ExprWalker.Variables(value))
        {
            if (!assignments.TryGetValue(name, out var writes))
            {
                // Never assigned: a parameter (or a span parameter's elements) holds its value throughout.
                if (!Variables.TryGetValue(name, out var read) || !read.IsParameter)
                {
                    return false;
                }

                continue;
            }

            var write = (AssignStmt)writes[0].Statement;
            if (writes.Count != 1 || writes[0].LoopDepth != 0 || write.Index is not null || Records(write) || Undo(write) is not null
                || all.FindIndex(d => ReferenceEquals(d.Statement, write)) > position)
            {
                return false;
            }
        }

        return true;
    }
}
