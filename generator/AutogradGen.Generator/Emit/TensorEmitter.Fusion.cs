using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Fused chains of element-wise operations: the forward sweep computes the whole chain in one loop over the
/// inputs' storage and keeps only its result; the reverse sweep recomputes the chain's intermediates element by
/// element and writes every input's gradient in one loop. The loops are generic methods over the element type
/// (float and double), written after the Pullback.
/// </summary>
internal sealed partial class TensorEmitter
{
    private const string Fusion = "global::AutogradGen.CompilerServices.TensorFusion";
    private static readonly string[] s_elementTypes = ["float", "double"];

    private string GroupName(FusedInstruction fused) => _model.Name + "Fused" + fused.Group.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<TensorOperand> TensorLeaves(FusedInstruction fused) => fused.Leaves.Where(l => l.IsTensor);

    private static IEnumerable<TensorOperand> NumberLeaves(FusedInstruction fused) => fused.Leaves.Where(l => !l.IsTensor);

    private void FusedForward(FusedInstruction fused, CodeWriter forward)
    {
        var tensors = string.Join(", ", TensorLeaves(fused).Select(l => l.Text));
        forward.Line(fused.Temp + " = " + Fusion + ".Empty(" + Fusion + ".Shape(" + tensors + "), " + Fusion + ".DType(" + tensors + "));");
        Dispatch(forward, fused.Temp, t => GroupName(fused) + "Forward<" + t + ">("
            + string.Join(", ", TensorLeaves(fused).Select(l => Read(t, l.Text, fused.Temp))
                .Concat(NumberLeaves(fused).Select(l => "(double)" + l.Text))
                .Concat(new[] { Fusion + ".Write<" + t + ">(" + fused.Temp + ")" })) + ")");
    }

    private void FusedBackward(FusedInstruction fused, CodeWriter reverse)
    {
        var adjoint = fused.Adjoint!;
        reverse.Open("if (" + adjoint + " is not null)");
        var gradients = new List<string>();
        foreach (var leaf in TensorLeaves(fused))
        {
            var name = leaf.Adjoint is null ? "null" : _names.Temp("u");
            if (leaf.Adjoint is not null)
            {
                reverse.Line("var " + name + " = " + Fusion + ".Empty(" + fused.Temp + ".Shape, " + fused.Temp + ".DType);");
            }

            gradients.Add(name);
        }

        Dispatch(reverse, fused.Temp, t => GroupName(fused) + "Backward<" + t + ">("
            + string.Join(", ", TensorLeaves(fused).Select(l => Read(t, l.Text, fused.Temp))
                .Concat(NumberLeaves(fused).Select(l => "(double)" + l.Text))
                .Concat(new[] { Read(t, fused.Temp, fused.Temp), Read(t, adjoint, fused.Temp) })
                .Concat(gradients.Select(g => Fusion + ".Write<" + t + ">(" + g + ")"))) + ")");
        var leaves = TensorLeaves(fused).ToList();
        for (var i = 0; i < leaves.Count; i++)
        {
            if (leaves[i].Adjoint is { } leafAdjoint)
            {
                reverse.Line(Gradients + ".Accumulate(ref " + leafAdjoint + ", " + Gradients + ".SumTo(" + gradients[i] + ", " + leaves[i].Text + "));");
            }
        }

        reverse.Line(adjoint + " = null;");
        reverse.Close();
    }

    private static string Read(string type, string tensor, string shapeOf) => Fusion + ".Read<" + type + ">(" + tensor + ", " + shapeOf + ".Shape)";

    private static void Dispatch(CodeWriter writer, string tensor, System.Func<string, string> call)
    {
        writer.Line("if (" + tensor + ".DType == global::AutogradGen.DType.Float32) " + call("float") + ";");
        writer.Line("else " + call("double") + ";");
    }

