namespace AutogradGen;

/// <summary>
/// A tensor a node keeps for its backward rule, with the storage version it had when saved. Reading it after an
/// in-place change, or after the graph was freed by a backward pass, fails with PyTorch's message.
/// </summary>
internal sealed class SavedTensor
{
    private Tensor? _tensor;
    private readonly int _savedVersion;
    private Node? _producer;
    private readonly DType _dtype;
    private readonly int[] _shape;

    /// <param name="tensor">The tensor to keep.</param>
    /// <param name="producer">For a node's own output, the node (whose name the in-place message gives); null for an
    /// input, whose grad_fn at the time of the failed read is named instead, as libtorch's SavedVariable::unpack does
    /// (<c>data_.grad_fn()</c> of the saved original: after <c>y.add_(1)</c> that is the in-place AddBackward0).</param>
    public SavedTensor(Tensor tensor, Node? producer)
    {
        _tensor = tensor;
        _savedVersion = tensor.Version;
        _producer = producer;
        _dtype = tensor.DType;
        _shape = tensor.SharedShape;
    }

    /// <summary>The tensor saved before this one by the same node: a node's saved tensors form a list without an array.</summary>
    public SavedTensor? Next { get; init; }

    /// <summary>The saved tensor, checked against the freed graph and in-place changes.</summary>
    public Tensor Value
    {
        get
        {
            var tensor = _tensor ?? throw new AutogradException(Messages.BackwardTwice);
            if (tensor.Version != _savedVersion)
            {
                // Names are asked for only here: a node's name costs a reflection call, too much for every saved tensor.
                var producer = _producer ?? tensor.GradFn;
                throw new AutogradException(Messages.ModifiedInPlace(_dtype, _shape, producer?.Name, tensor.Version, _savedVersion));
            }
            return tensor;
        }
    }

    /// <summary>The saved tensor without the checks, or null once freed: for drawing the graph, which must not throw.</summary>
    internal Tensor? Peek => _tensor;

    /// <summary>Whether this is the output of <paramref name="node"/> (saved with <c>SaveOutput</c>) rather than an input.</summary>
    internal bool IsOutputOf(Node node) => _tensor is not null && ReferenceEquals(_tensor.GradFn, node);

    /// <summary>Drops the references so the tensor (and its producer) can be collected; later reads fail.</summary>
    public void Release()
    {
        _tensor = null;
        _producer = null;
    }
}
