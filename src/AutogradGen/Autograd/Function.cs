using System.Globalization;

namespace AutogradGen;

/// <summary>
/// A differentiable operation defined by the user with its own backward rule (<c>torch.autograd.Function</c>).
/// Override <see cref="Forward"/> and <see cref="Backward"/>, then call <see cref="Apply"/>:
/// <code>
/// sealed class Cube : Function
/// {
///     protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
///     {
///         ctx.SaveForBackward(inputs[0]);
///         return inputs[0] * inputs[0] * inputs[0];
///     }
///
///     protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
///     {
///         var x = ctx.SavedTensors[0];
///         return [grad * 3 * x * x];
///     }
/// }
///
/// var y = new Cube().Apply(x);   // y.GradFn.Name == "CubeBackward"
/// </code>
/// </summary>
/// <remarks>
/// Forward runs without recording, as in PyTorch. Backward is written with tensor operations, so it is recorded
/// under <c>createGraph</c> and the function can be differentiated twice. Per-call state can live in fields of the
/// instance (make one instance per call) or in tensors saved on the context.
/// </remarks>
public abstract class Function
{
    /// <summary>Computes the output from the inputs; nothing here is recorded.</summary>
    /// <param name="ctx">Where to save tensors for <see cref="Backward"/>.</param>
    /// <param name="inputs">The tensors passed to <see cref="Apply"/>.</param>
    protected abstract Tensor Forward(FunctionContext ctx, Tensor[] inputs);

    /// <summary>The gradient of each input given the gradient of the output; null for an input without one.</summary>
    /// <param name="ctx">The context <see cref="Forward"/> saved into.</param>
    /// <param name="grad">The gradient of the output.</param>
    protected abstract Tensor?[] Backward(FunctionContext ctx, Tensor grad);

    /// <summary>The name of the recorded node: the class name followed by <c>Backward</c>, as PyTorch's.</summary>
    public virtual string NodeName => GetType().Name + "Backward";

    /// <summary>Runs <see cref="Forward"/> and records the operation when grad mode is on and an input requires grad.</summary>
    public Tensor Apply(params Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var node = new FunctionNode(this, inputs);
        Tensor output;
        using (Autograd.NoGrad()) output = Forward(node.Context, inputs);
        ArgumentNullException.ThrowIfNull(output, nameof(Forward));

        // A fresh tensor object (over the same storage) so that returning an input does not rewrite its history.
        var result = output.Detach();
        if (Autograd.ShouldRecord(inputs)) node.Attach(result, inputs);
        return result;
    }

    internal Tensor?[] RunBackward(FunctionContext ctx, Tensor grad) => Backward(ctx, grad);
}

/// <summary>The <c>ctx</c> of a <see cref="Function"/>: tensors saved in Forward for Backward, and which inputs need gradients.</summary>
public sealed class FunctionContext
{
    private readonly FunctionNode _node;
    private SavedTensor[] _saved = [];

    internal FunctionContext(FunctionNode node) => _node = node;

    /// <summary>Keeps tensors for the backward rule, checked against in-place changes (<c>ctx.save_for_backward</c>).</summary>
    public void SaveForBackward(params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        _saved = _node.SaveAll(tensors);
    }

    /// <summary>The tensors saved in Forward (<c>ctx.saved_tensors</c>); fails once the graph has been freed.</summary>
    public IReadOnlyList<Tensor> SavedTensors
    {
        get
        {
            var tensors = new Tensor[_saved.Length];
            for (int i = 0; i < tensors.Length; i++) tensors[i] = _saved[i].Value;
            return tensors;
        }
    }

    /// <summary>Whether input <paramref name="index"/> needs a gradient (<c>ctx.needs_input_grad[index]</c>).</summary>
    public bool NeedsInputGrad(int index) => _node.NeedsGrad(index);
}

/// <summary>The node recorded for a <see cref="Function"/>.</summary>
internal sealed class FunctionNode : Node
{
    private readonly Function _function;
    private readonly int _inputCount;

    public FunctionNode(Function function, Tensor[] inputs)
    {
        _function = function;
        _inputCount = inputs.Length;
        Context = new FunctionContext(this);
    }

    public FunctionContext Context { get; }

    public override string Name => _function.NodeName;

    internal SavedTensor[] SaveAll(Tensor[] tensors)
    {
        var saved = new SavedTensor[tensors.Length];
        for (int i = 0; i < tensors.Length; i++) saved[i] = Save(tensors[i]);
        return saved;
    }

    internal bool NeedsGrad(int index) => index < InputCount && NeedsInputGrad(index);

    internal override bool RunsUserCode => true;

    internal override Tensor?[] Backward(Tensor grad)
    {
        var grads = _function.RunBackward(Context, grad);
        if (grads is null || grads.Length != _inputCount)
        {
            throw new AutogradException(string.Create(CultureInfo.InvariantCulture,
                $"function {Name} returned an incorrect number of gradients (expected {_inputCount}, got {grads?.Length ?? 0})"));
        }
        return grads;
    }
}
