namespace AutogradGen;

/// <summary>
/// The state of one backward pass: which nodes run, how many gradients each still waits for, the gradients
/// summed so far, and what is written at the end. Local to the pass, so passes on different threads over
/// independent graphs do not interfere.
/// </summary>
/// <remarks>
/// The per-node state (<see cref="NodeTaskState"/>) lives on the nodes themselves while this pass owns them, which
/// spares a dictionary lookup per edge and per node; see GraphTask.Ownership.cs for how nodes are claimed.
/// </remarks>
internal sealed partial class GraphTask
{
    private readonly GraphRoot _root;
    private readonly bool _createGraph;
    private readonly bool _accumulateIntoLeaves;
    private readonly Dictionary<Node, List<int>>? _captures;
    private readonly List<(AccumulateGrad Node, Tensor Grad)> _leafGrads = [];
    private readonly List<(Tensor Tensor, Tensor Grad)> _retainedGrads = [];
    private readonly List<Node> _executed = [];

    /// <summary>The large arrays made during this pass and who holds them (null under createGraph, whose gradients are
    /// kept by the graph it records): how the pass recycles, steals and writes in place safely.</summary>
    private readonly PassAllocations? _allocations;

    /// <summary>The node running: gradients <see cref="ConformToInput"/> made, released with the rule's own.</summary>
    private readonly List<Tensor> _conformed = [];

    public GraphTask(IReadOnlyList<Tensor> outputs, Tensor[] grads, bool createGraph, IReadOnlyList<Tensor>? inputs)
    {
        _root = new GraphRoot(outputs, grads);
        _createGraph = createGraph;
        _accumulateIntoLeaves = inputs is null;
        Captured = inputs is null ? [] : new Tensor?[inputs.Count];
        if (inputs is not null) _captures = CaptureNodes(inputs);
        if (!createGraph && !PassAllocations.DisabledOnThisThread) _allocations = new PassAllocations();
    }

    /// <summary>For autograd.grad: the gradient of each input, in order (null where none arrived).</summary>
    public Tensor?[] Captured { get; }

    /// <summary>
    /// Finds the graph, then runs every node that needs to run. Writes nothing outside this task (but owns the
    /// nodes it found until <see cref="Release"/>, which must follow in a finally block).
    /// </summary>
    public void Execute()
    {
        Discover();
        if (_captures is not null)
        {
            MarkNodesLeadingTo(_captures);
            CountDependencies();
        }

        var ready = new ReadyQueue();
        ready.Enqueue(_root);
        var previousAllocations = _allocations?.Enter();
        try
        {
            using (Autograd.SetGradEnabled(_createGraph))
            {
                while (ready.TryDequeue(out var node))
                {
                    var grad = node == _root ? null : ReceiveGrad(node);
                    if (!Runs(node)) continue;
                    if (node is AccumulateGrad accumulate)
                    {
                        // The node's hold on its gradient passes to the list, until Commit.
                        if (grad is not null) _leafGrads.Add((accumulate, grad));
                        continue;
                    }
                    if (grad is not null && node.RunsUserCode) _allocations?.Expose(grad);
                    var inputGrads = node == _root ? _root.Grads : grad is null ? null : node.Backward(grad);
                    _executed.Add(node);
                    SendGrads(node, inputGrads, ready);
                    if (_allocations is { IsTracking: true }) ReleaseConsumed(node, grad, inputGrads);
                }
            }
        }
        finally
        {
            if (_allocations is not null) PassAllocations.Leave(previousAllocations);
        }
    }

    /// <summary>
    /// After a node ran: its incoming gradient is no longer held by it, and the gradients its rule returned are held
    /// only where <see cref="AddToBuffer"/> put them. Whatever fresh array is now held nowhere is dead and goes to the
    /// pool (a custom Function's results are the user's and are never recycled).
    /// </summary>
    private void ReleaseConsumed(Node node, Tensor? grad, Tensor?[]? inputGrads)
    {
        var allocations = _allocations!;
        if (inputGrads is not null && node.RunsUserCode)
        {
            foreach (var inputGrad in inputGrads)
            {
                if (inputGrad is not null) allocations.Expose(inputGrad);
            }
        }
        if (grad is not null) allocations.Drop(grad);
        // Only now, after every input's gradient went where it goes: one of them may alias another.
        foreach (var conformed in _conformed) allocations.Release(conformed);
        _conformed.Clear();
        if (inputGrads is null || node == _root) return;
        foreach (var inputGrad in inputGrads)
        {
            if (inputGrad is not null) allocations.Release(inputGrad);
        }
    }

    /// <summary>After a successful <see cref="Execute"/>: accumulates into leaves and retained tensors, frees the graph.</summary>
    public void Commit(bool keepGraph)
    {
        using (Autograd.SetGradEnabled(_createGraph))
        {
            foreach (var (node, grad) in _leafGrads) AccumulateIntoLeaf(node, grad);
            foreach (var (tensor, grad) in _retainedGrads) tensor.AccumulateRetainedGrad(grad, _createGraph);
        }
        if (!keepGraph)
        {
            foreach (var node in _executed) node.ReleaseSavedTensors();
        }
    }

    /// <summary>
    /// Accumulates one leaf's gradient. When this pass made the gradient and nothing else holds it, the leaf takes it
    /// as its .grad instead of a copy (PyTorch's AccumulateGrad steals a gradient whose reference count allows);
    /// otherwise the gradient was copied or added, and is dead.
    /// </summary>
    private void AccumulateIntoLeaf(AccumulateGrad node, Tensor grad)
    {
        var allocations = _allocations;
        bool mayTake = allocations is not null && allocations.IsSoleHolder(grad);
        if (node.Accumulate(grad, _createGraph, mayTake)) allocations!.GiveAway(grad);
        else allocations?.Drop(grad);
    }

