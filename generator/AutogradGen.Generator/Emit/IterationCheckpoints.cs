using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>What one checkpointed loop saves when each iteration begins: its live-in arrays and scalars.</summary>
internal sealed record IterationCheckpoint(IReadOnlyList<string> Arrays, IReadOnlyList<string> Scalars);

/// <summary>
/// Per-iteration checkpointing (Griewank's checkpointing of time steps, one checkpoint per step; Tapenade's
/// binomial checkpointing and <c>jax.checkpoint</c> around a scan body are the same idea): a time-stepping loop
/// whose iterations overwrite whole arrays (RK4's k1…k4) would record every overwritten element, 4n values a step.
/// Instead its forward sweep runs the plain primal and saves, as each iteration begins, only the state the
/// iteration reads from the one before (its live-in state: RK4's y); the reverse sweep, for each iteration from the
/// last, puts that state back, runs the iteration forward again recording what its reverse needs, and then runs
/// that reverse. The records of one iteration exist at a time; the price is one more forward iteration each.
/// <para>
/// A loop L qualifies only when all of these hold (otherwise it keeps the recording path):
/// it is directly in the method body, a counted loop tested before its body whose step only advances its index;
/// its body allocates nothing and reads no pass-through code (which could give another value when run again) and
/// calls nothing and computes no transcendental function (a re-run costs then a few arithmetic operations per
/// element, against a record written and read back per element: RK4 and Euler steps of polynomial right-hand
/// sides, GradBench's ode; a step of exps and tanhs, lstm's, would compute them all again); every array it assigns
/// is a local allocated once, before L, at the top of the body, of double, float or int elements; nothing L reads and does not assign is assigned after L (the run
/// again must see what the first run saw); the reverse of the code before L reads nothing L assigns other than its
/// live-in state and loop indices (L's reverse leaves the rest as the last iteration left it); and it pays: the
/// body's recorded assignments inside nested loops (each records one value per inner iteration) outnumber the
/// arrays saved per iteration.
/// </para>
/// <para>
/// Live-in state: the variables L assigns that an iteration may read before assigning them in that iteration. A
/// scalar is assigned for sure by a plain assignment at the body's top level; an array by top-level assignments
/// <c>a[0] = …; a[1] = …</c> followed by a counted loop from the next index to <c>a.Length</c> (or to the
/// invariant length a was allocated with) whose body plainly assigns <c>a[i]</c> at its top level. Reads inside
/// branches and nested loops are reads at the place of the construct (a nested loop's first iteration reads what
/// was there before it), and a construct's own assignments count only as reads afterwards (it may not run).
/// </para>
/// </summary>
internal static class IterationCheckpoints
{
    public static Dictionary<Stmt, IterationCheckpoint> Find(
        LoweredMethod method,
        System.Func<Stmt, bool> fused,
        System.Func<Stmt, bool> hasReverseWork,
        System.Func<AssignStmt, bool> records,
        System.Func<Stmt, HashSet<string>> reverseReads,
        HashSet<Stmt> unsavedWrites)
    {
        var found = new Dictionary<Stmt, IterationCheckpoint>(ReverseEmitter.ReferenceComparer.Instance);
        var body = method.Body;
        var variables = method.Variables.ToDictionary(v => v.Name);
        var allocations = StmtWalker.Descendants(body).OfType<AllocateStmt>().GroupBy(a => a.Variable).ToDictionary(g => g.Key, g => g.ToList());
        var invariants = new InvariantValues(method);
        var countedIndices = new HashSet<string>(StmtWalker.Descendants(body).OfType<LoopStmt>().Select(l => l.CountedIndex).OfType<string>());
        for (var position = 0; position < body.Count; position++)
        {
            if (body[position] is not LoopStmt { TestAfterBody: false, CountedIndex: { } index, Condition: not null } loop
                || fused(loop) || !hasReverseWork(loop)
                || loop.Step.Any(s => s is not AssignStmt { Index: null } a || a.Variable != index))
            {
                continue;
            }

            var inside = StmtWalker.Descendants(loop.Body).ToList();
            if (inside.Any(s => s is AllocateStmt) || inside.Where(s => s is not GuardStmt).Any(s => Expressions(s).Any(e => Any(e, x => x is PassThroughExpr || x is CallExpr { Target.IsDifferentiable: false }))))
            {
                continue;
            }

            if (inside.Any(s => Expressions(s).Any(e => Any(e, IsCostly))))
            {
                // Running the iteration again would cost more than reading its records back.
                continue;
            }

            var assigned = new HashSet<string>(inside.OfType<AssignStmt>().Select(a => a.Variable));
            var assignedArrays = new HashSet<string>(inside.OfType<AssignStmt>().Where(a => a.Index is not null).Select(a => a.Variable));
            var before = body.Take(position).ToList();
            if (assignedArrays.Any(a => !allocations.TryGetValue(a, out var list) || list.Count != 1 || !before.Contains(list[0])
                || variables[a].IsParameter || variables[a].Kind is not (NumberKind.Double or NumberKind.Float or NumberKind.Int)))
            {
                continue;
            }

            // The run again must read what the first run read.
            var reads = new HashSet<string>();
            foreach (var statement in inside)
            {
                StmtWalker.DirectReads(statement, reads);
            }

            var assignedAfter = new HashSet<string>(StmtWalker.Descendants(body.Skip(position + 1)).SelectMany(s => s switch
            {
                AssignStmt a => new[] { a.Variable },
                AllocateStmt a => new[] { a.Variable },
                _ => System.Array.Empty<string>(),
            }));
            if (reads.Any(r => !assigned.Contains(r) && r != index && assignedAfter.Contains(r)))
            {
                continue;
            }

            var lengths = allocations.ToDictionary(p => p.Key, p => p.Value[0].Length);
            var liveIn = new LiveIn(lengths, invariants);
            liveIn.Walk(loop.Body, new HashSet<string>());
            var live = liveIn.ReadBeforeAssigned.Where(v => assigned.Contains(v) && v != index).ToList();

            // L's reverse leaves what is not saved as the last iteration left it: the code before must not read it back.
            var readBackBefore = new HashSet<string>();
            foreach (var statement in before)
            {
                readBackBefore.UnionWith(reverseReads(statement));
            }

            if (assigned.Any(v => readBackBefore.Contains(v) && !live.Contains(v) && !countedIndices.Contains(v)))
            {
                continue;
            }

            var arrays = live.Where(assignedArrays.Contains).OrderBy(a => a, System.StringComparer.Ordinal).ToList();
            var scalars = live.Where(v => !assignedArrays.Contains(v)).OrderBy(a => a, System.StringComparer.Ordinal).ToList();
            var recordedPerInnerIteration = StmtWalker.DescendantsWithLoopDepth(loop.Body).Count(d => d.LoopDepth > 0 && d.Statement is AssignStmt a && records(a));
            if (recordedPerInnerIteration > arrays.Count)
            {
                found[loop] = new IterationCheckpoint(arrays, scalars);
                unsavedWrites.UnionWith(UnsavedInRerun(loop, live, reverseReads));
            }
        }

        return found;
    }

