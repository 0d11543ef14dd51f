namespace AutogradGen;

/// <summary>
/// The state most tensors never use, kept apart from <see cref="Tensor"/> (as PyTorch keeps AutogradMeta): a leaf's
/// gradient and gradient accumulator, RetainGrad's flag, a view's layout and base. The many intermediate (dense)
/// tensors of a tape need none of it, and each of them is smaller without the fields.
/// </summary>
internal sealed class TensorAutogradMeta
{
    /// <summary>The accumulated gradient (<see cref="Tensor.Grad"/>).</summary>
    public Tensor? Grad;

    /// <summary>The leaf's <see cref="AccumulateGrad"/> node, made on first use and then kept.</summary>
    public AccumulateGrad? GradAccumulator;

    /// <summary>Whether <see cref="Tensor.RetainGrad"/> was called on this non-leaf.</summary>
    public bool RetainsGrad;

    /// <summary>A view's strides and offset (null for a dense tensor); set when the tensor is made, never changed.</summary>
    public StridedLayout? Layout;

    /// <summary>For a view: the tensor whose storage it shares (the base of the base for a view of a view).</summary>
    public Tensor? ViewBase;

    /// <summary>For a view: made with grad mode off (PyTorch's CreationMeta::NO_GRAD_MODE); writing it with grad mode on is refused.</summary>
    public bool ViewMadeWithoutGrad;

    /// <summary>
    /// For a view: the version at which its grad_fn was last set. When the shared version moves on (a write through
    /// the base or any view), the grad_fn is regenerated from the base's history (PyTorch's attr_version).
    /// </summary>
    public int ViewAttrVersion;
}
