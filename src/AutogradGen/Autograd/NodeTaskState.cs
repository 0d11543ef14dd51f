namespace AutogradGen;

/// <summary>
/// What one backward pass knows about one node: how many gradients it still waits for, the sum of those that
/// arrived, and (for autograd.grad) whether it lies on a path to an input. Kept inline on the node while a pass owns
/// it (<see cref="Node.TaskOwner"/>), so the pass needs no dictionary lookups; a pass that finds a node owned by
/// another pass keeps the states of all its nodes in a dictionary instead (see <see cref="GraphTask"/>).
/// </summary>
internal struct NodeTaskState
{
    /// <summary>Gradients still to arrive before the node can run.</summary>
    public int Dependencies;

    /// <summary>The sum of the gradients that arrived so far (null until the first).</summary>
    public Tensor? Buffer;

    /// <summary>
    /// Whether <see cref="Buffer"/> is a sum the engine made itself (not a tensor a backward rule, a hook or the
    /// caller may still hold), so later gradients can be added into it in place.
    /// </summary>
    public bool BufferOwned;

    /// <summary>For autograd.grad: the node is captured or lies on a path to a captured node.</summary>
    public bool Needed;

    /// <summary>For autograd.grad: the node must run because something needed lies beyond it.</summary>
    public bool Executes;
}
