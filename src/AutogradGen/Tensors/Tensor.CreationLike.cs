using System.Globalization;

namespace AutogradGen;

// randint and the *_like creators that take another tensor's shape and dtype.
public sealed partial class Tensor
{
    /// <summary>
    /// Integers drawn uniformly from [<paramref name="low"/>, <paramref name="high"/>) as int64 (<c>torch.randint(low, high, size)</c>),
    /// from <paramref name="generator"/> or the global generator: PyTorch's CPU algorithm, one 32-bit word per draw taken
    /// modulo the range (64-bit words for ranges of 2³² and more), so <c>ManualSeed(0); RandInt(0, 10, [8])</c> gives
    /// PyTorch's <c>tensor([4, 9, 3, 0, 3, 9, 7, 3])</c>.
    /// </summary>
    public static Tensor RandInt(long low, long high, ReadOnlySpan<int> shape, RandomGenerator? generator = null)
    {
        if (high <= low) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"));
        var tensor = Empty(shape, DType.Int64);
        var data = tensor.Elements<long>();
        ulong range = (ulong)(high - low);
        var source = generator ?? RandomGenerator.Default;
        lock (source)
        {
            for (int i = 0; i < data.Length; i++)
            {
                ulong word = range >= 1UL << 32 ? source.NextUInt64() : source.NextUInt32();
                data[i] = low + (long)(word % range);
            }
        }
        return tensor;
    }

    /// <summary>Integers from [0, <paramref name="high"/>) (<c>torch.randint(high, size)</c>).</summary>
    public static Tensor RandInt(long high, ReadOnlySpan<int> shape, RandomGenerator? generator = null) => RandInt(0, high, shape, generator);

    /// <summary><paramref name="value"/> in the shape and dtype of <paramref name="other"/> (<c>torch.full_like</c>).</summary>
    public static Tensor FullLike(Tensor other, double value) => Full(Checked(other).ShapeSpan, value, false, other.DType);

    /// <summary>Uninitialised in PyTorch, zeros here: the shape and dtype of <paramref name="other"/> (<c>torch.empty_like</c>).</summary>
    public static Tensor EmptyLike(Tensor other) => ZerosLike(other);

    /// <summary>Uniform samples in [0, 1) in the shape and (floating) dtype of <paramref name="other"/> (<c>torch.rand_like</c>).</summary>
    public static Tensor RandLike(Tensor other, RandomGenerator? generator = null) => Rand(Checked(other).ShapeSpan, false, other.DType, generator);

    /// <summary>Standard normal samples in the shape and (floating) dtype of <paramref name="other"/> (<c>torch.randn_like</c>).</summary>
    public static Tensor RandnLike(Tensor other, RandomGenerator? generator = null) => Randn(Checked(other).ShapeSpan, false, other.DType, generator);

    /// <summary>Integers from [<paramref name="low"/>, <paramref name="high"/>) in the shape of <paramref name="other"/> (<c>torch.randint_like</c>; int64 here).</summary>
    public static Tensor RandIntLike(Tensor other, long low, long high, RandomGenerator? generator = null) => RandInt(low, high, Checked(other).ShapeSpan, generator);
}
