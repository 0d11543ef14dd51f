namespace AutogradGen;

/// <summary>
/// A seedable source of random numbers for <see cref="Tensor.Randn"/> and <see cref="Tensor.Rand"/>
/// (<c>torch.Generator</c>). It is PyTorch's CPU generator: the same Mersenne Twister (mt19937), the same way of
/// turning its words into uniform and normal samples, so <c>Tensor.ManualSeed(0); Tensor.Randn([3])</c> gives
/// PyTorch's numbers for small tensors. Not thread-safe on its own: <see cref="Default"/> is locked by its callers.
/// </summary>
public sealed class RandomGenerator
{
    /// <summary>PyTorch's default seed.</summary>
    public const ulong DefaultSeed = 67280421310721;

    private readonly uint[] _state = new uint[624];
    private int _next;
    private double? _nextNormal;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public RandomGenerator(ulong seed = DefaultSeed) => ManualSeed(seed);

    /// <summary>The generator used when none is passed; seeded by <see cref="Tensor.ManualSeed"/>.</summary>
    public static RandomGenerator Default { get; } = new();

    /// <summary>The seed the generator was last seeded with (<c>initial_seed()</c>).</summary>
    public ulong InitialSeed { get; private set; }

    /// <summary>Restarts the stream from <paramref name="seed"/> (<c>manual_seed</c>); returns this generator.</summary>
    public RandomGenerator ManualSeed(ulong seed)
    {
        InitialSeed = seed;
        _nextNormal = null;
        _state[0] = (uint)(seed & 0xffffffff);
        for (int j = 1; j < _state.Length; j++)
        {
            _state[j] = 1812433253u * (_state[j - 1] ^ (_state[j - 1] >> 30)) + (uint)j;
        }
        _next = _state.Length;
        return this;
    }

    /// <summary>The next 32 random bits.</summary>
    public uint NextUInt32()
    {
        if (_next >= _state.Length) Twist();
        uint y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>The next 64 random bits: two words, the first one high (PyTorch's <c>random64</c>).</summary>
    public ulong NextUInt64()
    {
        ulong high = NextUInt32();
        ulong low = NextUInt32();
        return (high << 32) | low;
    }

    /// <summary>A uniform float in [0, 1) from 24 random bits.</summary>
    public float NextSingle() => (NextUInt32() & ((1u << 24) - 1)) * (1.0f / (1 << 24));

    /// <summary>A uniform double in [0, 1) from 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() & ((1UL << 53) - 1)) * (1.0 / (1UL << 53));

    /// <summary>
    /// A standard normal sample by Box–Muller on two uniform doubles; the second value of each pair is kept for the
    /// next call, as PyTorch's <c>normal_distribution&lt;double&gt;</c> does.
    /// </summary>
    public double NextNormal()
    {
        if (_nextNormal is double cached)
        {
            _nextNormal = null;
            return cached;
        }
        double u1 = NextDouble();
        double u2 = NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        _nextNormal = radius * Math.Sin(theta);
        return radius * Math.Cos(theta);
    }

    private void Twist()
    {
        const uint upperMask = 0x80000000u, lowerMask = 0x7fffffffu, matrixA = 0x9908b0dfu;
        int n = _state.Length;
        for (int i = 0; i < n; i++)
        {
            uint y = (_state[i] & upperMask) | (_state[(i + 1) % n] & lowerMask);
            _state[i] = _state[(i + 397) % n] ^ (y >> 1) ^ ((y & 1) != 0 ? matrixA : 0);
        }
        _next = 0;
    }
}
