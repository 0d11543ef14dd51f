namespace AutogradGen.Optim;

/// <summary>
/// <c>CosineAnnealingLR(optimizer, T_max, eta_min=0)</c>: the rate follows half a cosine from the base rate down to
/// <c>etaMin</c> over <c>tMax</c> epochs, <c>eta_min + (base - eta_min)(1 + cos(π t / T_max)) / 2</c>,
/// computed with PyTorch's recursive formula (so values agree with PyTorch's step by step, also past <c>T_max</c>).
/// </summary>
public sealed class CosineAnnealingLR : LRScheduler
{
    private int _tMax;
    private double _etaMin;

    /// <summary>Creates the schedule and applies its first value.</summary>
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin = 0)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tMax);
        _tMax = tMax;
        _etaMin = etaMin;
        InitialStep();
    }

    /// <inheritdoc/>
    protected override double LearningRate(int group, double current)
    {
        double baseRate = BaseLearningRates[group];
        int epoch = LastEpoch;
        if (epoch == 0) return current;
        if ((epoch - 1 - _tMax) % (2 * _tMax) == 0) return current + ((baseRate - _etaMin) * (1 - Math.Cos(Math.PI / _tMax)) / 2);
        return ((1 + Math.Cos(Math.PI * epoch / _tMax)) / (1 + Math.Cos(Math.PI * (epoch - 1) / _tMax)) * (current - _etaMin)) + _etaMin;
    }

    private protected override IEnumerable<(string Name, double Value)> Settings() => [("T_max", _tMax), ("eta_min", _etaMin)];

    private protected override void CheckSettings(IReadOnlyDictionary<string, double> settings) => WholeSetting(settings, "T_max", 1);

    private protected override void LoadSettings(IReadOnlyDictionary<string, double> settings)
    {
        _tMax = WholeSetting(settings, "T_max", 1);
        _etaMin = settings["eta_min"];
    }
}
