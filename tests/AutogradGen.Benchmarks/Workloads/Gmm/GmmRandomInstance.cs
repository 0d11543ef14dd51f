namespace AutogradGen.Benchmarks.Workloads.Gmm;

/// <summary>
/// Seeded random GMM instances drawn the way ADBench's data generator draws them: alphas, icf and points
/// standard normal, means uniform in [0, 1), γ = 1, m = 0.
/// </summary>
public static class GmmRandomInstance
{
    /// <summary>The seed of the d = 10, k = 25, n = 1000 benchmark instance.</summary>
    public const ulong BenchmarkSeed = 20261122;

    /// <summary>Draws an instance with d dimensions, k components and n points from <paramref name="seed"/>.</summary>
    public static GmmInstance Create(int dimension, int componentCount, int pointCount, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(componentCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointCount, 1);
        var random = new SplitMix64(seed);
        var parameters = new double[GmmInstance.ParameterCountFor(dimension, componentCount)];
        int meansOffset = componentCount;
        int icfOffset = componentCount + componentCount * dimension;
        for (int i = 0; i < parameters.Length; i++)
        {
            bool isMean = i >= meansOffset && i < icfOffset;
            parameters[i] = isMean ? random.NextUniform() : random.NextNormal();
        }

        var points = new double[pointCount * dimension];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = random.NextNormal();
        }

        return new GmmInstance(dimension, componentCount, parameters, points, wishartGamma: 1.0, wishartM: 0);
    }
}
