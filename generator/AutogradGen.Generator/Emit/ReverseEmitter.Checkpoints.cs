using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Checkpointed loops (<see cref="IterationCheckpoints"/>): the forward sweep runs the loop's plain primal and saves
/// each iteration's live-in state as the iteration begins; the reverse sweep, per iteration from the last, puts the
/// state back, runs the iteration's forward again (recording, as any loop body records) and then its reverse. The
/// records of one iteration are all that exist at a time.
/// </summary>
internal sealed partial class ReverseEmitter
{
    private Dictionary<Stmt, IterationCheckpoint>? _checkpoints;

    /// <summary>Assignments in checkpointed loops whose overwritten value nothing reads (null until those loops are found).</summary>
    private HashSet<Stmt>? _unsavedInCheckpoints;

    /// <summary>The checkpointed loops, found once, after the one-pass loops and before any statement is emitted.</summary>
    private Dictionary<Stmt, IterationCheckpoint> Checkpoints
    {
        get
        {
            if (_checkpoints is null)
            {
                var unsaved = new HashSet<Stmt>(ReferenceComparer.Instance);
                _checkpoints = IterationCheckpoints.Find(Method, s => Fused.ContainsKey(s), HasWork, Records, ReverseReadsWithUndos, unsaved);
                _unsavedInCheckpoints = unsaved;
            }

            return _checkpoints;
        }
    }

    private IterationCheckpoint? CheckpointOf(LoopStmt loop) => Checkpoints.TryGetValue(loop, out var checkpoint) ? checkpoint : null;

    /// <summary>At the start of an iteration of a checkpointed loop: saves its live-in state (scalars, then arrays).</summary>
    private void SaveCheckpoint(IterationCheckpoint checkpoint)
    {
        var state = checkpoint.Scalars.Concat(checkpoint.Arrays).ToList();
        Writer.Line(state.Count == 0
            ? "// Checkpoint: this iteration reads nothing from the one before; the reverse sweep runs it again instead of recording what it overwrites."
            : "// Checkpoint: the state this iteration reads from the one before (" + string.Join(", ", state)
                + "); the reverse sweep runs the iteration again from it instead of recording what it overwrites.");
        foreach (var scalar in checkpoint.Scalars)
        {
            var kind = Variables[scalar].Kind;
            PushLine(kind, kind == NumberKind.Bool ? scalar + " ? 1 : 0" : scalar);
        }

        foreach (var array in checkpoint.Arrays)
        {
            var kind = Variables[array].Kind;
            Writer.Line("((global::System.ReadOnlySpan<" + kind.Keyword() + ">)" + array + ").CopyTo(" + Stack(kind) + ".Reserve(" + array + ".Length));");
        }
    }

    /// <summary>Checkpointed loops whose last iteration records in the forward sweep, by the local counting the checkpoints left.</summary>
    private readonly Dictionary<Stmt, string> _lastIterationRecorded = new(ReferenceComparer.Instance);

    /// <summary>
    /// Before a checkpointed loop whose trip count is known when it starts: declares the count of iterations that
    /// save a checkpoint (all but the last, which records instead, since the reverse sweep begins with it and would
    /// otherwise run it again at once). Null when the trip count is known only at the end: every iteration saves one.
    /// </summary>
    private string? CheckpointsLeft(LoopStmt loop)
    {
        if (RecomputedTripCount(loop) is not { } trips)
        {
            return null;
        }

        var left = Names.Fresh("checkpointsLeft");
        Writer.Line("int " + left + " = " + trips + " - 1;");
        _lastIterationRecorded[loop] = left;
        return left;
    }

    /// <summary>One forward iteration of a checkpointed loop: save the state and run the plain primal, or, the last, record.</summary>
    private void CheckpointedIteration(LoopStmt loop, IterationCheckpoint checkpoint, string? checkpointsLeft)
    {
        if (checkpointsLeft is null)
        {
            SaveCheckpoint(checkpoint);
            PlainSweep(loop.Body);
            return;
        }

        Writer.Open("if (" + checkpointsLeft + "-- > 0)");
        SaveCheckpoint(checkpoint);
        PlainSweep(loop.Body);
        Writer.Close();
        Writer.Open("else");
        Writer.Line("// The last iteration records what its reverse needs: the reverse sweep starts with it.");
        ForwardSweep(loop.Body, 1);
        Writer.Close();
    }

    /// <summary>The primal statements as written: nothing recorded (a checkpointed loop's first run).</summary>
    private void PlainSweep(IEnumerable<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            SourceComment(statement);
            switch (statement)
            {
                case AssignStmt assignment:
                    Writer.Line(Target(assignment, assignment.Variable) + " = " + ExprPrinter.Print(assignment.Value) + ";");
                    break;
                case GuardStmt guard:
                    Writer.Line(ExprPrinter.Print(guard.Code) + ";");
                    break;
                case IfStmt branch:
                    Writer.Open("if (" + ExprPrinter.Print(branch.Condition) + ")");
                    PlainSweep(branch.Then);
                    if (branch.Else.Count > 0)
                    {
                        Writer.Close();
                        Writer.Open("else");
                        PlainSweep(branch.Else);
                    }

                    Writer.Close();
                    break;
                case LoopStmt loop:
                    var condition = loop.Condition is null ? "true" : ExprPrinter.Print(loop.Condition);
                    Writer.Open(loop.TestAfterBody ? "do" : "while (" + condition + ")");
                    PlainSweep(loop.Body);
                    PlainSweep(loop.Step);
                    Writer.Close(loop.TestAfterBody ? "} while (" + condition + ");" : "}");
                    break;
            }
        }
    }

    /// <summary>The reverse of a checkpointed loop: per iteration, restore its state, run it again recording, reverse it.</summary>
    private void ReverseCheckpointedLoop(LoopStmt loop, IterationCheckpoint checkpoint)
    {
        var site = Site(loop);
        var count = site.Count!;
        var k = Names.Fresh("k");
        var index = loop.CountedIndex!;
        Writer.Open("for (int " + k + " = " + count + " - 1; " + k + " >= 0; " + k + "--)");
        Writer.Line(index + " = " + (site.Start == "0" && loop.CountedDirection > 0 ? k : site.Start + (loop.CountedDirection > 0 ? " + " : " - ") + k) + ";");
        var lastRecorded = _lastIterationRecorded.ContainsKey(loop);
        if (lastRecorded)
        {
            // The last iteration recorded in the forward sweep; every other one runs again from its checkpoint.
            Writer.Open("if (" + k + " + 1 < " + count + ")");
        }

        Writer.Line("// The iteration's state as it began, saved by the forward sweep:");
        foreach (var array in checkpoint.Arrays.Reverse())
        {
            Writer.Line(Stack(Variables[array].Kind) + ".Release(" + array + ".Length).CopyTo(" + array + ");");
        }

        foreach (var scalar in checkpoint.Scalars.Reverse())
        {
            var kind = Variables[scalar].Kind;
            var popped = PopText(kind);
            Writer.Line(scalar + " = " + (kind == NumberKind.Bool ? popped + " != 0" : popped) + ";");
        }

        // Two blocks: the forward and the reverse each declare their own branch decisions and trip counts.
        Writer.Open("// The iteration again, recording what its reverse needs:");
        ForwardSweep(loop.Body, 1);
        Writer.Close();
        if (lastRecorded)
        {
            Writer.Close();
        }

        Writer.Open("// Its reverse:");
        ReverseSweep(loop.Body, 1);
        Writer.Close();
        Writer.Close();
    }
}
