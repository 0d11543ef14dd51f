namespace AutogradGen.Optim;

/// <summary>
/// Adagrad (<c>torch.optim.Adagrad(params, lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0,
/// eps=1e-10, maximize=False)</c>), PyTorch's update step for step:
/// <code>
/// step += 1;  g = maximize ? -grad : grad;  g += weight_decay · p
/// clr = lr / (1 + (step - 1) · lr_decay)
/// sum += g²;  p -= clr · g / (sqrt(sum) + eps)
/// </code>
/// The accumulator starts at <c>initial_accumulator_value</c> when the optimiser is made, as PyTorch's.
/// </summary>
public sealed class Adagrad : Optimizer
{
    private readonly Tensor[] _sums;
    private readonly long[] _steps;

    /// <summary>Creates the optimiser; every hyperparameter has PyTorch's default.</summary>
    public Adagrad(IEnumerable<Tensor> parameters, double lr = 1e-2, double lrDecay = 0, double weightDecay = 0, double initialAccumulatorValue = 0, double eps = 1e-10, bool maximize = false)
        : this([new ParameterGroup(parameters ?? throw new ArgumentNullException(nameof(parameters)))], lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize)
    {
    }

    /// <summary>Creates the optimiser over parameter groups; a group's own lr and weight decay override these defaults.</summary>
    public Adagrad(IEnumerable<ParameterGroup> groups, double lr = 1e-2, double lrDecay = 0, double weightDecay = 0, double initialAccumulatorValue = 0, double eps = 1e-10, bool maximize = false)
        : base(groups, lr, weightDecay, 0)
    {
        if (!(lrDecay >= 0)) throw new ArgumentException(Invalid("lr_decay value", lrDecay));
        if (!(weightDecay >= 0)) throw new ArgumentException(Invalid("weight_decay value", weightDecay));
        if (!(initialAccumulatorValue >= 0)) throw new ArgumentException(Invalid("initial_accumulator_value value", initialAccumulatorValue));
        if (!(eps >= 0)) throw new ArgumentException(Invalid("epsilon value", eps));
        LrDecay = lrDecay;
        Eps = eps;
        Maximize = maximize;
        _sums = [.. Parameters.Select(p => Tensor.FullLike(p, initialAccumulatorValue))];
        _steps = new long[Parameters.Count];
    }

    /// <summary>The learning-rate decay per step.</summary>
    public double LrDecay { get; }

    /// <summary>The term added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>Whether the objective is maximised.</summary>
    public bool Maximize { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad, ParameterGroup group)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(group);
        long step = ++_steps[index];
        var g = Maximize ? -grad : grad;
        if (group.WeightDecay != 0) g = g + (parameter * group.WeightDecay);
        double clr = group.LearningRate / (1 + ((step - 1) * LrDecay));
        var sum = _sums[index];
        sum.Copy_(sum + (g * g));
        parameter.Copy_(parameter - (g / (sum.Sqrt() + Eps) * clr));
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, Tensor> State(int index) =>
        new Dictionary<string, Tensor> { ["step"] = Tensor.Scalar(_steps[index]), ["sum"] = _sums[index] };

    private protected override IReadOnlyCollection<string> StateNames => ["step", "sum"];

    private protected override void RestoreState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        if (state.TryGetValue("sum", out var sum)) _sums[index] = Restored(sum, Parameters[index]);
        _steps[index] = state.TryGetValue("step", out var step) ? (long)step.Item() : 0;
    }
}
