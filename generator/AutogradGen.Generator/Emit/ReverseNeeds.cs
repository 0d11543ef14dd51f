using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// "To be recorded" analysis (Tapenade's TBR): the variables whose values the reverse sweep reads. Only
/// assignments to these save the overwritten value. A linear use (<c>s += v[i] * w</c> reads s only through a
/// partial of 1) does not make s needed, so accumulating loops record nothing.
/// </summary>
internal sealed class ReverseNeeds
{
    private readonly HashSet<string> _needed;
    private readonly HashSet<string> _countedIndices;
    private readonly HashSet<Stmt> _unrecordedIncrements;
    private readonly HashSet<Stmt> _recomputed;
    private readonly Dictionary<Stmt, Expr> _undoable;
    private readonly Activity _activity;

    private ReverseNeeds(HashSet<string> needed, HashSet<string> countedIndices, HashSet<Stmt> unrecordedIncrements, HashSet<Stmt> recomputed, Dictionary<Stmt, Expr> undoable, Activity activity)
    {
        _undoable = undoable;
        _recomputed = recomputed;
        _needed = needed;
        _countedIndices = countedIndices;
        _unrecordedIncrements = unrecordedIncrements;
        _activity = activity;
    }

    public static ReverseNeeds Analyze(LoweredMethod method, Activity activity)
    {
        var assignments = new List<AssignStmt>();
        var counted = new HashSet<string>();
        var statements = StmtWalker.Descendants(method.Body).ToList();
        assignments.AddRange(statements.OfType<AssignStmt>());
        counted.UnionWith(statements.OfType<LoopStmt>().Select(loop => loop.CountedIndex).OfType<string>());
        var needed = new HashSet<string>();
        foreach (var assignment in assignments.Where(a => activity.IsActive(a.Variable)))
        {
            needed.UnionWith(Reads(assignment.Value, activity));
            if (assignment.Index is not null)
            {
                ExprWalker.Variables(assignment.Index, needed);
            }
        }

        AddIndicesOfNeededArrays(assignments, needed);

        // Loop-local definitions re-evaluated by the reverse sweep need no record, but their operands must then
        // hold their forward values there.
        var recomputed = LoopRecomputation.Find(method, needed, found => ReadersByVariable(assignments, found, activity));
        foreach (var definition in recomputed.Cast<AssignStmt>())
        {
            ExprWalker.Variables(definition.Value, needed);
        }

        AddIndicesOfNeededArrays(assignments, needed);
        var invariants = new InvariantValues(method);
        var unrecorded = new HashSet<Stmt>(ReverseEmitter.ReferenceComparer.Instance);
        IncrementsAfterReset.Collect(method.Body, statement => ReverseReads(statement, recomputed, activity), new FullRewrites(method, invariants), unrecorded);
        var kinds = method.Variables.ToDictionary(v => v.Name, v => v.Kind);
        var undoable = new Dictionary<Stmt, Expr>(ReverseEmitter.ReferenceComparer.Instance);
        foreach (var assignment in assignments)
        {
            if (InvertibleUpdates.Undo(assignment, kinds[assignment.Variable], invariants) is { } undo)
            {
                undoable[assignment] = undo;
            }
        }

        return new ReverseNeeds(needed, counted, unrecorded, recomputed, undoable, activity);
    }

    /// <summary>Whether the reverse sweep reads the variable's values, so that overwritten ones are saved and restored.</summary>
    public bool IsNeeded(string variable) => _needed.Contains(variable);

    /// <summary>Whether the reverse sweep re-evaluates this definition at the start of its loop iteration.</summary>
    public bool IsRecomputed(Stmt statement) => _recomputed.Contains(statement);

