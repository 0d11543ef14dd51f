namespace AutogradGen.Tests.Graph;

/// <summary>Every autograd failure has PyTorch's wording and changes nothing.</summary>
public class ErrorMessageTests
{
    [Fact]
    public void Implicit_backward_on_a_non_scalar_fails()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        var error = Assert.Throws<AutogradException>(() => (x * 2).Backward());
        Assert.Equal("grad can be implicitly created only for scalar outputs", error.Message);
    }

    [Fact]
    public void Backward_on_a_tensor_without_history_fails()
    {
        var x = Tensor.Ones([1]);
        var error = Assert.Throws<AutogradException>(() => (x * 2).Backward());
        Assert.Equal("element 0 of tensors does not require grad and does not have a grad_fn", error.Message);
    }

    [Fact]
    public void Second_backward_without_retain_graph_fails()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var y = (x * x).Sum();
        y.Backward();
        var error = Assert.Throws<AutogradException>(() => y.Backward());
        Assert.StartsWith("Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed).", error.Message);
        Assert.Contains("Specify retain_graph=True if you need to backward through the graph a second time", error.Message);
    }

    [Fact]
    public void Gradient_of_the_wrong_shape_fails_naming_both_shapes()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var error = Assert.Throws<AutogradException>(() => (x * 2).Backward(Tensor.Ones([3])));
        Assert.Equal("Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of torch.Size([2]).", error.Message);
    }

    [Fact]
    public void Saved_tensor_modified_in_place_fails_with_versions()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        var y = x.Exp();
        y.Add_(1);
        var error = Assert.Throws<AutogradException>(() => y.Sum().Backward());
        Assert.StartsWith("one of the variables needed for gradient computation has been modified by an inplace operation: "
            + "[torch.FloatTensor [3]], which is output 0 of ExpBackward0, is at version 1; expected version 0 instead.", error.Message);
    }

    [Fact]
    public void Saved_leaf_modified_under_no_grad_fails_without_a_producer()
    {
        var x = Tensor.Ones([2], requiresGrad: true, dtype: DType.Float64);
        var y = (x * x).Sum();
        using (Autograd.NoGrad()) x.Mul_(2);
        var error = Assert.Throws<AutogradException>(() => y.Backward());
        Assert.StartsWith("one of the variables needed for gradient computation has been modified by an inplace operation: "
            + "[torch.DoubleTensor [2]] is at version 1; expected version 0 instead.", error.Message);
    }

    [Fact]
    public void In_place_operation_on_a_leaf_that_requires_grad_fails()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var error = Assert.Throws<AutogradException>(() => x.Add_(1));
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.", error.Message);
        Assert.Equal([1.0, 1.0], x.ToArray());
        Assert.Equal(0, x.Version);
    }

    [Fact]
    public void Turning_off_requires_grad_of_a_non_leaf_fails_with_the_detach_hint()
    {
        var y = Tensor.Ones([2], requiresGrad: true) * 2;
        var error = Assert.Throws<AutogradException>(() => y.RequiresGrad = false);
        Assert.Equal("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph "
            + "that doesn't require differentiation use var_no_grad = var.detach().", error.Message);
    }

    [Fact]
    public void Requiring_grad_on_an_integer_tensor_fails()
    {
        var error = Assert.Throws<AutogradException>(() => Tensor.From([1, 2, 3]).RequiresGrad_());
        Assert.Equal("Only Tensors of floating point and complex dtype can require gradients", error.Message);
    }

    [Fact]
    public void Grad_of_an_unused_input_fails_unless_allowed()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var unused = Tensor.Ones([2], requiresGrad: true);
        var y = (x * 2).Sum();
        var error = Assert.Throws<AutogradException>(() => Autograd.Grad([y], [x, unused], retainGraph: true));
        Assert.Equal("One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.", error.Message);
        var grads = Autograd.Grad([y], [x, unused], allowUnused: true);
        Assert.Equal([2.0, 2.0], grads[0]!.ToArray());
        Assert.Null(grads[1]);
    }

    [Fact]
    public void Grad_with_respect_to_a_tensor_that_does_not_require_grad_fails()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var constant = Tensor.Ones([2]);
        var error = Assert.Throws<AutogradException>(() => Autograd.Grad((x * constant).Sum(), constant));
        Assert.Equal("One of the differentiated Tensors does not require grad", error.Message);
    }

    [Fact]
    public void Retain_grad_on_a_tensor_that_does_not_require_grad_fails()
    {
        var error = Assert.Throws<AutogradException>(() => Tensor.Ones([2]).RetainGrad());
        Assert.Equal("can't retain_grad on Tensor that has requires_grad=False", error.Message);
    }

    [Fact]
    public void Setting_requires_grad_on_a_non_leaf_fails_without_the_detach_hint_when_turning_it_on()
    {
        var y = Tensor.Ones([2], requiresGrad: true) * 2;
        var error = Assert.Throws<AutogradException>(() => y.RequiresGrad = true);
        Assert.Equal("you can only change requires_grad flags of leaf variables.", error.Message);
    }

    [Fact]
    public void Matrix_product_of_mismatched_shapes_names_both_shapes()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Ones([5]).MatMul(Tensor.Ones([3, 3])));
        Assert.Equal("mat1 and mat2 shapes cannot be multiplied (1x5 and 3x3)", error.Message);
    }

    [Fact]
    public void Broadcasting_mismatched_sizes_names_both_sizes_and_the_dimension()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Ones([3]) + Tensor.Ones([2]));
        Assert.Equal("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0", error.Message);
    }

    [Fact]
    public void Failed_backward_leaves_every_grad_unchanged()
    {
        var a = Tensor.Ones([2], requiresGrad: true);
        var b = Tensor.Ones([2], requiresGrad: true);
        a.Grad = Tensor.Full([2], 7);
        var y = a.Exp() + b * b;
        using (Autograd.NoGrad()) b.Mul_(2);
        Assert.Throws<AutogradException>(() => y.Sum().Backward());
        Assert.Equal([7.0, 7.0], a.Grad.ToArray());
        Assert.Null(b.Grad);
    }

    [Fact]
    public void Failed_backward_keeps_the_graph_for_a_corrected_retry()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var y = x * x;
        Assert.Throws<AutogradException>(() => y.Backward(Tensor.Ones([3])));
        y.Backward(Tensor.Ones([2]));
        Assert.Equal([2.0, 2.0], x.Grad!.ToArray());
    }

    [Fact]
    public void Failed_grad_call_keeps_the_graph_for_a_corrected_retry()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var unused = Tensor.Ones([2], requiresGrad: true);
        var y = (x * x).Sum();
        Assert.Throws<AutogradException>(() => Autograd.Grad([y], [x, unused]));
        var grads = Autograd.Grad([y], [x, unused], allowUnused: true);
        Assert.Equal([2.0, 2.0], grads[0]!.ToArray());
        Assert.Null(grads[1]);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Assigning_a_grad_of_another_shape_fails()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var error = Assert.Throws<ArgumentException>(() => x.Grad = Tensor.Ones([3]));
        Assert.StartsWith("assigned grad has data of a different size", error.Message);
    }
}
