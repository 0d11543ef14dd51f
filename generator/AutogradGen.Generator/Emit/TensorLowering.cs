using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Emit;

/// <summary>An operand as generated code reads it: its value's C# text, and the adjoint that receives its gradient (null when inactive).</summary>
internal sealed record TensorOperand(string Text, bool IsTensor, string? Adjoint);

/// <summary>One step of three-address code: a table operation, a call, a captured number, or a snapshot of a variable.</summary>
internal abstract record TensorInstruction(string Temp, string TypeText);

/// <summary><c>Temp = rule(Operands)</c>; <paramref name="Adjoint"/> is null when no derivative flows through it.</summary>
internal sealed record OpInstruction(string Temp, string Op, IReadOnlyList<TensorOperand> Operands, string? Adjoint)
    : TensorInstruction(Temp, TensorLowering.TensorType);

/// <summary><c>Temp = Target(Arguments)</c> of a [Differentiable] tensor method.</summary>
internal sealed record CallInstruction(string Temp, TensorCall Call, IReadOnlyList<TensorOperand> Arguments, string? Adjoint)
    : TensorInstruction(Temp, TensorLowering.TensorType);

/// <summary>
/// <c>Temp</c> = a chain of element-wise operations (<see cref="Nodes"/>, in evaluation order; the last is the
/// result) over <see cref="Leaves"/> (tensors and numbers), computed in one loop; <paramref name="Group"/> numbers
/// the generated loop methods.
/// </summary>
internal sealed record FusedInstruction(string Temp, int Group, IReadOnlyList<TensorOperand> Leaves, IReadOnlyList<FusedNode> Nodes, string? Adjoint)
    : TensorInstruction(Temp, TensorLowering.TensorType);

/// <summary>One operation of a fused chain; an input ≥ 0 is an earlier node, -(k + 1) is leaf k.</summary>
internal sealed record FusedNode(string Op, IReadOnlyList<int> Inputs);

/// <summary><c>Temp = Text</c>: a number, or a variable's current value, that the reverse sweep must see as it was.</summary>
internal sealed record CaptureInstruction(string Temp, string TypeText, string Text) : TensorInstruction(Temp, TypeText);

/// <summary>
/// Lowers tensor expressions to three-address code. Every operation gets a temporary (<c>t0</c>, <c>t1</c>...)
/// so that the reverse sweep reads each value as the forward sweep computed it; tensors are immutable under
/// these operations, so keeping a reference is keeping the value. Variables assigned more than once (or in a
/// loop) are read through a snapshot; their gradient still goes to the variable's adjoint, which the reverse
/// sweep resets where the variable was assigned.
/// </summary>
internal sealed class TensorLowering
{
    public const string TensorType = "global::AutogradGen.Tensor";

    private readonly TensorNames _names;
    private readonly ISet<string> _varied;
    private readonly ISet<string> _reassigned;
    private int _groups;

    public TensorLowering(TensorNames names, ISet<string> varied, ISet<string> reassigned)
    {
        _names = names;
        _varied = varied;
        _reassigned = reassigned;
    }

    public TensorOperand Lower(TensorExpr expression, List<TensorInstruction> into)
    {
        switch (expression)
        {
            case TensorVar variable:
                var adjoint = _varied.Contains(variable.Name) ? _names.Adjoint(variable.Name) : null;
                if (!_reassigned.Contains(variable.Name))
                {
                    return new TensorOperand(variable.Name, true, adjoint);
                }

                var snapshot = _names.Temp("t");
                into.Add(new CaptureInstruction(snapshot, TensorType, variable.Name));
                return new TensorOperand(snapshot, true, adjoint);
            case ScalarOperand { IsConstant: true } constant:
                return new TensorOperand(constant.Text, false, null);
            case ScalarOperand scalar:
                var captured = _names.Temp("s");
                into.Add(new CaptureInstruction(captured, scalar.TypeText, scalar.Text));
                return new TensorOperand(captured, false, null);
            case TensorOp op when IsFusable(op) && op.Operands.Any(IsFusable):
                return LowerFused(op, into);
            case TensorOp op:
                var rule = TensorRules.ByOp[op.Op];
                var operands = new List<TensorOperand>();
                for (var i = 0; i < op.Operands.Count; i++)
                {
                    operands.Add(rule.Operands[i] == OperandKind.ForwardOnly && op.Operands[i] is ScalarOperand forwardOnly
                        ? new TensorOperand(forwardOnly.Text, false, null)
                        : Lower(op.Operands[i], into));
                }

                var active = operands.Where((o, i) => o.Adjoint is not null && rule.Backward[i] is not null).Any();
                var temp = _names.Temp("t");
                into.Add(new OpInstruction(temp, op.Op, operands, active ? _names.Adjoint(temp) : null));
                return new TensorOperand(temp, true, active ? _names.Adjoint(temp) : null);
            case TensorCall call:
                var arguments = call.Arguments.Select(a => Lower(a, into)).ToList();
                var callActive = arguments.Where((a, i) => a.Adjoint is not null && call.Differentiated[i]).Any();
                var callTemp = _names.Temp("t");
                into.Add(new CallInstruction(callTemp, call, arguments, callActive ? _names.Adjoint(callTemp) : null));
                return new TensorOperand(callTemp, true, callActive ? _names.Adjoint(callTemp) : null);
            default:
                throw new System.InvalidOperationException("Unknown tensor expression " + expression.GetType().Name);
        }
    }

