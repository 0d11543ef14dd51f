using System;
using System.Collections.Generic;
using System.Globalization;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Rules;

/// <summary>
/// The one table of derivative rules for <c>System.Math</c> and <c>System.MathF</c>, shared by forward mode
/// (tangent = Σ partialᵢ · tangentᵢ) and reverse mode (argᵢ adjoint += adjoint · partialᵢ). At kinks it makes
/// PyTorch's choices: abs'(0) = 0, max/min ties split the gradient half and half, sqrt'(0) = +inf, and pow's
/// exponent derivative is 0 where the base is 0 and the exponent is non-negative.
/// </summary>
internal static class MathRules
{
    private const string Ln2 = "0.69314718055994531";
    private const string Ln10 = "2.3025850929940459";

    private static readonly Dictionary<string, MathRule> s_rules = new(StringComparer.Ordinal)
    {
        ["Sin/1"] = Rule(c => c.Call("Cos", c.Arg(0))),
        ["Cos/1"] = Rule(c => "-" + c.Call("Sin", c.Arg(0))),
        ["Tan/1"] = Rule(c => $"{c.Lit("1")} + {c.Result} * {c.Result}"),
        ["Asin/1"] = Rule(c => $"{c.Lit("1")} / {c.Call("Sqrt", $"{c.Lit("1")} - {c.Arg(0)} * {c.Arg(0)}")}"),
        ["Acos/1"] = Rule(c => $"{c.Lit("-1")} / {c.Call("Sqrt", $"{c.Lit("1")} - {c.Arg(0)} * {c.Arg(0)}")}"),
        ["Atan/1"] = Rule(c => $"{c.Lit("1")} / ({c.Lit("1")} + {c.Arg(0)} * {c.Arg(0)})"),
        ["Atan2/2"] = Rule(
            c => $"{c.Arg(1)} / ({c.Arg(0)} * {c.Arg(0)} + {c.Arg(1)} * {c.Arg(1)})",
            c => $"-{c.Arg(0)} / ({c.Arg(0)} * {c.Arg(0)} + {c.Arg(1)} * {c.Arg(1)})"),
        ["Sinh/1"] = Rule(c => c.Call("Cosh", c.Arg(0))),
        ["Cosh/1"] = Rule(c => c.Call("Sinh", c.Arg(0))),
        ["Tanh/1"] = Rule(c => $"{c.Lit("1")} - {c.Result} * {c.Result}"),
        ["Exp/1"] = Rule(c => c.Result),
        ["Log/1"] = Rule(c => $"{c.Lit("1")} / {c.Arg(0)}"),
        ["Log/2"] = Rule(
            c => $"{c.Lit("1")} / ({c.Arg(0)} * {c.Call("Log", c.Arg(1))})",
            c => $"-{c.Call("Log", c.Arg(0))} / ({c.Arg(1)} * {c.Call("Log", c.Arg(1))} * {c.Call("Log", c.Arg(1))})"),
        ["Log10/1"] = Rule(c => $"{c.Lit("1")} / ({c.Arg(0)} * {c.Lit(Ln10)})"),
        ["Log2/1"] = Rule(c => $"{c.Lit("1")} / ({c.Arg(0)} * {c.Lit(Ln2)})"),
        ["Sqrt/1"] = Rule(c => $"{c.Lit("0.5")} / {c.Result}"),
        ["Cbrt/1"] = Rule(c => $"{c.Lit("1")} / ({c.Lit("3")} * {c.Result} * {c.Result})"),
        ["Pow/2"] = Rule(
            c => $"{c.Arg(1)} == {c.Lit("0")} ? {c.Lit("0")} : {c.Arg(1)} * {c.Call("Pow", c.Arg(0), $"{c.Arg(1)} - {c.Lit("1")}")}",
            c => $"{c.Arg(0)} == {c.Lit("0")} && {c.Arg(1)} >= {c.Lit("0")} ? {c.Lit("0")} : {c.Result} * {c.Call("Log", c.Arg(0))}"),
        ["Abs/1"] = Rule(c => $"{c.Arg(0)} > {c.Lit("0")} ? {c.Lit("1")} : {c.Arg(0)} < {c.Lit("0")} ? {c.Lit("-1")} : {c.Lit("0")}"),
        ["Max/2"] = Rule(
            c => $"{c.Arg(0)} > {c.Arg(1)} ? {c.Lit("1")} : {c.Arg(0)} == {c.Arg(1)} ? {c.Lit("0.5")} : {c.Lit("0")}",
            c => $"{c.Arg(1)} > {c.Arg(0)} ? {c.Lit("1")} : {c.Arg(0)} == {c.Arg(1)} ? {c.Lit("0.5")} : {c.Lit("0")}"),
        ["Min/2"] = Rule(
            c => $"{c.Arg(0)} < {c.Arg(1)} ? {c.Lit("1")} : {c.Arg(0)} == {c.Arg(1)} ? {c.Lit("0.5")} : {c.Lit("0")}",
            c => $"{c.Arg(1)} < {c.Arg(0)} ? {c.Lit("1")} : {c.Arg(0)} == {c.Arg(1)} ? {c.Lit("0.5")} : {c.Lit("0")}"),
        ["Clamp/3"] = Rule(
            c => $"{c.Arg(0)} >= {c.Arg(1)} && {c.Arg(0)} <= {c.Arg(2)} ? {c.Lit("1")} : {c.Lit("0")}",
            c => $"{c.Arg(0)} < {c.Arg(1)} ? {c.Lit("1")} : {c.Lit("0")}",
            c => $"{c.Arg(0)} > {c.Arg(2)} ? {c.Lit("1")} : {c.Lit("0")}"),
        ["FusedMultiplyAdd/3"] = Rule(c => c.Arg(1), c => c.Arg(0), c => c.Lit("1")),
        ["ScaleB/2"] = Rule(c => c.Call("ScaleB", c.Lit("1"), c.Arg(1)), null),
        // hypot: PyTorch's grad * self / result, so NaN at (0, 0) as torch.hypot's backward gives.
        ["Hypot/2"] = Rule(c => $"{c.Arg(0)} / {c.Result}", c => $"{c.Arg(1)} / {c.Result}"),
        // copysign: PyTorch's copysign_tensor_self_backward, result / self with 0 where self is 0; the sign's is zero.
        ["CopySign/2"] = Rule(c => $"{c.Arg(0)} == {c.Lit("0")} ? {c.Lit("0")} : {c.Result} / {c.Arg(0)}", null),
    };

