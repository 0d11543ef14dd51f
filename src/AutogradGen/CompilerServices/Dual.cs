using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace AutogradGen.CompilerServices;

/// <summary>
/// A dual number: a value and one tangent (its derivative along a direction). Generated second-order code runs a
/// method's reverse sweep with every floating value a <see cref="Dual"/>, so the gradient it computes carries its own
/// directional derivative: the Hessian-vector product (forward over reverse).
/// </summary>
/// <remarks>
/// Public only because generated code in the user's assembly uses it; hidden from IntelliSense. Comparisons and
/// conversions to integers read the value only, as a branch or an index of the original does.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Dual : IEquatable<Dual>
{
    /// <summary>A value and its tangent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual(double value, double tangent)
    {
        Value = value;
        Tangent = tangent;
    }

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <summary>The derivative of the value along the direction being carried.</summary>
    public double Tangent { get; }

    /// <summary>A constant: its tangent is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator Dual(double value) => new(value, 0.0);

    /// <summary>The value of a forward-mode derivative's result, <c>(Value, Derivative)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Of((double Value, double Derivative) forward) => new(forward.Value, forward.Derivative);

    /// <summary>The value, as a cast to <c>double</c> in the original reads it (no tangent goes through).</summary>
    public static explicit operator double(Dual x) => x.Value;

    /// <summary>The value truncated, as <c>(int)x</c> in the original.</summary>
    public static explicit operator int(Dual x) => (int)x.Value;

    /// <summary>The value truncated, as <c>(long)x</c> in the original.</summary>
    public static explicit operator long(Dual x) => (long)x.Value;

    /// <summary>The value narrowed, as <c>(float)x</c> in the original.</summary>
    public static explicit operator float(Dual x) => (float)x.Value;

#pragma warning disable CS1591 // The operators are the arithmetic of dual numbers: each says what it is.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator +(Dual x) => x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator -(Dual x) => new(-x.Value, -x.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator +(Dual x, Dual y) => new(x.Value + y.Value, x.Tangent + y.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator +(Dual x, double y) => new(x.Value + y, x.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator +(double x, Dual y) => new(x + y.Value, y.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator -(Dual x, Dual y) => new(x.Value - y.Value, x.Tangent - y.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator -(Dual x, double y) => new(x.Value - y, x.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator -(double x, Dual y) => new(x - y.Value, -y.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator *(Dual x, Dual y) => new(x.Value * y.Value, x.Tangent * y.Value + x.Value * y.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator *(Dual x, double y) => new(x.Value * y, x.Tangent * y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator *(double x, Dual y) => new(x * y.Value, x * y.Tangent);

    // (x/y)' = (x' - (x/y)·y') / y: the quotient is computed once and reused, as the first-order rule reuses it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator /(Dual x, Dual y)
    {
        var quotient = x.Value / y.Value;
        return new(quotient, (x.Tangent - quotient * y.Tangent) / y.Value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator /(Dual x, double y) => new(x.Value / y, x.Tangent / y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator /(double x, Dual y)
    {
        var quotient = x / y.Value;
        return new(quotient, -quotient * y.Tangent / y.Value);
    }

    // The remainder is x - trunc(x/y)·y, whose derivative is x' - trunc(x/y)·y' where it is smooth.
    public static Dual operator %(Dual x, Dual y) => new(x.Value % y.Value, x.Tangent - Math.Truncate(x.Value / y.Value) * y.Tangent);

    public static bool operator <(Dual x, Dual y) => x.Value < y.Value;

    public static bool operator >(Dual x, Dual y) => x.Value > y.Value;

    public static bool operator <=(Dual x, Dual y) => x.Value <= y.Value;

    public static bool operator >=(Dual x, Dual y) => x.Value >= y.Value;

    public static bool operator ==(Dual x, Dual y) => x.Value == y.Value;

    public static bool operator !=(Dual x, Dual y) => x.Value != y.Value;
#pragma warning restore CS1591

    /// <summary>Equal values (the tangent is not compared, as <c>==</c> in the original compares numbers).</summary>
    public bool Equals(Dual other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Dual other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Value} + {Tangent}ε");
}
