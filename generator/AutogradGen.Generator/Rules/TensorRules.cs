using System.Collections.Generic;

namespace AutogradGen.Generator.Rules;

/// <summary>What an operand position of a tensor rule holds.</summary>
internal enum OperandKind
{
    /// <summary>A tensor, or a number where the operator takes one (<c>x * 2</c>); receives a gradient when it is a tensor.</summary>
    Value,

    /// <summary>A non-tensor argument the backward rule reads (a dim, a flag, an exponent): captured in the forward sweep unless constant.</summary>
    Argument,

    /// <summary>A non-tensor argument only the forward sweep reads (a shape): never captured.</summary>
    ForwardOnly,
}

/// <summary>One tensor operation: how to compute it, and the gradient of each operand.</summary>
/// <param name="Forward">C# over the operands <c>{0}</c>, <c>{1}</c>, ...</param>
/// <param name="Operands">The kind of each operand position.</param>
/// <param name="Backward">
/// Per operand, the gradient it receives as C# over the incoming gradient <c>{g}</c>, the result <c>{r}</c> and
/// the operands; null where no gradient flows. <c>TG.</c> stands for the runtime's TensorGradients.
/// </param>
internal sealed record TensorRule(string Forward, OperandKind[] Operands, string?[] Backward);

/// <summary>
/// The backward rule of every tensor operation the generator differentiates, written once: the tensor emitter
/// reads this table for both the forward and the reverse sweep. Each rule is the formula of the tape's node for
/// the same operation (the runtime's CompilerServices.TensorGradients holds the longer ones), so generated and
/// recorded gradients agree; gradients of broadcast operands are summed back to the operand's shape.
/// </summary>
internal static class TensorRules
{
    private const OperandKind V = OperandKind.Value;
    private const OperandKind A = OperandKind.Argument;
    private const OperandKind F = OperandKind.ForwardOnly;
    private const string Functional = "global::AutogradGen.Functional.";

