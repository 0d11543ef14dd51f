namespace AutogradGen.Optim;

/// <summary>
/// The base of the learning-rate schedulers (<c>torch.optim.lr_scheduler.LRScheduler</c>): on construction each group's
/// <see cref="ParameterGroup.InitialLearningRate"/> is set (if no scheduler set it before) and the schedule's first
/// value applied (PyTorch's initial step, <c>last_epoch = 0</c>); each <see cref="Step"/> after the optimiser's step
/// advances <see cref="LastEpoch"/> and sets every group's rate from PyTorch's (recursive, where PyTorch's is) formula.
/// </summary>
public abstract class LRScheduler
{
    /// <summary>Takes <paramref name="optimizer"/>'s groups and applies the schedule's value at epoch 0.</summary>
    protected LRScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        foreach (var group in optimizer.ParamGroups) group.InitialLearningRate ??= group.LearningRate;
        BaseLearningRates = [.. optimizer.ParamGroups.Select(static g => g.InitialLearningRate!.Value)];
        LastLearningRates = [.. optimizer.ParamGroups.Select(static g => g.LearningRate)];
    }

    /// <summary>The optimiser whose groups are scheduled.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Each group's learning rate when scheduling started (<c>base_lrs</c>).</summary>
    public IReadOnlyList<double> BaseLearningRates { get; }

    /// <summary>The number of <see cref="Step"/> calls so far (<c>last_epoch</c>; 0 after construction).</summary>
    public int LastEpoch { get; private set; } = -1;

    /// <summary>The learning rates last set (<c>get_last_lr()</c>).</summary>
    public IReadOnlyList<double> LastLearningRates { get; private set; }

    /// <summary>Advances the schedule by one epoch (or batch, for per-batch schedules) and sets every group's learning rate.</summary>
    public void Step()
    {
        LastEpoch++;
        var rates = new double[Optimizer.ParamGroups.Count];
        for (int g = 0; g < rates.Length; g++)
        {
            var group = Optimizer.ParamGroups[g];
            rates[g] = LearningRate(g, group.LearningRate);
            group.SetScheduledLearningRate(rates[g]);
            if (Momentum(g) is double momentum) group.Momentum = momentum;
        }
        LastLearningRates = rates;
    }

    /// <summary>Group <paramref name="group"/>'s learning rate at <see cref="LastEpoch"/>, from its <paramref name="current"/> one (PyTorch's <c>get_lr</c>).</summary>
    protected abstract double LearningRate(int group, double current);

    /// <summary>Group <paramref name="group"/>'s momentum at <see cref="LastEpoch"/>, or null to leave it (only <see cref="OneCycleLR"/> cycles it).</summary>
    protected virtual double? Momentum(int group) => null;

    /// <summary>Applies the value at epoch 0; called at the end of each scheduler's constructor, as PyTorch's <c>_initial_step</c>.</summary>
    protected void InitialStep() => Step();
}