    /// <summary>
    /// The assignments of a checkpointed loop's body that need not save what they overwrite when the iteration runs
    /// again: of a variable that is not live-in, when no statement of the iteration up to (and including) the
    /// top-level statement holding the assignment reads the variable in its reverse. The old value is then read by
    /// nothing: not by this iteration's earlier statements, not by the iteration before (it starts from its own
    /// checkpoint, and does not read the variable before assigning it), not by the code before the loop (checked
    /// above). RK4's k1, k2, k3 are such: the re-run records only y's overwritten elements.
    /// </summary>
    private static IEnumerable<Stmt> UnsavedInRerun(LoopStmt loop, List<string> live, System.Func<Stmt, HashSet<string>> reverseReads)
    {
        var readSoFar = new HashSet<string>();
        foreach (var statement in loop.Body)
        {
            readSoFar.UnionWith(reverseReads(statement));
            foreach (var assignment in StmtWalker.Descendants(new[] { statement }).OfType<AssignStmt>())
            {
                if (!live.Contains(assignment.Variable) && !readSoFar.Contains(assignment.Variable))
                {
                    yield return assignment;
                }
            }
        }
    }

    private static IEnumerable<Expr> Expressions(Stmt statement) => statement switch
    {
        AssignStmt a when a.Index is not null => new[] { a.Value, a.Index },
        AssignStmt a => new[] { a.Value },
        IfStmt b => new[] { b.Condition },
        LoopStmt { Condition: { } c } => new[] { c },
        GuardStmt g => new Expr[] { g.Code },
        _ => System.Array.Empty<Expr>(),
    };

    /// <summary>Math functions that cost about an arithmetic operation: anything else makes a re-run dearer than its records.</summary>
    private static readonly HashSet<string> s_cheapFunctions = new()
    {
        "Abs", "Max", "Min", "Clamp", "Sign", "Floor", "Ceiling", "Round", "Truncate", "FusedMultiplyAdd", "CopySign", "ScaleB",
    };

    /// <summary>A call (a callee's whole body) or a transcendental function (exp, tanh, sqrt, …).</summary>
    private static bool IsCostly(Expr expr) => expr is CallExpr || expr is MathCallExpr m && !s_cheapFunctions.Contains(m.Function);

