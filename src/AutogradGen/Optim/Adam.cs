using AutogradGen.Kernels;

namespace AutogradGen.Optim;

/// <summary>
/// Adam, optionally with L2 weight decay and AMSGrad (PyTorch's <c>torch.optim.Adam</c>, with its exact update; see
/// <see cref="OptimizerKernels.AdamStep"/>). Each parameter keeps its own step count and moments.
/// </summary>
/// <example>
/// <code>
/// var optimizer = new Adam([w, b], lr: 1e-3);
/// optimizer.ZeroGrad();
/// loss.Backward();
/// optimizer.Step();
/// </code>
/// </example>
public sealed class Adam : AdamFamily
{
    /// <summary>Creates the optimiser; every hyperparameter has PyTorch's default.</summary>
    /// <param name="parameters">The tensors to optimise.</param>
    /// <param name="lr">The learning rate.</param>
    /// <param name="betas">The decay rates of the first and second moments, each in [0, 1); (0.9, 0.999) when omitted.</param>
    /// <param name="eps">The term added to the denominator for stability.</param>
    /// <param name="weightDecay">The L2 penalty: <c>weightDecay · p</c> is added to each gradient.</param>
    /// <param name="amsGrad">Use the largest second moment seen so far (AMSGrad).</param>
    /// <param name="maximize">Ascend the objective instead of descending it.</param>
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double Beta1, double Beta2)? betas = null, double eps = 1e-8, double weightDecay = 0, bool amsGrad = false, bool maximize = false)
        : base(parameters, lr, betas, eps, weightDecay, amsGrad, maximize, decoupledWeightDecay: false)
    {
    }

    /// <summary>Creates the optimiser over parameter groups; a group's own lr, weight decay and momentum (β1) override these defaults.</summary>
    public Adam(IEnumerable<ParameterGroup> groups, double lr = 1e-3, (double Beta1, double Beta2)? betas = null, double eps = 1e-8, double weightDecay = 0, bool amsGrad = false, bool maximize = false)
        : base(groups, lr, betas, eps, weightDecay, amsGrad, maximize, decoupledWeightDecay: false)
    {
    }
}
