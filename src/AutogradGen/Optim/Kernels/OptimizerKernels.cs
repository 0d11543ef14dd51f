using System.Numerics;

namespace AutogradGen.Kernels;

/// <summary>
/// The parameter updates of the optimisers on spans, in place, with no autograd, following PyTorch's
/// <c>torch.optim</c> formulas operation by operation (in the parameter's precision, hyperparameters converted to it).
/// </summary>
public static class OptimizerKernels
{
    /// <summary>
    /// One SGD step (PyTorch's <c>_single_tensor_sgd</c>): <c>g = ±grad + weightDecay·p</c>; with momentum
    /// <c>buf = g</c> on the first step, else <c>buf = momentum·buf + (1 - dampening)·g</c>, and
    /// <c>g = g + momentum·buf</c> (Nesterov) or <c>g = buf</c>; finally <c>p = p - lr·g</c>.
    /// </summary>
    /// <param name="parameter">The parameter, updated in place.</param>
    /// <param name="grad">Its gradient.</param>
    /// <param name="momentumBuffer">The momentum buffer, updated in place; empty when momentum is 0.</param>
    /// <param name="firstStep">Whether the momentum buffer is being initialised (it is then set to the gradient).</param>
    /// <param name="options">The hyperparameters.</param>
    public static void SgdStep<T>(Span<T> parameter, ReadOnlySpan<T> grad, Span<T> momentumBuffer, bool firstStep, in SgdOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T lr = T.CreateChecked(options.LearningRate);
        T momentum = T.CreateChecked(options.Momentum);
        T keep = T.CreateChecked(1 - options.Dampening);
        T weightDecay = T.CreateChecked(options.WeightDecay);
        bool hasMomentum = options.Momentum != 0, hasWeightDecay = options.WeightDecay != 0;
        for (int i = 0; i < parameter.Length; i++)
        {
            T g = options.Maximize ? -grad[i] : grad[i];
            if (hasWeightDecay) g += weightDecay * parameter[i];
            if (hasMomentum)
            {
                T buffer = firstStep ? g : (momentumBuffer[i] * momentum) + (keep * g);
                momentumBuffer[i] = buffer;
                g = options.Nesterov ? g + (momentum * buffer) : buffer;
            }
            parameter[i] += -lr * g;
        }
    }

    /// <summary>
    /// One Adam step (PyTorch's <c>_single_tensor_adam</c>, or <c>_single_tensor_adamw</c> with decoupled weight decay)
    /// at step number <paramref name="step"/> (1 for the first): <c>g = ±grad + weightDecay·p</c> (decoupled: instead
    /// <c>p = p·(1 - lr·weightDecay)</c> first), <c>m = m + (1 - β1)(g - m)</c>, <c>v = β2·v + (1 - β2)·g²</c> (with AMSGrad,
    /// <c>vMax = max(vMax, v)</c> is used in place of v), then
    /// <c>p = p - lr / (1 - β1^step) · m / (sqrt(v) / sqrt(1 - β2^step) + eps)</c>.
    /// </summary>
    /// <param name="parameter">The parameter, updated in place.</param>
    /// <param name="grad">Its gradient.</param>
    /// <param name="expAvg">The first moment m, updated in place.</param>
    /// <param name="expAvgSq">The second moment v, updated in place.</param>
    /// <param name="maxExpAvgSq">The running maximum of v, updated in place; empty unless AMSGrad.</param>
    /// <param name="step">The number of this step, counted from 1.</param>
    /// <param name="options">The hyperparameters.</param>
    public static void AdamStep<T>(Span<T> parameter, ReadOnlySpan<T> grad, Span<T> expAvg, Span<T> expAvgSq, Span<T> maxExpAvgSq, long step, in AdamOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T beta1Complement = T.CreateChecked(1 - options.Beta1);
        T beta2 = T.CreateChecked(options.Beta2);
        T beta2Complement = T.CreateChecked(1 - options.Beta2);
        T weightDecay = T.CreateChecked(options.WeightDecay);
        T eps = T.CreateChecked(options.Eps);
        // The bias corrections are Python floats (doubles) in PyTorch, converted when they meet the tensors.
        double biasCorrection1 = 1 - Math.Pow(options.Beta1, step);
        double biasCorrection2 = 1 - Math.Pow(options.Beta2, step);
        T stepSize = T.CreateChecked(options.LearningRate / biasCorrection1);
        T biasCorrection2Sqrt = T.CreateChecked(Math.Sqrt(biasCorrection2));
        bool coupledDecay = options.WeightDecay != 0 && !options.DecoupledWeightDecay;
        bool decoupledDecay = options.WeightDecay != 0 && options.DecoupledWeightDecay;
        T shrink = T.CreateChecked(1 - (options.LearningRate * options.WeightDecay));
        for (int i = 0; i < parameter.Length; i++)
        {
            T g = options.Maximize ? -grad[i] : grad[i];
            if (coupledDecay) g += weightDecay * parameter[i];
            if (decoupledDecay) parameter[i] *= shrink;
            T m = expAvg[i] + (beta1Complement * (g - expAvg[i]));
            T v = (expAvgSq[i] * beta2) + (beta2Complement * (g * g));
            expAvg[i] = m;
            expAvgSq[i] = v;
            if (options.AmsGrad)
            {
                v = T.Max(maxExpAvgSq[i], v);
                maxExpAvgSq[i] = v;
            }
            T denominator = (T.Sqrt(v) / biasCorrection2Sqrt) + eps;
            parameter[i] += -stepSize * (m / denominator);
        }
    }
}

/// <summary>The hyperparameters of <see cref="OptimizerKernels.SgdStep"/> (see <c>AutogradGen.Optim.SGD</c>).</summary>
/// <param name="LearningRate">The step size, lr.</param>
/// <param name="Momentum">The momentum factor; 0 for plain SGD.</param>
/// <param name="Dampening">How much of each new gradient the momentum buffer leaves out.</param>
/// <param name="WeightDecay">The L2 penalty added to the gradient.</param>
/// <param name="Nesterov">Whether to use Nesterov momentum.</param>
/// <param name="Maximize">Whether to ascend the objective instead of descending it.</param>
public readonly record struct SgdOptions(double LearningRate, double Momentum, double Dampening, double WeightDecay, bool Nesterov, bool Maximize);

/// <summary>The hyperparameters of <see cref="OptimizerKernels.AdamStep"/> (see <c>AutogradGen.Optim.Adam</c>).</summary>
/// <param name="LearningRate">The step size, lr.</param>
/// <param name="Beta1">The decay rate of the first moment.</param>
/// <param name="Beta2">The decay rate of the second moment.</param>
/// <param name="Eps">The term added to the denominator for stability.</param>
/// <param name="WeightDecay">The weight decay: an L2 penalty added to the gradient, or with <paramref name="DecoupledWeightDecay"/> a shrink of the parameter.</param>
/// <param name="AmsGrad">Whether to use the maximum of the second moments so far (AMSGrad).</param>
/// <param name="Maximize">Whether to ascend the objective instead of descending it.</param>
/// <param name="DecoupledWeightDecay">AdamW: shrink the parameter by <c>lr·weightDecay</c> instead of adding the penalty to the gradient.</param>
public readonly record struct AdamOptions(double LearningRate, double Beta1, double Beta2, double Eps, double WeightDecay, bool AmsGrad, bool Maximize, bool DecoupledWeightDecay = false);
