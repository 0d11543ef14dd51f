namespace AutogradGen.Tests.Tensors;

/// <summary>TensorShape: PyTorch's torch.Size as a read-only list that converts to a shape span.</summary>
public class TensorShapeTests
{
    [Fact]
    public void Shape_passes_straight_to_a_factory()
    {
        var x = Tensor.Ones([2, 3]);
        var zeros = Tensor.Zeros(x.Shape);
        Assert.Equal(x.Shape, zeros.Shape);
        Assert.True(x.Shape == zeros.Shape);
    }

    [Fact]
    public void Shape_reads_like_a_list_and_like_an_array()
    {
        var shape = Tensor.Ones([2, 3, 4]).Shape;
        Assert.Equal(3, shape.Count);
        Assert.Equal(3, shape.Length);
        Assert.Equal(4, shape[2]);
        Assert.Equal(24, shape.Numel);
        Assert.Equal([2, 3, 4], shape.ToArray());
    }

    [Fact]
    public void Shape_prints_as_torch_size()
    {
        Assert.Equal("torch.Size([2, 3])", Tensor.Ones([2, 3]).Shape.ToString());
        Assert.Equal("torch.Size([])", Tensor.Scalar(1).Shape.ToString());
    }

    [Fact]
    public void Shapes_of_different_sizes_are_not_equal()
    {
        Assert.NotEqual(Tensor.Ones([2, 3]).Shape, Tensor.Ones([3, 2]).Shape);
        Assert.True(Tensor.Ones([2]).Shape != Tensor.Ones([2, 1]).Shape);
    }
}
