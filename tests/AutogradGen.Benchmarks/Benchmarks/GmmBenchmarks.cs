using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads.Generated;
using AutogradGen.Benchmarks.Workloads.Gmm;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// ADBench's GMM objective and gradient (alpha, means, icf) on test.txt, gmm_d2_K5.txt and a seeded
/// d = 10, k = 25, n = 1000 instance. Ratio = gradient time / objective time, ADBench's own yardstick.
/// </summary>
[BenchmarkCategory("Gmm")]
public class GmmBenchmarks : IGradientOutput
{
    private GmmInstance? _instance;
    private GmmWorkspace? _workspace;
    private double[] _parameters = [];
    private double[] _gradient = [];
    private double[] _points = [];
    private double _wishartConstant;
    private GmmTapeObjective? _tapeObjective;
    private Tensor? _tapeParameters;
    private Tensor? _lastTapeGradient;

    [Params(GmmCases.Test, GmmCases.D2K5, GmmCases.D10K25)]
    public string Instance { get; set; } = GmmCases.D2K5;

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _lastTapeGradient is { } tape ? tape.ToArray() : _gradient;

    [GlobalSetup]
    public void Setup()
    {
        _instance = GmmCases.Load(Instance);
        _workspace = new GmmWorkspace(_instance);
        _parameters = _instance.Parameters.ToArray();
        _gradient = new double[_instance.ParameterCount];
        _points = _instance.Points.ToArray();
        _wishartConstant = GmmObjective.WishartConstant(_instance.Dimension, _instance.WishartGamma, _instance.WishartM);
        _tapeObjective = new GmmTapeObjective(_instance);
        _tapeParameters = Tensor.From(_parameters, requiresGrad: true);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => GmmObjective.Value(_instance!, _parameters, _workspace!);

    [Benchmark]
    public double HandWrittenGradient() =>
        GmmHandWrittenGradient.ValueAndGradient(_instance!, _parameters, _gradient, _workspace!);

    /// <summary>The generated reverse mode of <see cref="DifferentiableGmm.Objective"/>; its gradient is added to, so cleared first.</summary>
    [Benchmark]
    public double GeneratedGradient()
    {
        var instance = _instance!;
        _gradient.AsSpan().Clear();
        return DifferentiableGmm.ObjectiveGradient(
            _parameters, _points, instance.Dimension, instance.ComponentCount, instance.PointCount,
            instance.WishartGamma, instance.WishartM, _wishartConstant, _gradient);
    }

    /// <summary>
    /// The tape engine on <see cref="GmmTapeObjective"/> (whole-tensor operations over all points and components),
    /// then Backward. The parameter leaf lives across calls; its .Grad is reset each call.
    /// </summary>
    [Benchmark]
    public double TapeGradient()
    {
        var parameters = _tapeParameters!;
        parameters.Grad = null;
        Tensor objective = _tapeObjective!.Value(parameters);
        objective.Backward();
        _lastTapeGradient = parameters.Grad;
        return objective.Item();
    }
}
