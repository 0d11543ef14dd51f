using System.ComponentModel;

namespace AutogradGen.CompilerServices;

/// <summary>
/// Read-only spans of zeros: the tangent generated forward-mode code passes for an argument that does not
/// depend on the differentiated parameters when it calls another method's generated derivative.
/// </summary>
/// <remarks>
/// Public only because generated code in the user's assembly calls it; hidden from IntelliSense. The backing
/// array only grows (a one-time allocation per size class) and is never written, so it is safe to share
/// between threads.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Zeros<T>
    where T : unmanaged
{
    private static T[] s_zeros = new T[64];

    /// <summary>A span of <paramref name="length"/> zeros.</summary>
    public static ReadOnlySpan<T> Span(int length)
    {
        var zeros = s_zeros;
        if (zeros.Length < length)
        {
            zeros = new T[Math.Max(length, zeros.Length * 2)];
            s_zeros = zeros;
        }

        return new ReadOnlySpan<T>(zeros, 0, length);
    }
}
