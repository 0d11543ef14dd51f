namespace AutogradGen;

/// <summary>
/// The autograd state most tensors never use, kept apart from <see cref="Tensor"/> (as PyTorch keeps AutogradMeta):
/// a leaf's gradient and gradient accumulator, RetainGrad's flag, a view's base. The many intermediate tensors of a
/// tape need none of it, and each of them is smaller without the fields.
/// </summary>
internal sealed class TensorAutogradMeta
{
    /// <summary>The accumulated gradient (<see cref="Tensor.Grad"/>).</summary>
    public Tensor? Grad;

    /// <summary>The leaf's <see cref="AccumulateGrad"/> node, made on first use and then kept.</summary>
    public AccumulateGrad? GradAccumulator;

    /// <summary>Whether <see cref="Tensor.RetainGrad"/> was called on this non-leaf.</summary>
    public bool RetainsGrad;

    /// <summary>For a view: the tensor whose storage it shares (the base of the base for a view of a view).</summary>
    public Tensor? ViewBase;
}