    public static readonly IReadOnlyDictionary<string, TensorRule> ByOp = new Dictionary<string, TensorRule>
    {
        // Arithmetic with broadcasting; either operand may be a number.
        ["Add"] = new("{0} + {1}", [V, V], ["TG.SumTo({g}, {0})", "TG.SumTo({g}, {1})"]),
        ["Sub"] = new("{0} - {1}", [V, V], ["TG.SumTo({g}, {0})", "TG.SumTo(-{g}, {1})"]),
        ["Mul"] = new("{0} * {1}", [V, V], ["TG.SumTo({g} * {1}, {0})", "TG.SumTo({g} * {0}, {1})"]),
        ["Div"] = new("{0} / {1}", [V, V], ["TG.SumTo({g} / {1}, {0})", "TG.SumTo(-{g} * {0} / ({1} * {1}), {1})"]),
        ["Neg"] = new("-{0}", [V], ["-{g}"]),
        ["Reciprocal"] = new("{0}.Reciprocal()", [V], ["-{g} * {r} * {r}"]),
        ["Pow"] = new("{0}.Pow({1})", [V, A], ["TG.Pow({g}, {0}, {1})", null]),

        ["Maximum"] = new("{0}.Maximum({1})", [V, V], ["TG.MaximumLeft({g}, {0}, {1})", "TG.MaximumRight({g}, {0}, {1})"]),
        ["Minimum"] = new("{0}.Minimum({1})", [V, V], ["TG.MinimumLeft({g}, {0}, {1})", "TG.MinimumRight({g}, {0}, {1})"]),
        ["Where"] = new("global::AutogradGen.Tensor.Where({0}, {1}, {2})", [V, V, V], [null, "TG.Where({g}, {0}, {1}, true)", "TG.Where({g}, {0}, {2}, false)"]),

        // Element-wise functions.
        ["Exp"] = new("{0}.Exp()", [V], ["{g} * {r}"]),
        ["Log"] = new("{0}.Log()", [V], ["{g} / {0}"]),
        ["Sqrt"] = new("{0}.Sqrt()", [V], ["{g} / ({r} * 2)"]),
        ["Abs"] = new("{0}.Abs()", [V], ["{g} * {0}.Sign()"]),
        ["Sin"] = new("{0}.Sin()", [V], ["{g} * {0}.Cos()"]),
        ["Cos"] = new("{0}.Cos()", [V], ["{g} * -{0}.Sin()"]),
        ["Tanh"] = new("{0}.Tanh()", [V], ["{g} * (1 - ({r} * {r}))"]),
        ["Sigmoid"] = new("{0}.Sigmoid()", [V], ["{g} * {r} * (1 - {r})"]),
        ["Relu"] = new("{0}.Relu()", [V], ["TG.Relu({g}, {r})"]),
        ["Clamp"] = new("{0}.Clamp({1}, {2})", [V, A, A], ["TG.Clamp({g}, {0}, {1}, {2})", null, null]),
        ["Softplus"] = new("{0}.Softplus({1}, {2})", [V, A, A], ["TG.Softplus({g}, {0}, {1}, {2})", null, null]),

        // Reductions.
        ["SumAll"] = new("{0}.Sum()", [V], ["TG.Sum({g}, {0})"]),
        ["SumDim"] = new("{0}.Sum({1}, {2})", [V, A, A], ["TG.Sum({g}, {0}, {1}, {2})", null, null]),
        ["MeanAll"] = new("{0}.Mean()", [V], ["TG.Mean({g}, {0})"]),
        ["MeanDim"] = new("{0}.Mean({1}, {2})", [V, A, A], ["TG.Mean({g}, {0}, {1}, {2})", null, null]),
        ["MaxAll"] = new("{0}.Max()", [V], ["TG.Extremum({g}, {0}, {r})"]),
        ["MinAll"] = new("{0}.Min()", [V], ["TG.Extremum({g}, {0}, {r})"]),
        ["MaxDim"] = new("{0}.Max({1}, {2}).Values", [V, A, A], ["TG.Max({g}, {0}, {1}, {2})", null, null]),
        ["MinDim"] = new("{0}.Min({1}, {2}).Values", [V, A, A], ["TG.Min({g}, {0}, {1}, {2})", null, null]),

        // Matrix products, through the runtime's kernels as the tape's.
        ["MatMul"] = new("{0}.MatMul({1})", [V, V], ["TG.MatMulLeft({g}, {0}, {1})", "TG.MatMulRight({g}, {0}, {1})"]),

        // Shapes.
        ["T"] = new("{0}.T()", [V], ["{g}.T()"]),
        ["Transpose"] = new("{0}.Transpose({1}, {2})", [V, A, A], ["{g}.Transpose({1}, {2})", null, null]),
        ["Reshape"] = new("{0}.Reshape({1})", [V, F], ["{g}.Reshape({0}.Shape)", null]),
        ["View"] = new("{0}.View({1})", [V, F], ["{g}.Reshape({0}.Shape)", null]),
        ["Flatten"] = new("{0}.Flatten({1}, {2})", [V, F, F], ["{g}.Reshape({0}.Shape)", null, null]),
        ["Squeeze"] = new("{0}.Squeeze()", [V], ["{g}.Reshape({0}.Shape)"]),
        ["SqueezeDim"] = new("{0}.Squeeze({1})", [V, F], ["{g}.Reshape({0}.Shape)", null]),
        ["Unsqueeze"] = new("{0}.Unsqueeze({1})", [V, F], ["{g}.Reshape({0}.Shape)", null]),

        // Softmax family and losses.
        ["Softmax"] = new(Functional + "Softmax({0}, {1})", [V, A], ["TG.Softmax({g}, {r}, {1})", null]),
        ["LogSoftmax"] = new(Functional + "LogSoftmax({0}, {1})", [V, A], ["TG.LogSoftmax({g}, {r}, {1})", null]),
        ["BinaryCrossEntropyWithLogits"] = new(
            Functional + "BinaryCrossEntropyWithLogits({0}, {1}, reduction: {2})", [V, V, A],
            ["TG.BinaryCrossEntropyWithLogitsInput({g}, {0}, {1}, {2})", "TG.BinaryCrossEntropyWithLogitsTarget({g}, {0}, {2})", null]),
        ["MseLoss"] = new(
            Functional + "MseLoss({0}, {1}, {2})", [V, V, A],
            ["TG.MseLossInput({g}, {0}, {1}, {2})", "TG.MseLossTarget({g}, {0}, {1}, {2})", null]),
        ["CrossEntropy"] = new(
            Functional + "CrossEntropy({0}, {1}, reduction: {2}, ignoreIndex: {3})", [V, V, A, A],
            ["TG.CrossEntropyInput({g}, {0}, {1}, {2}, {3})", null, null, null]),

        // No derivative on purpose: comparisons are Bool, Detach stops it, a tensor built from numbers has none.
        ["Gt"] = new("{0}.Gt({1})", [V, V], [null, null]),
        ["Ge"] = new("{0}.Ge({1})", [V, V], [null, null]),
        ["Lt"] = new("{0}.Lt({1})", [V, V], [null, null]),
        ["Le"] = new("{0}.Le({1})", [V, V], [null, null]),
        ["Eq"] = new("{0}.Eq({1})", [V, V], [null, null]),
        ["Ne"] = new("{0}.Ne({1})", [V, V], [null, null]),
        ["Detach"] = new("{0}.Detach()", [V], [null]),
        ["Constant"] = new("{0}", [F], [null]),
    };

    /// <summary>The runtime class that <c>TG.</c> in the rules stands for.</summary>
    public const string GradientsClass = "global::AutogradGen.CompilerServices.TensorGradients.";
}
