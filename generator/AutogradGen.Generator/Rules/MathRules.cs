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
    private const string Pi = "3.1415926535897931";
    private const string PiOver180 = "0.017453292519943295";
    private const string D180OverPi = "57.295779513082323";

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

        // Inverse hyperbolic functions, as derivatives.yaml: asinh (x² + 1)^-1/2, acosh (x² − 1)^-1/2 (+∞ at 1, NaN
        // below), atanh 1 / (1 − x²) (±∞ at ±1). Acosh's x² − 1 is written (x − 1)(x + 1), exact near 1.
        ["Asinh/1"] = Rule(c => $"{c.Lit("1")} / {c.Call("Sqrt", $"{c.Arg(0)} * {c.Arg(0)} + {c.Lit("1")}")}"),
        ["Acosh/1"] = Rule(c => $"{c.Lit("1")} / {c.Call("Sqrt", $"({c.Arg(0)} - {c.Lit("1")}) * ({c.Arg(0)} + {c.Lit("1")})")}"),
        ["Atanh/1"] = Rule(c => $"{c.Lit("1")} / ({c.Lit("1")} - {c.Arg(0)} * {c.Arg(0)})"),

        // Exponentials and logarithms of the number types: exp2's result · ln 2 and expm1's result + 1 are
        // derivatives.yaml's; exp10 and the ...M1 forms follow, and LogP1 is log1p's 1 / (x + 1) (−1 gives +∞).
        ["Exp2/1"] = Rule(c => $"{c.Result} * {c.Lit(Ln2)}"),
        ["Exp10/1"] = Rule(c => $"{c.Result} * {c.Lit(Ln10)}"),
        ["ExpM1/1"] = Rule(c => $"{c.Result} + {c.Lit("1")}"),
        ["Exp2M1/1"] = Rule(c => $"({c.Result} + {c.Lit("1")}) * {c.Lit(Ln2)}"),
        ["Exp10M1/1"] = Rule(c => $"({c.Result} + {c.Lit("1")}) * {c.Lit(Ln10)}"),
        ["LogP1/1"] = Rule(c => $"{c.Lit("1")} / ({c.Arg(0)} + {c.Lit("1")})"),
        ["Log2P1/1"] = Rule(c => $"{c.Lit("1")} / (({c.Arg(0)} + {c.Lit("1")}) * {c.Lit(Ln2)})"),
        ["Log10P1/1"] = Rule(c => $"{c.Lit("1")} / (({c.Arg(0)} + {c.Lit("1")}) * {c.Lit(Ln10)})"),

        // The ...Pi forms are the functions of π·x (or whose result is divided by π): the chain rule's factor π.
        ["SinPi/1"] = Rule(c => $"{c.Lit(Pi)} * {c.Call("CosPi", c.Arg(0))}"),
        ["CosPi/1"] = Rule(c => $"-{c.Lit(Pi)} * {c.Call("SinPi", c.Arg(0))}"),
        ["TanPi/1"] = Rule(c => $"{c.Lit(Pi)} * ({c.Lit("1")} + {c.Result} * {c.Result})"),
        ["AsinPi/1"] = Rule(c => $"{c.Lit("1")} / ({c.Lit(Pi)} * {c.Call("Sqrt", $"{c.Lit("1")} - {c.Arg(0)} * {c.Arg(0)}")})"),
        ["AcosPi/1"] = Rule(c => $"{c.Lit("-1")} / ({c.Lit(Pi)} * {c.Call("Sqrt", $"{c.Lit("1")} - {c.Arg(0)} * {c.Arg(0)}")})"),
        ["AtanPi/1"] = Rule(c => $"{c.Lit("1")} / ({c.Lit(Pi)} * ({c.Lit("1")} + {c.Arg(0)} * {c.Arg(0)}))"),
        ["Atan2Pi/2"] = Rule(
            c => $"{c.Arg(1)} / ({c.Lit(Pi)} * ({c.Arg(0)} * {c.Arg(0)} + {c.Arg(1)} * {c.Arg(1)}))",
            c => $"-{c.Arg(0)} / ({c.Lit(Pi)} * ({c.Arg(0)} * {c.Arg(0)} + {c.Arg(1)} * {c.Arg(1)}))"),
        ["DegreesToRadians/1"] = Rule(c => c.Lit(PiOver180)),
        ["RadiansToDegrees/1"] = Rule(c => c.Lit(D180OverPi)),

        // RootN(x, n), the real n-th root: 1 / (n · result^(n−1)), so +∞ at 0 as Sqrt and Cbrt; n carries none.
        ["RootN/2"] = Rule(c => $"{c.Lit("1")} / ({c.Arg(1)} * {c.Call("Pow", c.Result, $"{c.Arg(1)} - 1")})", null),

        // Lerp(a, b, t) = a·(1 − t) + b·t: torch.lerp's partials (LerpBackward1 with a tensor weight).
        ["Lerp/3"] = Rule(c => $"{c.Lit("1")} - {c.Arg(2)}", c => c.Arg(2), c => $"{c.Arg(1)} - {c.Arg(0)}"),

        // MaxNumber/MinNumber are torch.fmax/fmin (IEEE maxNum: a NaN loses to a number): the gradient goes to x
        // when x wins or ties or y is NaN, else to y, as derivatives.yaml's fmax/fmin (no half split at ties).
        ["MaxNumber/2"] = Rule(
            c => $"{c.Arg(0)} >= {c.Arg(1)} || {c.IsNaN(c.Arg(1))} ? {c.Lit("1")} : {c.Lit("0")}",
            c => $"{c.Arg(0)} >= {c.Arg(1)} || {c.IsNaN(c.Arg(1))} ? {c.Lit("0")} : {c.Lit("1")}"),
        ["MinNumber/2"] = Rule(
            c => $"{c.Arg(0)} <= {c.Arg(1)} || {c.IsNaN(c.Arg(1))} ? {c.Lit("1")} : {c.Lit("0")}",
            c => $"{c.Arg(0)} <= {c.Arg(1)} || {c.IsNaN(c.Arg(1))} ? {c.Lit("0")} : {c.Lit("1")}"),

        // The magnitude forms return one of their arguments: it gets the gradient; equal arguments split it half
        // and half as Max's ties (PyTorch has no such function). x = −y returns the positive one (Max) or the
        // negative one (Min), and that one gets it all.
        ["MaxMagnitude/2"] = ReturnedArgument(),
        ["MinMagnitude/2"] = ReturnedArgument(),
        ["MaxMagnitudeNumber/2"] = ReturnedArgument(),
        ["MinMagnitudeNumber/2"] = ReturnedArgument(),

        // IEEE remainder x − y·n, n = x / y rounded to even: 1 in x, −n in y (piecewise, as % is).
        ["IEEERemainder/2"] = Rule(c => c.Lit("1"), c => $"-{c.Call("Round", $"{c.Arg(0)} / {c.Arg(1)}")}"),
        ["Ieee754Remainder/2"] = Rule(c => c.Lit("1"), c => $"-{c.Call("Round", $"{c.Arg(0)} / {c.Arg(1)}")}"),
    };

    /// <summary>
    /// The functions only <c>double</c> and <c>float</c> have (Math has no <c>Hypot</c>, <c>SinPi</c>, ...): calls are
    /// printed on the number type, and second order maps them to DualMath as it maps Math.
    /// </summary>
    private static readonly HashSet<string> s_onNumberType = new(StringComparer.Ordinal)
    {
        "Hypot", "Exp2", "Exp10", "ExpM1", "Exp2M1", "Exp10M1", "LogP1", "Log2P1", "Log10P1",
        "SinPi", "CosPi", "TanPi", "AsinPi", "AcosPi", "AtanPi", "Atan2Pi", "DegreesToRadians", "RadiansToDegrees",
        "RootN", "Lerp", "MaxNumber", "MinNumber", "MaxMagnitudeNumber", "MinMagnitudeNumber", "Ieee754Remainder", "IsNaN",
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
    public static string ClassFor(string function, NumberKind kind) => IsOnNumberType(function)
        ? (kind == NumberKind.Float ? "global::System.Single" : "global::System.Double")
        : ClassFor(kind);

    /// <summary>
    /// Why ReciprocalEstimate and ReciprocalSqrtEstimate get no rule, and what to write instead (null for other
    /// functions): their result is the processor's approximation, so no derivative is the derivative of what they
    /// return on every machine.
    /// </summary>
    public static string? EstimateAdvice(string function, string one, string sqrt) => function switch
    {
        "ReciprocalEstimate" => $"it returns the processor's approximation of 1 / x, which differs between machines, so no derivative rule matches it; write {one} / x, whose derivative is exact",
        "ReciprocalSqrtEstimate" => $"it returns the processor's approximation of 1 / sqrt(x), which differs between machines, so no derivative rule matches it; write {one} / {sqrt}(x), whose derivative is exact",
        _ => null,
    };

    /// <summary>Whether <paramref name="function"/> is printed on the number type (<c>double.SinPi</c>) rather than on Math.</summary>
    public static bool IsOnNumberType(string function) => s_onNumberType.Contains(function);

    private static string Key(string name, int arity) => name + "/" + arity.ToString(CultureInfo.InvariantCulture);

    private static MathRule Rule(params Func<RuleContext, string>?[] partials) => new(partials);

    private static MathRule ReturnedArgument() => Rule(
        c => $"{c.Arg(0)} == {c.Arg(1)} ? {c.Lit("0.5")} : {c.Result} == {c.Arg(0)} ? {c.Lit("1")} : {c.Lit("0")}",
        c => $"{c.Arg(0)} == {c.Arg(1)} ? {c.Lit("0.5")} : {c.Result} == {c.Arg(1)} ? {c.Lit("1")} : {c.Lit("0")}");

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

        public string IsNaN(string argument) => Call("IsNaN", argument);

        public string Call(string function, params string[] arguments) => ClassFor(function, _kind) + "." + function + "(" + string.Join(", ", arguments) + ")";
    }
}
