namespace AutogradGen;

/// <summary>The engine's starting point: a node whose "backward" hands out the gradients of the outputs.</summary>
internal sealed class GraphRoot : Node
{
    private readonly Tensor[] _grads;

    public GraphRoot(IReadOnlyList<Tensor> outputs, Tensor[] grads)
    {
        _grads = grads;
        SetInputs([.. outputs]);
    }

    internal override Tensor?[] Backward(Tensor grad) => _grads;
}
