using AutogradGen.Kernels;

namespace AutogradGen.Tests.Kernels;

/// <summary>The broadcasting kernels on plain spans.</summary>
public class BroadcastingKernelTests
{
    [Fact]
    public void Broadcast_shape_aligns_dimensions_from_the_right()
    {
        Assert.Equal([4, 2, 3], Shapes.Broadcast([4, 1, 3], [2, 1]));
        Assert.Equal([3], Shapes.Broadcast([], [3]));
    }

    [Fact]
    public void Binary_adds_a_row_to_every_row()
    {
        var destination = new double[6];
        Broadcasting.Binary<double, double, AddOperator<double>>([1, 2, 3, 4, 5, 6], [2, 3], [10, 20, 30], [3], destination, [2, 3]);
        Assert.Equal([11.0, 22, 33, 14, 25, 36], destination);
    }

    [Fact]
    public void Binary_broadcasts_a_column_against_a_row()
    {
        var destination = new double[6];
        Broadcasting.Binary<double, double, SubtractOperator<double>>([1, 2], [2, 1], [10, 20, 30], [1, 3], destination, [2, 3]);
        Assert.Equal([-9.0, -19, -29, -8, -18, -28], destination);
    }

    [Fact]
    public void Binary_writes_bools_for_comparisons()
    {
        var destination = new bool[3];
        Broadcasting.Binary<float, bool, GreaterThanOperator<float>>([1, 5, 3], [3], [2], [], destination, [3]);
        Assert.Equal([false, true, true], destination);
    }

    [Fact]
    public void Sum_to_reverses_broadcasting()
    {
        var destination = new float[3];
        Broadcasting.SumTo<float>([1, 2, 3, 4, 5, 6], [2, 3], destination, [1, 3]);
        Assert.Equal([5f, 7, 9], destination);
        var column = new float[2];
        Broadcasting.SumTo<float>([1, 2, 3, 4, 5, 6], [2, 3], column, [2, 1]);
        Assert.Equal([6f, 15], column);
    }

    [Fact]
    public void Expand_repeats_along_stretched_dimensions()
    {
        var destination = new int[6];
        Broadcasting.Expand<int>([7, 8], [2, 1], destination, [2, 3]);
        Assert.Equal([7, 7, 7, 8, 8, 8], destination);
    }
}
