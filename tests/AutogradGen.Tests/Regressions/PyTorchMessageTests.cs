using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Regressions;

/// <summary>
/// Issue 13, item 8: failures say what PyTorch 2.x says, word for word (our hints only after its sentence), and a
/// failed call changes nothing. Sources: torch/csrc/autograd/saved_variable.cpp (unpack), torch/autograd/__init__.py
/// (_make_grads), aten/src/ATen/native/TensorAdvancedIndexing.cpp (index_select_out_cpu_), BinaryOps.h (sub_check),
/// LossNLL.cpp (cross_entropy_loss, nll_loss_nd).
/// </summary>
public class PyTorchMessageTests
{
    [Fact]
    public void A_saved_input_changed_in_place_names_its_grad_fn_at_the_time_of_backward()
    {
        // z = y * y saves y as an input; after y.add_(1) y's grad_fn is the in-place AddBackward0 (the one named).
        var x = Tensor.Ones([3], requiresGrad: true, dtype: DType.Float64);
        var y = x * 2;
        var z = y * y;
        y.Add_(1);
        var error = Assert.Throws<AutogradException>(() => z.Sum().Backward());
        Assert.StartsWith("one of the variables needed for gradient computation has been modified by an inplace operation: "
            + "[torch.DoubleTensor [3]], which is output 0 of AddBackward0, is at version 1; expected version 0 instead. "
            + "Hint: enable anomaly detection to find the operation that failed to compute its gradient, with "
            + "torch.autograd.set_detect_anomaly(True).", error.Message);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void The_issue_case_y_is_x_plus_one_names_AddBackward0()
    {
        var x = Tensor.Ones([3], requiresGrad: true, dtype: DType.Float64);
        var y = x + 1;
        var z = y * y;
        y.Add_(1);
        var error = Assert.Throws<AutogradException>(() => z.Sum().Backward());
        Assert.Contains("[torch.DoubleTensor [3]], which is output 0 of AddBackward0, is at version 1; expected version 0 instead.", error.Message);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void A_saved_output_changed_in_place_names_the_node_that_saved_it()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true, dtype: DType.Float64);
        var y = x.Exp();
        y.Mul_(3);
        var error = Assert.Throws<AutogradException>(() => y.Sum().Backward());
        Assert.Contains("[torch.DoubleTensor [2, 2]], which is output 0 of ExpBackward0, is at version 1;", error.Message);
    }

    [Fact]
    public void A_gradient_of_the_wrong_shape_prints_torch_sizes_and_changes_nothing()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        var y = x * 2;
        var error = Assert.Throws<AutogradException>(() => y.Backward(Tensor.Ones([2])));
        Assert.Equal("Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of torch.Size([3]).", error.Message);
        Assert.Null(x.Grad);
        // The graph was not consumed: a correct call still works.
        y.Backward(Tensor.Ones([3]));
        TensorAssert.Equal([2, 2, 2], x.Grad);
    }

    [Fact]
    public void A_zero_dimensional_output_prints_an_empty_torch_size()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        var error = Assert.Throws<AutogradException>(() => x.Sum().Backward(Tensor.Ones([1])));
        Assert.Equal("Mismatch in shape: grad_output[0] has a shape of torch.Size([1]) and output[0] has a shape of torch.Size([]).", error.Message);
    }

    [Theory]
    [InlineData(3L)]
    [InlineData(-1L)]
    public void Index_select_out_of_range_says_index_out_of_range_in_self(long index)
    {
        var x = Tensor.From(new[] { 1.0, 2, 3 }, requiresGrad: true);
        var error = Assert.Throws<IndexOutOfRangeException>(() => x.IndexSelect(0, Tensor.From([0L, index])));
        Assert.StartsWith("index out of range in self", error.Message);
        Assert.Null(x.GradFn);
        Assert.Equal([1.0, 2, 3], x.ToArray());
    }

    [Fact]
    public void Bool_minus_bool_points_to_xor_in_pytorchs_words()
    {
        var a = Tensor.From([true, false]);
        var error = Assert.Throws<InvalidOperationException>(() => a.Sub(a));
        Assert.StartsWith("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.", error.Message);
        var b = Tensor.From([true, true]);
        Assert.Throws<InvalidOperationException>(() => b.Sub_(a));
        Assert.Equal([true, true], b.ToArray().Select(v => v != 0));
        Assert.Equal(0, b.Version);
    }

    [Theory]
    [InlineData(new[] { 3 }, "expected scalar type Long but found Float")]
    [InlineData(new[] { 3, 4 }, "0D or 1D target tensor expected, multi-target not supported")]
    [InlineData(new[] { 2 }, "Expected input batch_size (3) to match target batch_size (2).")]
    public void Cross_entropy_with_a_float_target_of_another_shape_fails_as_nll_loss_does(int[] targetShape, string message)
    {
        // Not the input's shape, so not class probabilities: libtorch goes to nll_loss_nd, which checks the shapes,
        // then its kernel reads the target as int64.
        var input = Tensor.Ones([3, 5], requiresGrad: true);
        var error = Assert.ThrowsAny<Exception>(() => F.CrossEntropy(input, Tensor.Ones(targetShape)));
        Assert.StartsWith(message, error.Message);
        Assert.Null(input.Grad);
    }
}
