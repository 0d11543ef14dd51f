namespace AutogradGen;

/// <summary>
/// A tensor a node keeps for its backward rule, with the storage version it had when saved. Reading it after an
/// in-place change, or after the graph was freed by a backward pass, fails with PyTorch's message.
/// </summary>
internal sealed class SavedTensor
{
    private Tensor? _tensor;
    private readonly int _savedVersion;
    private readonly string? _producer;
    private readonly DType _dtype;
    private readonly int[] _shape;

    /// <param name="tensor">The tensor to keep.</param>
    /// <param name="producer">The name of the node that made it (null for a leaf), for the in-place message.</param>
    public SavedTensor(Tensor tensor, string? producer)
    {
        _tensor = tensor;
        _savedVersion = tensor.Version;
        _producer = producer;
        _dtype = tensor.DType;
        _shape = tensor.SharedShape;
    }

    /// <summary>The saved tensor, checked against the freed graph and in-place changes.</summary>
    public Tensor Value
    {
        get
        {
            var tensor = _tensor ?? throw new AutogradException(Messages.BackwardTwice);
            if (tensor.Version != _savedVersion)
            {
                throw new AutogradException(Messages.ModifiedInPlace(_dtype, _shape, _producer, tensor.Version, _savedVersion));
            }
            return tensor;
        }
    }

    /// <summary>Drops the reference so the tensor can be collected; later reads fail.</summary>
    public void Release() => _tensor = null;
}
