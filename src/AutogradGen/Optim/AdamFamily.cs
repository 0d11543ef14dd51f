using AutogradGen.Kernels;

namespace AutogradGen.Optim;

/// <summary>
/// What <see cref="Adam"/> and <see cref="AdamW"/> share: the hyperparameters, each parameter's step count and
/// moments, and the update (<see cref="OptimizerKernels.AdamStep"/>). They differ only in how weight decay enters:
/// as an L2 penalty added to the gradient (Adam) or as a shrink of the parameter before the step (AdamW).
/// </summary>
public abstract class AdamFamily : Optimizer
{
    private readonly AdamMoments _moments;
    private readonly bool _decoupledWeightDecay;

    private protected AdamFamily(
        IEnumerable<Tensor> parameters, double lr, (double Beta1, double Beta2)? betas, double eps, double weightDecay,
        bool amsGrad, bool maximize, bool decoupledWeightDecay)
        : this([new ParameterGroup(parameters ?? throw new ArgumentNullException(nameof(parameters)))], lr, betas, eps, weightDecay, amsGrad, maximize, decoupledWeightDecay)
    {
    }

    private protected AdamFamily(
        IEnumerable<ParameterGroup> groups, double lr, (double Beta1, double Beta2)? betas, double eps, double weightDecay,
        bool amsGrad, bool maximize, bool decoupledWeightDecay)
        : base(groups, lr, weightDecay, (betas ?? (0.9, 0.999)).Beta1)
    {
        var (beta1, beta2) = AdamMoments.CheckHyperparameters(betas, eps, weightDecay);
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        AmsGrad = amsGrad;
        Maximize = maximize;
        _decoupledWeightDecay = decoupledWeightDecay;
        _moments = new AdamMoments(Parameters.Count);
    }

    /// <summary>The default decay rate of the first moment (each group's is <see cref="ParameterGroup.Momentum"/>).</summary>
    public double Beta1 { get; }

    /// <summary>The decay rate of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>The term added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>The default weight decay: an L2 penalty for <see cref="Adam"/>, decoupled for <see cref="AdamW"/> (each group's is <see cref="ParameterGroup.WeightDecay"/>).</summary>
    public double WeightDecay { get; }

    /// <summary>Whether AMSGrad is used.</summary>
    public bool AmsGrad { get; }

    /// <summary>Whether the objective is maximised.</summary>
    public bool Maximize { get; }

    /// <summary>How many steps parameter <paramref name="index"/> has taken (PyTorch's <c>state[p]['step']</c>).</summary>
    public long StepCount(int index) => _moments.StepCount(index);

    /// <summary>The first moment of parameter <paramref name="index"/> (<c>state[p]['exp_avg']</c>); null before its first step.</summary>
    public Tensor? ExpAvg(int index) => _moments.ExpAvg(index);

    /// <summary>The second moment of parameter <paramref name="index"/> (<c>state[p]['exp_avg_sq']</c>); null before its first step.</summary>
    public Tensor? ExpAvgSq(int index) => _moments.ExpAvgSq(index);

    /// <inheritdoc/>
    protected sealed override void Update(int index, Tensor parameter, Tensor grad, ParameterGroup group)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(group);
        var options = new AdamOptions(group.LearningRate, group.Momentum, Beta2, Eps, group.WeightDecay, AmsGrad, Maximize, _decoupledWeightDecay);
        _moments.Update(index, parameter, grad, options);
        MarkUpdatedInPlace(parameter);
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, Tensor> State(int index) => _moments.State(index);

    private protected override IReadOnlyCollection<string> StateNames => ["step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"];

    private protected override void RestoreState(int index, IReadOnlyDictionary<string, Tensor> state) => _moments.Restore(index, Parameters[index], state, AmsGrad);
}