    private static bool Any(Expr expr, System.Func<Expr, bool> test) => test(expr) || ExprWalker.Children(expr).Any(c => Any(c, test));

    /// <summary>The variables an iteration may read before it assigns them (see the class remarks).</summary>
    private sealed class LiveIn
    {
        private readonly Dictionary<string, Expr> _lengths;
        private readonly InvariantValues _invariants;

        public LiveIn(Dictionary<string, Expr> lengths, InvariantValues invariants)
        {
            _lengths = lengths;
            _invariants = invariants;
        }

        public HashSet<string> ReadBeforeAssigned { get; } = new();

        /// <summary>Walks statements in order; <paramref name="assigned"/> holds what is assigned for sure so far.</summary>
        public void Walk(IEnumerable<Stmt> statements, HashSet<string> assigned)
        {
            // How many leading elements of each array the statements so far assigned for sure (a[0], a[1], …).
            var prefixes = new Dictionary<string, int>();
            foreach (var statement in statements)
            {
                Read(statement, assigned);
                switch (statement)
                {
                    case AssignStmt { Index: null } scalar:
                        assigned.Add(scalar.Variable);
                        break;
                    case AssignStmt { Index: LiteralExpr literal } element
                        when int.TryParse(literal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
                            && at == (prefixes.TryGetValue(element.Variable, out var p) ? p : 0):
                        prefixes[element.Variable] = at + 1;
                        break;
                    case LoopStmt loop:
                        foreach (var array in Completes(loop, prefixes))
                        {
                            assigned.Add(array);
                        }

                        break;
                }
            }
        }

        /// <summary>Counts the statement's reads (its nested statements' too) of what is not yet assigned for sure.</summary>
        private void Read(Stmt statement, HashSet<string> assigned)
        {
            // An array's length is fixed (nothing in the loop allocates): reading it reads no element.
            var direct = ValueReads(statement);
            ReadBeforeAssigned.UnionWith(direct.Where(v => !assigned.Contains(v)));
            switch (statement)
            {
                case IfStmt branch:
                    Walk(branch.Then, new HashSet<string>(assigned));
                    Walk(branch.Else, new HashSet<string>(assigned));
                    break;
                case LoopStmt loop:
                    Walk(loop.Body.Concat(loop.Step), new HashSet<string>(assigned));
                    break;
            }
        }

        private static HashSet<string> ValueReads(Stmt statement)
        {
            var reads = new HashSet<string>();
            foreach (var expr in Expressions(statement))
            {
                ValueReads(expr, reads);
            }

            return reads;
        }

        private static void ValueReads(Expr expr, HashSet<string> into)
        {
            switch (expr)
            {
                case LengthExpr:
                    return;
                case VariableExpr v:
                    into.Add(v.Name);
                    return;
                case ElementExpr e:
                    into.Add(e.Array);
                    break;
                case ArrayArgumentExpr a:
                    ExprWalker.Variables(a, into);
                    return;
            }

            foreach (var child in ExprWalker.Children(expr))
            {
                ValueReads(child, into);
            }
        }

        /// <summary>The arrays a counted loop finishes assigning: from the prefix already assigned to the array's length.</summary>
        private IEnumerable<string> Completes(LoopStmt loop, Dictionary<string, int> prefixes)
        {
            if (loop is not { CountedIndex: { } index, ConstantStart: { } start, TestAfterBody: false, CountedDirection: > 0 }
                || !int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || loop.Condition is not BinaryExpr { Operator: BinaryOperator.Less, Left: VariableExpr left, Right: var bound } || left.Name != index)
            {
                return Enumerable.Empty<string>();
            }

            return AssignedAtIndex(loop.Body, index)
                .Where(a => (prefixes.TryGetValue(a, out var p) ? p : 0) == first
                    && (bound is LengthExpr l && l.Array == a
                        || _lengths.TryGetValue(a, out var length) && bound == length && _invariants.IsInvariant(bound)))
                .ToList();
        }

        /// <summary>The arrays whose element at the index the statements assign for sure: at their top level, or on both sides of a branch.</summary>
        private static HashSet<string> AssignedAtIndex(IEnumerable<Stmt> statements, string index)
        {
            var arrays = new HashSet<string>();
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case AssignStmt { Index: VariableExpr element } assignment when element.Name == index:
                        arrays.Add(assignment.Variable);
                        break;
                    case IfStmt branch:
                        var both = AssignedAtIndex(branch.Then, index);
                        both.IntersectWith(AssignedAtIndex(branch.Else, index));
                        arrays.UnionWith(both);
                        break;
                }
            }

            return arrays;
        }
    }
}
