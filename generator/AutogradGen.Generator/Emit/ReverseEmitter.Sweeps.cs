using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>The two sweeps over statements: forward (record) and reverse (restore, accumulate).</summary>
internal sealed partial class ReverseEmitter
{
    private HashSet<Stmt>? _firstDefinitions;

    private bool Records(AssignStmt assignment)
    {
        _firstDefinitions ??= FirstDefinitions();
        return _needs.MustRecord(assignment, _firstDefinitions.Contains(assignment))
            && !(_unsavedInFusedLoops?.Contains(assignment) ?? false)
            && !(_unsavedInCheckpoints?.Contains(assignment) ?? false);
    }

    private Expr? Undo(AssignStmt assignment)
    {
        _firstDefinitions ??= FirstDefinitions();
        return _needs.Undo(assignment, _firstDefinitions.Contains(assignment));
    }

    /// <summary>Whether the reverse sweep gets back the value the assignment overwrote, from a record or by an undo.</summary>
    private bool Restores(AssignStmt assignment) => Records(assignment) || Undo(assignment) is not null;

    private bool HasWork(Stmt statement) => _needs.HasReverseWork(new[] { statement }, Restores);

    private void ForwardSweep(IEnumerable<Stmt> statements, int depth)
    {
        foreach (var statement in statements)
        {
            SourceComment(statement);
            switch (statement)
            {
                case AssignStmt assignment:
                    if (Records(assignment))
                    {
                        var kind = Variables[assignment.Variable].Kind;
                        var old = Target(assignment, assignment.Variable);
                        if (depth == 0)
                        {
                            var saved = Hoisted(kind, assignment.Variable + "Before");
                            Site(assignment).Saved = saved;
                            Writer.Line(saved + " = " + old + ";");
                        }
                        else
                        {
                            PushLine(kind, kind == NumberKind.Bool ? old + " ? 1 : 0" : old);
                        }
                    }

                    Writer.Line(Target(assignment, assignment.Variable) + " = " + ExprPrinter.Print(assignment.Value) + ";");
                    break;
                case AllocateStmt allocation:
                    Writer.Line(allocation.Variable + (allocation.OnStack ? " = stackalloc " : " = new ") + Variables[allocation.Variable].Kind.Keyword() + "[" + ExprPrinter.Print(allocation.Length) + "];");
                    if (_adjoints.TryGetValue(allocation.Variable, out var companion))
                    {
                        AllocateCompanion(allocation, companion);
                    }

                    break;
                case GuardStmt guard:
                    // Runs in the forward sweep only: the reverse sweep has nothing to undo.
                    Writer.Line(ExprPrinter.Print(guard.Code) + ";");
                    break;
                case IfStmt branch:
                    ForwardIf(branch, depth);
                    break;
                case LoopStmt loop when depth == 0 && Fused.TryGetValue(loop, out var accumulators):
                    FusedLoop(loop, accumulators);
                    break;
                case LoopStmt loop:
                    ForwardLoop(loop, depth);
                    break;
            }
        }
    }

    private void ForwardIf(IfStmt branch, int depth)
    {
        var condition = ExprPrinter.Print(branch.Condition);
        string? decision = null;
        if (HasWork(branch))
        {
            if (depth == 0)
            {
                decision = Hoisted(NumberKind.Bool, "branch");
                Writer.Line(decision + " = " + condition + ";");
            }
            else
            {
                decision = Names.Fresh("branch");
                Writer.Line("bool " + decision + " = " + condition + ";");
            }

            Site(branch).Decision = decision;
            condition = decision;
        }

        Writer.Open("if (" + condition + ")");
        ForwardSweep(branch.Then, depth);
        if (branch.Else.Count > 0)
        {
            Writer.Close();
            Writer.Open("else");
            ForwardSweep(branch.Else, depth);
        }

        Writer.Close();
        if (decision is not null && depth > 0)
        {
            PushLine(NumberKind.Bool, decision + " ? 1 : 0");
        }
    }

