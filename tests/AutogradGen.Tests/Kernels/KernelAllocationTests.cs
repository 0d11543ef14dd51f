using AutogradGen.Kernels;

namespace AutogradGen.Tests.Kernels;

/// <summary>The kernels are allocation-free: no LINQ, boxing or hidden buffers on the hot paths.</summary>
public class KernelAllocationTests
{
    // Shapes as fields: a collection expression at the call site allocates in debug builds.
    private static readonly int[] Matrix = [64, 16];
    private static readonly int[] Row = [16];
    private static readonly int[] KeptRow = [1, 16];

    [Fact]
    public void Broadcast_matmul_and_reductions_allocate_nothing()
    {
        var a = new float[64 * 32];
        var b = new float[32 * 16];
        var c = new float[64 * 16];
        var row = new float[16];
        var values = new float[64];
        var indices = new long[64];
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);

        void Run()
        {
            LinearAlgebra.MatMul<float>(a, b, c, 64, 32, 16);
            Broadcasting.Binary<float, float, AddOperator<float>>(c, Matrix, row, Row, c, Matrix);
            Broadcasting.SumTo<float>(c, Matrix, row, KeptRow);
            Reductions.MaxAlongDim<float>(c, 64, 16, 1, values, indices);
        }
    }
}
