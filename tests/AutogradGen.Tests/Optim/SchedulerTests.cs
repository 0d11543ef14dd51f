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

    // three_phase=True: up to max_lr over pct_start, back down to the initial rate over as many steps, then to min_lr;
    // the momentum goes down and back up, then stays at max_momentum. The values are PyTorch's get_lr arithmetic
    // (torch/optim/lr_scheduler.py, OneCycleLR: _schedule_phases with end steps pct·T − 1, 2·pct·T − 2, T − 1 and
    // _annealing_cos / _annealing_linear) evaluated in Python floats step by step; PyTorch itself was not available
    // on this machine to run, so the transcription was read against its source.
    [Fact]
    public void OneCycleLR_three_phase_cos_matches_PyTorch()
    {
        // OneCycleLR(o, max_lr=0.1, total_steps=12, pct_start=0.25, three_phase=True)
        var (rates, momenta) = Trace(o => new OneCycleLR(o, maxLr: 0.1, totalSteps: 12, pctStart: 0.25, threePhase: true), 12);
        TensorAssert.Equal([0.0040000000000000036, 0.052000000000000005, 0.1, 0.052000000000000005, 0.004, 0.0038019575420312575, 0.0032470549057570953, 0.0024451973637258373, 0.0015552026362741626, 0.0007533450942429048, 0.00019844245796874242, 4e-07], Tensor.From(rates), precision: 15);
        TensorAssert.Equal([0.95, 0.8999999999999999, 0.85, 0.8999999999999999, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95], Tensor.From(momenta), precision: 15);
    }

    [Fact]
    public void OneCycleLR_three_phase_linear_matches_PyTorch()
    {
        // OneCycleLR(o, max_lr=0.1, total_steps=12, pct_start=0.25, anneal_strategy='linear', three_phase=True)
        var (rates, momenta) = Trace(o => new OneCycleLR(o, maxLr: 0.1, totalSteps: 12, pctStart: 0.25, annealStrategy: AnnealStrategy.Linear, threePhase: true), 12);
        TensorAssert.Equal([0.004, 0.052000000000000005, 0.1, 0.052000000000000005, 0.0040000000000000036, 0.0034286285714285715, 0.002857257142857143, 0.0022858857142857144, 0.0017145142857142859, 0.0011431428571428573, 0.0005717714285714288, 4.0000000000022656e-07], Tensor.From(rates), precision: 15);
        TensorAssert.Equal([0.95, 0.8999999999999999, 0.85, 0.8999999999999999, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95], Tensor.From(momenta), precision: 15);
    }

    [Fact]
    public void A_schedule_extrapolated_below_zero_is_set_as_PyTorch_sets_it_but_the_optimiser_refuses_to_use_it()
    {
        // The 12th scheduler step of a 12-step linear OneCycleLR (a normal training loop's last call) extrapolates past
        // min_lr: PyTorch writes 4e-07 + (4e-07 - 0.004)/6 < 0 into group['lr'] without complaint.
        var p = Tensor.Ones([1], requiresGrad: true);
        var optimizer = new SGD([p], lr: 0.1, momentum: 0.9);
        var scheduler = new OneCycleLR(optimizer, maxLr: 0.1, totalSteps: 12, pctStart: 0.25, annealStrategy: AnnealStrategy.Linear, threePhase: true);
        for (int i = 0; i < 12; i++) scheduler.Step();
        Assert.Equal(-0.0005709714285714283, optimizer.ParamGroups[0].LearningRate, 15);
        p.Grad = Tensor.Ones([1]);
        var error = Assert.Throws<InvalidOperationException>(optimizer.Step);
        Assert.StartsWith("Invalid learning rate: -0.000570971428571428", error.Message);
        Assert.Equal([1.0], p.ToArray());
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