    /// <summary>Chains of at least two element-wise operations (<see cref="ElementRules"/>) become one loop.</summary>
    public bool Fuse { get; set; } = true;

    public IReadOnlyList<FusedInstruction> FusedGroups => _fused;

    private readonly List<FusedInstruction> _fused = new();

    private bool IsFusable(TensorExpr expression) => Fuse && expression is TensorOp op && ElementRules.ByOp.ContainsKey(op.Op);

    private TensorOperand LowerFused(TensorOp root, List<TensorInstruction> into)
    {
        var nodes = new List<FusedNode>();
        var leaves = new List<TensorOperand>();
        int Visit(TensorExpr expression)
        {
            if (IsFusable(expression))
            {
                var op = (TensorOp)expression;
                var inputs = op.Operands.Select(Visit).ToList();
                nodes.Add(new FusedNode(op.Op, inputs));
                return nodes.Count - 1;
            }

            var leaf = Lower(expression, into);
            var index = leaves.FindIndex(l => l.Text == leaf.Text);
            if (index < 0)
            {
                leaves.Add(leaf);
                index = leaves.Count - 1;
            }

            return -(index + 1);
        }

        Visit(root);
        var active = leaves.Any(l => l.IsTensor && l.Adjoint is not null);
        var temp = _names.Temp("t");
        var instruction = new FusedInstruction(temp, _groups++, leaves, nodes, active ? _names.Adjoint(temp) : null);
        _fused.Add(instruction);
        into.Add(instruction);
        return new TensorOperand(temp, true, instruction.Adjoint);
    }

    /// <summary>
    /// Which tensor variables depend on a differentiated parameter (flow-insensitive, to a fixed point), and
    /// which are assigned more than once or inside a loop (parameters when assigned at all).
    /// </summary>
    public static (HashSet<string> Varied, HashSet<string> Reassigned) Analyze(TensorMethodModel model)
    {
        var varied = new HashSet<string>(model.Parameters.Where(p => p.Differentiated).Select(p => p.Name));
        var assignments = new List<(TensorAssign Assign, bool InLoop)>();
        Collect(model.Body, inLoop: false, assignments);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (assign, _) in assignments)
            {
                if (!varied.Contains(assign.Name) && IsVaried(assign.Value, varied))
                {
                    varied.Add(assign.Name);
                    changed = true;
                }
            }
        }

        var parameters = new HashSet<string>(model.Parameters.Select(p => p.Name));
        var reassigned = new HashSet<string>(assignments
            .GroupBy(a => a.Assign.Name)
            .Where(g => g.Count() > 1 || g.Any(a => a.InLoop) || parameters.Contains(g.Key))
            .Select(g => g.Key));
        return (varied, reassigned);
    }

    public static bool IsVaried(TensorExpr expression, ISet<string> varied) => expression switch
    {
        TensorVar variable => varied.Contains(variable.Name),
        TensorOp op => op.Operands.Where((o, i) => TensorRules.ByOp[op.Op].Backward[i] is not null && IsVaried(o, varied)).Any(),
        TensorCall call => call.Arguments.Where((a, i) => call.Differentiated[i] && IsVaried(a, varied)).Any(),
        _ => false,
    };

    private static void Collect(IEnumerable<TensorStmt> statements, bool inLoop, List<(TensorAssign, bool)> into)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case TensorAssign assign:
                    into.Add((assign, inLoop));
                    break;
                case TensorIf branch:
                    Collect(branch.Then, inLoop, into);
                    Collect(branch.Else, inLoop, into);
                    break;
                case TensorLoop loop:
                    Collect(loop.Body, inLoop: true, into);
                    break;
            }
        }
    }
}

/// <summary>Names of generated locals, unique against every identifier of the user's method.</summary>
internal sealed class TensorNames
{
    private readonly HashSet<string> _used;
    private readonly Dictionary<string, int> _counters = new();
    private readonly Dictionary<string, string> _adjoints = new();

    public TensorNames(IEnumerable<string> userIdentifiers) => _used = new HashSet<string>(userIdentifiers);

    /// <summary>The next of a numbered family: t0, t1... (s0..., branch0...).</summary>
    public string Temp(string prefix)
    {
        while (true)
        {
            _counters.TryGetValue(prefix, out var n);
            _counters[prefix] = n + 1;
            var name = prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_used.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>The adjoint of a variable or temporary: <c>xBar</c>.</summary>
    public string Adjoint(string name)
    {
        if (!_adjoints.TryGetValue(name, out var adjoint))
        {
            adjoint = Fresh(name + "Bar");
            _adjoints[name] = adjoint;
        }

        return adjoint;
    }

    public string Fresh(string name)
    {
        var candidate = name;
        while (!_used.Add(candidate))
        {
            candidate += "_";
        }

        return candidate;
    }
}
