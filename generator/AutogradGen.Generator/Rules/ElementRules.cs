using System.Collections.Generic;

namespace AutogradGen.Generator.Rules;

/// <summary>
/// One element-wise operation as scalar generic math over <c>T : IFloatingPointIeee754&lt;T&gt;</c>: the element's
/// value over its operands <c>{0}</c>, <c>{1}</c>, and the gradient each operand receives over <c>{g}</c> (the
/// element's incoming gradient) and <c>{r}</c> (its value). The same derivatives as <see cref="TensorRules"/>, one
/// element at a time.
/// </summary>
internal sealed record ElementRule(string Forward, string[] Backward);

/// <summary>
/// The element-wise operations a chain of which is fused into one loop forward and one loop backward
/// (<c>Emit/TensorEmitter.Fusion.cs</c>). Kinks as PyTorch: abs'(0) = 0, relu'(0) = 0.
/// </summary>
/// <remarks>
/// Only cheap operations fuse. Exp, Log, Sqrt, Sin, Cos, Tanh, Sigmoid and Pow stay whole-tensor operations: the
/// runtime computes them with vectorised TensorPrimitives, several times faster than the scalar generic math a fused
/// loop would use (measured: a fused chain with tanh and sigmoid took twice the tape's time; without them in the
/// chain it matches or beats it), and their results are what their backward rules read anyway.
/// </remarks>
internal static class ElementRules
{
    public static readonly IReadOnlyDictionary<string, ElementRule> ByOp = new Dictionary<string, ElementRule>
    {
        ["Add"] = new("{0} + {1}", ["{g}", "{g}"]),
        ["Sub"] = new("{0} - {1}", ["{g}", "-{g}"]),
        ["Mul"] = new("{0} * {1}", ["{g} * {1}", "{g} * {0}"]),
        ["Div"] = new("{0} / {1}", ["{g} / {1}", "-{g} * {0} / ({1} * {1})"]),
        ["Neg"] = new("-{0}", ["-{g}"]),
        ["Reciprocal"] = new("T.One / {0}", ["-{g} * {r} * {r}"]),
        ["Abs"] = new("T.Abs({0})", ["({0} > T.Zero ? {g} : {0} < T.Zero ? -{g} : T.Zero)"]),
        ["Relu"] = new("({0} > T.Zero ? {0} : T.Zero)", ["({r} > T.Zero ? {g} : T.Zero)"]),
    };
}
