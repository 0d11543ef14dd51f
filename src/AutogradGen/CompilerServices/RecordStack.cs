using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace AutogradGen.CompilerServices;

/// <summary>
/// A last-in first-out stack of the values that generated reverse-mode code records in its forward sweep
/// (values about to be overwritten, branch decisions, loop trip counts) and replays in its reverse sweep.
/// </summary>
/// <remarks>
/// Public only because generated code in the user's assembly calls it; it is not an API to program against
/// and may change with the generator, hence hidden from IntelliSense. It starts in a caller-provided buffer
/// (generated code passes a small <c>stackalloc</c>) and grows into <see cref="ArrayPool{T}"/> buffers, so a
/// call allocates nothing on the heap once the pool is warm. <see cref="Dispose"/> returns the pooled buffer.
/// </remarks>
/// <typeparam name="T">The recorded value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct RecordStack<T>
    where T : unmanaged
{
    private const string OutOfStep =
        "The reverse sweep replayed more values than the forward sweep recorded. This is a bug in AutogradGen's generated code; please report it with the method that was differentiated.";

    private Span<T> _items;
    private T[]? _rented;
    private int _count;

    /// <summary>Starts a stack in <paramref name="initialBuffer"/>; it grows into pooled arrays when full.</summary>
    public RecordStack(Span<T> initialBuffer)
    {
        _items = initialBuffer;
        _rented = null;
        _count = 0;
    }

    /// <summary>The number of values recorded and not yet replayed.</summary>
    public readonly int Count => _count;

    /// <summary>Records a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(T value)
    {
        if (_count == _items.Length)
        {
            Grow(1);
        }

        _items[_count++] = value;
    }

    /// <summary>Replays the value recorded last.</summary>
    /// <exception cref="InvalidOperationException">Nothing is recorded: the generated code is out of step.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Pop()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException(OutOfStep);
        }

        return _items[--_count];
    }

    /// <summary>
    /// Records <paramref name="count"/> values at once: returns the next <paramref name="count"/> slots, which the
    /// caller fills in order, and counts them as recorded (none when <paramref name="count"/> is not positive).
    /// </summary>
    /// <remarks>
    /// Generated code reserves before a loop whose trip count and per-iteration records are known when it starts,
    /// then writes into the returned span with a local cursor: no growth check and no call inside the loop, so the
    /// JIT keeps the loop's state in registers. The span is valid until the next push or reservation.
    /// </remarks>
    public Span<T> Reserve(int count)
    {
        if (count <= 0)
        {
            return Span<T>.Empty;
        }

        if (_items.Length - _count < count)
        {
            Grow(count);
        }

        var slots = _items.Slice(_count, count);
        _count += count;
        return slots;
    }

    /// <summary>Replays the <paramref name="count"/> values recorded last, as a span in recording order (none when not positive).</summary>
    /// <exception cref="InvalidOperationException">Fewer values are recorded: the generated code is out of step.</exception>
    public ReadOnlySpan<T> Release(int count)
    {
        if (count <= 0)
        {
            return ReadOnlySpan<T>.Empty;
        }

        if (count > _count)
        {
            throw new InvalidOperationException(OutOfStep);
        }

        _count -= count;
        return _items.Slice(_count, count);
    }

    /// <summary>Returns the pooled buffer, if the stack grew into one.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<T>.Shared.Return(_rented);
            _rented = null;
        }

        _items = default;
        _count = 0;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(Math.Max(16, _items.Length * 2), checked(_count + needed)));
        _items[.._count].CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<T>.Shared.Return(_rented);
        }

        _rented = larger;
        _items = larger;
    }
}
