using AutogradGen.Kernels;

namespace AutogradGen.Tests.Kernels;

/// <summary>
/// The broadcasting kernels against a naive multi-index implementation, over many seeded random shape pairs
/// (ranks 0 to 4, sizes 1 to 3, dimensions dropped or set to 1 at random).
/// </summary>
public class BroadcastingPropertyTests
{
    private const int Cases = 300;

    [Fact]
    public void Binary_matches_naive_broadcasting_for_random_shapes()
    {
        var random = new Random(20261122);
        for (int c = 0; c < Cases; c++)
        {
            var (aShape, bShape, shape) = RandomPair(random);
            var a = Values(Shapes.Numel(aShape), 1);
            var b = Values(Shapes.Numel(bShape), 100);
            var actual = new double[Shapes.Numel(shape)];
            Broadcasting.Binary<double, double, SubtractOperator<double>>(a, aShape, b, bShape, actual, shape);
            for (int i = 0; i < actual.Length; i++)
            {
                var index = Unravel(i, shape);
                Assert.Equal(a[Read(index, aShape)] - b[Read(index, bShape)], actual[i]);
            }
        }
    }

    [Fact]
    public void Sum_to_matches_naive_reduction_for_random_shapes()
    {
        var random = new Random(7);
        for (int c = 0; c < Cases; c++)
        {
            var (small, _, shape) = RandomPair(random);
            var source = Values(Shapes.Numel(shape), 1);
            var actual = new double[Shapes.Numel(small)];
            Broadcasting.SumTo<double>(source, shape, actual, small);
            var expected = new double[actual.Length];
            for (int i = 0; i < source.Length; i++) expected[Read(Unravel(i, shape), small)] += source[i];
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Expand_matches_naive_broadcasting_for_random_shapes()
    {
        var random = new Random(11);
        for (int c = 0; c < Cases; c++)
        {
            var (small, _, shape) = RandomPair(random);
            var source = Values(Shapes.Numel(small), 1);
            var actual = new double[Shapes.Numel(shape)];
            Broadcasting.Expand<double>(source, small, actual, shape);
            for (int i = 0; i < actual.Length; i++) Assert.Equal(source[Read(Unravel(i, shape), small)], actual[i]);
        }
    }

    [Fact]
    public void Permute_matches_naive_reordering_for_random_shapes_and_orders()
    {
        var random = new Random(3);
        for (int c = 0; c < Cases; c++)
        {
            var (_, _, shape) = RandomPair(random);
            var order = Enumerable.Range(0, shape.Length).OrderBy(_ => random.Next()).ToArray();
            var source = Values(Shapes.Numel(shape), 1);
            var actual = new double[source.Length];
            Layout.Permute<double>(source, shape, order, actual);
            var permuted = order.Select(d => shape[d]).ToArray();
            for (int i = 0; i < actual.Length; i++)
            {
                var outIndex = Unravel(i, permuted);
                var inIndex = new int[shape.Length];
                for (int d = 0; d < order.Length; d++) inIndex[order[d]] = outIndex[d];
                Assert.Equal(source[Read(inIndex, shape)], actual[i]);
            }
        }
    }

    private static (int[] A, int[] B, int[] Shape) RandomPair(Random random)
    {
        int rank = random.Next(0, 5);
        var full = new int[rank];
        for (int d = 0; d < rank; d++) full[d] = random.Next(1, 4);
        return (Thin(full, random), Thin(full, random), full);
    }

    // A shape that broadcasts to full: some leading dimensions dropped, some sizes replaced by 1.
    private static int[] Thin(int[] full, Random random)
    {
        int drop = random.Next(0, full.Length + 1);
        var shape = full[drop..];
        for (int d = 0; d < shape.Length; d++)
        {
            if (random.Next(3) == 0) shape[d] = 1;
        }
        return shape;
    }

    private static double[] Values(int count, double scale)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = scale * (i + 1);
        return values;
    }

    private static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    // The flat position in a tensor of `shape` (right-aligned with the index) that broadcasting reads.
    private static int Read(int[] index, int[] shape)
    {
        int lead = index.Length - shape.Length, flat = 0;
        for (int d = 0; d < shape.Length; d++) flat = (flat * shape[d]) + (shape[d] == 1 ? 0 : index[d + lead]);
        return flat;
    }
}
