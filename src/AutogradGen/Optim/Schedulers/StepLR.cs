namespace AutogradGen.Optim;

/// <summary>
/// <c>StepLR(optimizer, step_size, gamma=0.1)</c>: the rate is multiplied by <c>gamma</c> every
/// <c>stepSize</c> epochs, <c>lr = base_lr · gamma^⌊epoch / step_size⌋</c>.
/// </summary>
public sealed class StepLR : LRScheduler
{
    private int _stepSize;
    private double _gamma;

    /// <summary>Creates the schedule and applies its first value.</summary>
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        _stepSize = stepSize;
        _gamma = gamma;
        InitialStep();
    }

    // PyTorch's recursive form: unchanged except at multiples of step_size, where it is multiplied by gamma.
    /// <inheritdoc/>
    protected override double LearningRate(int group, double current) =>
        LastEpoch == 0 || LastEpoch % _stepSize != 0 ? current : current * _gamma;

    private protected override IEnumerable<(string Name, double Value)> Settings() => [("step_size", _stepSize), ("gamma", _gamma)];

    private protected override void CheckSettings(IReadOnlyDictionary<string, double> settings) => WholeSetting(settings, "step_size", 1);

    private protected override void LoadSettings(IReadOnlyDictionary<string, double> settings)
    {
        _stepSize = WholeSetting(settings, "step_size", 1);
        _gamma = settings["gamma"];
    }
}