    private static readonly HashSet<string> s_zeroDerivative = new(StringComparer.Ordinal)
    {
        "Sign", "Floor", "Ceiling", "Round", "Truncate",
    };

    /// <summary>Whether <c>Math.{name}</c> / <c>MathF.{name}</c> with this many arguments is in the table.</summary>
    public static bool IsKnown(string name, int arity) => s_rules.ContainsKey(Key(name, arity)) || s_zeroDerivative.Contains(name);

    /// <summary>Functions whose derivative is zero almost everywhere (the generator warns on active arguments).</summary>
    public static bool HasZeroDerivative(string name) => s_zeroDerivative.Contains(name);

    /// <summary>
    /// The partial derivative of <c>name(args)</c> with respect to argument <paramref name="argument"/>, as C#
    /// text over the argument and result texts (which must be simple names), or null when that argument
    /// carries no derivative (ScaleB's exponent, zero-derivative functions).
    /// </summary>
    public static string? Partial(string name, NumberKind kind, IReadOnlyList<string> arguments, string result, int argument)
    {
        if (!s_rules.TryGetValue(Key(name, arguments.Count), out var rule))
        {
            return null;
        }

        var partial = rule.Partials[argument];
        return partial?.Invoke(new RuleContext(kind, arguments, result));
    }

    /// <summary>The class a call is printed with: <c>global::System.Math</c> or <c>global::System.MathF</c>.</summary>
    public static string ClassFor(NumberKind kind) => kind == NumberKind.Float ? "global::System.MathF" : "global::System.Math";

    /// <summary>
    /// The class a call of <paramref name="function"/> is printed with: Math/MathF, but the number type itself for
    /// the functions that only it has (<c>double.Hypot</c>: Math has no Hypot).
    /// </summary>
    public static string ClassFor(string function, NumberKind kind) => function == "Hypot"
        ? (kind == NumberKind.Float ? "global::System.Single" : "global::System.Double")
        : ClassFor(kind);

    private static string Key(string name, int arity) => name + "/" + arity.ToString(CultureInfo.InvariantCulture);

    private static MathRule Rule(params Func<RuleContext, string>?[] partials) => new(partials);

    private sealed class MathRule
    {
        public MathRule(Func<RuleContext, string>?[] partials) => Partials = partials;

        public Func<RuleContext, string>?[] Partials { get; }
    }

    private sealed class RuleContext
    {
        private readonly NumberKind _kind;
        private readonly IReadOnlyList<string> _arguments;

        public RuleContext(NumberKind kind, IReadOnlyList<string> arguments, string result)
        {
            _kind = kind;
            _arguments = arguments;
            Result = result;
        }

        public string Result { get; }

        public string Arg(int index) => _arguments[index];

        public string Lit(string value) => _kind == NumberKind.Float ? value + "f" : (value.Contains(".") ? value : value + ".0");

        public string Call(string function, params string[] arguments) => ClassFor(function, _kind) + "." + function + "(" + string.Join(", ", arguments) + ")";
    }
}
