using System.ComponentModel;

namespace AutogradGen.CompilerServices;

/// <summary>
/// Four tangents carried side by side through one forward sweep (vector-mode forward differentiation): the generated
/// Jacobian of a vector-valued method computes four of its columns per sweep with it. Only the operations a tangent
/// takes part in exist: sums and differences of tangents, negation, and scaling by a number (the local partial).
/// </summary>
/// <remarks>Public only because generated code in the user's assembly uses it; hidden from IntelliSense.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct Tangents4
{
    /// <summary>The tangents of lanes 0 to 3.</summary>
    public double E0, E1, E2, E3;

    /// <summary>The unit tangent of one lane: 1 in <paramref name="lane"/>, 0 in the others.</summary>
    public static Tangents4 Unit(int lane) => lane switch
    {
        0 => new Tangents4 { E0 = 1 },
        1 => new Tangents4 { E1 = 1 },
        2 => new Tangents4 { E2 = 1 },
        3 => new Tangents4 { E3 = 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(lane), lane, "A lane is 0 to 3."),
    };

    /// <summary>The tangent of one lane.</summary>
    public readonly double this[int lane] => lane switch
    {
        0 => E0,
        1 => E1,
        2 => E2,
        3 => E3,
        _ => throw new ArgumentOutOfRangeException(nameof(lane), lane, "A lane is 0 to 3."),
    };

    /// <summary>Lane-wise sum.</summary>
    public static Tangents4 operator +(Tangents4 a, Tangents4 b) => new() { E0 = a.E0 + b.E0, E1 = a.E1 + b.E1, E2 = a.E2 + b.E2, E3 = a.E3 + b.E3 };

    /// <summary>Lane-wise difference.</summary>
    public static Tangents4 operator -(Tangents4 a, Tangents4 b) => new() { E0 = a.E0 - b.E0, E1 = a.E1 - b.E1, E2 = a.E2 - b.E2, E3 = a.E3 - b.E3 };

    /// <summary>Lane-wise negation.</summary>
    public static Tangents4 operator -(Tangents4 a) => new() { E0 = -a.E0, E1 = -a.E1, E2 = -a.E2, E3 = -a.E3 };

    /// <summary>Every lane scaled by a partial.</summary>
    public static Tangents4 operator *(Tangents4 a, double s) => new() { E0 = a.E0 * s, E1 = a.E1 * s, E2 = a.E2 * s, E3 = a.E3 * s };

    /// <summary>Every lane scaled by a partial.</summary>
    public static Tangents4 operator *(double s, Tangents4 a) => new() { E0 = s * a.E0, E1 = s * a.E1, E2 = s * a.E2, E3 = s * a.E3 };

    /// <summary>Every lane divided by a number.</summary>
    public static Tangents4 operator /(Tangents4 a, double s) => new() { E0 = a.E0 / s, E1 = a.E1 / s, E2 = a.E2 / s, E3 = a.E3 / s };
}
