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

/// <summary>
/// A span, array or local array passed whole to a call; or, with <paramref name="Row"/>, row <c>a[i]</c> of a
/// differentiated jagged parameter, whose elements are a slice of <paramref name="Array"/> (the elements span).
/// </summary>
internal sealed record ArrayArgumentExpr(NumberKind Kind, string Array, JaggedRowArgument? Row = null) : Expr(Kind)
{
    /// <summary>
    /// Set when a differentiated 2-D or jagged parameter is handed whole to a callee that differentiates it: the
    /// parameter's name. Its value is the array, its tangent and adjoint the caller's own tangent and adjoint arrays
    /// (a parameter's adjoint only accumulates, so the callee may add to the caller's gradient directly).
    /// </summary>
    public string? WholeArray { get; init; }
}

/// <summary>
/// Row <see cref="Index"/> of the jagged parameter <see cref="Jagged"/> handed to a call: its value is the row itself
/// (<c>a[i]</c>), its tangent and adjoint the slice of the elements' at <c>a_jagged.RowStart(i)</c>, <c>a_jagged.RowLength(i)</c> long.
/// </summary>
internal sealed record JaggedRowArgument(string Jagged, string Layout, Expr Index);

/// <summary><c>Differentiation.WithoutDerivative(x)</c>: the value of x, with no derivative flowing through.</summary>
internal sealed record DetachedExpr(NumberKind Kind, Expr Operand) : Expr(Kind);

/// <summary>
/// A value that carries no derivative, read as the original reads it: a field, a property, a constant that is not
/// a number, an element of a <c>static readonly</c> table, of a pass-through parameter (<c>data[i][j]</c>,
/// <c>list[i]</c>, <c>table[i, j]</c>), <c>list.Count</c>, <c>this.scale</c>, arithmetic on <c>long</c>s or enums.
/// Its C# text is <paramref name="Parts"/> with the <paramref name="Holes"/> in between (Parts has one more item than
/// Holes): the holes are the IR expressions it reads (indices, loop counters), so that renaming, recording and
/// restoring work on them as on any other read; the text around them names only types, members and
/// pass-through parameters, fully qualified. Its kind is its type when that is a scalar of the IR;
/// otherwise <paramref name="OtherType"/> is its C# type, and it can only be an argument or a receiver.
/// <paramref name="IsComparison"/>: the text is an unparenthesised <c>a == b</c> (a switch label on a string), which
/// printers parenthesise where an operand binds tighter; otherwise it is built as one operand.
/// </summary>
internal sealed record PassThroughExpr(NumberKind Kind, EquatableArray<string> Parts, EquatableArray<Expr> Holes, string? OtherType = null, bool IsComparison = false) : Expr(Kind)
{
    /// <summary>The text with the holes printed by <paramref name="hole"/>, each parenthesised unless it is one token.</summary>
    public string Print(System.Func<Expr, string> hole)
    {
        var text = new System.Text.StringBuilder(Parts[0]);
        for (var i = 0; i < Holes.Count; i++)
        {
            var printed = hole(Holes[i]);
            text.Append(IsAtomic(printed) ? printed : "(" + printed + ")").Append(Parts[i + 1]);
        }

        return text.ToString();
    }

    private static bool IsAtomic(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What a <see cref="CallExpr"/> calls and how its derivative is called.</summary>
/// <param name="ContainingType">The fully qualified callee type, <c>global::</c> prefixed.</param>
/// <param name="Name">The callee's name.</param>
/// <param name="Key">The callee's documentation id: how user-supplied derivatives name it.</param>
/// <param name="Parameters">Per parameter: type, storage and whether the callee differentiates it.</param>
/// <param name="IsDifferentiable">
/// The callee is [Differentiable]: call its generated Derivative and Pullback. Otherwise the call goes through a
/// user-supplied derivative, found by <see cref="Key"/> when the method is resolved.
/// </param>
/// <param name="Receiver">
/// For an instance callee, the object it is called on as C# text (<c>this</c>, <c>this.model</c>, <c>model</c>):
/// read again by each generated call, so it reads no local the body assigns.
/// </param>
/// <param name="TwinName">For a [Differentiable] callee, the name of its tape twin (<see cref="Parsing.TwinNames"/>).</param>
internal sealed record CallTarget(
    string ContainingType,
    string Name,
    string Key,
    EquatableArray<CallParameter> Parameters,
    bool IsDifferentiable,
    string? Receiver = null,
    string? TwinName = null)
{
    /// <summary>What precedes <c>.Name</c> at a call: the receiver of an instance callee, else its type.</summary>
    public string Qualifier => Receiver ?? ContainingType;

    /// <summary>
    /// A nested-derivative helper of a SecondOrder callee (<c>FNestedValue</c>, <c>FNestedSlope</c>,
    /// <c>FNestedComponent</c>: Parsing/BodyParser.NestedCalls.cs): it has Derivative and Pullback members, and on the
    /// tape it is the callee's twin (<see cref="TwinName"/>, a tensor for every double parameter) under
    /// <c>NestedTape</c>'s createGraph gradient.
    /// </summary>
    public bool IsNested { get; init; }

    /// <summary>For a nested helper: the positions among the callee's parameters of those its gradient covers.</summary>
    public EquatableArray<int> NestedDifferentiated { get; init; } = EquatableArray<int>.Empty;
}

/// <summary>One parameter of a callee. <paramref name="IsPassThrough"/>: of a type the IR does not compute with, its argument a <see cref="PassThroughExpr"/>.</summary>
internal sealed record CallParameter(string Name, NumberKind Kind, StorageKind Storage, bool Differentiated, bool IsPassThrough = false)
{
    /// <summary>Set when this is one leaf of a struct parameter of the callee (see <see cref="StructArgument"/>).</summary>
    public StructArgument? Struct { get; init; }

    /// <summary>
    /// Set when the callee differentiates this 2-D or jagged array parameter but the argument carries no derivative
    /// (the caller's data): its tangent and adjoint arguments are <c>null</c> (no tangent, no gradient wanted), and the
    /// twin gets constant tensors.
    /// </summary>
    public ArrayWithoutDerivative? WithoutDerivative { get; init; }

    /// <summary>A differentiated 2-D or jagged array parameter of the callee, handed a differentiated array of the caller whole (see <see cref="ArrayArgumentExpr.WholeArray"/>).</summary>
    public bool WholeArray { get; init; }
}

/// <summary>A 2-D (<c>double[,]</c>) or jagged (<c>double[][]</c>) array of <paramref name="Kind"/> handed to a differentiated parameter with no derivative.</summary>
internal sealed record ArrayWithoutDerivative(bool Jagged, NumberKind Kind);
