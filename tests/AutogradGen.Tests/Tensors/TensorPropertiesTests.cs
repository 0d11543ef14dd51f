using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Tensors;

/// <summary>Reading tensors back: Item, ToArray, indexing, comparisons, printing suffixes.</summary>
public class TensorPropertiesTests
{
    [Fact]
    public void Item_of_a_tensor_with_many_elements_fails()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Tensor.Ones([3]).Item());
        Assert.Equal("a Tensor with 3 elements cannot be converted to Scalar", error.Message);
    }

    [Fact]
    public void Size_counts_negative_dimensions_from_the_end()
    {
        var x = Tensor.Zeros([2, 3, 4]);
        Assert.Equal(4, x.Size(-1));
        Assert.Equal(2, x.Size(0));
        Assert.Equal(3, x.Rank);
        Assert.Equal(24, x.Numel);
    }

    [Fact]
    public void Size_of_a_scalar_fails()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Scalar(1).Size(0));
        Assert.Equal("dimension specified as 0 but tensor has no dimensions", error.Message);
    }

    [Fact]
    public void To_array_converts_to_the_requested_element_type()
    {
        var x = Tensor.From([1.5f, -2f]);
        Assert.Equal([1.5f, -2f], x.ToArray<float>());
        Assert.Equal([1.5, -2.0], x.ToArray());
    }

    [Fact]
    public void Indexers_read_elements_and_ranges()
    {
        var x = Tensor.From([0f, 1f, 2f, 3f, 4f, 5f], [2, 3]);
        Assert.Equal(5, x[1, 2].Item());
        Assert.Equal(3, x[-1, 0].Item());
        TensorAssert.Equal([3, 4, 5], x[1]);
        TensorAssert.Equal([3, 4, 5], x[1..], shape: [1, 3]);
        TensorAssert.Equal([1, 4], x.Select(1, 1));
    }

    [Fact]
    public void Index_out_of_range_fails_with_pytorchs_indexing_message()
    {
        var error = Assert.Throws<IndexOutOfRangeException>(() => Tensor.Ones([3])[5]);
        Assert.Equal("index 5 is out of bounds for dimension 0 with size 3", error.Message);
    }

    [Fact]
    public void Index_out_of_range_in_a_later_position_names_that_dimension()
    {
        var error = Assert.Throws<IndexOutOfRangeException>(() => Tensor.Ones([2, 3])[1, -4]);
        Assert.Equal("index -4 is out of bounds for dimension 1 with size 3", error.Message);
    }

    [Fact]
    public void More_indices_than_dimensions_fails()
    {
        var error = Assert.Throws<IndexOutOfRangeException>(() => Tensor.Ones([3])[1, 2]);
        Assert.Equal("too many indices for tensor of dimension 1", error.Message);
    }

    [Fact]
    public void Indexing_a_zero_dimensional_tensor_fails_pointing_to_item()
    {
        var error = Assert.Throws<IndexOutOfRangeException>(() => Tensor.Scalar(3)[0]);
        Assert.StartsWith("invalid index of a 0-dim tensor. Use `tensor.Item()`", error.Message);
    }

    [Fact]
    public void Select_out_of_range_fails_with_selects_message()
    {
        var error = Assert.Throws<IndexOutOfRangeException>(() => Tensor.Ones([3]).Select(0, 5));
        Assert.Equal("select(): index 5 out of range for tensor of size [3] at dimension 0", error.Message);
    }

    [Fact]
    public void Comparisons_give_bool_tensors_without_gradient()
    {
        var x = Tensor.From([1f, 2f, 3f], requiresGrad: true);
        var y = Tensor.From([3f, 2f, 1f]);
        var eq = x.Eq(y);
        Assert.Equal(DType.Bool, eq.DType);
        Assert.False(eq.RequiresGrad);
        Assert.Equal([0.0, 1, 0], eq.ToArray());
        Assert.Equal([1.0, 1, 0], x.Le(y).ToArray());
        Assert.Equal([1.0, 0, 0], x.Lt(y).ToArray());
        Assert.Equal([0.0, 0, 1], x.Gt(y).ToArray());
        Assert.Equal([0.0, 1, 1], x.Ge(y).ToArray());
        Assert.Equal([1.0, 0, 1], x.Ne(y).ToArray());
    }

    [Fact]
    public void All_and_any_reduce_to_a_bool_scalar()
    {
        var x = Tensor.From([1f, 2f]);
        Assert.Equal(1, x.Eq(x.Detach()).All().Item());
        Assert.Equal(0, x.Gt(1).All().Item());
        Assert.Equal(1, x.Gt(1).Any().Item());
        Assert.Equal(DType.Bool, x.Gt(1).Any().DType);
    }

    [Fact]
    public void Printing_a_leaf_that_requires_grad_says_so()
    {
        Assert.EndsWith(", requires_grad=True)", Tensor.Ones([2], requiresGrad: true).ToString());
    }

    [Fact]
    public void Printing_a_result_names_its_grad_fn()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        Assert.EndsWith(", grad_fn=<MeanBackward0>)", ((x + 2) * 3).Mean().ToString());
    }

    [Fact]
    public void Printing_a_tensor_without_grad_has_no_suffix()
    {
        var text = Tensor.Ones([2]).ToString();
        Assert.DoesNotContain("grad", text);
        Assert.StartsWith("tensor(", text);
    }

    [Fact]
    public void Integer_arithmetic_stays_integer_and_division_is_true_division()
    {
        var x = Tensor.From([1, 2, 3]);
        Assert.Equal(DType.Int64, (x + 1).DType);
        Assert.Equal(DType.Float32, (x / 2).DType);
        TensorAssert.Equal([0.5, 1, 1.5], x / 2);
        Assert.Equal(DType.Float32, (x * 0.5).DType);
    }

    [Fact]
    public void Adding_and_multiplying_two_bool_tensors_stays_bool_as_logical_or_and_and()
    {
        var a = Tensor.From([true, false, false]);
        var b = Tensor.From([true, true, false]);
        Assert.Equal("tensor([ True,  True, False])", (a + b).ToString());
        Assert.Equal("tensor([ True, False, False])", (a * b).ToString());
        Assert.Equal("tensor([ True,  True, False])", a.Maximum(b).ToString());
        Assert.Equal("tensor([ True, False, False])", a.Minimum(b).ToString());
    }

    [Fact]
    public void Bool_tensor_with_a_number_or_divided_leaves_bool()
    {
        var a = Tensor.From([true, false]);
        Assert.Equal("tensor([3, 2])", (a + 2).ToString());
        Assert.Equal(DType.Float32, (a / Tensor.From([true, true])).DType);
    }

    [Fact]
    public void Subtracting_two_bool_tensors_fails_pointing_to_xor()
    {
        var a = Tensor.From([true, false]);
        var error = Assert.Throws<InvalidOperationException>(() => a - a);
        Assert.Equal("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead. "
            + "(Here: a.Ne(b) is the logical xor of two masks.)", error.Message);
    }

    [Fact]
    public void Subtracting_with_one_bool_operand_fails_pointing_to_mask_inversion()
    {
        var mask = Tensor.From([true, false]);
        Assert.StartsWith("Subtraction, the `-` operator, with a bool tensor is not supported.",
            Assert.Throws<InvalidOperationException>(() => 1 - mask).Message);
        Assert.StartsWith("Subtraction, the `-` operator, with a bool tensor is not supported.",
            Assert.Throws<InvalidOperationException>(() => Tensor.From([1.0, 2.0]).Sub(mask, alpha: 2)).Message);
    }

    [Fact]
    public void Negating_a_bool_tensor_fails_pointing_to_mask_inversion()
    {
        var error = Assert.Throws<InvalidOperationException>(() => -Tensor.From([true, false]));
        Assert.Equal("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or "
            + "`logical_not()` operator instead. (Here: mask.Eq(0) inverts a mask.)", error.Message);
    }

    [Fact]
    public void Norm_of_an_integer_tensor_fails()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Tensor.From([1, -2]).Norm());
        Assert.Equal("norm(): input dtype should be either floating point or complex. Got Long instead.", error.Message);
    }

    [Fact]
    public void Float32_tensor_and_float64_scalar_tensor_compute_in_float32()
    {
        var x = Tensor.Ones([2]);
        Assert.Equal(DType.Float32, (x * Tensor.Scalar(2, dtype: DType.Float64)).DType);
        Assert.Equal(DType.Float64, (x * Tensor.Ones([2], dtype: DType.Float64)).DType);
    }
}