    /// <summary>The summed gradient for <paramref name="node"/> after its hooks, noting it for RetainGrad and autograd.grad.</summary>
    private Tensor? ReceiveGrad(Node node)
    {
        ref var state = ref State(node);
        if (state.Buffer is not { } arrived) return null;
        state.Buffer = null;
        state.BufferOwned = false;
        var grad = arrived;
        if (node.HasPreHooks)
        {
            // Hooks are user code: what they see or return is the user's from now on.
            _allocations?.Expose(arrived);
            grad = node.RunPreHooks(arrived);
            _allocations?.Expose(grad);
        }
        if (_accumulateIntoLeaves && node.RetainedOutput is { } weak && weak.TryGetTarget(out var retained))
        {
            _retainedGrads.Add((retained, grad));
            _allocations?.Expose(grad);
        }
        if (_captures is not null && _captures.TryGetValue(node, out var positions))
        {
            foreach (int position in positions) Captured[position] = grad;
            _allocations?.Expose(grad);
        }
        return grad;
    }

    /// <summary>Adds each input gradient to the buffer of the node it goes to; a node whose last producer ran becomes ready.</summary>
    private void SendGrads(Node node, Tensor?[]? inputGrads, ReadyQueue ready)
    {
        var inputs = node.Inputs;
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Node is not { } next) continue;
            ref var target = ref State(next);
            if (_captures is not null && !target.Needed) continue;
            if (inputGrads is not null && i < inputGrads.Length && inputGrads[i] is { } inputGrad)
            {
                var conformed = ConformToInput(node, i, inputGrad);
                if (_allocations is { IsTracking: true } && !ReferenceEquals(conformed, inputGrad)) _conformed.Add(conformed);
                AddToBuffer(ref target, conformed);
            }
            if (--target.Dependencies == 0) ready.Enqueue(next);
        }
    }

    /// <summary>
    /// PyTorch's InputBuffer: the first gradient is kept as it is; the second makes a new sum, which the engine then
    /// owns, so the third and later are added into it in place. Under createGraph every sum is recorded instead.
    /// </summary>
    private void AddToBuffer(ref NodeTaskState target, Tensor grad)
    {
        var allocations = _allocations;
        if (target.Buffer is not { } sum)
        {
            target.Buffer = grad;
            allocations?.Hold(grad);
            return;
        }
        // A sum this pass made and holds only here is the engine's own too, whoever made it (a rule's fresh result).
        bool owned = target.BufferOwned
            || (allocations is not null && allocations.IsSoleHolder(sum) && !ReferenceEquals(sum.Storage.Data, grad.Storage.Data));
        if (owned && sum.TryAddInPlaceRaw(grad)) return;
        var total = sum + grad;
        target.Buffer = total;
        target.BufferOwned = !_createGraph;
        if (allocations is not null)
        {
            allocations.Hold(total);
            allocations.Drop(sum);
        }
    }

    private bool Runs(Node node) => _captures is null || State(node).Executes;

    private static Dictionary<Node, List<int>> CaptureNodes(IReadOnlyList<Tensor> inputs)
    {
        var captures = new Dictionary<Node, List<int>>();
        for (int i = 0; i < inputs.Count; i++)
        {
            if (!inputs[i].RequiresGrad) throw new AutogradException(Messages.InputDoesNotRequireGrad);
            var node = inputs[i].GradientEdge().Node!;
            if (!captures.TryGetValue(node, out var positions)) captures[node] = positions = [];
            positions.Add(i);
        }
        return captures;
    }

    /// <summary>
    /// For autograd.grad: the nodes on a path to a captured node (needed), and among them those that must run
    /// because something needed lies beyond them (executes). Nothing else runs, as in PyTorch. Walks the nodes in
    /// post order, so every node comes after all the nodes it leads to.
    /// </summary>
    private void MarkNodesLeadingTo(Dictionary<Node, List<int>> captures)
    {
        foreach (var node in _postOrder)
        {
            bool leadsToCapture = false;
            foreach (var input in node.Inputs)
            {
                if (input.Node is not null && State(input.Node).Needed) { leadsToCapture = true; break; }
            }
            ref var state = ref State(node);
            state.Executes = leadsToCapture;
            state.Needed = leadsToCapture || captures.ContainsKey(node);
        }
    }

    /// <summary>
    /// For autograd.grad, how many gradients each node waits for: one per edge from a node that runs to a node that
    /// is needed (backward, where every node runs, counts them in <see cref="Discover"/>).
    /// </summary>
    private void CountDependencies()
    {
        foreach (var node in _postOrder)
        {
            if (!Runs(node)) continue;
            foreach (var input in node.Inputs)
            {
                if (input.Node is not { } next) continue;
                ref var target = ref State(next);
                if (target.Needed) target.Dependencies++;
            }
        }
    }

    /// <summary>
    /// PyTorch's validate_outputs: a gradient broadcast beyond its input's shape is summed back down to it, and a
    /// gradient of another dtype is cast to the input's dtype. Any other shape is a bug in the backward rule.
    /// </summary>
    private static Tensor ConformToInput(Node node, int index, Tensor grad)
    {
        var input = node.InputAt(index);
        var shape = input.Shape!;
        if (!ReferenceEquals(grad.SharedShape, shape) && !grad.ShapeSpan.SequenceEqual(shape))
        {
            if (!Kernels.Shapes.IsExpandableTo(shape, grad.ShapeSpan))
            {
                throw new AutogradException(Messages.InvalidGradient(node.Name, index, grad.ShapeSpan, shape));
            }
            grad = grad.SumToSize(shape);
        }
        return grad.DType == input.DType ? grad : grad.To(input.DType);
    }
}
