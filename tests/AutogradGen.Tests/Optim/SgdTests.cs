using AutogradGen.Optim;

namespace AutogradGen.Tests.Optim;

/// <summary>SGD's updates against hand-computed ones: plain, momentum, dampening, Nesterov, weight decay, maximize.</summary>
public class SgdTests
{
    private const double Lr = 0.1;
    private const double Grad = 0.5;

    /// <summary>Runs <paramref name="steps"/> steps on the parameter [1] with gradient 0.5 each time; returns the parameter.</summary>
    private static double AfterSteps(int steps, Func<Tensor, SGD> create)
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        var optimizer = create(p);
        for (int i = 0; i < steps; i++)
        {
            p.Grad = Tensor.From([Grad]);
            optimizer.Step();
        }
        return p.Item();
    }

    [Fact]
    public void Plain_step_subtracts_the_learning_rate_times_the_gradient()
    {
        var p = Tensor.From([1.0, 2], requiresGrad: true);
        p.Grad = Tensor.From([0.5, -1]);
        new SGD([p], lr: Lr).Step();
        Assert.Equal([1 - (Lr * 0.5), 2 + (Lr * 1)], p.ToArray());
    }

    [Fact]
    public void Momentum_buffer_starts_as_the_gradient_then_accumulates()
    {
        double first = 1 - (Lr * Grad);
        double buffer = (0.9 * Grad) + Grad;
        Assert.Equal(first, AfterSteps(1, p => new SGD([p], lr: Lr, momentum: 0.9)), 15);
        Assert.Equal(first - (Lr * buffer), AfterSteps(2, p => new SGD([p], lr: Lr, momentum: 0.9)), 15);
    }

    [Fact]
    public void Dampening_scales_each_new_gradient_entering_the_buffer()
    {
        double buffer = (0.9 * Grad) + (0.5 * Grad);
        double expected = 1 - (Lr * Grad) - (Lr * buffer);
        Assert.Equal(expected, AfterSteps(2, p => new SGD([p], lr: Lr, momentum: 0.9, dampening: 0.5)), 15);
    }

    [Fact]
    public void Nesterov_steps_along_the_gradient_plus_momentum_times_the_buffer()
    {
        double buffer1 = Grad;
        double p1 = 1 - (Lr * (Grad + (0.9 * buffer1)));
        double buffer2 = (0.9 * buffer1) + Grad;
        double p2 = p1 - (Lr * (Grad + (0.9 * buffer2)));
        Assert.Equal(p1, AfterSteps(1, p => new SGD([p], lr: Lr, momentum: 0.9, nesterov: true)), 15);
        Assert.Equal(p2, AfterSteps(2, p => new SGD([p], lr: Lr, momentum: 0.9, nesterov: true)), 15);
    }

    [Fact]
    public void Weight_decay_adds_the_decay_times_the_parameter_to_the_gradient()
    {
        Assert.Equal(1 - (Lr * (Grad + (0.1 * 1))), AfterSteps(1, p => new SGD([p], lr: Lr, weightDecay: 0.1)), 15);
    }

    [Fact]
    public void Weight_decay_enters_the_momentum_buffer()
    {
        double g1 = Grad + (0.1 * 1);
        double p1 = 1 - (Lr * g1);
        double g2 = Grad + (0.1 * p1);
        double p2 = p1 - (Lr * ((0.9 * g1) + g2));
        Assert.Equal(p2, AfterSteps(2, p => new SGD([p], lr: Lr, momentum: 0.9, weightDecay: 0.1)), 15);
    }

    [Fact]
    public void Maximize_climbs_the_gradient()
    {
        Assert.Equal(1 + (Lr * Grad), AfterSteps(1, p => new SGD([p], lr: Lr, maximize: true)), 15);
    }

    [Fact]
    public void Momentum_buffer_is_exposed_after_the_first_step()
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        var optimizer = new SGD([p], lr: Lr, momentum: 0.9);
        Assert.Null(optimizer.MomentumBuffer(0));
        p.Grad = Tensor.From([Grad]);
        optimizer.Step();
        Assert.Equal([Grad], optimizer.MomentumBuffer(0)!.ToArray());
    }

    [Fact]
    public void Float32_parameters_update_in_float32()
    {
        var p = Tensor.From([1f], requiresGrad: true);
        p.Grad = Tensor.From([0.5f]);
        new SGD([p], lr: 0.1).Step();
        Assert.Equal(DType.Float32, p.DType);
        Assert.Equal(1f - (0.1f * 0.5f), (float)p.Item());
    }

    [Fact]
    public void Nesterov_without_momentum_is_rejected()
    {
        var p = Tensor.Ones([1], requiresGrad: true);
        var error = Assert.Throws<ArgumentException>(() => new SGD([p], lr: 0.1, nesterov: true));
        Assert.Equal("Nesterov momentum requires a momentum and zero dampening", error.Message);
    }

    [Theory]
    [InlineData(-0.1, 0, 0, "Invalid learning rate: -0.1")]
    [InlineData(0.1, -0.5, 0, "Invalid momentum value: -0.5")]
    [InlineData(0.1, 0, -1, "Invalid weight_decay value: -1.0")]
    public void Invalid_hyperparameters_are_rejected_in_pytorchs_words(double lr, double momentum, double weightDecay, string message)
    {
        var p = Tensor.Ones([1], requiresGrad: true);
        var error = Assert.Throws<ArgumentException>(() => new SGD([p], lr, momentum, weightDecay: weightDecay));
        Assert.Equal(message, error.Message);
    }
}