    /// <summary>The generic loop methods of every fused chain.</summary>
    private void EmitFusedLoops(CodeWriter writer)
    {
        foreach (var fused in _lowering.FusedGroups)
        {
            var tensorLeaves = TensorLeaves(fused).ToList();
            var numberLeaves = NumberLeaves(fused).ToList();
            var inputs = tensorLeaves.Select((_, k) => "global::System.ReadOnlySpan<T> x" + k.ToString(CultureInfo.InvariantCulture))
                .Concat(numberLeaves.Select((_, k) => "double c" + k.ToString(CultureInfo.InvariantCulture))).ToList();
            var constraint = "where T : global::System.Numerics.IFloatingPointIeee754<T>";
            var chain = string.Join(" ", fused.Nodes.Select(n => n.Op));

            writer.Line();
            writer.Line("/// <summary>Forward loop of a fused chain (" + chain + ") of " + _model.Name + ".</summary>");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Open("private static void " + GroupName(fused) + "Forward<T>(" + string.Join(", ", inputs.Concat(new[] { "global::System.Span<T> result" })) + ") " + constraint);
            Numbers(writer, numberLeaves.Count);
            writer.Open("for (int i = 0; i < result.Length; i++)");
            Loads(writer, tensorLeaves.Count);
            for (var n = 0; n < fused.Nodes.Count; n++)
            {
                writer.Line("var v" + n.ToString(CultureInfo.InvariantCulture) + " = " + NodeValue(fused, n) + ";");
            }

            writer.Line("result[i] = v" + (fused.Nodes.Count - 1).ToString(CultureInfo.InvariantCulture) + ";");
            writer.Close();
            writer.Close();

            writer.Line();
            writer.Line("/// <summary>Backward loop of a fused chain (" + chain + ") of " + _model.Name + ": recomputes the chain per element and writes each input's gradient (an empty span: none wanted).</summary>");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            var outputs = tensorLeaves.Select((_, k) => "global::System.Span<T> dx" + k.ToString(CultureInfo.InvariantCulture));
            writer.Open("private static void " + GroupName(fused) + "Backward<T>(" + string.Join(", ", inputs.Concat(new[] { "global::System.ReadOnlySpan<T> result", "global::System.ReadOnlySpan<T> gradient" }).Concat(outputs)) + ") " + constraint);
            Numbers(writer, numberLeaves.Count);
            writer.Open("for (int i = 0; i < result.Length; i++)");
            Loads(writer, tensorLeaves.Count);
            var last = fused.Nodes.Count - 1;
            for (var n = 0; n < last; n++)
            {
                writer.Line("var v" + n.ToString(CultureInfo.InvariantCulture) + " = " + NodeValue(fused, n) + ";");
            }

            writer.Line("var v" + last.ToString(CultureInfo.InvariantCulture) + " = result[i];");
            for (var k = 0; k < tensorLeaves.Count; k++)
            {
                writer.Line("var dl" + k.ToString(CultureInfo.InvariantCulture) + " = T.Zero;");
            }

            for (var n = 0; n < last; n++)
            {
                writer.Line("var b" + n.ToString(CultureInfo.InvariantCulture) + " = T.Zero;");
            }

            writer.Line("var b" + last.ToString(CultureInfo.InvariantCulture) + " = gradient[i];");
            for (var n = last; n >= 0; n--)
            {
                var node = fused.Nodes[n];
                var rule = ElementRules.ByOp[node.Op];
                for (var j = 0; j < node.Inputs.Count; j++)
                {
                    var target = AdjointOf(fused, node.Inputs[j]);
                    if (target is not null)
                    {
                        writer.Line(target + " += " + FillElement(rule.Backward[j], fused, node, "b" + n.ToString(CultureInfo.InvariantCulture), "v" + n.ToString(CultureInfo.InvariantCulture)) + ";");
                    }
                }
            }

            for (var k = 0; k < tensorLeaves.Count; k++)
            {
                var index = k.ToString(CultureInfo.InvariantCulture);
                writer.Line("if (!dx" + index + ".IsEmpty) dx" + index + "[i] = dl" + index + ";");
            }

            writer.Close();
            writer.Close();
        }
    }

    private static void Numbers(CodeWriter writer, int count)
    {
        for (var k = 0; k < count; k++)
        {
            var index = k.ToString(CultureInfo.InvariantCulture);
            writer.Line("var k" + index + " = T.CreateChecked(c" + index + ");");
        }
    }

    private static void Loads(CodeWriter writer, int count)
    {
        for (var k = 0; k < count; k++)
        {
            var index = k.ToString(CultureInfo.InvariantCulture);
            writer.Line("var l" + index + " = x" + index + "[i];");
        }
    }

    private static string NodeValue(FusedInstruction fused, int n) =>
        FillElement(ElementRules.ByOp[fused.Nodes[n].Op].Forward, fused, fused.Nodes[n], null, null);

    /// <summary>The element value of a node input: an earlier node, a tensor leaf's element, or a number.</summary>
    private static string InputText(FusedInstruction fused, int input)
    {
        if (input >= 0)
        {
            return "v" + input.ToString(CultureInfo.InvariantCulture);
        }

        var leaf = -input - 1;
        var isTensor = fused.Leaves[leaf].IsTensor;
        var position = fused.Leaves.Take(leaf).Count(l => l.IsTensor == isTensor);
        return (isTensor ? "l" : "k") + position.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The element adjoint an input's gradient goes to, or null for a number.</summary>
    private static string? AdjointOf(FusedInstruction fused, int input)
    {
        if (input >= 0)
        {
            return "b" + input.ToString(CultureInfo.InvariantCulture);
        }

        var leaf = -input - 1;
        return fused.Leaves[leaf].IsTensor ? "dl" + fused.Leaves.Take(leaf).Count(l => l.IsTensor).ToString(CultureInfo.InvariantCulture) : null;
    }

    private static string FillElement(string template, FusedInstruction fused, FusedNode node, string? gradient, string? result)
    {
        var text = template;
        if (gradient is not null)
        {
            text = text.Replace("{g}", gradient).Replace("{r}", result!);
        }

        for (var j = 0; j < node.Inputs.Count; j++)
        {
            text = text.Replace("{" + j.ToString(CultureInfo.InvariantCulture) + "}", InputText(fused, node.Inputs[j]));
        }

        return text;
    }
}
