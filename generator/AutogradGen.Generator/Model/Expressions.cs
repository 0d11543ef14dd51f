using AutogradGen.Generator.Diagnostics;

namespace AutogradGen.Generator.Model;

/// <summary>An expression of the IR: scalar-valued, free of side effects, typed by <see cref="Kind"/>.</summary>
internal abstract record Expr(NumberKind Kind);

/// <summary>A constant, already spelled as C# (invariant culture, round-trip precision).</summary>
internal sealed record LiteralExpr(NumberKind Kind, string Text) : Expr(Kind);

/// <summary>The value of a scalar variable (parameter, local or generated).</summary>
internal sealed record VariableExpr(NumberKind Kind, string Name) : Expr(Kind);

/// <summary><c>array[index]</c> for an array, span or read-only span variable.</summary>
internal sealed record ElementExpr(NumberKind Kind, string Array, Expr Index) : Expr(Kind);

/// <summary><c>array.Length</c>.</summary>
internal sealed record LengthExpr(string Array) : Expr(NumberKind.Int);

internal sealed record UnaryExpr(NumberKind Kind, UnaryOperator Operator, Expr Operand) : Expr(Kind);

internal sealed record BinaryExpr(NumberKind Kind, BinaryOperator Operator, Expr Left, Expr Right) : Expr(Kind);

/// <summary>The ternary <c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record ConditionalExpr(NumberKind Kind, Expr Condition, Expr WhenTrue, Expr WhenFalse) : Expr(Kind);

/// <summary>
/// A numeric conversion to <see cref="Expr.Kind"/>. <paramref name="WarnIfActive"/> is reported when a
/// derivative-carrying value is converted to an integer (AGD0013).
/// </summary>
internal sealed record ConvertExpr(NumberKind Kind, Expr Operand, DiagnosticInfo? WarnIfActive) : Expr(Kind);

/// <summary>
/// A call of a <see cref="Rules.MathRules"/> function: <c>Math.Sin(x)</c>, <c>MathF.Pow(x, y)</c>.
/// <paramref name="Class"/> is <c>global::System.Math</c> or <c>global::System.MathF</c>. A zero-derivative
/// function (Floor, Sign, ...) carries the warning reported when its argument is active (AGD0013).
/// </summary>
internal sealed record MathCallExpr(NumberKind Kind, string Class, string Function, EquatableArray<Expr> Arguments, DiagnosticInfo? WarnIfActive)
    : Expr(Kind);

/// <summary>
/// A call of a method with a derivative: another [Differentiable] method or one with a user-supplied derivative.
/// </summary>
/// <paramref name="DroppedDerivativeWarnings"/> are reported for arguments that are active but that the callee does
/// not differentiate (AGD0016).
/// <paramref name="Site"/> numbers the call within its method, so that a <see cref="PendingCall"/> can name it.
internal sealed record CallExpr(NumberKind Kind, CallTarget Target, EquatableArray<Expr> Arguments, EquatableArray<ArgumentWarning> DroppedDerivativeWarnings, int Site)
    : Expr(Kind);

/// <summary>A warning about one argument of a call, reported only if that argument turns out active.</summary>
internal sealed record ArgumentWarning(int Argument, DiagnosticInfo Warning);

/// <summary>A span, array or local array passed whole to a call.</summary>
internal sealed record ArrayArgumentExpr(NumberKind Kind, string Array) : Expr(Kind);

/// <summary><c>Differentiation.WithoutDerivative(x)</c>: the value of x, with no derivative flowing through.</summary>
internal sealed record DetachedExpr(NumberKind Kind, Expr Operand) : Expr(Kind);

/// <summary>What a <see cref="CallExpr"/> calls and how its derivative is called.</summary>
/// <param name="ContainingType">The fully qualified callee type, <c>global::</c> prefixed.</param>
/// <param name="Name">The callee's name.</param>
/// <param name="Key">The callee's documentation id: how user-supplied derivatives name it.</param>
/// <param name="Parameters">Per parameter: type, storage and whether the callee differentiates it.</param>
/// <param name="IsDifferentiable">
/// The callee is [Differentiable]: call its generated Derivative and Pullback. Otherwise the call goes through a
/// user-supplied derivative, found by <see cref="Key"/> when the method is resolved.
/// </param>
internal sealed record CallTarget(
    string ContainingType,
    string Name,
    string Key,
    EquatableArray<CallParameter> Parameters,
    bool IsDifferentiable);

internal sealed record CallParameter(string Name, NumberKind Kind, StorageKind Storage, bool Differentiated)
{
    /// <summary>Set when this is one leaf of a struct parameter of the callee (see <see cref="StructArgument"/>).</summary>
    public StructArgument? Struct { get; init; }
}
