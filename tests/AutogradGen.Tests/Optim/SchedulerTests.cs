using AutogradGen.Optim;
using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Optim;

/// <summary>
/// Learning-rate schedulers step by step against PyTorch 1.13.1:
/// <code>
/// o = torch.optim.SGD([p], lr=0.1, momentum=0.9)  # or Adam([p], lr=0.1)
/// s = Scheduler(o, ...)
/// for _ in range(n): lrs.append(o.param_groups[0]['lr']); moms.append(momentum or betas[0]); o.step(); s.step()
/// </code>
/// </summary>
public class SchedulerTests
{
    private static (double[] Rates, double[] Momenta) Trace(Func<Optimizer, LRScheduler> make, int steps, bool adam = false)
    {
        var p = Tensor.Zeros([1], requiresGrad: true);
        Optimizer optimizer = adam ? new Adam([p], lr: 0.1) : new SGD([p], lr: 0.1, momentum: 0.9);
        var scheduler = make(optimizer);
        var rates = new double[steps];
        var momenta = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            rates[i] = optimizer.ParamGroups[0].LearningRate;
            momenta[i] = optimizer.ParamGroups[0].Momentum;
            optimizer.Step();
            scheduler.Step();
        }
        return (rates, momenta);
    }

    [Fact]
    public void StepLR_matches_PyTorch() =>
        // StepLR(o, 3, gamma=0.5)
        TensorAssert.Equal([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025], Tensor.From(Trace(o => new StepLR(o, 3, gamma: 0.5), 8).Rates), precision: 15);

    [Fact]
    public void CosineAnnealingLR_matches_PyTorch_past_T_max() =>
        // CosineAnnealingLR(o, 5, eta_min=0.001)
        TensorAssert.Equal([0.1, 0.0905463412215599, 0.06579634122155989, 0.035203658778440096, 0.010453658778440105, 0.001, 0.010453658778440102, 0.03520365877844012, 0.06579634122155993, 0.09054634122155995, 0.10000000000000005, 0.09054634122155998],
            Tensor.From(Trace(o => new CosineAnnealingLR(o, 5, etaMin: 0.001), 12).Rates), precision: 15);

    [Fact]
    public void LinearLR_matches_PyTorch() =>
        // LinearLR(o)
        TensorAssert.Equal([0.03333333333333333, 0.04666666666666667, 0.060000000000000005, 0.07333333333333335, 0.08666666666666668, 0.1, 0.1, 0.1],
            Tensor.From(Trace(o => new LinearLR(o), 8).Rates), precision: 15);

    [Fact]
    public void OneCycleLR_matches_PyTorch_with_its_momentum_cycle()
    {
        // OneCycleLR(o, max_lr=0.1, total_steps=10)
        var (rates, momenta) = Trace(o => new OneCycleLR(o, maxLr: 0.1, totalSteps: 10), 10);
        TensorAssert.Equal([0.0040000000000000036, 0.052000000000000005, 0.1, 0.09504846320134738, 0.0811745653949763, 0.06112620219362893, 0.03887419780637107, 0.0188258346050237, 0.004951936798652629, 4e-07], Tensor.From(rates), precision: 15);
        TensorAssert.Equal([0.95, 0.8999999999999999, 0.85, 0.854951556604879, 0.8688255099070633, 0.8888739533021842, 0.9111260466978157, 0.9311744900929366, 0.945048443395121, 0.95], Tensor.From(momenta), precision: 15);
    }

    [Fact]
    public void OneCycleLR_refuses_to_step_past_its_total()
    {
        var p = Tensor.Zeros([1], requiresGrad: true);
        var scheduler = new OneCycleLR(new SGD([p], lr: 0.1, momentum: 0.9), maxLr: 0.1, totalSteps: 2);
        scheduler.Step();
        scheduler.Step();
        Assert.Throws<InvalidOperationException>(scheduler.Step);
    }
}