    private void ForwardLoop(LoopStmt loop, int depth)
    {
        var condition = loop.Condition is null ? "true" : ExprPrinter.Print(loop.Condition);
        string? count = null;
        string? start = null;
        if (HasWork(loop) && RecomputedTripCount(loop) is { } recomputed)
        {
            var site = Site(loop);
            site.Start = loop.ConstantStart;
            site.Count = recomputed;
        }
        else if (HasWork(loop))
        {
            var site = Site(loop);
            if (loop.ConstantStart is { } constant)
            {
                site.Start = constant;
            }

            if (depth == 0)
            {
                count = site.Count = Hoisted(NumberKind.Int, "iterations");
                Writer.Line(count + " = 0;");
                if (loop.CountedIndex is { } index && site.Start is null)
                {
                    start = site.Start = Hoisted(NumberKind.Int, index + "Start");
                    Writer.Line(start + " = " + index + ";");
                }
            }
            else
            {
                count = site.Count = Names.Fresh("iterations");
                Writer.Line("int " + count + " = 0;");
                if (loop.CountedIndex is { } index && site.Start is null)
                {
                    start = site.Start = Names.Fresh(index + "Start");
                    Writer.Line("int " + start + " = " + index + ";");
                }
            }
        }

        // A checkpointed loop records nothing here: it saves each iteration's live-in state and runs the plain primal.
        var checkpoint = depth == 0 ? CheckpointOf(loop) : null;
        var reserved = checkpoint is null ? ReserveBefore(loop) : new List<NumberKind>();
        var checkpointsLeft = checkpoint is null ? null : CheckpointsLeft(loop);
        Writer.Open(loop.TestAfterBody ? "do" : "while (" + condition + ")");
        if (count is not null)
        {
            Writer.Line(count + "++;");
        }

        if (checkpoint is not null)
        {
            CheckpointedIteration(loop, checkpoint, checkpointsLeft);
            PlainSweep(loop.Step);
        }
        else
        {
            ForwardSweep(loop.Body, depth + 1);
            ForwardSweep(loop.Step, depth + 1);
        }

        Writer.Close(loop.TestAfterBody ? "} while (" + condition + ");" : "}");
        EndReservations(reserved);
        if (depth > 0 && count is not null)
        {
            if (start is not null)
            {
                PushLine(NumberKind.Int, start);
            }

            PushLine(NumberKind.Int, count);
        }
    }

    private void ReverseSweep(IReadOnlyList<Stmt> statements, int depth)
    {
        _reversedLists.Add(statements);
        for (var i = statements.Count - 1; i >= 0; i--)
        {
            var statement = statements[i];
            if (!HasWork(statement))
            {
                continue;
            }

            SourceComment(statement);
            if (depth == 0 && Fused.ContainsKey(statement))
            {
                Writer.Line("// (reversed with its forward sweep above)");
                continue;
            }

            switch (statement)
            {
                case AssignStmt assignment:
                    ReverseAssign(assignment, depth);
                    break;
                case IfStmt branch:
                    var decision = Site(branch).Decision!;
                    if (depth > 0)
                    {
                        Writer.Line("bool " + decision + " = " + PopText(NumberKind.Int) + " != 0;");
                    }

                    var thenWork = _needs.HasReverseWork(branch.Then, Restores);
                    var elseWork = _needs.HasReverseWork(branch.Else, Restores);
                    Writer.Open("if (" + (thenWork ? decision : "!" + decision) + ")");
                    ReverseSweep(thenWork ? branch.Then : branch.Else, depth);
                    if (thenWork && elseWork)
                    {
                        Writer.Close();
                        Writer.Open("else");
                        ReverseSweep(branch.Else, depth);
                    }

                    Writer.Close();
                    break;
                case LoopStmt loop when depth == 0 && CheckpointOf(loop) is { } checkpoint:
                    ReverseCheckpointedLoop(loop, checkpoint);
                    break;
                case LoopStmt loop:
                    ReverseLoop(loop, depth);
                    break;
            }
        }

        _reversedLists.RemoveAt(_reversedLists.Count - 1);
    }

