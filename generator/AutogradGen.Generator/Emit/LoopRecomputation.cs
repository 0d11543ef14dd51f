using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Recompute instead of record: the loop-local definitions <c>v = e</c> whose value the reverse sweep gets by
/// evaluating e again at the start of the iteration's reverse step, instead of saving the old v on a stack.
/// Extended Rosenbrock's <c>xi = x[i]; b = x[i + 1] - xi * xi; a = 1 - xi;</c> are such definitions.
/// <para>
/// A definition qualifies only when re-evaluating it is certain to give the forward value (when in doubt, it
/// records as before):
/// it is a plain scalar assignment directly in the loop's body (not in a branch or a nested loop), the only
/// assignment to v in the method, with no call in e; every variable e reads is not assigned anywhere in the loop,
/// or is the counted index of the loop or of a loop around it (recomputed from the trip counter), or is assigned only in the loop's step
/// (whose reverse restores it before the body's; another loop's counted index is never stable), or is defined by an earlier qualifying definition of the same
/// body (re-evaluated first); and everything that reads v in the reverse sweep lies in the same body after the
/// definition, so it never needs the value v had before the definition or outside the loop.
/// </para>
/// The reverse sweep must see e's operands as they were, so they join the "to be recorded" variables.
/// </summary>
internal static class LoopRecomputation
{
    /// <summary>The qualifying definitions, among those of <paramref name="candidateVariables"/>.</summary>
    public static HashSet<Stmt> Find(LoweredMethod method, ISet<string> candidateVariables, System.Func<HashSet<Stmt>, Dictionary<string, List<Stmt>>> readersOf)
    {
        var assignmentCounts = new Dictionary<string, int>();
        CountAssignments(StmtWalker.Descendants(method.Body), assignmentCounts);
        var parameters = new HashSet<string>(method.Variables.Where(v => v.IsParameter).Select(v => v.Name));
        var found = new HashSet<Stmt>(ReverseEmitter.ReferenceComparer.Instance);
        var after = new Dictionary<Stmt, HashSet<Stmt>>(ReverseEmitter.ReferenceComparer.Instance);

        // A counted index is never recorded (its reverse loop sets it), so another loop's index is no stable operand.
        var countedIndices = new HashSet<string>(StmtWalker.Descendants(method.Body).OfType<LoopStmt>().Select(l => l.CountedIndex).OfType<string>());
        foreach (var (loop, enclosingIndices) in LoopsWithEnclosingIndices(method.Body, new HashSet<string>()))
        {
            var assignedInBody = new Dictionary<string, int>();
            CountAssignments(StmtWalker.Descendants(loop.Body), assignedInBody);
            var recomputedSoFar = new HashSet<string>();
            for (var position = 0; position < loop.Body.Count; position++)
            {
                if (loop.Body[position] is not AssignStmt { Index: null } definition
                    || !candidateVariables.Contains(definition.Variable)
                    || parameters.Contains(definition.Variable)
                    || assignmentCounts[definition.Variable] != 1
                    || ContainsCall(definition.Value))
                {
                    continue;
                }

                var operandsStable = ExprWalker.Variables(definition.Value).All(operand =>
                    operand != definition.Variable
                    && (recomputedSoFar.Contains(operand)
                        || operand == loop.CountedIndex
                        || enclosingIndices.Contains(operand)
                        || (!assignedInBody.ContainsKey(operand) && !countedIndices.Contains(operand))));
                if (!operandsStable)
                {
                    continue;
                }

                found.Add(definition);
                recomputedSoFar.Add(definition.Variable);
                var later = new HashSet<Stmt>(ReverseEmitter.ReferenceComparer.Instance);
                foreach (var statement in loop.Body.Skip(position + 1))
                {
                    later.UnionWith(StmtWalker.Descendants(new[] { statement }));
                }

                after[definition] = later;
            }
        }

        // Drop definitions whose variable is read in the reverse sweep anywhere but later in their own body,
        // until no more drop (a dropped definition records again, and its operands no longer count as reads).
        for (var changed = true; changed;)
        {
            changed = false;
            var readers = readersOf(found);
            foreach (var definition in found.ToList())
            {
                var variable = ((AssignStmt)definition).Variable;
                if (readers.TryGetValue(variable, out var list) && list.Any(reader => !after[definition].Contains(reader)))
                {
                    found.Remove(definition);
                    changed = true;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Every loop with the counted indices of the loops around it. Inside an enclosing counted loop's reverse
    /// iteration its index holds the forward value throughout (the reverse loop sets it, the body never assigns
    /// it), so an inner definition may read it.
    /// </summary>
    private static IEnumerable<(LoopStmt Loop, HashSet<string> EnclosingIndices)> LoopsWithEnclosingIndices(IEnumerable<Stmt> statements, HashSet<string> enclosing)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case IfStmt branch:
                    foreach (var found in LoopsWithEnclosingIndices(branch.Then.Concat(branch.Else), enclosing))
                    {
                        yield return found;
                    }

                    break;
                case LoopStmt loop:
                    yield return (loop, enclosing);
                    var inner = new HashSet<string>(enclosing);
                    if (loop.CountedIndex is { } index)
                    {
                        inner.Add(index);
                    }

                    foreach (var found in LoopsWithEnclosingIndices(loop.Body.Concat(loop.Step), inner))
                    {
                        yield return found;
                    }

                    break;
            }
        }
    }

    private static bool ContainsCall(Expr expr) =>
        expr is CallExpr or ArrayArgumentExpr || ExprWalker.Children(expr).Any(ContainsCall);

    /// <summary>How often each variable is assigned (or allocated) among the statements.</summary>
    private static void CountAssignments(IEnumerable<Stmt> statements, Dictionary<string, int> counts)
    {
        foreach (var statement in statements)
        {
            var variable = statement switch
            {
                AssignStmt a => a.Variable,
                AllocateStmt allocation => allocation.Variable,
                _ => null,
            };
            if (variable is not null)
            {
                counts[variable] = counts.TryGetValue(variable, out var count) ? count + 1 : 1;
            }
        }
    }
}
