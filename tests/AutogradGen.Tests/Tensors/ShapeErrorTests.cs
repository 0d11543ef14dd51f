namespace AutogradGen.Tests.Tensors;

/// <summary>Shape errors name the shapes involved, in PyTorch's words.</summary>
public class ShapeErrorTests
{
    [Fact]
    public void View_to_a_different_element_count_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Ones([6]).View([4, 2]));
        Assert.Equal("shape '[4, 2]' is invalid for input of size 6", error.Message);
    }

    [Fact]
    public void Expand_of_a_non_singleton_dimension_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Ones([3]).Expand([2, 4]));
        Assert.Equal("The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]", error.Message);
    }

    [Fact]
    public void Cat_of_mismatched_sizes_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Cat([Tensor.Ones([2, 2]), Tensor.Ones([3, 3])], dim: 1));
        Assert.Equal("Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list.", error.Message);
    }

    [Fact]
    public void Cat_of_zero_dimensional_tensors_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Cat([Tensor.Scalar(1), Tensor.Scalar(2)]));
        Assert.Equal("zero-dimensional tensor (at position 0) cannot be concatenated", error.Message);
    }

    [Fact]
    public void Stack_of_different_shapes_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Stack([Tensor.Ones([2]), Tensor.Ones([3])]));
        Assert.Equal("stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1", error.Message);
    }

    [Fact]
    public void Dot_of_different_lengths_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Ones([3]).MatMul(Tensor.Ones([4])));
        Assert.Equal("inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively", error.Message);
    }

    [Fact]
    public void Matrix_vector_product_of_mismatched_sizes_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Ones([2, 3]).MatMul(Tensor.Ones([4])));
        Assert.Equal("size mismatch, got input (2), mat (2x3), vec (4)", error.Message);
    }

    [Fact]
    public void Batched_product_of_mismatched_inner_sizes_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Ones([2, 2, 3]).Bmm(Tensor.Ones([2, 4, 2])));
        Assert.Equal("Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].", error.Message);
    }

    [Fact]
    public void Matmul_of_a_zero_dimensional_tensor_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Scalar(1).MatMul(Tensor.Ones([2])));
        Assert.Equal("both arguments to matmul need to be at least 1D, but they are 0D and 1D", error.Message);
    }

    [Fact]
    public void Dimension_out_of_range_fails()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Ones([2, 2]).Sum(2));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", error.Message);
    }

    [Fact]
    public void Matrix_product_of_different_dtypes_fails()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Ones([2, 2]).Mm(Tensor.Ones([2, 2], dtype: DType.Float64)));
        Assert.Equal("expected m1 and m2 to have the same dtype, but got: float != double", error.Message);
    }

    [Fact]
    public void In_place_write_to_a_view_of_a_leaf_that_requires_grad_fails()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        var error = Assert.Throws<AutogradException>(() => x.View([4]).Add_(1));
        Assert.Equal("a view of a leaf Variable that requires grad is being used in an in-place operation.", error.Message);
        Assert.All(x.ToArray(), value => Assert.Equal(1, value));
    }

    [Fact]
    public void In_place_write_to_a_view_of_a_non_leaf_rewrites_the_base_history()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        var y = x * 2;
        y.Reshape([4]).Mul_(3);
        Assert.Equal("CopySlices", y.GradFn!.Name);
        y.Sum().Backward();
        Assert.Equal([6.0, 6, 6, 6], x.Grad!.ToArray());
    }
}
