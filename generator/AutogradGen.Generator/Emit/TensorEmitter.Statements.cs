using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Statements: the forward sweep in program order, the reverse sweep statement by statement backwards. Inside
/// loops, the values a statement's reverse reads go onto a stack after it runs and come back before its reverse;
/// branch decisions and trip counts are recorded the same way (in locals outside loops).
/// </summary>
internal sealed partial class TensorEmitter
{
    /// <summary>Writes the block's forward code into <paramref name="forward"/> and returns its reverse code.</summary>
    private CodeWriter Block(IEnumerable<TensorStmt> statements, bool inLoop, CodeWriter forward)
    {
        var reverses = new List<CodeWriter>();
        foreach (var statement in statements)
        {
            var reverse = new CodeWriter();
            Statement(statement, inLoop, forward, reverse);
            reverses.Add(reverse);
        }

        var block = new CodeWriter();
        for (var i = reverses.Count - 1; i >= 0; i--)
        {
            block.Append(reverses[i]);
        }

        return block;
    }

    private void Statement(TensorStmt statement, bool inLoop, CodeWriter forward, CodeWriter reverse)
    {
        var comment = "// line " + statement.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": ";
        switch (statement)
        {
            case PlainStmt plain:
                forward.Line(comment + FirstLine(plain.Source));
                foreach (var line in plain.Source.Split('\n'))
                {
                    forward.Line(line.Trim());
                }

                break;
            case TensorAssign assign:
                DeclareTensorLocal(assign.Name);
                forward.Line(comment + assign.Source);
                Assignment(assign.Name, assign.Value, inLoop, forward, reverse, comment + assign.Source, isReturn: false);
                break;
            case TensorReturn ret:
                forward.Line(comment + ret.Source);
                Assignment(_result, ret.Value, inLoop, forward, reverse, comment + ret.Source, isReturn: true);
                break;
            case TensorIf branch:
                var decision = _names.Temp("branch");
                Declare("bool " + decision + " = false;");
                forward.Line(comment + branch.Source);
                forward.Line(decision + " = " + branch.Condition + ";");
                forward.Open("if (" + decision + ")");
                var thenReverse = Block(branch.Then, inLoop, forward);
                forward.Close();
                forward.Open("else");
                var elseReverse = Block(branch.Else, inLoop, forward);
                forward.Close();
                if (inLoop)
                {
                    Push(forward, decision);
                    Pop(reverse, decision, "bool");
                }

                reverse.Line(comment + branch.Source);
                reverse.Open("if (" + decision + ")");
                reverse.Append(thenReverse);
                reverse.Close();
                reverse.Open("else");
                reverse.Append(elseReverse);
                reverse.Close();
                break;
            case TensorLoop loop:
                var iterations = _names.Temp("iterations");
                var counter = _names.Temp("k");
                Declare("int " + iterations + " = 0;");
                forward.Line(comment + loop.Source);
                forward.Line(iterations + " = 0;");
                forward.Open(loop.Header);
                var bodyReverse = Block(loop.Body, inLoop: true, forward);
                forward.Line(iterations + "++;");
                forward.Close();
                if (inLoop)
                {
                    Push(forward, iterations);
                    Pop(reverse, iterations, "int");
                }

                reverse.Line(comment + loop.Source);
                reverse.Open("for (int " + counter + " = " + iterations + "; " + counter + " > 0; " + counter + "--)");
                reverse.Append(bodyReverse);
                reverse.Close();
                break;
        }
    }

    /// <summary><c>target = value</c>: the value's three-address code, and the reverse that hands target's adjoint down.</summary>
    private void Assignment(string target, TensorExpr value, bool inLoop, CodeWriter forward, CodeWriter reverse, string comment, bool isReturn)
    {
        var instructions = new List<TensorInstruction>();
        var operand = _lowering.Lower(value, instructions);
        foreach (var instruction in instructions)
        {
            Declare(instruction.TypeText + " " + instruction.Temp + (instruction.TypeText == Tensor ? " = null!;" : " = default!;"));
            var instructionAdjoint = instruction switch
            {
                OpInstruction op => op.Adjoint,
                CallInstruction call => call.Adjoint,
                FusedInstruction group => group.Adjoint,
                _ => null,
            };
            if (instructionAdjoint is not null)
            {
                Declare(Tensor + "? " + instructionAdjoint + " = null;");
            }

            if (instruction is FusedInstruction fused)
            {
                FusedForward(fused, forward);
            }
            else
            {
                forward.Line(instruction.Temp + " = " + Forward(instruction) + ";");
            }
        }

        forward.Line(target + " = " + operand.Text + ";");
        var targetAdjoint = isReturn ? null : _varied.Contains(target) ? _names.Adjoint(target) : null;
        if (!isReturn && targetAdjoint is null)
        {
            return;
        }

        // Inside a loop the next iteration overwrites the temporaries: the ones the reverse sweep reads are saved.
        var kept = inLoop ? instructions.Where(i => ReadByReverse(instructions).Contains(i.Temp)).ToList() : new List<TensorInstruction>();
        foreach (var instruction in kept)
        {
            Push(forward, instruction.Temp);
        }

        reverse.Line(comment);
        foreach (var instruction in Enumerable.Reverse(kept))
        {
            Pop(reverse, instruction.Temp, instruction.TypeText);
        }

        if (isReturn)
        {
            if (operand.Adjoint is { } resultAdjoint)
            {
                reverse.Line(Gradients + ".Accumulate(ref " + resultAdjoint + ", " + _seed + " ?? " + Tensor + ".OnesLike(" + _result + "));");
            }
        }
        else if (operand.Adjoint == targetAdjoint)
        {
            // x = x: the value, and so its gradient, passes through unchanged.
        }
        else if (operand.Adjoint is { } valueAdjoint)
        {
            reverse.Open("if (" + targetAdjoint + " is not null)");
            reverse.Line(Gradients + ".Accumulate(ref " + valueAdjoint + ", " + targetAdjoint + ");");
            reverse.Line(targetAdjoint + " = null;");
            reverse.Close();
        }
        else
        {
            reverse.Line(targetAdjoint + " = null;");
        }

        foreach (var instruction in Enumerable.Reverse(instructions))
        {
            Backward(instruction, reverse);
        }
    }

