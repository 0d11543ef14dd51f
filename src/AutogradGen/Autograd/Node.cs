namespace AutogradGen;

/// <summary>
/// A recorded operation in the autograd graph (PyTorch's <c>Function</c> / <c>grad_fn</c>). It knows the edges to
/// the nodes of its inputs and its backward rule: given the gradient of its output, the gradient of each input.
/// </summary>
/// <remarks>
/// <para>How an operation records itself (the pattern every node in <c>Autograd/Nodes</c> follows):</para>
/// <code>
/// internal sealed class ExpBackward0 : Node
/// {
///     private readonly SavedTensor _result;
///     public ExpBackward0(Tensor result) =&gt; _result = SaveOutput(result);
///     internal override Tensor?[] Backward(Tensor grad) =&gt; [grad * _result.Value];
/// }
///
/// var result = /* compute with a kernel */;
/// if (Autograd.ShouldRecord(this)) new ExpBackward0(result).Attach(result, this);
/// </code>
/// <para>
/// Backward rules are written with <see cref="Tensor"/> operations so that, under <c>createGraph</c>, the backward
/// pass records itself and can be differentiated again. They return one gradient per input given to
/// <see cref="Attach"/> (null where there is none, or where <see cref="NeedsInputGrad"/> is false). They need not
/// reduce broadcast gradients or cast dtypes: the engine sums each gradient down to the input's recorded shape and
/// casts it to the input's dtype. Saved tensors are freed after backward unless the graph is retained.
/// </para>
/// <para>Users define new differentiable operations with <see cref="Function"/>; this class is sealed to the library.</para>
/// </remarks>
public abstract class Node
{
    private static long s_sequence;
    private NodeInput[] _inputs = [];
    private SavedTensor? _lastSaved;
    private List<Func<Tensor, Tensor?>>? _preHooks;

    // Sequence numbers come in blocks per thread, as PyTorch's are per thread: unique, increasing on each thread, and
    // no interlocked instruction per node (one per block of SequenceBlock nodes).
    private const long SequenceBlock = 4096;
    [ThreadStatic] private static long t_nextSequence;
    [ThreadStatic] private static long t_sequenceLimit;

    private protected Node() => SequenceNr = NextSequenceNr();

    private static long NextSequenceNr()
    {
        long next = t_nextSequence + 1;
        if (next > t_sequenceLimit)
        {
            t_sequenceLimit = Interlocked.Add(ref s_sequence, SequenceBlock);
            next = t_sequenceLimit - SequenceBlock + 1;
        }
        t_nextSequence = next;
        return next;
    }

    /// <summary>PyTorch's name for the node, such as <c>AddBackward0</c>.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>
    /// The edges to the nodes that receive the gradients of this node's inputs, in input order (a new list on each
    /// read, as PyTorch's <c>next_functions</c> tuple).
    /// </summary>
    public IReadOnlyList<Edge> NextFunctions
    {
        get
        {
            var edges = new Edge[_inputs.Length];
            for (int i = 0; i < edges.Length; i++) edges[i] = new Edge(_inputs[i].Node, 0);
            return edges;
        }
    }

    /// <summary>The recorded inputs as an array, for the engine's loops (no enumerator allocation).</summary>
    internal NodeInput[] Inputs => _inputs;

    /// <summary>Creation order on the creating thread; later nodes run earlier in backward when both are ready.</summary>
    internal long SequenceNr { get; }

    /// <summary>
    /// The backward pass whose state for this node lives in <see cref="TaskState"/>, or null. A pass claims its nodes
    /// with a compare-exchange and releases them when it ends, so two passes never share the inline state.
    /// </summary>
    internal GraphTask? TaskOwner;

    /// <summary>The owning pass's dependency count and gradient buffer for this node (valid only while owned).</summary>
    internal NodeTaskState TaskState;

    /// <summary>The tensor whose <c>RetainGrad()</c> asks for this node's incoming gradient (held weakly).</summary>
    internal WeakReference<Tensor>? RetainedOutput { get; set; }

    /// <summary>Nodes are compared by reference; the hash comes from the creation number, which is cheaper for the
    /// engine's per-pass sets and maps than the runtime's identity hash.</summary>
    public sealed override int GetHashCode() => HashCode.Combine(SequenceNr);

    /// <summary>Reference equality: a node is only ever equal to itself.</summary>
    public sealed override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>Prints as PyTorch does, without the address: <c>&lt;AddBackward0 object&gt;</c>.</summary>
    public override string ToString() => $"<{Name} object>";

