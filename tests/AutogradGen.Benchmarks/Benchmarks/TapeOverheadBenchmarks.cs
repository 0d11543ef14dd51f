using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// The tape engine's cost per recorded scalar operation: a chain of <see cref="ChainLength"/> operations on 0-d
/// Float64 tensors, alternating y * c (a wrapped number) and y + x (two tensors), so every node has a real
/// backward. Figures are per node (OperationsPerInvoke), forward and backward together; the baseline is the same
/// chain on plain doubles with its derivative carried by hand, so Ratio is the tape's overhead factor.
/// </summary>
[BenchmarkCategory("TapeOverhead")]
public class TapeOverheadBenchmarks
{
    /// <summary>Recorded operations per chain.</summary>
    public const int ChainLength = 1_000;

    private const double Factor = 0.999;

    private const double Start = 0.5;

    /// <summary>y and dy/dx on plain doubles: the work the tape records, without the tape.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ChainLength)]
    public double PlainDoubles()
    {
        double x = Start;
        double y = x;
        double derivative = 1.0;
        for (int i = 0; i < ChainLength; i++)
        {
            if (i % 2 == 0)
            {
                y *= Factor;
                derivative *= Factor;
            }
            else
            {
                y += x;
                derivative += 1.0;
            }
        }

        return y + derivative;
    }

    /// <summary>Builds the chain on the tape and runs Backward: ns per node, forward and backward.</summary>
    [Benchmark(OperationsPerInvoke = ChainLength)]
    public double TapeForwardAndBackward()
    {
        var x = Tensor.Scalar(Start, requiresGrad: true, dtype: DType.Float64);
        Tensor y = BuildChain(x);
        y.Backward();
        return y.Item() + x.Grad!.Item();
    }

    /// <summary>Builds the chain on the tape without Backward: the recording half of the cost.</summary>
    [Benchmark(OperationsPerInvoke = ChainLength)]
    public double TapeForwardOnly()
    {
        var x = Tensor.Scalar(Start, requiresGrad: true, dtype: DType.Float64);
        return BuildChain(x).Item();
    }

    /// <summary>The same chain of tensor operations under NoGrad: the cost of 0-d tensors alone, nothing recorded.</summary>
    [Benchmark(OperationsPerInvoke = ChainLength)]
    public double TensorsWithoutTape()
    {
        using var noGrad = Autograd.NoGrad();
        var x = Tensor.Scalar(Start, dtype: DType.Float64);
        return BuildChain(x).Item();
    }

    private static Tensor BuildChain(Tensor x)
    {
        Tensor y = x;
        for (int i = 0; i < ChainLength; i++)
        {
            y = i % 2 == 0 ? y * Factor : y + x;
        }

        return y;
    }
}