    // Restoring an element of a needed array reads its index, which must then be restored too.
    private static void AddIndicesOfNeededArrays(List<AssignStmt> assignments, HashSet<string> needed)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var assignment in assignments.Where(a => a.Index is not null && needed.Contains(a.Variable)))
            {
                foreach (var variable in ExprWalker.Variables(assignment.Index!))
                {
                    changed |= needed.Add(variable);
                }
            }
        }
    }

    /// <summary>For each variable, the assignments whose reverse-sweep code reads it (re-evaluations included).</summary>
    private static Dictionary<string, List<Stmt>> ReadersByVariable(List<AssignStmt> assignments, HashSet<Stmt> recomputed, Activity activity)
    {
        var readers = new Dictionary<string, List<Stmt>>();
        foreach (var assignment in assignments)
        {
            foreach (var variable in AssignmentReverseReads(assignment, recomputed, activity))
            {
                if (!readers.TryGetValue(variable, out var list))
                {
                    readers[variable] = list = new List<Stmt>();
                }

                list.Add(assignment);
            }
        }

        return readers;
    }

    private static HashSet<string> AssignmentReverseReads(AssignStmt assignment, HashSet<Stmt> recomputed, Activity activity)
    {
        var reads = activity.IsActive(assignment.Variable) ? Reads(assignment.Value, activity) : new HashSet<string>();
        if (assignment.Index is not null)
        {
            ExprWalker.Variables(assignment.Index, reads);
        }

        if (recomputed.Contains(assignment))
        {
            ExprWalker.Variables(assignment.Value, reads);
        }

        return reads;
    }

    /// <summary>Whether the assignment must save the value it overwrites.</summary>
    public bool MustRecord(AssignStmt assignment, bool firstDefinitionOfLocal) =>
        NeedsOldValue(assignment, firstDefinitionOfLocal) && !_undoable.ContainsKey(assignment);

    /// <summary>
    /// The expression the reverse sweep assigns to the variable to get back the value the assignment overwrote
    /// (<see cref="InvertibleUpdates"/>), or null when the old value is recorded or not needed.
    /// </summary>
    public Expr? Undo(AssignStmt assignment, bool firstDefinitionOfLocal) =>
        NeedsOldValue(assignment, firstDefinitionOfLocal) && _undoable.TryGetValue(assignment, out var undo) ? undo : null;

    /// <summary>Whether the reverse sweep reads the value the assignment overwrites, and gets it back in no other way.</summary>
    private bool NeedsOldValue(AssignStmt assignment, bool firstDefinitionOfLocal) =>
        _needed.Contains(assignment.Variable) && !_countedIndices.Contains(assignment.Variable) && !firstDefinitionOfLocal
        && !_unrecordedIncrements.Contains(assignment) && !_recomputed.Contains(assignment);

    /// <summary>
    /// The variables whose values the reverse sweep of these statements reads: what their active assignments'
    /// partials read and every index of an assigned element (restoring an element reads its index).
    /// </summary>
    private static HashSet<string> ReverseReads(Stmt statement, HashSet<Stmt> recomputed, Activity activity)
    {
        var assignments = new List<AssignStmt>();
        assignments.AddRange(StmtWalker.Descendants(new[] { statement }).OfType<AssignStmt>());
        var reads = new HashSet<string>();
        foreach (var assignment in assignments)
        {
            reads.UnionWith(AssignmentReverseReads(assignment, recomputed, activity));
        }

        return reads;
    }

    /// <summary>The variables whose values the reverse sweep of the statement (and of the statements in it) reads.</summary>
    public HashSet<string> ReverseReadsOf(Stmt statement) => ReverseReads(statement, _recomputed, _activity);

    /// <summary>Whether the reverse sweep has anything to do for these statements.</summary>
    public bool HasReverseWork(IEnumerable<Stmt> statements, System.Func<AssignStmt, bool> restores) => statements.Any(s => s switch
    {
        AssignStmt a => _activity.IsActive(a.Variable) || restores(a),
        IfStmt i => HasReverseWork(i.Then, restores) || HasReverseWork(i.Else, restores),
        LoopStmt l => HasReverseWork(l.Body, restores) || HasReverseWork(l.Step, restores),
        _ => false,
    });

    /// <summary>The variables whose values the adjoint code of an expression reads.</summary>
    private static HashSet<string> Reads(Expr expr, Activity activity)
    {
        var reads = new HashSet<string>();
        AddReads(expr, activity, reads);
        return reads;
    }

    private static void AddReads(Expr expr, Activity activity, HashSet<string> reads)
    {
        if (!activity.IsActive(expr))
        {
            return;
        }

        switch (expr)
        {
            case VariableExpr:
                break;
            case ElementExpr element:
                ExprWalker.Variables(element.Index, reads);
                break;
            case UnaryExpr unary:
                AddReads(unary.Operand, activity, reads);
                break;
            case ConvertExpr convert:
                AddReads(convert.Operand, activity, reads);
                break;
            case BinaryExpr { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum:
                AddReads(sum.Left, activity, reads);
                AddReads(sum.Right, activity, reads);
                break;
            case BinaryExpr { Operator: BinaryOperator.Multiply } product:
                if (activity.IsActive(product.Left))
                {
                    ExprWalker.Variables(product.Right, reads);
                }

                if (activity.IsActive(product.Right))
                {
                    ExprWalker.Variables(product.Left, reads);
                }

                AddReads(product.Left, activity, reads);
                AddReads(product.Right, activity, reads);
                break;
            case BinaryExpr binary:
                ExprWalker.Variables(binary.Right, reads);
                if (activity.IsActive(binary.Right) || binary.Operator == BinaryOperator.Remainder)
                {
                    ExprWalker.Variables(binary.Left, reads);
                }

                AddReads(binary.Left, activity, reads);
                AddReads(binary.Right, activity, reads);
                break;
            case ConditionalExpr conditional:
                ExprWalker.Variables(conditional.Condition, reads);
                AddReads(conditional.WhenTrue, activity, reads);
                AddReads(conditional.WhenFalse, activity, reads);
                break;
            default:
                ExprWalker.Variables(expr, reads);
                break;
        }
    }

}
