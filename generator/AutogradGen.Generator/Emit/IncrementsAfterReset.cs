using System;
using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Flow-sensitive part of "to be recorded": the increments <c>z = z ± e</c> (e not reading z) that need not
/// save the old z although the reverse sweep reads z elsewhere. An increment's partials never read z, so its
/// old value matters only to a reader that runs before it; if a plain assignment B to z (which restores z on
/// the way back) runs between every such reader and the increment, no reader ever sees the value the increment
/// left unrestored. The rule checked: B and the statement T holding the increment are in the same statement
/// list, B before T, and neither T nor anything between B and T reads z in the reverse sweep. This is
/// logistic regression's <c>z = bias; for (...) z += x[j] * w[j]; ... Math.Abs(z) ...</c>: z is saved once per
/// row by <c>z = bias</c>, not before each of the inner increments.
/// <para>
/// The same holds for an increment of an array element <c>a[k] += e</c> after a statement that assigns every
/// element of a (<see cref="FullRewrites"/>) and whose own reverse reads no element of a (it restores them one
/// iteration at a time), since that reverse restores all of them: the GMM's
/// <c>transformed[row] += L[…] * centered[column]</c> after the loop that sets every <c>transformed[j]</c> saves
/// nothing. Anything else records as before.
/// </para>
/// </summary>
internal static class IncrementsAfterReset
{
    public static void Collect(IReadOnlyList<Stmt> statements, Func<Stmt, HashSet<string>> reverseReads, FullRewrites rewrites, HashSet<Stmt> unrecorded)
    {
        // Scalars plainly assigned, and arrays fully rewritten, earlier in this list and not read by the reverse sweep since.
        var reset = new HashSet<string>();
        foreach (var statement in statements)
        {
            var reads = reverseReads(statement);
            foreach (var increment in Increments(statement))
            {
                if (reset.Contains(increment.Variable) && !reads.Contains(increment.Variable))
                {
                    unrecorded.Add(increment);
                }
            }

            reset.ExceptWith(reads);
            if (statement is AssignStmt { Index: null } plain && ReverseEmitter.Increment(plain) is null)
            {
                reset.Add(plain.Variable);
            }

            // Only when the rewriting loop's own reverse reads no element: it runs before its restores are complete.
            reset.UnionWith(rewrites.ArraysRewrittenBy(statement).Where(array => !reads.Contains(array)));

            switch (statement)
            {
                case IfStmt branch:
                    Collect(branch.Then, reverseReads, rewrites, unrecorded);
                    Collect(branch.Else, reverseReads, rewrites, unrecorded);
                    break;
                case LoopStmt loop:
                    Collect(loop.Body, reverseReads, rewrites, unrecorded);
                    Collect(loop.Step, reverseReads, rewrites, unrecorded);
                    break;
            }
        }
    }

    /// <summary>The increments (of scalars and of array elements) in a statement, at any depth.</summary>
    private static IEnumerable<AssignStmt> Increments(Stmt statement) => statement switch
    {
        AssignStmt a when ReverseEmitter.Increment(a) is not null => new[] { a },
        IfStmt i => i.Then.Concat(i.Else).SelectMany(Increments),
        LoopStmt l => l.Body.Concat(l.Step).SelectMany(Increments),
        _ => Enumerable.Empty<AssignStmt>(),
    };
}
