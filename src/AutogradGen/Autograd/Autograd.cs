namespace AutogradGen;

/// <summary>
/// Grad mode (per thread, nestable scopes) and <see cref="Grad(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, IReadOnlyList{Tensor?}?, bool?, bool, bool)"/>,
/// PyTorch's <c>torch.no_grad()</c>, <c>torch.enable_grad()</c> and <c>torch.autograd.grad</c>.
/// </summary>
public static partial class Autograd
{
    // Stored inverted so that a new thread, whose [ThreadStatic] field starts false, starts with grad enabled.
    [ThreadStatic] private static bool t_gradDisabled;

    /// <summary>Whether operations on this thread record the graph (PyTorch's <c>torch.is_grad_enabled()</c>).</summary>
    public static bool IsGradEnabled => !t_gradDisabled;

    /// <summary>
    /// Stops recording on this thread until the scope is disposed: results do not require grad
    /// (<c>with torch.no_grad():</c>). Scopes nest; disposing restores the mode that was in force.
    /// </summary>
    public static GradModeScope NoGrad() => SetGradEnabled(false);

    /// <summary>Records again inside a <see cref="NoGrad"/> scope (<c>with torch.enable_grad():</c>).</summary>
    public static GradModeScope EnableGrad() => SetGradEnabled(true);

    /// <summary>Sets grad mode on this thread until the scope is disposed (<c>torch.set_grad_enabled(mode)</c>).</summary>
    public static GradModeScope SetGradEnabled(bool enabled)
    {
        var scope = new GradModeScope(previousEnabled: IsGradEnabled);
        t_gradDisabled = !enabled;
        return scope;
    }

    internal static void RestoreGradEnabled(bool enabled) => t_gradDisabled = !enabled;

    /// <summary>Whether an operation on <paramref name="input"/> must be recorded.</summary>
    internal static bool ShouldRecord(Tensor input) => !t_gradDisabled && input.RequiresGrad;

    /// <summary>Whether an operation on these inputs must be recorded.</summary>
    internal static bool ShouldRecord(Tensor a, Tensor b) => !t_gradDisabled && (a.RequiresGrad || b.RequiresGrad);

    /// <summary>Whether an operation on these inputs must be recorded.</summary>
    internal static bool ShouldRecord(ReadOnlySpan<Tensor> inputs)
    {
        if (t_gradDisabled) return false;
        foreach (var input in inputs)
        {
            if (input.RequiresGrad) return true;
        }
        return false;
    }

    /// <summary>
    /// The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, returned rather than
    /// accumulated: no <see cref="Tensor.Grad"/> changes (<c>torch.autograd.grad</c>).
    /// </summary>
    /// <param name="outputs">The tensors to differentiate.</param>
    /// <param name="inputs">The tensors to differentiate with respect to; each must require grad.</param>
    /// <param name="gradOutputs">The vector of the vector-Jacobian product for each output; null entries (or a null list)
    /// mean ones, which is allowed only for one-element outputs.</param>
    /// <param name="retainGraph">Keep the graph for another pass; defaults to <paramref name="createGraph"/>.</param>
    /// <param name="createGraph">Record the backward pass, so the returned gradients can be differentiated.</param>
    /// <param name="allowUnused">Return null for an input the outputs do not depend on, instead of failing.</param>
    /// <returns>One gradient per input, in order.</returns>
    public static Tensor?[] Grad(
        IReadOnlyList<Tensor> outputs,
        IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?>? gradOutputs = null,
        bool? retainGraph = null,
        bool createGraph = false,
        bool allowUnused = false)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(inputs);
        if (gradOutputs is not null && gradOutputs.Count != outputs.Count)
        {
            throw new ArgumentException($"grad_outputs has {gradOutputs.Count} entries but there are {outputs.Count} outputs: pass one per output.", nameof(gradOutputs));
        }
        var grads = MakeGrads(outputs, gradOutputs);
        return Engine.Run(outputs, grads, retainGraph ?? createGraph, createGraph, inputs, allowUnused);
    }

    /// <summary>The gradient of one output with respect to one input (see the list overload).</summary>
    public static Tensor?[] Grad(Tensor output, Tensor input, Tensor? gradOutput = null, bool? retainGraph = null, bool createGraph = false, bool allowUnused = false)
        => Grad([output], [input], [gradOutput], retainGraph, createGraph, allowUnused);

    /// <summary>The gradients of one output with respect to several inputs (see the list overload).</summary>
    public static Tensor?[] Grad(Tensor output, IReadOnlyList<Tensor> inputs, Tensor? gradOutput = null, bool? retainGraph = null, bool createGraph = false, bool allowUnused = false)
        => Grad([output], inputs, [gradOutput], retainGraph, createGraph, allowUnused);

    /// <summary>
    /// PyTorch's <c>_make_grads</c> then the root checks of <c>run_backward</c>: implicit ones only for one-element
    /// outputs, explicit gradients of the output's shape (cast to its dtype), and outputs that require grad.
    /// </summary>
    internal static Tensor[] MakeGrads(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor?>? gradOutputs)
    {
        var grads = new Tensor[outputs.Count];
        for (int i = 0; i < outputs.Count; i++)
        {
            var output = outputs[i];
            var grad = gradOutputs?[i];
            if (grad is null)
            {
                if (output.RequiresGrad && output.Numel != 1) throw new AutogradException(Messages.ImplicitGradForNonScalar);
                grad = Tensor.OnesLike(output);
            }
            else if (!grad.ShapeSpan.SequenceEqual(output.ShapeSpan))
            {
                throw new AutogradException(Messages.ShapeMismatch(i, grad.ShapeSpan, output.ShapeSpan));
            }
            if (!output.RequiresGrad) throw new AutogradException(Messages.DoesNotRequireGrad(i));
            grads[i] = grad.DType == output.DType ? grad : grad.To(output.DType);
        }
        return grads;
    }
}

/// <summary>A grad-mode scope from <see cref="Autograd.NoGrad"/> or <see cref="Autograd.EnableGrad"/>; disposing restores the previous mode.</summary>
public readonly struct GradModeScope : IDisposable, IEquatable<GradModeScope>
{
    private readonly bool _previousEnabled;

    internal GradModeScope(bool previousEnabled) => _previousEnabled = previousEnabled;

    /// <summary>Restores the grad mode that was in force when the scope began.</summary>
    public void Dispose() => Autograd.RestoreGradEnabled(_previousEnabled);

    /// <inheritdoc/>
    public bool Equals(GradModeScope other) => _previousEnabled == other._previousEnabled;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GradModeScope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _previousEnabled.GetHashCode();

    /// <summary>Scopes are equal when they restore the same mode.</summary>
    public static bool operator ==(GradModeScope left, GradModeScope right) => left.Equals(right);

    /// <summary>Scopes differ when they restore different modes.</summary>
    public static bool operator !=(GradModeScope left, GradModeScope right) => !left.Equals(right);
}
