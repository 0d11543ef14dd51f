using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AutogradGen.CompilerServices;

/// <summary>
/// Lane helpers of vector mode: generated Jacobians carry four tangents (forward, four columns per sweep) or four
/// cotangents (reverse, four rows per sweep) side by side in one <see cref="Vector256{T}"/>, whose operators the JIT
/// expands to single SIMD instructions wherever they appear. These are the few operations on lanes they need.
/// </summary>
/// <remarks>Public only because generated code in the user's assembly uses it; hidden from IntelliSense.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Tangents4
{
    /// <summary>The unit tangent of one lane: 1 in <paramref name="lane"/>, 0 in the others.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Unit(int lane) => (uint)lane < 4
        ? Vector256<double>.Zero.WithElement(lane, 1.0)
        : throw new ArgumentOutOfRangeException(nameof(lane), lane, "A lane is 0 to 3.");

    /// <summary>
    /// Writes lanes 0 to <paramref name="lanes"/> − 1 of <paramref name="tangents"/> to
    /// <paramref name="destination"/>[<paramref name="start"/> + lane × <paramref name="stride"/>]: one element of
    /// several rows (or columns) of a row-major Jacobian.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyLanesTo(Vector256<double> tangents, Span<double> destination, int start, int stride, int lanes)
    {
        destination[start] = tangents.GetElement(0);
        if (lanes > 1)
        {
            destination[start + stride] = tangents.GetElement(1);
            if (lanes > 2)
            {
                destination[start + 2 * stride] = tangents.GetElement(2);
                if (lanes > 3)
                {
                    destination[start + 3 * stride] = tangents.GetElement(3);
                }
            }
        }
    }
}