    private void ReverseLoop(LoopStmt loop, int depth)
    {
        var site = Site(loop);
        var count = site.Count!;
        var recorded = RecomputedTripCount(loop) is null;
        if (depth > 0 && recorded)
        {
            Writer.Line("int " + count + " = " + PopText(NumberKind.Int) + ";");
            if (site.Start is { } start && loop.ConstantStart is null)
            {
                Writer.Line("int " + start + " = " + PopText(NumberKind.Int) + ";");
            }
        }

        var released = ReleaseBefore(loop, count);
        var summed = SumInvariantAdjointsInLocals(loop, count);

        var k = Names.Fresh("k");
        if (loop.CountedIndex is { } index)
        {
            Writer.Open("for (int " + k + " = " + count + " - 1; " + k + " >= 0; " + k + "--)");
            Writer.Line(index + " = " + (site.Start == "0" && loop.CountedDirection > 0 ? k : site.Start + (loop.CountedDirection > 0 ? " + " : " - ") + k) + ";");
            Recompute(loop);
            ReverseSweep(loop.Body, depth + 1);
        }
        else
        {
            Writer.Open("for (int " + k + " = " + count + "; " + k + " > 0; " + k + "--)");
            ReverseSweep(loop.Step, depth + 1);
            Recompute(loop);
            ReverseSweep(loop.Body, depth + 1);
        }

        Writer.Close();
        StoreSummedAdjoints(summed, count);
        EndReservations(released);
    }

    /// <summary>Re-evaluates the iteration's recomputed definitions (nothing was recorded for them), in order.</summary>
    private void Recompute(LoopStmt loop)
    {
        foreach (var definition in loop.Body.OfType<AssignStmt>().Where(_needs.IsRecomputed))
        {
            SourceComment(definition);
            Writer.Line(definition.Variable + " = " + ExprPrinter.Print(definition.Value) + ";");
        }
    }

    private void ReverseAssign(AssignStmt assignment, int depth)
    {
        var kind = Variables[assignment.Variable].Kind;
        var computed = new Dictionary<Expr, string>();
        if (AssignedValueAtReverse(assignment) is { } held)
        {
            // The partials read the value this statement assigned (exp, tanh, a quotient): it is what the variable
            // holds here, before the restore below, so it is read, not computed again.
            computed[assignment.Value] = Records(assignment) ? Temporary(kind, assignment.Variable) : held;
        }

        if (Records(assignment))
        {
            var target = Target(assignment, assignment.Variable);
            if (depth == 0)
            {
                Writer.Line(target + " = " + Site(assignment).Saved + ";");
            }
            else
            {
                var popped = PopText(kind);
                Writer.Line(target + " = " + (kind == NumberKind.Bool ? popped + " != 0" : popped) + ";");
            }
        }
        else if (Undo(assignment) is { } undo)
        {
            Writer.Line(assignment.Variable + " = " + ExprPrinter.Print(undo) + ";");
        }

        if (_adjoints.TryGetValue(assignment.Variable, out var adjoint))
        {
            // The assignment overwrote the variable: its adjoint so far belongs to the value assigned here.
            var adjointTarget = Target(assignment, adjoint);
            if (!Activity.IsActive(assignment.Value))
            {
                Writer.Line(adjointTarget + " = " + AdjointZero(kind) + ";");
                return;
            }

            if (Increment(assignment) is { } increment)
            {
                // x = x ± e: x's adjoint carries over unchanged, e receives ± it.
                var carried = AdjointTemporary(kind, adjointTarget);
                AdjointStatement(increment.Added, increment.Negated ? AdjointTemporary(kind, "-" + carried) : carried, new Dictionary<Expr, string>());
                return;
            }

            var incoming = AdjointTemporary(kind, adjointTarget);
            Writer.Line(adjointTarget + " = " + AdjointZero(kind) + ";");
            AdjointStatement(assignment.Value, incoming, computed);
        }
    }

