using AutogradGen.Benchmarks.Harness;

namespace AutogradGen.Benchmarks.Workloads.Gmm;

/// <summary>The GMM instances the benchmarks and tests use, by name.</summary>
public static class GmmCases
{
    /// <summary>ADBench's gmm/test.txt: d = 2, k = 3, n = 1 (the reference values in adbench/README.md).</summary>
    public const string Test = "d2_k3_n1";

    /// <summary>ADBench's gmm/1k/gmm_d2_K5.txt: d = 2, k = 5, n = 1000.</summary>
    public const string D2K5 = "d2_k5_n1000";

    /// <summary>The seeded random instance d = 10, k = 25, n = 1000 (seed <see cref="GmmRandomInstance.BenchmarkSeed"/>).</summary>
    public const string D10K25 = "d10_k25_n1000";

    /// <summary>Loads or draws the instance called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No instance has that name.</exception>
    public static GmmInstance Load(string name) => name switch
    {
        Test => GmmFileReader.Read(RepositoryPaths.Data("adbench", "gmm", "test.txt")),
        D2K5 => GmmFileReader.Read(RepositoryPaths.Data("adbench", "gmm", "1k", "gmm_d2_K5.txt")),
        D10K25 => GmmRandomInstance.Create(dimension: 10, componentCount: 25, pointCount: 1000, GmmRandomInstance.BenchmarkSeed),
        _ => throw new ArgumentException($"There is no GMM case '{name}'; the cases are {Test}, {D2K5} and {D10K25}.", nameof(name)),
    };
}
