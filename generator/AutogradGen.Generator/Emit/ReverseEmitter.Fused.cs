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

    private Dictionary<Stmt, IReadOnlyList<FusedAccumulator>> Fused =>
        _fused ??= FusedLoops.Find(Method, Activity, ResultKind, Restores, ReverseReadsWithUndos);

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
        ForwardSweep(loop.Body, 0);
        Writer.Line("// This iteration's reverse:");
        ReverseSweep(loop.Body, 0);
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
}
