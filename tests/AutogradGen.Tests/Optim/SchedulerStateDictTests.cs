using AutogradGen.Nn;
using AutogradGen.Optim;

namespace AutogradGen.Tests.Optim;

/// <summary>
/// Scheduler state dicts (<c>scheduler.state_dict()</c> / <c>load_state_dict</c>): training resumed from a saved
/// optimiser and scheduler, through the state-dict file format, follows exactly the schedule an uninterrupted run
/// follows (rates and momenta, every step); the loaded settings replace the new scheduler's, as PyTorch's
/// <c>__dict__.update</c> does; a state that does not fit throws and changes nothing.
/// </summary>
public class SchedulerStateDictTests
{
    public static TheoryData<string> Kinds => ["StepLR", "CosineAnnealingLR", "LinearLR", "OneCycleLR", "OneCycleLR three-phase"];

    /// <summary>Two parameter groups with different rates, so that per-group entries are exercised.</summary>
    private static SGD MakeOptimizer()
    {
        var a = Tensor.Zeros([2], requiresGrad: true);
        var b = Tensor.Zeros([3], requiresGrad: true);
        return new SGD([new ParameterGroup([a]), new ParameterGroup([b], lr: 0.03)], lr: 0.1, momentum: 0.9);
    }

    // `variant` 1 makes the same kind with other settings: loading must replace them.
    private static LRScheduler Make(string kind, Optimizer optimizer, int variant = 0) => kind switch
    {
        "StepLR" => new StepLR(optimizer, 3 + variant, gamma: 0.5 + (0.1 * variant)),
        "CosineAnnealingLR" => new CosineAnnealingLR(optimizer, 5 + variant, etaMin: 0.001 * (1 + variant)),
        "LinearLR" => new LinearLR(optimizer, startFactor: 0.25 + (0.1 * variant), endFactor: 0.9, totalIters: 6 + variant),
        "OneCycleLR" => new OneCycleLR(optimizer, maxLr: 0.5 + variant, totalSteps: 30 + variant),
        _ => new OneCycleLR(optimizer, maxLr: 0.5 + variant, totalSteps: 30 + variant, annealStrategy: AnnealStrategy.Linear, threePhase: true),
    };

    private static List<double> Run(Optimizer optimizer, LRScheduler scheduler, int steps)
    {
        var trace = new List<double>();
        for (int i = 0; i < steps; i++)
        {
            foreach (var group in optimizer.ParamGroups) trace.AddRange([group.LearningRate, group.Momentum]);
            trace.AddRange(scheduler.LastLearningRates);
            optimizer.Step();
            scheduler.Step();
        }
        return trace;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_resumed_schedule_follows_the_uninterrupted_one_exactly(string kind)
    {
        var optimizer = MakeOptimizer();
        var scheduler = Make(kind, optimizer);
        var uninterrupted = Run(optimizer, scheduler, 25);

        var first = MakeOptimizer();
        var firstScheduler = Make(kind, first);
        var resumed = Run(first, firstScheduler, 12);
        var optimizerBytes = StateDictFile.Serialize(first.StateDict());
        var schedulerBytes = StateDictFile.Serialize(firstScheduler.StateDict());

        var second = MakeOptimizer();
        var secondScheduler = Make(kind, second, variant: 1);
        second.LoadStateDict(StateDictFile.Deserialize(optimizerBytes));
        secondScheduler.LoadStateDict(StateDictFile.Deserialize(schedulerBytes));
        Assert.Equal(12, secondScheduler.LastEpoch);
        resumed.AddRange(Run(second, secondScheduler, 13));
        Assert.Equal(uninterrupted, resumed);
    }

    [Fact]
    public void StepLR_state_has_PyTorchs_attribute_names()
    {
        var scheduler = new StepLR(MakeOptimizer(), 3, gamma: 0.5);
        scheduler.Step();
        var state = scheduler.StateDict();
        Assert.Equal(["last_epoch", "_step_count", "base_lrs.0", "base_lrs.1", "_last_lr.0", "_last_lr.1", "step_size", "gamma"], state.Keys);
        Assert.Equal(1, state["last_epoch"].Item());
        Assert.Equal(2, state["_step_count"].Item());
        Assert.Equal(0.03, state["base_lrs.1"].Item());
        Assert.Equal(3, state["step_size"].Item());
    }

    [Fact]
    public void A_state_that_does_not_fit_throws_and_changes_nothing()
    {
        var optimizer = MakeOptimizer();
        var cosine = new CosineAnnealingLR(optimizer, 5);
        cosine.Step();
        cosine.Step();
        var before = cosine.StateDict();

        void AssertUnchanged()
        {
            var after = cosine.StateDict();
            Assert.Equal(before.Keys, after.Keys);
            foreach (var key in before.Keys) Assert.Equal(before[key].Item(), after[key].Item());
        }

        // Another kind of scheduler.
        var step = new StepLR(MakeOptimizer(), 3);
        Assert.Throws<InvalidDataException>(() => cosine.LoadStateDict(step.StateDict()));
        AssertUnchanged();

        // Another number of groups.
        var oneGroup = new CosineAnnealingLR(new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.1), 5);
        Assert.Throws<InvalidDataException>(() => cosine.LoadStateDict(oneGroup.StateDict()));
        AssertUnchanged();

        // A missing entry, a non-finite one, a setting the constructor refuses.
        var state = new CosineAnnealingLR(MakeOptimizer(), 7).StateDict();
        var missing = new StateDict(state.Where(e => e.Key != "eta_min"));
        Assert.Throws<InvalidDataException>(() => cosine.LoadStateDict(missing));
        var infinite = new StateDict(state.Select(e => e.Key == "base_lrs.0" ? new KeyValuePair<string, Tensor>(e.Key, Tensor.Scalar(double.PositiveInfinity, dtype: DType.Float64)) : e));
        Assert.Throws<InvalidDataException>(() => cosine.LoadStateDict(infinite));
        var zeroPeriod = new StateDict(state.Select(e => e.Key == "T_max" ? new KeyValuePair<string, Tensor>(e.Key, Tensor.Scalar(0, dtype: DType.Float64)) : e));
        Assert.Throws<InvalidDataException>(() => cosine.LoadStateDict(zeroPeriod));
        AssertUnchanged();
    }
}
