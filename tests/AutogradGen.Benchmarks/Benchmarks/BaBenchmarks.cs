using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads.Ba;
using AutogradGen.Sparse;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// ADBench's bundle adjustment on the repository's BA files (tests/Data/adbench/ba): the objective (all 3p
/// residuals) against the sparse Jacobian from per-observation generated <c>ReprojectionResidualJacobian</c> blocks
/// (<see cref="BaProblem"/>). Ratio = Jacobian time / objective time, ADBench's yardstick (hand-written with Eigen:
/// 6.5–7.4 in its paper). <see cref="Jacobian"/> builds a new CSR matrix with <see cref="CsrBuilder"/> each call;
/// <see cref="JacobianRefill"/> writes the values of an existing matrix of the same pattern, as a solver iterates.
/// </summary>
[BenchmarkCategory("Ba")]
public class BaBenchmarks : IGradientOutput
{
    private BaInstance? _instance;
    private double[] _residuals = [];
    private CsrMatrix? _jacobian;

    [Params(BaInstance.Test, BaInstance.Ba1)]
    public string Instance { get; set; } = BaInstance.Ba1;

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _jacobian is { } j ? j.Values : _residuals;

    [GlobalSetup]
    public void Setup()
    {
        _instance = BaInstance.Load(Instance);
        _residuals = new double[_instance.ResidualCount];
        _jacobian = BaProblem.Jacobian(_instance, _residuals);
    }

    [Benchmark(Baseline = true)]
    public double Objective()
    {
        BaProblem.Objective(_instance!, _residuals);
        return _residuals[^1];
    }

    [Benchmark]
    public double Jacobian()
    {
        _jacobian = BaProblem.Jacobian(_instance!, _residuals);
        return _jacobian.Values[0];
    }

    [Benchmark]
    public double JacobianRefill()
    {
        BaProblem.RefillJacobian(_instance!, _residuals, _jacobian!);
        return _jacobian!.Values[0];
    }
}
