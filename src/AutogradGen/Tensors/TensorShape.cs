using System.Collections;
using AutogradGen.Kernels;

namespace AutogradGen;

/// <summary>
/// The sizes of a tensor's dimensions (PyTorch's <c>torch.Size</c>): a read-only list of ints that also converts to
/// <see cref="ReadOnlySpan{T}"/>, so a shape can be passed straight to a factory: <c>Tensor.Zeros(x.Shape)</c>.
/// Wraps the tensor's own (immutable) array: reading it allocates nothing.
/// </summary>
public readonly struct TensorShape : IReadOnlyList<int>, IEquatable<TensorShape>
{
    private readonly int[]? _sizes;

    internal TensorShape(int[] sizes) => _sizes = sizes;

    private int[] Sizes => _sizes ?? [];

    /// <summary>The size of dimension <paramref name="index"/>.</summary>
    public int this[int index] => Sizes[index];

    /// <summary>The number of dimensions.</summary>
    public int Count => Sizes.Length;

    /// <summary>The number of dimensions (same as <see cref="Count"/>, for code written against arrays).</summary>
    public int Length => Sizes.Length;

    /// <summary>The number of elements a tensor of this shape holds (<c>torch.Size.numel()</c>).</summary>
    public int Numel => Shapes.Numel(Sizes);

    /// <summary>The sizes as a span.</summary>
    public ReadOnlySpan<int> AsSpan() => Sizes;

    /// <summary>A copy of the sizes.</summary>
    public int[] ToArray() => (int[])Sizes.Clone();

    /// <summary>Lets a shape be passed wherever a shape span is expected.</summary>
    public static implicit operator ReadOnlySpan<int>(TensorShape shape) => shape.Sizes;

    /// <summary>Enumerates the sizes.</summary>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)Sizes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Shapes are equal when they have the same sizes.</summary>
    public bool Equals(TensorShape other) => Sizes.AsSpan().SequenceEqual(other.Sizes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int size in Sizes) hash.Add(size);
        return hash.ToHashCode();
    }

    /// <summary>Whether two shapes have the same sizes.</summary>
    public static bool operator ==(TensorShape left, TensorShape right) => left.Equals(right);

    /// <summary>Whether two shapes differ.</summary>
    public static bool operator !=(TensorShape left, TensorShape right) => !left.Equals(right);

    /// <summary>As PyTorch prints a size: <c>torch.Size([2, 3])</c>.</summary>
    public override string ToString() => $"torch.Size({Shapes.Format(Sizes)})";
}
