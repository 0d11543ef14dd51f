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
    public IReadOnlyList<double> BaseLearningRates { get; private set; }

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

    /// <summary>
    /// The scheduler's state (<c>scheduler.state_dict()</c>), as 0-d tensors by PyTorch's attribute names, so it saves
    /// with <see cref="Nn.StateDictFile"/> beside the model's and the optimiser's: <c>last_epoch</c>,
    /// <c>_step_count</c>, <c>base_lrs.{g}</c> and <c>_last_lr.{g}</c> per group, then the schedule's own settings
    /// (StepLR <c>step_size</c>, <c>gamma</c>; CosineAnnealingLR <c>T_max</c>, <c>eta_min</c>; LinearLR
    /// <c>start_factor</c>, <c>end_factor</c>, <c>total_iters</c>; OneCycleLR <c>total_steps</c>,
    /// <c>anneal_strategy</c> (0 cos, 1 linear), <c>cycle_momentum</c> (0 or 1), <c>_schedule_phases.{i}.end_step</c>
    /// and per group the values PyTorch keeps in the optimiser's groups, <c>param_groups.{g}.max_lr</c>,
    /// <c>initial_lr</c>, <c>min_lr</c>, <c>max_momentum</c>, <c>base_momentum</c>). The optimiser is not part of it.
    /// </summary>
    public Nn.StateDict StateDict()
    {
        var result = new Nn.StateDict();
        result.Add("last_epoch", Tensor.Scalar(LastEpoch, dtype: DType.Int64));
        result.Add("_step_count", Tensor.Scalar(LastEpoch + 1, dtype: DType.Int64));
        for (int g = 0; g < BaseLearningRates.Count; g++) result.Add($"base_lrs.{g}", Tensor.Scalar(BaseLearningRates[g], dtype: DType.Float64));
        for (int g = 0; g < LastLearningRates.Count; g++) result.Add($"_last_lr.{g}", Tensor.Scalar(LastLearningRates[g], dtype: DType.Float64));
        foreach (var (name, value) in Settings()) result.Add(name, Tensor.Scalar(value, dtype: DType.Float64));
        return result;
    }

    /// <summary>
    /// Restores a state saved by <see cref="StateDict"/> from a scheduler of the same kind over as many parameter
    /// groups (<c>scheduler.load_state_dict(...)</c>: the epoch, the base and last rates and the schedule's settings; the
    /// optimiser's learning rates are the optimiser's state dict's). A state that does not fit (another kind of
    /// scheduler, another number of groups, a missing, unknown or non-finite entry) throws
    /// <see cref="InvalidDataException"/> and changes nothing.
    /// </summary>
    public void LoadStateDict(Nn.StateDict stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        int groups = Optimizer.ParamGroups.Count;
        var expected = new List<string> { "last_epoch", "_step_count" };
        for (int g = 0; g < groups; g++) expected.Add($"base_lrs.{g}");
        for (int g = 0; g < groups; g++) expected.Add($"_last_lr.{g}");
        var settingNames = Settings().Select(static s => s.Name).ToList();
        expected.AddRange(settingNames);
        foreach (var key in stateDict.Keys)
        {
            if (!expected.Contains(key))
            {
                throw new InvalidDataException($"loaded state dict has an entry '{key}' that does not fit this {GetType().Name} over {groups} parameter groups");
            }
        }
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var key in expected)
        {
            if (!stateDict.TryGetValue(key, out var tensor)) throw new InvalidDataException($"loaded state dict has no entry '{key}', which this {GetType().Name} over {groups} parameter groups needs");
            if (tensor.Numel != 1) throw new InvalidDataException($"loaded state dict entry '{key}' has {tensor.Numel} elements, expected one");
            double value = tensor.Item();
            if (!double.IsFinite(value)) throw new InvalidDataException($"loaded state dict entry '{key}' is {value}, expected a finite number");
            values[key] = value;
        }
        double epoch = values["last_epoch"];
        if (epoch != Math.Floor(epoch) || epoch < 0 || epoch > int.MaxValue) throw new InvalidDataException($"loaded state dict has last_epoch {epoch}, expected a whole number from 0");
        var settings = settingNames.ToDictionary(static n => n, n => values[n], StringComparer.Ordinal);
        CheckSettings(settings);

        // Everything checked: now write.
        LastEpoch = (int)epoch;
        BaseLearningRates = [.. Enumerable.Range(0, groups).Select(g => values[$"base_lrs.{g}"])];
        LastLearningRates = [.. Enumerable.Range(0, groups).Select(g => values[$"_last_lr.{g}"])];
        LoadSettings(settings);
    }

    /// <summary>The schedule's own settings by PyTorch's names, in a fixed order (see <see cref="StateDict"/>).</summary>
    private protected abstract IEnumerable<(string Name, double Value)> Settings();

    /// <summary>Throws <see cref="InvalidDataException"/> if loaded settings are ones the constructor would refuse.</summary>
    private protected abstract void CheckSettings(IReadOnlyDictionary<string, double> settings);

    /// <summary>Takes loaded settings, already checked.</summary>
    private protected abstract void LoadSettings(IReadOnlyDictionary<string, double> settings);

    /// <summary>A loaded setting that must be a whole number in [min, int.MaxValue].</summary>
    private protected static int WholeSetting(IReadOnlyDictionary<string, double> settings, string name, int min)
    {
        double value = settings[name];
        if (value != Math.Floor(value) || value < min || value > int.MaxValue)
        {
            throw new InvalidDataException($"loaded state dict has {name} {value}, expected a whole number from {min}");
        }
        return (int)value;
    }
}
