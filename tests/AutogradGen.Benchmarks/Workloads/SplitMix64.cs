namespace AutogradGen.Benchmarks.Workloads;

/// <summary>
/// Steele, Lea and Flood's SplitMix64: a tiny generator whose sequence for a seed is fixed by its definition,
/// so seeded benchmark data stays the same on every runtime (System.Random promises no such thing).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1), with 53 random bits.</summary>
    public double NextUniform() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal, by the Box–Muller transform (the second variate is discarded for simplicity).</summary>
    public double NextNormal()
    {
        double u1 = 1.0 - NextUniform(); // (0, 1]: the logarithm stays finite.
        double u2 = NextUniform();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
