using System.Globalization;

namespace AutogradGen.Optim;

/// <summary>
/// The base of the optimisers (PyTorch's <c>torch.optim.Optimizer</c>): it holds the parameters, updates each one that
/// has a gradient in <see cref="Step()"/> (under no-grad, in place, so each update bumps the parameter's version),
/// and clears the gradients in <see cref="ZeroGrad"/>.
/// </summary>
public abstract class Optimizer
{
    private readonly Tensor[] _parameters;
    private double _learningRate;

    /// <summary>Checks and keeps the parameters and the learning rate.</summary>
    /// <param name="parameters">The tensors to optimise: floating-point leaves, usually created with <c>requiresGrad: true</c>.</param>
    /// <param name="lr">The learning rate, at least 0.</param>
    protected Optimizer(IEnumerable<Tensor> parameters, double lr)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        if (_parameters.Length == 0) throw new ArgumentException("optimizer got an empty parameter list", nameof(parameters));
        foreach (var parameter in _parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
            if (!parameter.IsLeaf) throw new ArgumentException("can't optimize a non-leaf Tensor: optimise the leaf it was computed from, or pass .Detach().RequiresGrad_()", nameof(parameters));
            if (!parameter.DType.IsFloatingPoint()) throw new ArgumentException($"can't optimize a tensor of dtype {parameter.DType}: parameters must be Float32 or Float64", nameof(parameters));
        }
        LearningRate = lr;
    }

    /// <summary>The parameters, in the order given.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>The learning rate (<c>lr</c>); settable between steps, as a schedule would.</summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value >= 0)) throw new ArgumentException(Invalid("learning rate", value));
            _learningRate = value;
        }
    }

    /// <summary>Updates every parameter that has a gradient; parameters whose <see cref="Tensor.Grad"/> is null are skipped.</summary>
    public void Step()
    {
        using var noGrad = Autograd.NoGrad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (parameter.Grad is not { } grad) continue;
            if (parameter.IsDense)
            {
                Update(i, parameter, grad);
                continue;
            }
            // The kernels write a contiguous span: a strided parameter (a view) is updated on a contiguous copy,
            // whose values are then written to the parameter's place in its storage, and its version bumped.
            var contiguous = parameter.DetachedClone();
            Update(i, contiguous, grad);
            parameter.StoreElements(contiguous.ElementArray());
            MarkUpdatedInPlace(parameter);
        }
    }

    /// <summary>Re-evaluates the loss with <paramref name="closure"/> (which should clear the gradients and call backward), then steps.</summary>
    /// <returns>The loss the closure returned.</returns>
    public Tensor Step(Func<Tensor> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        Tensor loss;
        using (Autograd.EnableGrad()) loss = closure();
        Step();
        return loss;
    }

    /// <summary>
    /// Clears the gradients of all parameters (<c>optimizer.zero_grad()</c>). By default, as in PyTorch 2, sets each
    /// <see cref="Tensor.Grad"/> to null, which saves memory and lets the next backward assign instead of add; with
    /// <paramref name="setToNone"/> false, detaches each gradient and fills it with zeros instead.
    /// </summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var parameter in _parameters)
        {
            var grad = parameter.Grad;
            if (grad is null) continue;
            if (setToNone)
            {
                parameter.Grad = null;
                continue;
            }
            // A gradient built with createGraph has history: cut it before zeroing it in place, as PyTorch does.
            if (grad.GradFn is not null) grad.Detach_();
            else grad.RequiresGrad = false;
            using var noGrad = Autograd.NoGrad();
            grad.Zero_();
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> from its gradient, in place. Called under no-grad.</summary>
    /// <param name="index">The parameter's position in <see cref="Parameters"/>, for per-parameter state.</param>
    /// <param name="parameter">The parameter to update.</param>
    /// <param name="grad">Its gradient (not null).</param>
    protected abstract void Update(int index, Tensor parameter, Tensor grad);

    /// <summary>
    /// Records that a kernel wrote <paramref name="parameter"/>'s storage directly: bumps its version, as PyTorch's
    /// in-place <c>add_</c> does, so graphs that saved the old value refuse to backward through it.
    /// </summary>
    private protected static void MarkUpdatedInPlace(Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.VersionCounter.Bump();
    }

    /// <summary>PyTorch's wording for a hyperparameter out of range: <c>Invalid learning rate: -0.1</c>.</summary>
    internal static string Invalid(string what, double value) => $"Invalid {what}: {PythonRepr(value)}";

    /// <summary>A double as Python's <c>repr</c> writes a float: <c>1.0</c>, <c>-0.1</c>, <c>1e-05</c>, <c>nan</c>, <c>inf</c>.</summary>
    private static string PythonRepr(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        string text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }
}
