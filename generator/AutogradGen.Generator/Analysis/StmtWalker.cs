using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Analysis;

/// <summary>
/// The one walk over statement trees that the analyses share (as <see cref="ExprWalker"/> is for expressions):
/// each analysis picks from it what it collects, instead of writing the recursion into branches and loops again.
/// </summary>
internal static class StmtWalker
{
    /// <summary>
    /// Every statement of the list and, depth first and in program order, the statements inside its branches
    /// (then before else) and loops (body before step). A statement comes before the statements it contains.
    /// </summary>
    public static IEnumerable<Stmt> Descendants(IEnumerable<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            yield return statement;
            IEnumerable<Stmt>? inner = statement switch
            {
                IfStmt branch => Descendants(branch.Then.Concat(branch.Else)),
                LoopStmt loop => Descendants(loop.Body.Concat(loop.Step)),
                _ => null,
            };
            if (inner is null)
            {
                continue;
            }

            foreach (var nested in inner)
            {
                yield return nested;
            }
        }
    }

    /// <summary>
    /// The statements of <see cref="Descendants"/>, in the same order, each with the number of loops around it
    /// inside <paramref name="statements"/> (0 for a statement outside every loop; a loop's body and step count
    /// the loop itself).
    /// </summary>
    public static IEnumerable<(Stmt Statement, int LoopDepth)> DescendantsWithLoopDepth(IEnumerable<Stmt> statements, int loopDepth = 0)
    {
        foreach (var statement in statements)
        {
            yield return (statement, loopDepth);
            IEnumerable<(Stmt, int)>? inner = statement switch
            {
                IfStmt branch => DescendantsWithLoopDepth(branch.Then.Concat(branch.Else), loopDepth),
                LoopStmt loop => DescendantsWithLoopDepth(loop.Body.Concat(loop.Step), loopDepth + 1),
                _ => null,
            };
            if (inner is null)
            {
                continue;
            }

            foreach (var nested in inner)
            {
                yield return nested;
            }
        }
    }

    /// <summary>
    /// Adds to <paramref name="reads"/> what <paramref name="statement"/> itself reads, not the statements inside
    /// it: an assignment's value and index, an allocation's length, a branch's or a loop's condition.
    /// </summary>
    public static void DirectReads(Stmt statement, HashSet<string> reads)
    {
        switch (statement)
        {
            case AssignStmt assignment:
                ExprWalker.Variables(assignment.Value, reads);
                if (assignment.Index is not null)
                {
                    ExprWalker.Variables(assignment.Index, reads);
                }

                break;
            case GuardStmt guard:
                ExprWalker.Variables(guard.Code, reads);
                break;
            case AllocateStmt allocation:
                ExprWalker.Variables(allocation.Length, reads);
                break;
            case IfStmt branch:
                ExprWalker.Variables(branch.Condition, reads);
                break;
            case LoopStmt { Condition: { } condition }:
                ExprWalker.Variables(condition, reads);
                break;
        }
    }
}
