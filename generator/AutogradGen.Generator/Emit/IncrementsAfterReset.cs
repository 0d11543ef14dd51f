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
/// row by <c>z = bias</c>, not before each of the inner increments. Anything else records as before.
/// </summary>
internal static class IncrementsAfterReset
{
    public static void Collect(IReadOnlyList<Stmt> statements, Func<Stmt, HashSet<string>> reverseReads, HashSet<Stmt> unrecorded)
    {
        // Scalars plainly assigned earlier in this list and not read by the reverse sweep since.
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

            switch (statement)
            {
                case IfStmt branch:
                    Collect(branch.Then, reverseReads, unrecorded);
                    Collect(branch.Else, reverseReads, unrecorded);
                    break;
                case LoopStmt loop:
                    Collect(loop.Body, reverseReads, unrecorded);
                    Collect(loop.Step, reverseReads, unrecorded);
                    break;
            }
        }
    }

    /// <summary>The scalar increments in a statement, at any depth.</summary>
    private static IEnumerable<AssignStmt> Increments(Stmt statement) => statement switch
    {
        AssignStmt { Index: null } a when ReverseEmitter.Increment(a) is not null => new[] { a },
        IfStmt i => i.Then.Concat(i.Else).SelectMany(Increments),
        LoopStmt l => l.Body.Concat(l.Step).SelectMany(Increments),
        _ => Enumerable.Empty<AssignStmt>(),
    };
}
