using AutogradGen.Kernels;

namespace AutogradGen.Optim;

/// <summary>
/// AdamW: Adam with decoupled weight decay, which shrinks each parameter by <c>lr · weightDecay</c> before the Adam
/// step instead of adding an L2 penalty to the gradient (PyTorch's <c>torch.optim.AdamW</c>, with its exact update;
/// see <see cref="OptimizerKernels.AdamStep"/>). Each parameter keeps its own step count and moments.
/// </summary>
/// <example>
/// <code>
/// var optimizer = new AdamW([w, b], lr: 1e-3, weightDecay: 0.01);
/// optimizer.ZeroGrad();
/// loss.Backward();
/// optimizer.Step();
/// </code>
/// </example>
public sealed class AdamW : Optimizer
{
    private readonly AdamMoments _moments;

    /// <summary>Creates the optimiser; every hyperparameter has PyTorch's default.</summary>
    /// <param name="parameters">The tensors to optimise.</param>
    /// <param name="lr">The learning rate.</param>
    /// <param name="betas">The decay rates of the first and second moments, each in [0, 1); (0.9, 0.999) when omitted.</param>
    /// <param name="eps">The term added to the denominator for stability.</param>
    /// <param name="weightDecay">The decoupled weight decay: each step first multiplies the parameter by <c>1 - lr · weightDecay</c>.</param>
    /// <param name="amsGrad">Use the largest second moment seen so far (AMSGrad).</param>
    /// <param name="maximize">Ascend the objective instead of descending it.</param>
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double Beta1, double Beta2)? betas = null, double eps = 1e-8, double weightDecay = 1e-2, bool amsGrad = false, bool maximize = false)
        : base(parameters, lr)
    {
        var (beta1, beta2) = AdamMoments.CheckHyperparameters(betas, eps, weightDecay);
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        AmsGrad = amsGrad;
        Maximize = maximize;
        _moments = new AdamMoments(Parameters.Count);
    }

    /// <summary>The decay rate of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>The decay rate of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>The term added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>The decoupled weight decay.</summary>
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
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(grad);
        _moments.Update(index, parameter, grad, new AdamOptions(LearningRate, Beta1, Beta2, Eps, WeightDecay, AmsGrad, Maximize, DecoupledWeightDecay: true));
        MarkUpdatedInPlace(parameter);
    }
}
