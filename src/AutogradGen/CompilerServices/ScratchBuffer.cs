using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace AutogradGen.CompilerServices;

/// <summary>
/// A zeroed, pooled buffer: where generated reverse-mode code collects adjoints it will throw away (an argument
/// that does not need a gradient) or scale first (a user-supplied derivative's span partials).
/// </summary>
/// <remarks>
/// Public only because generated code in the user's assembly calls it; hidden from IntelliSense. Rented from
/// <see cref="ArrayPool{T}"/>, so it allocates nothing once the pool is warm; <see cref="Dispose"/> returns it.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct ScratchBuffer<T>
    where T : unmanaged
{
    private T[]? _rented;

    /// <summary>Rents a buffer of at least <paramref name="length"/> elements and zeroes the first <paramref name="length"/>.</summary>
    public ScratchBuffer(int length)
    {
        _rented = ArrayPool<T>.Shared.Rent(Math.Max(1, length));
        Span = _rented.AsSpan(0, length);
        Span.Clear();
    }

    /// <summary>
    /// The first <paramref name="length"/> elements of <paramref name="stack"/> (the caller's <c>stackalloc</c>), zeroed,
    /// when they fit; else a rented buffer as above. Generated code hands small per-call buffers (a residual block's
    /// cotangents) the stack, where renting and returning would cost more than the derivative itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ScratchBuffer(Span<T> stack, int length)
    {
        if (length <= stack.Length)
        {
            _rented = null;
            Span = stack.Slice(0, length);
        }
        else
        {
            _rented = ArrayPool<T>.Shared.Rent(length);
            Span = _rented.AsSpan(0, length);
        }

        Span.Clear();
    }

    /// <summary>
    /// A copy of <paramref name="source"/>: in <paramref name="stack"/> when it fits, else in a rented buffer. Nothing is
    /// zeroed first, since every element is written (a Vjp's working copy of its cotangent).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScratchBuffer<T> CopyOf(Span<T> stack, ReadOnlySpan<T> source)
    {
        var buffer = default(ScratchBuffer<T>);
        if (source.Length <= stack.Length)
        {
            buffer.Span = stack.Slice(0, source.Length);
        }
        else
        {
            buffer._rented = ArrayPool<T>.Shared.Rent(source.Length);
            buffer.Span = buffer._rented.AsSpan(0, source.Length);
        }

        source.CopyTo(buffer.Span);
        return buffer;
    }

    /// <summary>The zeroed elements.</summary>
    public Span<T> Span { get; private set; }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<T>.Shared.Return(_rented);
            _rented = null;
        }

        Span = default;
    }
}
