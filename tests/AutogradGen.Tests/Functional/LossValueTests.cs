using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Functional;

/// <summary>Loss values against hand-computed ones, with each reduction, and the grad_fn each loss records.</summary>
public class LossValueTests
{
    private static readonly double Ln2 = Math.Log(2);
    private static readonly double SoftplusOfTwo = Math.Log(1 + Math.Exp(2));

    // -log softmax([1, 2, 3])[2] and [0]
    private static readonly double LastOfOneTwoThree = Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)) - 3;
    private static readonly double FirstOfOneTwoThree = LastOfOneTwoThree + 2;

    [Fact]
    public void Binary_cross_entropy_with_logits_is_the_softplus_of_the_wrong_sign_logit()
    {
        var x = Tensor.From([0.0, 2]);
        var t = Tensor.From([1.0, 0]);
        TensorAssert.Equal([Ln2, SoftplusOfTwo], F.BinaryCrossEntropyWithLogits(x, t, reduction: Reduction.None), precision: 12);
        Assert.Equal(Ln2 + SoftplusOfTwo, F.BinaryCrossEntropyWithLogits(x, t, reduction: Reduction.Sum).Item(), 12);
        Assert.Equal((Ln2 + SoftplusOfTwo) / 2, F.BinaryCrossEntropyWithLogits(x, t).Item(), 12);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_pos_weight_scales_only_the_positive_term()
    {
        var x = Tensor.From([0.0, 2]);
        var t = Tensor.From([1.0, 0]);
        var loss = F.BinaryCrossEntropyWithLogits(x, t, posWeight: Tensor.From([3.0]), reduction: Reduction.None);
        TensorAssert.Equal([3 * Ln2, SoftplusOfTwo], loss, precision: 12);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_weight_scales_each_element()
    {
        var loss = F.BinaryCrossEntropyWithLogits(Tensor.From([0.0, 2]), Tensor.From([1.0, 0]), weight: Tensor.From([2.0, 0.5]), reduction: Reduction.None);
        TensorAssert.Equal([2 * Ln2, 0.5 * SoftplusOfTwo], loss, precision: 12);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_of_huge_logits_stays_finite()
    {
        var loss = F.BinaryCrossEntropyWithLogits(Tensor.From([100f, -100f]), Tensor.From([0f, 1f]), reduction: Reduction.None);
        TensorAssert.Equal([100, 100], loss);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_gradient_of_the_mean_is_sigmoid_minus_target_over_count()
    {
        var x = Tensor.From([0f, 2f], requiresGrad: true);
        F.BinaryCrossEntropyWithLogits(x, Tensor.From([1f, 0f])).Backward();
        double sigmoidOfTwo = 1 / (1 + Math.Exp(-2));
        TensorAssert.Equal([(0.5 - 1) / 2, sigmoidOfTwo / 2], x.Grad, precision: 6);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_second_derivative_is_the_sigmoid_slope()
    {
        var x = Tensor.Scalar(0.4, requiresGrad: true, dtype: DType.Float64);
        var first = Autograd.Grad(F.BinaryCrossEntropyWithLogits(x, Tensor.Scalar(1, dtype: DType.Float64)), x, createGraph: true)[0]!;
        var second = Autograd.Grad(first, x)[0]!;
        double s = 1 / (1 + Math.Exp(-0.4));
        Assert.Equal(s * (1 - s), second.Item(), 12);
    }

    [Fact]
    public void Binary_cross_entropy_is_the_negative_log_of_the_probability_of_the_target()
    {
        var x = Tensor.From([0.5, 0.9]);
        var t = Tensor.From([1.0, 0]);
        TensorAssert.Equal([Ln2, Math.Log(10)], F.BinaryCrossEntropy(x, t, reduction: Reduction.None), precision: 12);
        Assert.Equal(Ln2 + Math.Log(10), F.BinaryCrossEntropy(x, t, reduction: Reduction.Sum).Item(), 12);
        Assert.Equal((Ln2 + Math.Log(10)) / 2, F.BinaryCrossEntropy(x, t).Item(), 12);
    }

    [Fact]
    public void Binary_cross_entropy_clamps_each_log_at_minus_one_hundred()
    {
        var loss = F.BinaryCrossEntropy(Tensor.From([0f, 1f]), Tensor.From([1f, 0f]), reduction: Reduction.None);
        TensorAssert.Equal([100, 100], loss);
    }

    [Fact]
    public void Binary_cross_entropy_gradient_stays_finite_at_a_certain_wrong_prediction()
    {
        var x = Tensor.From([0.0], requiresGrad: true);
        F.BinaryCrossEntropy(x, Tensor.From([1.0])).Backward();
        TensorAssert.Equal([-1e12], x.Grad, precision: 0);
    }

    [Fact]
    public void Mse_loss_averages_sums_or_keeps_the_squared_errors()
    {
        var x = Tensor.From([1.0, 2, 3]);
        var y = Tensor.From([1.0, 0, 0]);
        TensorAssert.Equal([0, 4, 9], F.MseLoss(x, y, Reduction.None));
        Assert.Equal(13, F.MseLoss(x, y, Reduction.Sum).Item());
        Assert.Equal(13.0 / 3, F.MseLoss(x, y).Item(), 12);
    }

    [Fact]
    public void Mse_loss_gradient_is_twice_the_error_over_the_count()
    {
        var x = Tensor.From([1f, 2f, 3f], requiresGrad: true);
        F.MseLoss(x, Tensor.From([1f, 0f, 0f])).Backward();
        TensorAssert.Equal([0, 4.0 / 3, 2], x.Grad, precision: 6);
    }

    [Fact]
    public void Mse_loss_mean_divides_by_the_broadcast_element_count()
    {
        var loss = F.MseLoss(Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } }), Tensor.From([1.0, 2]));
        Assert.Equal((0 + 0 + 4 + 4) / 4.0, loss.Item(), 12);
    }

    [Fact]
    public void Cross_entropy_of_class_indices_is_the_mean_negative_log_softmax_of_the_targets()
    {
        var input = Tensor.From(new double[,] { { 1, 2, 3 }, { 1, 1, 1 } });
        var target = Tensor.From([2L, 0]);
        double first = LastOfOneTwoThree, second = Math.Log(3);
        TensorAssert.Equal([first, second], F.CrossEntropy(input, target, reduction: Reduction.None), precision: 10);
        Assert.Equal(first + second, F.CrossEntropy(input, target, reduction: Reduction.Sum).Item(), 10);
        Assert.Equal((first + second) / 2, F.CrossEntropy(input, target).Item(), 10);
    }

    [Fact]
    public void Cross_entropy_mean_with_class_weights_divides_by_the_total_weight()
    {
        var input = Tensor.From(new double[,] { { 1, 2, 3 }, { 1, 1, 1 } });
        var loss = F.CrossEntropy(input, Tensor.From([2L, 0]), weight: Tensor.From([1.0, 1, 2]));
        Assert.Equal(((2 * LastOfOneTwoThree) + Math.Log(3)) / 3, loss.Item(), 10);
    }

    [Fact]
    public void Cross_entropy_ignores_targets_equal_to_the_ignore_index()
    {
        var input = Tensor.From(new double[,] { { 1, 2, 3 }, { 1, 1, 1 } });
        Assert.Equal(LastOfOneTwoThree, F.CrossEntropy(input, Tensor.From([2L, -100])).Item(), 10);
        Assert.Equal(Math.Log(3), F.CrossEntropy(input, Tensor.From([2L, 0]), ignoreIndex: 2).Item(), 10);
    }

    [Fact]
    public void Cross_entropy_of_an_unbatched_input_takes_a_single_class_index()
    {
        var loss = F.CrossEntropy(Tensor.From([1.0, 2, 3]), Tensor.From([2L], []));
        Assert.Equal(LastOfOneTwoThree, loss.Item(), 10);
    }

    [Fact]
    public void Cross_entropy_of_one_hot_probabilities_equals_that_of_the_class_index()
    {
        var input = Tensor.From(new double[,] { { 1, 2, 3 } });
        Assert.Equal(F.CrossEntropy(input, Tensor.From([2L])).Item(), F.CrossEntropy(input, Tensor.From(new double[,] { { 0, 0, 1 } })).Item(), 12);
    }

    [Fact]
    public void Cross_entropy_of_soft_probabilities_weighs_each_class_log_probability()
    {
        var loss = F.CrossEntropy(Tensor.From(new double[,] { { 1, 2, 3 } }), Tensor.From(new double[,] { { 0.5, 0, 0.5 } }));
        Assert.Equal((FirstOfOneTwoThree + LastOfOneTwoThree) / 2, loss.Item(), 10);
    }

    [Fact]
    public void Cross_entropy_gradient_is_softmax_minus_one_hot_over_the_batch()
    {
        var x = Tensor.From(new float[,] { { 1, 2, 3 }, { 1, 1, 1 } }, requiresGrad: true);
        F.CrossEntropy(x, Tensor.From([2L, 0])).Backward();
        TensorAssert.Equal([0.09003057 / 2, 0.24472847 / 2, (0.66524096 - 1) / 2, (1.0 / 3 - 1) / 2, 1.0 / 6, 1.0 / 6], x.Grad, precision: 5);
    }

    [Fact]
    public void Cross_entropy_of_a_sequence_keeps_the_positions_without_reduction()
    {
        var loss = F.CrossEntropy(Tensor.Zeros([2, 4, 3]), Tensor.Zeros([2, 3], dtype: DType.Int64), reduction: Reduction.None);
        Assert.Equal([2, 3], loss.Shape);
        TensorAssert.Equal([.. Enumerable.Repeat(Math.Log(4), 6)], loss);
    }

    public static TheoryData<string, string> GradFnNames => new()
    {
        { "bce with logits", "BinaryCrossEntropyWithLogitsBackward0" },
        { "bce with logits, no reduction", "BinaryCrossEntropyWithLogitsBackward0" },
        { "bce", "BinaryCrossEntropyBackward0" },
        { "mse", "MseLossBackward0" },
        { "cross entropy", "NllLossBackward0" },
        { "cross entropy, no reduction", "NllLossBackward0" },
        { "cross entropy 4-d", "NllLoss2DBackward0" },
        { "cross entropy 3-d, no reduction", "ViewBackward0" },
        { "cross entropy of probabilities", "DivBackward1" },
        { "cross entropy of probabilities, sum", "NegBackward0" },
        { "cross entropy of probabilities, no reduction", "NegBackward0" },
        { "cross entropy 3-d", "NllLoss2DBackward0" },
    };

    [Theory]
    [MemberData(nameof(GradFnNames))]
    public void Each_loss_records_pytorchs_grad_fn(string loss, string expected)
    {
        var x = Tensor.Full([2, 3], 0.5, requiresGrad: true);
        var target = Tensor.From([1L, 2]);
        var result = loss switch
        {
            "bce with logits" => F.BinaryCrossEntropyWithLogits(x, Tensor.OnesLike(x)),
            "bce with logits, no reduction" => F.BinaryCrossEntropyWithLogits(x, Tensor.OnesLike(x), reduction: Reduction.None),
            "bce" => F.BinaryCrossEntropy(x, Tensor.OnesLike(x)),
            "mse" => F.MseLoss(x, Tensor.OnesLike(x)),
            "cross entropy" => F.CrossEntropy(x, target),
            "cross entropy, no reduction" => F.CrossEntropy(x, target, reduction: Reduction.None),
            "cross entropy 4-d" => F.CrossEntropy(x.Reshape([2, 3, 1, 1]), target.Reshape([2, 1, 1])),
            "cross entropy 3-d, no reduction" => F.CrossEntropy(x.Reshape([2, 3, 1]), target.Reshape([2, 1]), reduction: Reduction.None),
            "cross entropy of probabilities" => F.CrossEntropy(x, Tensor.OnesLike(x) / 3),
            "cross entropy of probabilities, sum" => F.CrossEntropy(x, Tensor.OnesLike(x) / 3, reduction: Reduction.Sum),
            "cross entropy of probabilities, no reduction" => F.CrossEntropy(x, Tensor.OnesLike(x) / 3, reduction: Reduction.None),
            _ => F.CrossEntropy(x.Reshape([2, 3, 1]), target.Reshape([2, 1])),
        };
        Assert.Equal(expected, result.GradFn!.Name);
    }

    [Fact]
    public void Cross_entropy_composes_nll_loss_after_log_softmax()
    {
        var loss = F.CrossEntropy(Tensor.Ones([2, 3], requiresGrad: true), Tensor.From([0L, 1]));
        Assert.Equal("NllLossBackward0", loss.GradFn!.Name);
        Assert.Equal("LogSoftmaxBackward0", loss.GradFn.NextFunctions[0].Node!.Name);
    }

    [Fact]
    public void Loss_prints_with_its_grad_fn_as_pytorch_does()
    {
        var loss = F.MseLoss(Tensor.From([1f, 2f], requiresGrad: true), Tensor.From([1f, 0f]));
        Assert.Equal("tensor(2., grad_fn=<MseLossBackward0>)", loss.ToString());
    }

    [Fact]
    public void Loss_of_inputs_that_do_not_require_grad_records_nothing()
    {
        var loss = F.BinaryCrossEntropyWithLogits(Tensor.Ones([2]), Tensor.Zeros([2]));
        Assert.Null(loss.GradFn);
        Assert.False(loss.RequiresGrad);
    }

    [Fact]
    public void Loss_gradient_reaches_a_target_that_requires_grad()
    {
        var t = Tensor.From([0.25, 0.75], requiresGrad: true);
        F.BinaryCrossEntropyWithLogits(Tensor.From([1.0, -2]), t, reduction: Reduction.Sum).Backward();
        TensorAssert.Equal([-1, 2], t.Grad, precision: 12);
    }
}
