using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Functional;

/// <summary>Misuses of the losses fail with PyTorch's words and say what to fix.</summary>
public class LossErrorTests
{
    [Fact]
    public void Binary_cross_entropy_with_logits_needs_a_target_of_the_input_size()
    {
        var error = Assert.Throws<TensorShapeException>(() => F.BinaryCrossEntropyWithLogits(Tensor.Ones([2]), Tensor.Ones([3])));
        Assert.Equal("Target size (torch.Size([3])) must be the same as input size (torch.Size([2]))", error.Message);
    }

    [Fact]
    public void Binary_cross_entropy_needs_a_target_of_the_input_size()
    {
        var error = Assert.Throws<TensorShapeException>(() => F.BinaryCrossEntropy(Tensor.Full([3], 0.5), Tensor.Ones([2])));
        Assert.Equal("Using a target size (torch.Size([2])) that is different to the input size (torch.Size([3])) is deprecated. Please ensure they have the same size.", error.Message);
    }

    [Fact]
    public void Binary_cross_entropy_rejects_inputs_outside_zero_to_one()
    {
        var error = Assert.Throws<ArgumentException>(() => F.BinaryCrossEntropy(Tensor.From([0.5f, 1.5f]), Tensor.Ones([2])));
        Assert.StartsWith("all elements of input should be between 0 and 1", error.Message);
    }

    [Fact]
    public void A_weight_that_does_not_broadcast_to_the_input_names_both_shapes()
    {
        var error = Assert.Throws<TensorShapeException>(() => F.BinaryCrossEntropyWithLogits(Tensor.Ones([2, 3]), Tensor.Ones([2, 3]), weight: Tensor.Ones([2])));
        Assert.Equal("weight of shape [2] cannot be broadcast to the input's shape [2, 3]", error.Message);
    }

    [Fact]
    public void Cross_entropy_target_out_of_range_names_the_target()
    {
        var error = Assert.Throws<ArgumentException>(() => F.CrossEntropy(Tensor.Ones([2, 3]), Tensor.From([1L, 5])));
        Assert.StartsWith("Target 5 is out of bounds.", error.Message);
    }

    [Fact]
    public void Cross_entropy_batch_sizes_must_match()
    {
        var error = Assert.Throws<TensorShapeException>(() => F.CrossEntropy(Tensor.Ones([3, 4]), Tensor.From([1L, 2])));
        Assert.Equal("Expected input batch_size (3) to match target batch_size (2).", error.Message);
    }

    [Fact]
    public void Cross_entropy_of_an_unbatched_input_needs_a_single_class_index()
    {
        var error = Assert.Throws<TensorShapeException>(() => F.CrossEntropy(Tensor.Ones([3]), Tensor.From([1L])));
        Assert.StartsWith("size mismatch (got input: [3], target: [1])", error.Message);
    }

    [Fact]
    public void Cross_entropy_over_positions_needs_the_target_to_match_them()
    {
        var error = Assert.Throws<TensorShapeException>(() => F.CrossEntropy(Tensor.Ones([2, 3, 4]), Tensor.Zeros([2, 3], dtype: DType.Int64)));
        Assert.Equal("Expected target size [2, 4], got [2, 3]", error.Message);
    }

    [Fact]
    public void Cross_entropy_with_floating_targets_of_another_shape_asks_for_class_indices()
    {
        var error = Assert.Throws<ArgumentException>(() => F.CrossEntropy(Tensor.Ones([2, 3]), Tensor.Ones([2])));
        Assert.StartsWith("expected scalar type Long but found Float", error.Message);
    }

    [Fact]
    public void Cross_entropy_class_weight_must_cover_every_class()
    {
        var error = Assert.Throws<TensorShapeException>(() => F.CrossEntropy(Tensor.Ones([2, 3]), Tensor.From([1L, 2]), weight: Tensor.Ones([2])));
        Assert.Equal("weight tensor should be defined either for all 3 classes or no classes but got weight tensor of shape: [2]", error.Message);
    }

    [Fact]
    public void Label_smoothing_outside_zero_to_one_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => F.CrossEntropy(Tensor.Ones([2, 3]), Tensor.From([1L, 2]), labelSmoothing: 1.5));
        Assert.StartsWith("label_smoothing must be between 0.0 and 1.0. Got: 1.5", error.Message);
    }

    [Fact]
    public void A_failed_loss_leaves_the_input_without_gradient_or_history()
    {
        var x = Tensor.Ones([2, 3], requiresGrad: true);
        Assert.Throws<ArgumentException>(() => F.CrossEntropy(x, Tensor.From([1L, 7])));
        Assert.Null(x.Grad);
        Assert.Equal(0, x.Version);
    }

    [Fact]
    public void A_target_changed_in_place_after_the_loss_fails_backward()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var t = Tensor.Zeros([2]);
        var loss = F.BinaryCrossEntropyWithLogits(x, t);
        t.Add_(1);
        var error = Assert.Throws<AutogradException>(() => loss.Backward());
        Assert.StartsWith("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]] is at version 1; expected version 0 instead.", error.Message);
    }
}
