namespace AutogradGen.Tests.Graph;

/// <summary>
/// The bytes a recorded scalar operation allocates, forward and backward (the tape overhead benchmark's chain):
/// deterministic for a given build, so a bound catches an object added to every node or tensor.
/// </summary>
public class TapeAllocationTests
{
    private const int ChainLength = 1_000;

    private static Tensor Chain(Tensor x)
    {
        var y = x;
        for (int i = 0; i < ChainLength; i++) y = i % 2 == 0 ? y * 0.999 : y + x;
        return y;
    }

    private static long BytesPerNode(Action run)
    {
        run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        run();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / ChainLength;
    }

    [Fact]
    public void Recording_a_scalar_operation_allocates_under_280_bytes()
    {
        long bytes = BytesPerNode(() => Chain(Tensor.Scalar(0.5, requiresGrad: true, dtype: DType.Float64)));
        Assert.InRange(bytes, 1, 279);
    }

    [Fact]
    public void Recording_and_differentiating_a_scalar_operation_allocates_under_400_bytes()
    {
        long bytes = BytesPerNode(() => Chain(Tensor.Scalar(0.5, requiresGrad: true, dtype: DType.Float64)).Backward());
        Assert.InRange(bytes, 1, 399);
    }

    [Fact]
    public void A_scalar_operation_under_no_grad_allocates_only_its_result()
    {
        long bytes = BytesPerNode(() =>
        {
            using var noGrad = Autograd.NoGrad();
            Chain(Tensor.Scalar(0.5, dtype: DType.Float64));
        });
        // A 0-d Float64 result: the tensor object (64 B) and its one-element array (32 B), nothing else.
        Assert.InRange(bytes, 1, 96);
    }
}
