using System.ComponentModel;

namespace AutogradGen.CompilerServices;

/// <summary>
/// The bridge between a generated tensor gradient and the tape: a <see cref="Function"/> whose node is named
/// after the method (<c>{Name}Backward</c>) and whose backward runs the generated Pullback, so a whole
/// [Differentiable] method is one node of a dynamic graph. Under <c>createGraph</c> the backward must itself be
/// recorded, which generated code never is: it then falls back to running the original method on the tape.
/// </summary>
/// <remarks>Public only because generated code in the user's assembly calls it; hidden from IntelliSense.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedFunction : Function
{
    /// <summary>Adds the pullback of <paramref name="seed"/> into <paramref name="gradients"/> (one slot per input).</summary>
    public delegate void Pullback(IReadOnlyList<Tensor> inputs, Tensor seed, Tensor?[] gradients);

    private readonly string _nodeName;
    private readonly Func<IReadOnlyList<Tensor>, Tensor> _original;
    private readonly Pullback _pullback;

    /// <param name="nodeName">The node's name, <c>{Name}Backward</c>.</param>
    /// <param name="original">The user's method over the tensor inputs.</param>
    /// <param name="pullback">The generated Pullback over the tensor inputs.</param>
    public GeneratedFunction(string nodeName, Func<IReadOnlyList<Tensor>, Tensor> original, Pullback pullback)
    {
        _nodeName = nodeName;
        _original = original;
        _pullback = pullback;
    }

    /// <inheritdoc/>
    public override string NodeName => _nodeName;

    /// <inheritdoc/>
    protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.SaveForBackward(inputs);
        return _original(inputs);
    }

    /// <inheritdoc/>
    protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var inputs = ctx.SavedTensors;
        var gradients = new Tensor?[inputs.Count];
        if (Autograd.IsGradEnabled)
        {
            // createGraph: the gradient must be differentiable again, so the tape records this backward.
            return RecordedBackward(ctx, inputs, grad);
        }

        _pullback(inputs, grad, gradients);
        for (int i = 0; i < gradients.Length; i++)
        {
            if (!ctx.NeedsInputGrad(i)) gradients[i] = null;
        }
        return gradients;
    }

    private Tensor?[] RecordedBackward(FunctionContext ctx, IReadOnlyList<Tensor> inputs, Tensor grad)
    {
        var wanted = Enumerable.Range(0, inputs.Count).Where(i => ctx.NeedsInputGrad(i) && inputs[i].RequiresGrad).ToArray();
        var gradients = new Tensor?[inputs.Count];
        if (wanted.Length == 0) return gradients;
        var output = _original(inputs);
        var results = Autograd.Grad([output], wanted.Select(i => inputs[i]).ToArray(), [grad], retainGraph: true, createGraph: true, allowUnused: true);
        for (int k = 0; k < wanted.Length; k++) gradients[wanted[k]] = results[k];
        return gradients;
    }
}
