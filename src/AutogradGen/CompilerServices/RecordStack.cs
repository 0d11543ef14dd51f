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
            Grow();
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
            throw new InvalidOperationException(
                "The reverse sweep replayed more values than the forward sweep recorded. This is a bug in AutogradGen's generated code; please report it with the method that was differentiated.");
        }

        return _items[--_count];
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

    private void Grow()
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(16, _items.Length * 2));
        _items[.._count].CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<T>.Shared.Return(_rented);
        }

        _rented = larger;
        _items = larger;
    }
}