    /// <summary>The values (operand texts and results) the reverse of these instructions reads.</summary>
    private static HashSet<string> ReadByReverse(IEnumerable<TensorInstruction> instructions)
    {
        var read = new HashSet<string>();
        foreach (var instruction in instructions)
        {
            switch (instruction)
            {
                case OpInstruction { Adjoint: not null } op:
                    var rule = TensorRules.ByOp[op.Op];
                    for (var i = 0; i < op.Operands.Count; i++)
                    {
                        if (op.Operands[i].Adjoint is null || rule.Backward[i] is not { } backward)
                        {
                            continue;
                        }

                        if (backward.Contains("{r}"))
                        {
                            read.Add(op.Temp);
                        }

                        for (var k = 0; k < op.Operands.Count; k++)
                        {
                            if (backward.Contains("{" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"))
                            {
                                read.Add(op.Operands[k].Text);
                            }
                        }
                    }

                    break;
                case CallInstruction { Adjoint: not null } call:
                    read.UnionWith(call.Arguments.Select(a => a.Text));
                    break;
                case FusedInstruction { Adjoint: not null } fused:
                    read.UnionWith(fused.Leaves.Select(l => l.Text));
                    read.Add(fused.Temp);
                    break;
            }
        }

        return read;
    }

    private static string Forward(TensorInstruction instruction) => instruction switch
    {
        OpInstruction op => Fill(TensorRules.ByOp[op.Op].Forward, op.Operands, null, op.Temp),
        CallInstruction call => call.Call.Target + "(" + string.Join(", ", call.Arguments.Select(a => a.Text)) + ")",
        CaptureInstruction capture => capture.Text,
        _ => throw new System.InvalidOperationException("Unknown instruction " + instruction.GetType().Name),
    };

    private void Backward(TensorInstruction instruction, CodeWriter reverse)
    {
        switch (instruction)
        {
            case OpInstruction { Adjoint: { } adjoint } op:
                var rule = TensorRules.ByOp[op.Op];
                reverse.Open("if (" + adjoint + " is not null)");
                for (var i = 0; i < op.Operands.Count; i++)
                {
                    if (op.Operands[i].Adjoint is { } operandAdjoint && rule.Backward[i] is { } backward)
                    {
                        reverse.Line(Gradients + ".Accumulate(ref " + operandAdjoint + ", " + Fill(backward, op.Operands, adjoint, op.Temp) + ");");
                    }
                }

                reverse.Line(adjoint + " = null;");
                reverse.Close();
                break;
            case FusedInstruction { Adjoint: not null } fused:
                FusedBackward(fused, reverse);
                break;
            case CallInstruction { Adjoint: { } adjoint } call:
                var slots = call.Arguments.Where((_, i) => call.Call.Differentiated[i])
                    .Select(a => a.Adjoint is { } argumentAdjoint ? "ref " + argumentAdjoint : "ref " + _discarded).ToList();
                _usesDiscarded |= slots.Any(s => s == "ref " + _discarded);
                reverse.Open("if (" + adjoint + " is not null)");
                reverse.Line(call.Call.Target + "Pullback(" + string.Join(", ", call.Arguments.Select(a => a.Text).Concat(new[] { adjoint }).Concat(slots)) + ");");
                reverse.Line(adjoint + " = null;");
                reverse.Close();
                break;
        }
    }

    /// <summary>A rule's template with the operands, the incoming gradient and the result filled in.</summary>
    private static string Fill(string template, IReadOnlyList<TensorOperand> operands, string? gradient, string result)
    {
        var text = template.Replace("TG.", Gradients + ".").Replace("{r}", result);
        if (gradient is not null)
        {
            text = text.Replace("{g}", gradient);
        }

        for (var i = 0; i < operands.Count; i++)
        {
            text = text.Replace("{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", operands[i].Text);
        }

        return text;
    }

    private void Push(CodeWriter forward, string name)
    {
        _usesSaved = true;
        forward.Line(_saved + ".Push(" + name + ");");
    }

    private void Pop(CodeWriter reverse, string name, string type)
    {
        _usesSaved = true;
        reverse.Line(name + " = (" + type + ")" + _saved + ".Pop();");
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
