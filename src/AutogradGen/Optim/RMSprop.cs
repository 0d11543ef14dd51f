namespace AutogradGen.Optim;

/// <summary>
/// RMSprop (<c>torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
/// maximize=False)</c>), PyTorch's update step for step:
/// <code>
/// g = maximize ? -grad : grad;  g += weight_decay · p
/// square_avg = alpha · square_avg + (1 - alpha) · g²
/// avg = centered ? sqrt(square_avg - grad_avg²) + eps  (grad_avg = alpha · grad_avg + (1 - alpha) · g)
///                : sqrt(square_avg) + eps
/// momentum > 0 ? (buf = momentum · buf + g / avg; p -= lr · buf) : p -= lr · g / avg
/// </code>
/// </summary>
public sealed class RMSprop : Optimizer
{
    private readonly Dictionary<string, Tensor>?[] _states;

    /// <summary>Creates the optimiser; every hyperparameter has PyTorch's default.</summary>
    public RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : this([new ParameterGroup(parameters ?? throw new ArgumentNullException(nameof(parameters)))], lr, alpha, eps, weightDecay, momentum, centered, maximize)
    {
    }

    /// <summary>Creates the optimiser over parameter groups; a group's own lr, weight decay and momentum override these defaults.</summary>
    public RMSprop(IEnumerable<ParameterGroup> groups, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(groups, lr, weightDecay, momentum)
    {
        if (!(eps >= 0)) throw new ArgumentException(Invalid("epsilon value", eps));
        if (!(momentum >= 0)) throw new ArgumentException(Invalid("momentum value", momentum));
        if (!(weightDecay >= 0)) throw new ArgumentException(Invalid("weight_decay value", weightDecay));
        if (!(alpha >= 0)) throw new ArgumentException(Invalid("alpha value", alpha));
        Alpha = alpha;
        Eps = eps;
        Centered = centered;
        Maximize = maximize;
        _states = new Dictionary<string, Tensor>?[Parameters.Count];
    }

    /// <summary>The smoothing constant of the squared-gradient average.</summary>
    public double Alpha { get; }

    /// <summary>The term added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>Whether the gradient's variance (its square average minus its squared average) is used instead of its square average.</summary>
    public bool Centered { get; }

    /// <summary>Whether the objective is maximised.</summary>
    public bool Maximize { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad, ParameterGroup group)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(group);
        var state = _states[index] ??= NewState(parameter, group);
        var g = Maximize ? -grad : grad;
        if (group.WeightDecay != 0) g = g + (parameter * group.WeightDecay);
        state["step"] = Tensor.Scalar(state["step"].Item() + 1);
        var squareAvg = state["square_avg"];
        squareAvg.Copy_((squareAvg * Alpha) + (g * g * (1 - Alpha)));
        Tensor avg;
        if (Centered)
        {
            var gradAvg = state["grad_avg"];
            gradAvg.Copy_((gradAvg * Alpha) + (g * (1 - Alpha)));
            avg = (squareAvg - (gradAvg * gradAvg)).Sqrt() + Eps;
        }
        else
        {
            avg = squareAvg.Sqrt() + Eps;
        }
        if (group.Momentum > 0)
        {
            var buffer = state.TryGetValue("momentum_buffer", out var existing) ? existing : state["momentum_buffer"] = Tensor.ZerosLike(parameter);
            buffer.Copy_((buffer * group.Momentum) + (g / avg));
            parameter.Copy_(parameter - (buffer * group.LearningRate));
        }
        else
        {
            parameter.Copy_(parameter - (g / avg * group.LearningRate));
        }
    }

    private Dictionary<string, Tensor> NewState(Tensor parameter, ParameterGroup group)
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal)
        {
            ["step"] = Tensor.Scalar(0),
            ["square_avg"] = Tensor.ZerosLike(parameter),
        };
        if (group.Momentum > 0) state["momentum_buffer"] = Tensor.ZerosLike(parameter);
        if (Centered) state["grad_avg"] = Tensor.ZerosLike(parameter);
        return state;
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, Tensor> State(int index) => _states[index] ?? new Dictionary<string, Tensor>();

    private protected override IReadOnlyCollection<string> StateNames => ["step", "square_avg", "momentum_buffer", "grad_avg"];

    private protected override void RestoreState(int index, IReadOnlyDictionary<string, Tensor> state) =>
        _states[index] = state.Count == 0 ? null : state.ToDictionary(static e => e.Key, e => e.Key == "step" ? e.Value.DetachedClone() : Restored(e.Value, Parameters[index]), StringComparer.Ordinal);
}