    /// <summary>
    /// The variable itself when, at the reverse of <paramref name="assignment"/> (a scalar <c>v = e</c>, v active, e
    /// active and not an increment), v still holds the value e had and e's partials read that value (the result of
    /// <c>Math.Exp</c>, <c>Math.Tanh</c>, <c>Math.Sqrt</c>, a quotient): either this is v's only assignment and it is
    /// outside every loop, or it is restored and so is every other assignment of v, so the reverse sweep has undone
    /// every later one when it gets here. Null otherwise: the partials compute e again.
    /// </summary>
    private string? AssignedValueAtReverse(AssignStmt assignment)
    {
        var variable = assignment.Variable;
        if (assignment.Index is not null || !_adjoints.ContainsKey(variable) || !Activity.IsActive(assignment.Value) || Increment(assignment) is not null
            || !PartialsReadResult(assignment.Value))
        {
            return null;
        }

        _assignmentsByVariable ??= StmtWalker.DescendantsWithLoopDepth(Method.Body)
            .Where(d => d.Statement is AssignStmt)
            .GroupBy(d => ((AssignStmt)d.Statement).Variable)
            .ToDictionary(g => g.Key, g => g.ToList());
        var all = _assignmentsByVariable[variable];
        if (all.Count == 1 && all[0].LoopDepth == 0 && !Variables[variable].IsParameter)
        {
            return variable;
        }

        return Records(assignment) && all.All(d => Restores((AssignStmt)d.Statement)) ? variable : null;
    }

    private Dictionary<string, List<(Stmt Statement, int LoopDepth)>>? _assignmentsByVariable;

    /// <summary>Whether some active operand's partial of the expression's top node reads the node's own value.</summary>
    private bool PartialsReadResult(Expr value)
    {
        var operands = LocalPartials.Operands(value);
        if (operands.Count == 0 || value is ConditionalExpr)
        {
            return false;
        }

        var tokens = operands.Select((_, i) => "\u0001operand" + i + "\u0001").ToList();
        var partials = LocalPartials.For(value, tokens, ResultToken);
        return partials.Where((p, i) => p is not null && Activity.IsActive(operands[i])).Any(p => p!.Contains(ResultToken));
    }

    /// <summary>
    /// <c>x = x + e</c> or <c>x = x - e</c> (what <c>+=</c> and <c>-=</c> become) where e does not read x: the
    /// increment e and whether it is subtracted; null for any other assignment.
    /// </summary>
    internal static (Expr Added, bool Negated)? Increment(AssignStmt assignment)
    {
        if (assignment.Value is not BinaryExpr { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum)
        {
            return null;
        }

        var self = assignment.Index is null
            ? sum.Left is VariableExpr v && v.Name == assignment.Variable
            : sum.Left is ElementExpr e && e.Array == assignment.Variable && e.Index == assignment.Index;
        if (!self || ExprWalker.Variables(sum.Right).Contains(assignment.Variable))
        {
            return null;
        }

        return (sum.Right, sum.Operator == BinaryOperator.Subtract);
    }

    /// <summary>The assignments that first define a local outside loops: nothing before them can read the old value.</summary>
    private HashSet<Stmt> FirstDefinitions()
    {
        var seen = new HashSet<string>(Method.Variables.Where(v => v.IsParameter).Select(v => v.Name));
        var first = new HashSet<Stmt>(ReferenceComparer.Instance);
        foreach (var (statement, loopDepth) in StmtWalker.DescendantsWithLoopDepth(Method.Body))
        {
            if (statement is AssignStmt a && seen.Add(a.Variable) && loopDepth == 0 && a.Index is null)
            {
                first.Add(a);
            }
        }

        return first;
    }
}
