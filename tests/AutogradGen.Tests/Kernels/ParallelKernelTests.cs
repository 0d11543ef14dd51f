using System.Numerics.Tensors;
using AutogradGen.Kernels;

namespace AutogradGen.Tests.Kernels;

/// <summary>
/// Large tensors are split across threads (Kernels.Parallelism): the results must be bit for bit those of one thread,
/// and the element-wise ones bit for bit those of one TensorPrimitives call over the whole span, whatever the chunking.
/// Lengths are odd so a last chunk ends in a vector tail.
/// </summary>
[Collection(AutogradGen.Tests.Memory.SingleThreadedAllocationCounts.Name)]
public class ParallelKernelTests
{
    private const int Large = 1_000_003;

    [Fact]
    public void Element_wise_passes_on_two_threads_equal_one_call_over_the_whole_span()
    {
        var a = Values(Large, 1);
        var b = Values(Large, 2);
        var ta = Tensor.From(a);
        var tb = Tensor.From(b);
        var expected = new double[Large];

        WithThreads(2, () =>
        {
            TensorPrimitives.Tanh(a, expected);
            AssertBits(expected, ta.Tanh().ToArray(), "tanh");
            TensorPrimitives.Exp(a, expected);
            AssertBits(expected, ta.Exp().ToArray(), "exp");
            TensorPrimitives.Multiply(a, b, expected);
            AssertBits(expected, (ta * tb).ToArray(), "a * b");
            TensorPrimitives.Add(a, 0.25, expected);
            AssertBits(expected, (ta + 0.25).ToArray(), "a + 0.25");
            ActivationGradients.SigmoidSerial<double>(a, b, expected);
            var fused = new double[Large];
            ActivationGradients.Sigmoid<double>(a, b, fused);
            AssertBits(expected, fused, "sigmoid backward");
            ActivationGradients.TanhSerial<double>(a, b, expected);
            ActivationGradients.Tanh<double>(a, b, fused);
            AssertBits(expected, fused, "tanh backward");
        });
    }

    [Theory]
    [InlineData(Parallelism.MinimumElements)]
    [InlineData(Parallelism.MinimumElements + 1)]
    [InlineData(Large)]
    [InlineData(4_194_311)]
    public void A_large_sum_is_the_same_on_one_two_and_three_threads(int length)
    {
        var values = Values(length, 3);
        var tensor = Tensor.From(values);
        double one = WithThreads(1, () => tensor.Sum().Item());
        double two = WithThreads(2, () => tensor.Sum().Item());
        double three = WithThreads(3, () => tensor.Sum().Item());
        Assert.Equal(BitConverter.DoubleToInt64Bits(one), BitConverter.DoubleToInt64Bits(two));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one), BitConverter.DoubleToInt64Bits(three));

        // The fixed chunks, summed in order, are the definition of the result; and it is the sum to rounding.
        int chunks = Parallelism.SumChunks(length);
        double inOrder = 0;
        for (int c = 0; c < chunks; c++)
        {
            var (start, count) = Parallelism.ChunkBounds(length, chunks, c);
            inOrder += TensorPrimitives.Sum(values.AsSpan(start, count));
        }
        Assert.Equal(BitConverter.DoubleToInt64Bits(inOrder), BitConverter.DoubleToInt64Bits(one));
        decimal exact = 0;
        foreach (double v in values) exact += (decimal)v;
        Assert.Equal((double)exact, one, 1e-9 * length);
    }

    [Fact]
    public void A_gradient_through_a_large_chain_is_the_same_on_one_and_two_threads()
    {
        var a = Values(300_001, 4);
        var b = Values(300_001, 5);
        double[][] Gradients()
        {
            var x = Tensor.From(a, requiresGrad: true);
            var y = Tensor.From(b, requiresGrad: true);
            var f = ((x * y + 0.5).Tanh() * x.Sigmoid()).Pow(2).Sum();
            f.Backward();
            return [[f.Item()], x.Grad!.ToArray(), y.Grad!.ToArray()];
        }
        var one = WithThreads(1, Gradients);
        var two = WithThreads(2, Gradients);
        for (int k = 0; k < one.Length; k++) AssertBits(one[k], two[k], $"output {k}");
    }

    [Fact]
    public void Float32_passes_and_sums_are_the_same_on_one_and_two_threads()
    {
        var t = Tensor.From(Values(Large, 6)).To(DType.Float32);
        float[][] Run() => [t.Sigmoid().ToArray<float>(), (t * t).ToArray<float>(), [(float)t.Sum().Item()]];
        var one = WithThreads(1, Run);
        var two = WithThreads(2, Run);
        for (int k = 0; k < one.Length; k++) Assert.Equal(one[k], two[k]);
    }

    [Theory]
    [InlineData(65_536, 8)]
    [InlineData(65_539, 8)]
    [InlineData(1_000_003, 30)]
    [InlineData(100_000, 7)]
    public void Chunks_tile_the_range_in_runs_of_at_least_the_alignment(int length, int chunks)
    {
        int next = 0;
        for (int c = 0; c < chunks; c++)
        {
            var (start, count) = Parallelism.ChunkBounds(length, chunks, c);
            if (count == 0) continue;
            Assert.Equal(next, start);
            Assert.Equal(0, start % Parallelism.ChunkAlignment);
            Assert.True(count >= Parallelism.ChunkAlignment);
            next = start + count;
        }
        Assert.Equal(length, next);
    }

    [Fact]
    public void The_thread_count_is_at_least_one()
    {
        Assert.True(Tensor.GetNumThreads() >= 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.SetNumThreads(0));
    }

    private static T WithThreads<T>(int threads, Func<T> run)
    {
        int before = Tensor.GetNumThreads();
        Tensor.SetNumThreads(threads);
        try { return run(); }
        finally { Tensor.SetNumThreads(before); }
    }

    private static void WithThreads(int threads, Action run) => WithThreads(threads, () => { run(); return 0; });

    private static double[] Values(int length, int seed)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++) values[i] = Math.Sin((i + seed) * 0.37) * (1 + (i % 7));
        return values;
    }

    private static void AssertBits(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                Assert.Fail($"{what} entry {i}: {actual[i]:R} against {expected[i]:R}");
            }
        }
    }
}
