namespace AutogradGen.Optim;

/// <summary>
/// <c>LinearLR(optimizer, start_factor=1/3, end_factor=1.0, total_iters=5)</c>: the rate's factor goes linearly from
/// <c>startFactor</c> to <c>endFactor</c> over <c>totalIters</c> epochs, then stays
/// (PyTorch's recursive formula).
/// </summary>
public sealed class LinearLR : LRScheduler
{
    private double _start;
    private double _end;
    private int _total;

    /// <summary>Creates the schedule and applies its first value (the base rate times the start factor).</summary>
    public LinearLR(Optimizer optimizer, double startFactor = 1.0 / 3, double endFactor = 1.0, int totalIters = 5)
        : base(optimizer)
    {
        if (!(startFactor > 0 && startFactor <= 1)) throw new ArgumentException("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.", nameof(startFactor));
        if (!(endFactor >= 0 && endFactor <= 1)) throw new ArgumentException("Ending multiplicative factor expected to be between 0 and 1.", nameof(endFactor));
        _start = startFactor;
        _end = endFactor;
        _total = totalIters;
        InitialStep();
    }

    /// <inheritdoc/>
    protected override double LearningRate(int group, double current)
    {
        if (LastEpoch == 0) return current * _start;
        if (LastEpoch > _total) return current;
        return current * (1 + ((_end - _start) / ((_total * _start) + ((LastEpoch - 1) * (_end - _start)))));
    }

    private protected override IEnumerable<(string Name, double Value)> Settings() =>
        [("start_factor", _start), ("end_factor", _end), ("total_iters", _total)];

    private protected override void CheckSettings(IReadOnlyDictionary<string, double> settings)
    {
        if (!(settings["start_factor"] > 0 && settings["start_factor"] <= 1)) throw new InvalidDataException("loaded state dict has start_factor outside (0, 1]");
        if (!(settings["end_factor"] >= 0 && settings["end_factor"] <= 1)) throw new InvalidDataException("loaded state dict has end_factor outside [0, 1]");
        WholeSetting(settings, "total_iters", int.MinValue);
    }

    private protected override void LoadSettings(IReadOnlyDictionary<string, double> settings)
    {
        _start = settings["start_factor"];
        _end = settings["end_factor"];
        _total = WholeSetting(settings, "total_iters", int.MinValue);
    }
}
