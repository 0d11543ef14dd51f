using System.Runtime.CompilerServices;

namespace AutogradGen;

/// <summary>
/// The buffer behind one or more tensors. <see cref="Tensor.Detach"/>, <see cref="Tensor.Data"/>,
/// <see cref="Tensor.View(ReadOnlySpan{int})"/>, <see cref="Tensor.Reshape(ReadOnlySpan{int})"/>, Squeeze and
/// Unsqueeze return tensors over the same storage, so they see each other's in-place writes.
/// </summary>
/// <remarks>
/// A struct around the array rather than an object of its own: the array is what the tensors share, and one object
/// fewer per tensor matters for the many small tensors of a scalar tape.
/// </remarks>
internal readonly struct TensorStorage
{
    public TensorStorage(Array data) => Data = data;

    /// <summary>A <c>float[]</c>, <c>double[]</c>, <c>long[]</c> or <c>bool[]</c>, matching the tensor's dtype.</summary>
    public Array Data { get; }

    /// <summary>The buffer as <typeparamref name="T"/>[]. A checked cast (once per operation, not per element), so a
    /// dtype mix-up fails loudly instead of reading memory as the wrong type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T[] As<T>() => (T[])Data;

    /// <summary>
    /// A new buffer of <paramref name="count"/> elements, zeroed unless <paramref name="clear"/> is false (then the
    /// caller writes every element). Large buffers come from <see cref="StoragePool"/> when it has one of that length.
    /// </summary>
    public static TensorStorage Allocate(DType dtype, int count, bool clear = true) => new(dtype switch
    {
        DType.Float32 => StoragePool.Rent<float>(count, clear),
        DType.Float64 => StoragePool.Rent<double>(count, clear),
        DType.Int64 => StoragePool.Rent<long>(count, clear),
        DType.Bool => StoragePool.Rent<bool>(count, clear),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype."),
    });
}

/// <summary>
/// The version counter of a tensor (<c>x._version</c>), bumped by every in-place write; saved tensors compare it at
/// backward time. Shared by the tensors that <see cref="Tensor.Detach"/> and the views return, so a write through
/// any of them is seen; <see cref="Tensor.Data"/> gets a counter of its own, as PyTorch's <c>.data</c> does.
/// A tensor creates its counter only when it is first shared or bumped; until then its version is 0.
/// </summary>
internal sealed class VersionCounter
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
