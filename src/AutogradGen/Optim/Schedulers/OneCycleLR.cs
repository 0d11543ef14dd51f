namespace AutogradGen.Optim;

/// <summary>How <see cref="OneCycleLR"/> moves between its rates (<c>anneal_strategy</c>).</summary>
public enum AnnealStrategy
{
    /// <summary>Half a cosine (<c>'cos'</c>, the default).</summary>
    Cos,

    /// <summary>A straight line (<c>'linear'</c>).</summary>
    Linear,
}

/// <summary>
/// <c>OneCycleLR(optimizer, max_lr, total_steps, pct_start=0.3, anneal_strategy='cos', cycle_momentum=True,
/// base_momentum=0.85, max_momentum=0.95, div_factor=25, final_div_factor=1e4, three_phase=False)</c>, stepped once per
/// batch: the rate rises from <c>max_lr / div_factor</c> to <c>max_lr</c> over the first <c>pct_start</c> of the steps,
/// then falls to <c>initial / final_div_factor</c> (with <c>threePhase</c>, back to the initial rate first, then to the
/// minimum); the momentum (SGD's and RMSprop's, Adam's β1) moves the opposite way between its two bounds.
/// Sets each group's <see cref="ParameterGroup.InitialLearningRate"/> to <c>max_lr / div_factor</c>, as PyTorch.
/// </summary>
public sealed class OneCycleLR : LRScheduler
{
    private static readonly string[] GroupValueNames = ["initial_lr", "max_lr", "min_lr", "max_momentum", "base_momentum"];

    private int _totalSteps;
    private AnnealStrategy _anneal;
    private bool _cycleMomentum;
    private readonly (double EndStep, string Start, string End, string StartMomentum, string EndMomentum)[] _phases;
    private readonly Dictionary<string, double>[] _values;

    /// <summary>Creates the schedule and applies its first value.</summary>
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps, double pctStart = 0.3, AnnealStrategy annealStrategy = AnnealStrategy.Cos,
        bool cycleMomentum = true, double baseMomentum = 0.85, double maxMomentum = 0.95, double divFactor = 25, double finalDivFactor = 1e4, bool threePhase = false)
        : base(SetInitialRates(optimizer, maxLr, divFactor))
    {
        if (totalSteps <= 0) throw new ArgumentException($"Expected positive integer total_steps, but got {totalSteps}", nameof(totalSteps));
        if (!(pctStart >= 0 && pctStart <= 1)) throw new ArgumentException($"Expected float between 0 and 1 pct_start, but got {pctStart}", nameof(pctStart));
        if (cycleMomentum && optimizer is Adagrad) throw new ArgumentException("optimizer must support momentum or beta1 with `cycle_momentum` option enabled", nameof(optimizer));
        _totalSteps = totalSteps;
        _anneal = annealStrategy;
        _cycleMomentum = cycleMomentum;
        _phases = threePhase
            ?
            [
                ((pctStart * totalSteps) - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                ((2 * pctStart * totalSteps) - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                (totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"),
            ]
            :
            [
                ((pctStart * totalSteps) - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                (totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"),
            ];
        _values = [.. optimizer.ParamGroups.Select(g => new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["initial_lr"] = g.InitialLearningRate!.Value,
            ["max_lr"] = maxLr,
            ["min_lr"] = g.InitialLearningRate!.Value / finalDivFactor,
            ["max_momentum"] = maxMomentum,
            ["base_momentum"] = baseMomentum,
        })];
        if (cycleMomentum)
        {
            foreach (var group in optimizer.ParamGroups) group.Momentum = maxMomentum;
        }
        InitialStep();
    }

    private static Optimizer SetInitialRates(Optimizer optimizer, double maxLr, double divFactor)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        foreach (var group in optimizer.ParamGroups)
        {
            group.InitialLearningRate = maxLr / divFactor;
            group.LearningRate = maxLr / divFactor;
        }
        return optimizer;
    }

    /// <inheritdoc/>
    protected override double LearningRate(int group, double current) => Phase(group, momentum: false);

    /// <inheritdoc/>
    protected override double? Momentum(int group) => _cycleMomentum ? Phase(group, momentum: true) : null;

    private double Phase(int group, bool momentum)
    {
        int step = LastEpoch;
        if (step > _totalSteps)
        {
            throw new InvalidOperationException($"Tried to step {step} times. The specified number of total steps is {_totalSteps}");
        }
        var values = _values[group];
        double start = 0;
        for (int i = 0; i < _phases.Length; i++)
        {
            var phase = _phases[i];
            if (step <= phase.EndStep || i == _phases.Length - 1)
            {
                double pct = (step - start) / (phase.EndStep - start);
                return momentum
                    ? Anneal(values[phase.StartMomentum], values[phase.EndMomentum], pct)
                    : Anneal(values[phase.Start], values[phase.End], pct);
            }
            start = phase.EndStep;
        }
        throw new InvalidOperationException("unreachable: the last phase always applies");
    }

    private double Anneal(double start, double end, double pct) => _anneal == AnnealStrategy.Cos
        ? end + ((start - end) / 2 * (Math.Cos(Math.PI * pct) + 1))
        : ((end - start) * pct) + start;

    private protected override IEnumerable<(string Name, double Value)> Settings()
    {
        yield return ("total_steps", _totalSteps);
        yield return ("anneal_strategy", (double)_anneal);
        yield return ("cycle_momentum", _cycleMomentum ? 1 : 0);
        for (int i = 0; i < _phases.Length; i++) yield return ($"_schedule_phases.{i}.end_step", _phases[i].EndStep);
        for (int g = 0; g < _values.Length; g++)
        {
            foreach (var name in GroupValueNames) yield return ($"param_groups.{g}.{name}", _values[g][name]);
        }
    }

    private protected override void CheckSettings(IReadOnlyDictionary<string, double> settings)
    {
        WholeSetting(settings, "total_steps", 1);
        if (settings["anneal_strategy"] is not (0 or 1)) throw new InvalidDataException("loaded state dict has anneal_strategy other than 0 (cos) or 1 (linear)");
        if (settings["cycle_momentum"] is not (0 or 1)) throw new InvalidDataException("loaded state dict has cycle_momentum other than 0 or 1");
    }

    private protected override void LoadSettings(IReadOnlyDictionary<string, double> settings)
    {
        _totalSteps = WholeSetting(settings, "total_steps", 1);
        _anneal = (AnnealStrategy)(int)settings["anneal_strategy"];
        _cycleMomentum = settings["cycle_momentum"] == 1;
        for (int i = 0; i < _phases.Length; i++) _phases[i].EndStep = settings[$"_schedule_phases.{i}.end_step"];
        for (int g = 0; g < _values.Length; g++)
        {
            foreach (var name in GroupValueNames) _values[g][name] = settings[$"param_groups.{g}.{name}"];
        }
    }
}
