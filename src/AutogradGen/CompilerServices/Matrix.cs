using System.ComponentModel;
using System.Runtime.InteropServices;

namespace AutogradGen.CompilerServices;

/// <summary>
/// The elements of a 2-D array as one span, row after row, so that generated code differentiates a
/// <c>double[,]</c> parameter as it does a span (<c>w[i, j]</c> is element <c>i * w.GetLength(1) + j</c>).
/// Public only because generated code calls it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Matrix
{
    /// <summary>Every element of <paramref name="matrix"/> in row-major order (the CLR's layout of a 2-D array).</summary>
    public static Span<T> Elements<T>(T[,] matrix) =>
        matrix.Length == 0 ? default : MemoryMarshal.CreateSpan(ref matrix[0, 0], matrix.Length);

    /// <summary>
    /// Rejects a tangent or gradient (<paramref name="what"/>) whose shape differs from its parameter's: the flat
    /// elements of arrays of different shapes do not line up, and a length check alone would not see 2×3 against 3×2.
    /// </summary>
    public static void RequireSameShape<T>(T[,] parameter, T[,] derivative, string parameterName, string derivativeName, string what)
    {
        ArgumentNullException.ThrowIfNull(derivative, derivativeName);
        if (derivative.GetLength(0) != parameter.GetLength(0) || derivative.GetLength(1) != parameter.GetLength(1))
        {
            throw new ArgumentException(
                $"The {what} must have the same shape as '{parameterName}' ({parameter.GetLength(0)}×{parameter.GetLength(1)}), but is {derivative.GetLength(0)}×{derivative.GetLength(1)}.",
                derivativeName);
        }
    }
}
