namespace AutogradGen.Optim;

/// <summary>
/// One of an optimiser's parameter groups (PyTorch's <c>param_groups</c> entries): parameters that share a learning
/// rate, a weight decay and a momentum (SGD's and RMSprop's momentum, Adam's β1). An option left null takes the
/// optimiser's default; schedulers change <see cref="LearningRate"/> (and <see cref="Momentum"/>) of every group.
/// </summary>
/// <example><code>new AdamW([new ParameterGroup(model.Weights), new ParameterGroup(model.Biases, weightDecay: 0)], lr: 1e-3)</code></example>
public sealed class ParameterGroup
{
    private double? _learningRate;

    /// <summary>A group of <paramref name="parameters"/> with its own options, or the optimiser's where null.</summary>
    public ParameterGroup(IEnumerable<Tensor> parameters, double? lr = null, double? weightDecay = null, double? momentum = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        _learningRate = lr;
        WeightDecayOption = weightDecay;
        MomentumOption = momentum;
    }

    /// <summary>The group's parameters.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The group's learning rate (<c>group['lr']</c>).</summary>
    public double LearningRate
    {
        get => _learningRate ?? throw new InvalidOperationException("the group's learning rate is set when an optimiser takes the group");
        set
        {
            if (!(value >= 0)) throw new ArgumentException(Optimizer.Invalid("learning rate", value));
            _learningRate = value;
        }
    }

    /// <summary>
    /// A scheduler's value, written unchecked as PyTorch's schedulers write <c>group['lr']</c>: a schedule stepped to
    /// its end may extrapolate below 0 (OneCycleLR's linear anneal at step total_steps). <see cref="Optimizer.Step()"/>
    /// refuses to use such a rate.
    /// </summary>
    internal void SetScheduledLearningRate(double value) => _learningRate = value;

    /// <summary>The learning rate a scheduler started from (<c>group['initial_lr']</c>); null until a scheduler takes the optimiser.</summary>
    public double? InitialLearningRate { get; set; }

    /// <summary>The group's weight decay.</summary>
    public double WeightDecay { get; set; }

    /// <summary>The group's momentum: SGD's and RMSprop's momentum, Adam's and AdamW's β1 (cycled by <see cref="OneCycleLR"/>).</summary>
    public double Momentum { get; set; }

    internal double? WeightDecayOption { get; }

    internal double? MomentumOption { get; }

    internal bool HasLearningRate => _learningRate is not null;
}
