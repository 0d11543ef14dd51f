using AutogradGen.Optim;

namespace AutogradGen.Tests.Optim;

/// <summary>Adam's updates against hand-computed ones over two steps, with weight decay and AMSGrad.</summary>
public class AdamTests
{
    private const double Lr = 0.1;
    private const double Eps = 1e-8;

    /// <summary>Steps the parameter [1] once per gradient in <paramref name="grads"/>; returns the parameter and the optimiser.</summary>
    private static (double Value, Adam Optimizer) AfterSteps(double[] grads, bool amsGrad = false, double weightDecay = 0)
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        var optimizer = new Adam([p], lr: Lr, weightDecay: weightDecay, amsGrad: amsGrad);
        foreach (double g in grads)
        {
            p.Grad = Tensor.From([g]);
            optimizer.Step();
        }
        return (p.Item(), optimizer);
    }

    [Fact]
    public void First_step_moves_by_the_learning_rate_against_the_gradient_sign()
    {
        // m = 0.1 g, v = 0.001 g²; corrected: m / 0.1 = g, sqrt(v / 0.001) = |g|.
        double m = 0.1 * 0.5, v = 0.001 * 0.25;
        double expected = 1 - (Lr / 0.1 * m / ((Math.Sqrt(v) / Math.Sqrt(0.001)) + Eps));
        Assert.Equal(expected, AfterSteps([0.5]).Value, 15);
    }

    [Fact]
    public void Second_step_uses_both_moments_with_their_bias_corrections()
    {
        double m1 = 0.1 * 0.5, v1 = 0.001 * 0.25;
        double p1 = 1 - (Lr / 0.1 * m1 / ((Math.Sqrt(v1) / Math.Sqrt(0.001)) + Eps));
        double m2 = m1 + (0.1 * (-1 - m1)), v2 = (0.999 * v1) + (0.001 * 1);
        double corrected1 = 1 - (0.9 * 0.9), corrected2 = 1 - (0.999 * 0.999);
        double p2 = p1 - (Lr / corrected1 * m2 / ((Math.Sqrt(v2) / Math.Sqrt(corrected2)) + Eps));
        var (value, optimizer) = AfterSteps([0.5, -1]);
        Assert.Equal(p2, value, 14);
        Assert.Equal(2, optimizer.StepCount(0));
        Assert.Equal(m2, optimizer.ExpAvg(0)!.Item(), 15);
        Assert.Equal(v2, optimizer.ExpAvgSq(0)!.Item(), 15);
    }

    [Fact]
    public void Weight_decay_adds_the_decay_times_the_parameter_to_the_gradient()
    {
        double g = 0.5 + (0.1 * 1);
        double m = 0.1 * g, v = 0.001 * g * g;
        double expected = 1 - (Lr / 0.1 * m / ((Math.Sqrt(v) / Math.Sqrt(0.001)) + Eps));
        Assert.Equal(expected, AfterSteps([0.5], weightDecay: 0.1).Value, 15);
    }

    [Fact]
    public void Amsgrad_divides_by_the_largest_second_moment_so_far()
    {
        // A zero second gradient shrinks v (0.999 v1 < v1): AMSGrad keeps v1 in the denominator.
        double m1 = 0.1, v1 = 0.001;
        double p1 = 1 - (Lr / 0.1 * m1 / ((Math.Sqrt(v1) / Math.Sqrt(0.001)) + Eps));
        double m2 = m1 + (0.1 * (0 - m1));
        double corrected1 = 1 - (0.9 * 0.9), corrected2 = 1 - (0.999 * 0.999);
        double withMax = p1 - (Lr / corrected1 * m2 / ((Math.Sqrt(v1) / Math.Sqrt(corrected2)) + Eps));
        double withoutMax = p1 - (Lr / corrected1 * m2 / ((Math.Sqrt(0.999 * v1) / Math.Sqrt(corrected2)) + Eps));
        Assert.Equal(withMax, AfterSteps([1, 0], amsGrad: true).Value, 14);
        Assert.Equal(withoutMax, AfterSteps([1, 0]).Value, 14);
    }

    [Fact]
    public void A_parameter_without_gradient_keeps_its_step_count()
    {
        var a = Tensor.From([1.0], requiresGrad: true);
        var b = Tensor.From([1.0], requiresGrad: true);
        var optimizer = new Adam([a, b], lr: Lr);
        a.Grad = Tensor.From([0.5]);
        optimizer.Step();
        Assert.Equal(1, optimizer.StepCount(0));
        Assert.Equal(0, optimizer.StepCount(1));
        Assert.Equal(1, b.Item());
    }

    [Theory]
    [InlineData(-1e-3, 0.9, 0.999, 1e-8, "Invalid learning rate: -0.001")]
    [InlineData(-1e-5, 0.9, 0.999, 1e-8, "Invalid learning rate: -1e-05")]
    [InlineData(1e-3, 1.0, 0.999, 1e-8, "Invalid beta parameter at index 0: 1.0")]
    [InlineData(1e-3, 0.9, -0.5, 1e-8, "Invalid beta parameter at index 1: -0.5")]
    [InlineData(1e-3, 0.9, 0.999, -1, "Invalid epsilon value: -1.0")]
    public void Invalid_hyperparameters_are_rejected_in_pytorchs_words(double lr, double beta1, double beta2, double eps, string message)
    {
        var p = Tensor.Ones([1], requiresGrad: true);
        var error = Assert.Throws<ArgumentException>(() => new Adam([p], lr, (beta1, beta2), eps));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void AdamW_shrinks_the_parameter_before_the_adam_step_instead_of_decaying_the_gradient()
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        p.Grad = Tensor.From([0.5]);
        new AdamW([p], lr: Lr, weightDecay: 0.2).Step();
        // m / (1 - 0.9) = g and sqrt(v / (1 - 0.999)) = |g|: the Adam step is lr g / (|g| + eps) after the shrink.
        double expected = (1 * (1 - (Lr * 0.2))) - (Lr * 0.5 / (0.5 + Eps));
        Assert.Equal(expected, p.Item(), 12);
    }

    [Fact]
    public void AdamW_decays_by_a_hundredth_by_default()
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        Assert.Equal(0.01, new AdamW([p]).WeightDecay);
    }
}
