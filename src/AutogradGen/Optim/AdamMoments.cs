using AutogradGen.Kernels;

namespace AutogradGen.Optim;

/// <summary>
/// What <see cref="Adam"/> and <see cref="AdamW"/> keep per parameter (a step count and the moments, zeros at first,
/// created on the parameter's first step) and the update that uses them.
/// </summary>
internal sealed class AdamMoments(int count)
{
    private readonly ParameterState?[] _states = new ParameterState?[count];

    /// <summary>Checks Adam's hyperparameters with PyTorch's messages; returns the betas, (0.9, 0.999) when null.</summary>
    public static (double Beta1, double Beta2) CheckHyperparameters((double Beta1, double Beta2)? betas, double eps, double weightDecay)
    {
        var (beta1, beta2) = betas ?? (0.9, 0.999);
        if (!(eps >= 0)) throw new ArgumentException(Optimizer.Invalid("epsilon value", eps));
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException(Optimizer.Invalid("beta parameter at index 0", beta1));
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException(Optimizer.Invalid("beta parameter at index 1", beta2));
        if (!(weightDecay >= 0)) throw new ArgumentException(Optimizer.Invalid("weight_decay value", weightDecay));
        return (beta1, beta2);
    }

    public long StepCount(int index) => _states[index]?.Step ?? 0;

    public Tensor? ExpAvg(int index) => _states[index]?.ExpAvg;

    public Tensor? ExpAvgSq(int index) => _states[index]?.ExpAvgSq;

    /// <summary>Counts the step and runs the kernel on the parameter's storage.</summary>
    public void Update(int index, Tensor parameter, Tensor grad, in AdamOptions options)
    {
        var state = _states[index] ??= new ParameterState(parameter, options.AmsGrad);
        state.Step++;
        if (parameter.DType == DType.Float32)
        {
            OptimizerKernels.AdamStep<float>(parameter.Elements<float>(), grad.Elements<float>(), state.ExpAvg.Elements<float>(), state.ExpAvgSq.Elements<float>(),
                state.MaxExpAvgSq is null ? [] : state.MaxExpAvgSq.Elements<float>(), state.Step, options);
        }
        else
        {
            OptimizerKernels.AdamStep<double>(parameter.Elements<double>(), grad.Elements<double>(), state.ExpAvg.Elements<double>(), state.ExpAvgSq.Elements<double>(),
                state.MaxExpAvgSq is null ? [] : state.MaxExpAvgSq.Elements<double>(), state.Step, options);
        }
    }

    /// <summary>The state by PyTorch's names (<c>step</c> as a 0-d float32, as PyTorch keeps it); empty before the first step.</summary>
    public IReadOnlyDictionary<string, Tensor> State(int index)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        if (_states[index] is not { } state) return result;
        result["step"] = Tensor.Scalar(state.Step);
        result["exp_avg"] = state.ExpAvg;
        result["exp_avg_sq"] = state.ExpAvgSq;
        if (state.MaxExpAvgSq is not null) result["max_exp_avg_sq"] = state.MaxExpAvgSq;
        return result;
    }

    /// <summary>Replaces the state with converted copies of <paramref name="saved"/> (none when it is empty).</summary>
    public void Restore(int index, Tensor parameter, IReadOnlyDictionary<string, Tensor> saved, bool amsGrad)
    {
        if (saved.Count == 0 || !saved.TryGetValue("exp_avg", out var expAvg) || !saved.TryGetValue("exp_avg_sq", out var expAvgSq))
        {
            _states[index] = null;
            return;
        }
        var state = new ParameterState(parameter, amsGrad)
        {
            Step = saved.TryGetValue("step", out var step) ? (long)step.Item() : 0,
        };
        using var noGrad = Autograd.NoGrad();
        state.ExpAvg.Copy_(expAvg);
        state.ExpAvgSq.Copy_(expAvgSq);
        if (state.MaxExpAvgSq is not null && saved.TryGetValue("max_exp_avg_sq", out var max)) state.MaxExpAvgSq.Copy_(max);
        _states[index] = state;
    }

    private sealed class ParameterState(Tensor parameter, bool amsGrad)
    {
        public long Step { get; set; }

        public Tensor ExpAvg { get; } = Tensor.ZerosLike(parameter);

        public Tensor ExpAvgSq { get; } = Tensor.ZerosLike(parameter);

        public Tensor? MaxExpAvgSq { get; } = amsGrad ? Tensor.ZerosLike(parameter) : null;
    }
}