    /// <summary>The backward rule: the gradient of each input given the gradient of the output.</summary>
    internal abstract Tensor?[] Backward(Tensor grad);

    /// <summary>Links this node into the graph as the <c>GradFn</c> of <paramref name="result"/>.</summary>
    /// <param name="result">The freshly computed output of the operation.</param>
    /// <param name="inputs">The operation's tensor inputs, in the order <see cref="Backward"/> returns gradients.</param>
    /// <remarks>
    /// <paramref name="result"/> must be a new tensor. An operation whose raw layer handed back an input unchanged
    /// (a conversion or an expansion that had nothing to do) would otherwise rewrite that input's history: the
    /// input's own consumers, and autograd.grad asked for it, would then see this node instead of the input's
    /// (issue 13: wrong Atan2 gradients under autograd.grad). In-place operations record their edges with <see cref="SetInputs"/> before they write.
    /// </remarks>
    internal void Attach(Tensor result, params ReadOnlySpan<Tensor?> inputs)
    {
        foreach (var input in inputs)
        {
            if (ReferenceEquals(input, result))
            {
                throw new InvalidOperationException($"internal error: {Name} would record its history on its own input; the operation must return a new tensor.");
            }
        }
        SetInputs(inputs);
        result.SetHistory(this);
    }

    /// <summary>Records the edges and metadata of the inputs without making the node any tensor's <c>GradFn</c>.</summary>
    internal void SetInputs(ReadOnlySpan<Tensor?> inputs)
    {
        var recorded = new NodeInput[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            if (input is null) continue;
            recorded[i] = new NodeInput(input.RequiresGrad ? input.GradientEdge().Node : null, input.SharedShape, input.DType);
        }
        _inputs = recorded;
    }

    /// <summary>Records inputs already described (a node that takes over another node's edges, as CopySlices does).</summary>
    internal void SetRecordedInputs(NodeInput[] inputs) => _inputs = inputs;

    /// <summary>Whether input <paramref name="index"/> needs a gradient (PyTorch's <c>ctx.needs_input_grad</c>).</summary>
    private protected bool NeedsInputGrad(int index) => _inputs[index].Node is not null;

    /// <summary>The number of inputs recorded.</summary>
    internal int InputCount => _inputs.Length;

    internal NodeInput InputAt(int index) => _inputs[index];

    /// <summary>Keeps an input (or any tensor that is not this node's output) for the backward rule.</summary>
    private protected SavedTensor Save(Tensor tensor) => _lastSaved = new SavedTensor(tensor, producer: null) { Next = _lastSaved };

    /// <summary>Keeps this node's own output for the backward rule (call before <see cref="Attach"/>).</summary>
    private protected SavedTensor SaveOutput(Tensor output) => _lastSaved = new SavedTensor(output, this) { Next = _lastSaved };

    /// <summary>What the backward rule kept, in the order it was saved (for <see cref="Autograd.ToDot(Tensor, IReadOnlyDictionary{string, Tensor}?)"/>).</summary>
    internal List<SavedTensor> SavedTensorsInOrder()
    {
        var saved = new List<SavedTensor>();
        for (var entry = _lastSaved; entry is not null; entry = entry.Next) saved.Add(entry);
        saved.Reverse();
        return saved;
    }

    /// <summary>Frees what the backward rule kept (after a backward pass that does not retain the graph).</summary>
    internal virtual void ReleaseSavedTensors()
    {
        for (var saved = _lastSaved; saved is not null; saved = saved.Next) saved.Release();
    }

    /// <summary>Adds a hook that sees (and may replace) the gradient arriving at this node.</summary>
    internal RemovableHandle AddPreHook(Func<Tensor, Tensor?> hook)
    {
        var hooks = _preHooks ??= [];
        hooks.Add(hook);
        return new RemovableHandle(() => hooks.Remove(hook));
    }

    /// <summary>Whether a hook (user code) will see the gradient arriving here.</summary>
    internal bool HasPreHooks => _preHooks is { Count: > 0 };

    /// <summary>Whether <see cref="Backward"/> runs user code (a custom <see cref="Function"/>), which sees the
    /// gradient and may keep what it returns: the engine then treats both as the user's (<see cref="PassAllocations"/>).</summary>
    internal virtual bool RunsUserCode => false;

    internal Tensor RunPreHooks(Tensor grad)
    {
        if (_preHooks is null) return grad;
        foreach (var hook in _preHooks.ToArray()) grad = hook(grad) ?? grad;
        return grad;
    }
}
