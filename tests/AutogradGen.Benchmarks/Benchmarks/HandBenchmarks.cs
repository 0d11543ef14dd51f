using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads.Hand;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// ADBench's hand tracking on the repository's hand files (tests/Data/adbench/hand): the objective (all 3N residuals
/// from one posing of the bones: <c>HandResiduals.Residuals</c>) against its Jacobian from the generated
/// <c>ResidualsJacobian</c> (3N × 28: the u₀ and u₁ shifts and θ, forward mode with four tangents per sweep). Ratio =
/// Jacobian time / objective time, ADBench's and GradBench's yardstick (GradBench's hand-written tool: 5.8).
/// </summary>
[BenchmarkCategory("Hand")]
public class HandBenchmarks : IGradientOutput
{
    private HandInstance? _instance;
    private double[] _residuals = [];
    private double[] _jacobian = [];

    [Params(HandInstance.Simple, HandInstance.Complicated)]
    public string Instance { get; set; } = HandInstance.Simple;

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _jacobian;

    [GlobalSetup]
    public void Setup()
    {
        _instance = HandInstance.Load(Instance);
        _residuals = new double[_instance.ResidualCount];
        _jacobian = new double[_instance.ResidualCount * HandInstance.JacobianColumns];
    }

    [Benchmark(Baseline = true)]
    public double Objective()
    {
        _instance!.Objective(_residuals);
        return _residuals[^1];
    }

    [Benchmark]
    public double Jacobian()
    {
        _instance!.Jacobian(_residuals, _jacobian);
        return _jacobian[^1];
    }
}
