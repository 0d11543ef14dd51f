using AutogradGen.Kernels;

namespace AutogradGen.Optim;

/// <summary>
/// Stochastic gradient descent, optionally with momentum, dampening, Nesterov momentum and weight decay
/// (PyTorch's <c>torch.optim.SGD</c>, with its exact update; see <see cref="OptimizerKernels.SgdStep"/>).
/// </summary>
/// <example>
/// <code>
/// var optimizer = new SGD([w, b], lr: 0.1, momentum: 0.9);
/// optimizer.ZeroGrad();
/// loss.Backward();
/// optimizer.Step();
/// </code>
/// </example>
public sealed class SGD : Optimizer
{
    private readonly Tensor?[] _momentumBuffers;

    /// <summary>Creates the optimiser; every hyperparameter has PyTorch's default.</summary>
    /// <param name="parameters">The tensors to optimise.</param>
    /// <param name="lr">The learning rate.</param>
    /// <param name="momentum">The momentum factor; 0 (the default) for plain SGD.</param>
    /// <param name="dampening">The dampening of the momentum: each new gradient enters the buffer scaled by <c>1 - dampening</c>.</param>
    /// <param name="weightDecay">The L2 penalty: <c>weightDecay · p</c> is added to each gradient.</param>
    /// <param name="nesterov">Nesterov momentum; needs a positive momentum and zero dampening.</param>
    /// <param name="maximize">Ascend the objective instead of descending it.</param>
    public SGD(IEnumerable<Tensor> parameters, double lr = 1e-3, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : this([new ParameterGroup(parameters ?? throw new ArgumentNullException(nameof(parameters)))], lr, momentum, dampening, weightDecay, nesterov, maximize)
    {
    }

    /// <summary>Creates the optimiser over parameter groups; a group's own lr, momentum and weight decay override these defaults.</summary>
    public SGD(IEnumerable<ParameterGroup> groups, double lr = 1e-3, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : base(groups, lr, weightDecay, momentum)
    {
        if (!(momentum >= 0)) throw new ArgumentException(Invalid("momentum value", momentum));
        if (!(weightDecay >= 0)) throw new ArgumentException(Invalid("weight_decay value", weightDecay));
        if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        Maximize = maximize;
        _momentumBuffers = new Tensor?[Parameters.Count];
    }

    /// <summary>The default momentum factor (each group's is <see cref="ParameterGroup.Momentum"/>).</summary>
    public double Momentum { get; }

    /// <summary>The dampening of the momentum.</summary>
    public double Dampening { get; }

    /// <summary>The default L2 penalty (each group's is <see cref="ParameterGroup.WeightDecay"/>).</summary>
    public double WeightDecay { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <summary>Whether the objective is maximised.</summary>
    public bool Maximize { get; }

    /// <summary>The momentum buffer of parameter <paramref name="index"/> (PyTorch's <c>state[p]['momentum_buffer']</c>): null before its first step or without momentum.</summary>
    public Tensor? MomentumBuffer(int index) => _momentumBuffers[index];

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad, ParameterGroup group)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(group);
        var options = new SgdOptions(group.LearningRate, group.Momentum, Dampening, group.WeightDecay, Nesterov, Maximize);
        bool firstStep = false;
        Tensor? buffer = null;
        if (group.Momentum != 0)
        {
            firstStep = _momentumBuffers[index] is null;
            buffer = _momentumBuffers[index] ??= Tensor.Empty(parameter.ShapeSpan, parameter.DType);
        }
        if (parameter.DType == DType.Float32)
        {
            OptimizerKernels.SgdStep<float>(parameter.Elements<float>(), grad.Elements<float>(), buffer is null ? [] : buffer.Elements<float>(), firstStep, options);
        }
        else
        {
            OptimizerKernels.SgdStep<double>(parameter.Elements<double>(), grad.Elements<double>(), buffer is null ? [] : buffer.Elements<double>(), firstStep, options);
        }
        MarkUpdatedInPlace(parameter);
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, Tensor> State(int index) =>
        _momentumBuffers[index] is { } buffer ? new Dictionary<string, Tensor> { ["momentum_buffer"] = buffer } : new Dictionary<string, Tensor>();

    private protected override IReadOnlyCollection<string> StateNames => ["momentum_buffer"];

    private protected override void RestoreState(int index, IReadOnlyDictionary<string, Tensor> state) =>
        _momentumBuffers[index] = state.TryGetValue("momentum_buffer", out var buffer) ? Restored(buffer, Parameters[index]) : null;
}
