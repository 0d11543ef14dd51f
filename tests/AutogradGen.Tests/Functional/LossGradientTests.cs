using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Functional;

/// <summary>Every loss's backward rule, for the input and the target, against central differences in float64, with each reduction.</summary>
public class LossGradientTests
{
    public static TheoryData<Reduction> Reductions => [Reduction.Mean, Reduction.Sum, Reduction.None];

    private static Tensor Logits() => GradientCheck.Input([2, 3], offset: 0.2, scale: 2);

    private static Tensor Probabilities() => GradientCheck.Input([2, 3], offset: 0.5, scale: 0.35);

    private static Tensor Targets() => Tensor.From([0.0, 1, 0.25, 0.9, 0, 0.6], [2, 3], requiresGrad: true);

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Binary_cross_entropy_with_logits_gradient_matches_central_differences(Reduction reduction) =>
        GradientCheck.AssertMatches(inputs => F.BinaryCrossEntropyWithLogits(inputs[0], inputs[1], reduction: reduction), Logits(), Targets());

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Binary_cross_entropy_with_logits_and_pos_weight_gradient_matches_central_differences(Reduction reduction)
    {
        var posWeight = Tensor.From([3.0, 0.5, 1.5]);
        GradientCheck.AssertMatches(inputs => F.BinaryCrossEntropyWithLogits(inputs[0], inputs[1], posWeight: posWeight, reduction: reduction), Logits(), Targets());
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Binary_cross_entropy_with_logits_and_weight_gradient_matches_central_differences(Reduction reduction)
    {
        var weight = Tensor.From([2.0, 0.5], [2, 1]);
        GradientCheck.AssertMatches(inputs => F.BinaryCrossEntropyWithLogits(inputs[0], inputs[1], weight: weight, reduction: reduction), Logits(), Targets());
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Binary_cross_entropy_gradient_matches_central_differences(Reduction reduction) =>
        GradientCheck.AssertMatches(inputs => F.BinaryCrossEntropy(inputs[0], inputs[1], reduction: reduction), Probabilities(), Targets());

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Binary_cross_entropy_with_weight_gradient_matches_central_differences(Reduction reduction)
    {
        var weight = Tensor.From([2.0, 0.5, 1]);
        GradientCheck.AssertMatches(inputs => F.BinaryCrossEntropy(inputs[0], inputs[1], weight: weight, reduction: reduction), Probabilities(), Targets());
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Mse_loss_gradient_matches_central_differences(Reduction reduction) =>
        GradientCheck.AssertMatches(inputs => F.MseLoss(inputs[0], inputs[1], reduction), Logits(), Targets());

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Mse_loss_gradient_is_summed_back_to_a_broadcast_target(Reduction reduction) =>
        GradientCheck.AssertMatches(inputs => F.MseLoss(inputs[0], inputs[1], reduction), Logits(), GradientCheck.Input([3], offset: -0.1));

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Cross_entropy_with_class_indices_gradient_matches_central_differences(Reduction reduction)
    {
        var target = Tensor.From([2L, 0]);
        GradientCheck.AssertMatches(inputs => F.CrossEntropy(inputs[0], target, reduction: reduction), Logits());
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Cross_entropy_with_class_weights_and_an_ignored_target_gradient_matches_central_differences(Reduction reduction)
    {
        var target = Tensor.From([2L, 0, -100, 1]);
        var weight = Tensor.From([0.5, 2, 1.5]);
        GradientCheck.AssertMatches(inputs => F.CrossEntropy(inputs[0], target, weight, reduction), GradientCheck.Input([4, 3]));
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Cross_entropy_over_positions_gradient_matches_central_differences(Reduction reduction)
    {
        var target = Tensor.From([0L, 2, 1, 1, 0, 2, 2, 1], [2, 2, 2]);
        GradientCheck.AssertMatches(inputs => F.CrossEntropy(inputs[0], target, reduction: reduction), GradientCheck.Input([2, 3, 2, 2]));
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Cross_entropy_over_a_sequence_gradient_matches_central_differences(Reduction reduction)
    {
        var target = Tensor.From([0L, 2, 1, 1, 0, 2], [2, 3]);
        GradientCheck.AssertMatches(inputs => F.CrossEntropy(inputs[0], target, reduction: reduction), GradientCheck.Input([2, 3, 3]));
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Cross_entropy_with_probabilities_gradient_matches_central_differences(Reduction reduction)
    {
        var weight = Tensor.From([0.5, 2, 1.5]);
        var probabilities = Tensor.From([0.2, 0.3, 0.5, 1, 0, 0], [2, 3], requiresGrad: true);
        GradientCheck.AssertMatches(inputs => F.CrossEntropy(inputs[0], inputs[1], weight, reduction), Logits(), probabilities);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Nll_loss_of_an_unbatched_input_gradient_matches_central_differences(Reduction reduction)
    {
        var target = Tensor.From([1L], []);
        GradientCheck.AssertMatches(inputs => F.NllLoss(inputs[0], target, reduction: reduction), GradientCheck.Input([4]));
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Cross_entropy_with_label_smoothing_gradient_matches_central_differences(Reduction reduction)
    {
        var target = Tensor.From([2L, 0, -100, 1]);
        var weight = Tensor.From([0.5, 2, 1.5]);
        GradientCheck.AssertMatches(inputs => F.CrossEntropy(inputs[0], target, weight, reduction, labelSmoothing: 0.25), GradientCheck.Input([4, 3]));
    }
}
