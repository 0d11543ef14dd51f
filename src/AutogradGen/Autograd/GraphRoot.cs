namespace AutogradGen;

/// <summary>The engine's starting point: a node whose "backward" hands out the gradients of the outputs.</summary>
internal sealed class GraphRoot : Node
{
    public GraphRoot(IReadOnlyList<Tensor> outputs, Tensor[] grads)
    {
        Grads = grads;
        SetInputs([.. outputs]);
    }

    /// <summary>The gradients of the outputs: what the root passes along its edges.</summary>
    public Tensor[] Grads { get; }

    internal override Tensor?[] Backward(Tensor grad) => Grads;
}
