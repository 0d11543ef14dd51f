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
}
