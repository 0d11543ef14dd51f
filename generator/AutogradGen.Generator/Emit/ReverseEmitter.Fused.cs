using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// One-pass loops (<see cref="FusedLoops"/>): the forward sweep runs such a loop once, each iteration's forward
/// statements followed at once by their reverse with the accumulators' adjoints known from the seed, and the
/// reverse sweep skips it. Within an iteration the body is emitted as code outside loops is (it runs once per
/// iteration, and its reverse comes before the next iteration): values it saves go to locals, its nested loops
/// record onto the stacks and take their records back within the same iteration.
/// </summary>
internal sealed partial class ReverseEmitter
{
    private Dictionary<Stmt, IReadOnlyList<FusedAccumulator>>? _fused;

    /// <summary>Assignments in one-pass loops that need not save the value they overwrite (null until those loops are found).</summary>
    private HashSet<Stmt>? _unsavedInFusedLoops;

    private Dictionary<Stmt, IReadOnlyList<FusedAccumulator>> Fused
    {
        get
        {
            if (_fused is null)
            {
                var unsaved = new HashSet<Stmt>(ReferenceComparer.Instance);
                _fused = FusedLoops.Find(Method, Activity, ResultKind, Restores, ReverseReadsWithUndos, unsaved);
                _unsavedInFusedLoops = unsaved;
            }

            return _fused;
        }
    }

    /// <summary>What the statement's reverse reads, including the variables an undone int update reads back.</summary>
    private HashSet<string> ReverseReadsWithUndos(Stmt statement)
    {
        var reads = _needs.ReverseReadsOf(statement);
        foreach (var assignment in StmtWalker.Descendants(new[] { statement }).OfType<AssignStmt>())
        {
            if (Undo(assignment) is { } undo)
            {
                ExprWalker.Variables(undo, reads);
            }
        }

        return reads;
    }

    private void FusedLoop(LoopStmt loop, IReadOnlyList<FusedAccumulator> accumulators)
    {
        var outer = new Dictionary<string, string>();
        Writer.Line("// Runs once, each iteration's reverse right after its forward: the adjoint of "
            + string.Join(" and ", accumulators.Select(a => a.Variable)) + " at the loop's exit, all that flows into it, is known before it.");
        foreach (var accumulator in accumulators)
        {
            var known = Names.Fresh(accumulator.Variable + "BarAtExit");
            var exitAdjoint = accumulator.Coefficient is LiteralExpr literal && literal.Text == Parsing.Literals.One(ResultKind)
                ? _seed
                : ExprPrinter.Print(new BinaryExpr(ResultKind, BinaryOperator.Multiply, new VariableExpr(ResultKind, _seed), accumulator.Coefficient));
            Writer.Line(ResultKind.Keyword() + " " + known + " = " + exitAdjoint + ";");
            outer[accumulator.Variable] = _adjoints[accumulator.Variable];
            _adjoints[accumulator.Variable] = known;
        }

        Writer.Open("while (" + ExprPrinter.Print(loop.Condition!) + ")");
        if (PullbackInPlaceOfCall(loop) is { } last)
        {
            // The last statement's reverse would come first: its callee's pullback returns the value too.
            var body = loop.Body.Take(loop.Body.Count - 1).ToList();
            ForwardSweep(body, 0);
            SourceComment(last.Statement);
            Writer.Line(last.Statement.Variable + " = " + last.Statement.Variable + (last.Negated ? " - " : " + ")
                + PullbackCall(last.Call, last.Negated ? "-" + _adjoints[last.Statement.Variable] : _adjoints[last.Statement.Variable]) + ";");
            Writer.Line("// This iteration's reverse:");
            ReverseSweep(body, 0);
        }
        else
        {
            ForwardSweep(loop.Body, 0);
            Writer.Line("// This iteration's reverse:");
            ReverseSweep(loop.Body, 0);
        }

        foreach (var step in loop.Step.Cast<AssignStmt>())
        {
            SourceComment(step);
            Writer.Line(Target(step, step.Variable) + " = " + ExprPrinter.Print(step.Value) + ";");
        }

        Writer.Close();
        foreach (var pair in outer)
        {
            _adjoints[pair.Key] = pair.Value;
        }
    }

    /// <summary>
    /// The body's last statement when it is an accumulator's <c>s += F(arrays)</c> (or <c>-=</c>) with F
    /// [Differentiable] and every array it differentiates having an adjoint here: its forward and its reverse run
    /// back to back, so one call of F's pullback (which returns F's value) does both.
    /// </summary>
    private (AssignStmt Statement, CallExpr Call, bool Negated)? PullbackInPlaceOfCall(LoopStmt loop)
    {
        if (loop.Body.Count == 0 || loop.Body[loop.Body.Count - 1] is not AssignStmt { Index: null } last
            || !Fused[loop].Any(a => a.Variable == last.Variable)
            || Increment(last) is not { Added: CallExpr { Target.IsDifferentiable: true } call } increment)
        {
            return null;
        }

        if (call.Target.Parameters.Any(p => p.Struct is not null || p.WithoutDerivative is not null || p.WholeArray))
        {
            // Struct arguments are built at the call (CallAdjoint); this shortcut passes arrays only.
            return null;
        }

        for (var i = 0; i < call.Arguments.Count; i++)
        {
            if (call.Target.Parameters[i].Differentiated
                && (call.Arguments[i] is not ArrayArgumentExpr array || !_adjoints.ContainsKey(array.Array)))
            {
                return null;
            }
        }

        return (last, call, increment.Negated);
    }

    /// <summary>The pullback call of F with the adjoint as seed, adding into the arrays' adjoints.</summary>
    private string PullbackCall(CallExpr call, string adjoint)
    {
        var arguments = call.Arguments.Select(a => ExprPrinter.Print(a)).ToList();
        var adjoints = call.Arguments.Where((_, i) => call.Target.Parameters[i].Differentiated).Select(a => ExprPrinter.RowSlice((ArrayArgumentExpr)a, _adjoints[((ArrayArgumentExpr)a).Array]));
        return call.Target.Qualifier + "." + call.Target.Name + "Pullback(" + string.Join(", ", arguments.Append(adjoint).Concat(adjoints)) + ")";
    }
}
