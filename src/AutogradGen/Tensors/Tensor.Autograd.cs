namespace AutogradGen;

public sealed partial class Tensor
{
    /// <summary>
    /// Computes the gradient of this tensor with respect to the leaves of its graph and adds it to their
    /// <see cref="Grad"/> (<c>x.backward(gradient, retain_graph, create_graph)</c>).
    /// </summary>
    /// <param name="gradient">The vector of the vector-Jacobian product, of this tensor's shape; omit it only for a
    /// one-element tensor (it is then 1). An integer gradient is cast to this tensor's dtype.</param>
    /// <param name="retainGraph">Keep the saved tensors so the graph can be differentiated again; defaults to <paramref name="createGraph"/>.</param>
    /// <param name="createGraph">Record the backward pass, so that the gradients can themselves be differentiated.</param>
    public void Backward(Tensor? gradient = null, bool? retainGraph = null, bool createGraph = false)
    {
        var grads = Autograd.MakeGrads([this], [gradient]);
        Engine.Run([this], grads, retainGraph ?? createGraph, createGraph, inputs: null, allowUnused: false);
    }

    /// <summary>
    /// A tensor over the same storage (and version counter) with no history that does not require grad
    /// (<c>x.detach()</c>): an in-place write through it is still detected by the graphs that saved this tensor.
    /// </summary>
    public Tensor Detach() => new(Storage, _shape, DType, VersionCounter, _layout);

    /// <summary>Cuts this tensor from its graph in place, making it a leaf that does not require grad (<c>x.detach_()</c>).</summary>
    public Tensor Detach_()
    {
        if (_meta?.ViewBase is not null) throw new InvalidOperationException("Can't detach views in-place. Use detach() instead.");
        _gradFn = null;
        _requiresGrad = false;
        return this;
    }

    /// <summary>Sets <see cref="RequiresGrad"/> in place and returns this tensor (<c>x.requires_grad_(flag)</c>).</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        // PyTorch allows requires_grad_(True) on a non-leaf (it already requires grad); only turning it off fails.
        if (!IsLeaf)
        {
            if (!requiresGrad) throw new AutogradException(Messages.RequiresGradOfNonLeaf(false));
            return this;
        }
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Makes a non-leaf keep its gradient in <see cref="Grad"/> after backward (<c>x.retain_grad()</c>); a no-op on leaves.</summary>
    public void RetainGrad()
    {
        if (!RequiresGrad) throw new AutogradException("can't retain_grad on Tensor that has requires_grad=False");
        if (IsLeaf || RetainsGrad) return;
        Meta.RetainsGrad = true;
        GradFn!.RetainedOutput = new WeakReference<Tensor>(this);
    }

    /// <summary>
    /// Registers a function called with this tensor's gradient each time one is computed (<c>x.register_hook(fn)</c>);
    /// a non-null return value replaces the gradient. Returns a handle that removes the hook.
    /// </summary>
    public RemovableHandle RegisterHook(Func<Tensor, Tensor?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (!RequiresGrad) throw new AutogradException("cannot register a hook on a tensor that doesn't require gradient");
        return GradientEdge().Node!.AddPreHook(hook);
    }

    /// <summary>Registers a hook that only observes the gradient (see <see cref="RegisterHook(Func{Tensor, Tensor?})"/>).</summary>
    public RemovableHandle RegisterHook(Action<Tensor> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return RegisterHook(grad =>
        {
            hook(grad);
            return null;
        });
    }
}
