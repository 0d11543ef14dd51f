namespace AutogradGen;

/// <summary>
/// The state of one backward pass: which nodes run, how many gradients each still waits for, the gradients
/// summed so far, and what is written at the end. Local to the pass, so passes on different threads over
/// independent graphs do not interfere.
/// </summary>
internal sealed class GraphTask
{
    private readonly GraphRoot _root;
    private readonly bool _createGraph;
    private readonly bool _accumulateIntoLeaves;
    private readonly Dictionary<Node, List<int>>? _captures;
    private readonly HashSet<Node>? _executes;
    private readonly HashSet<Node>? _needed;
    private readonly Dictionary<Node, int> _dependencies;
    private readonly Dictionary<Node, Tensor> _buffers = [];
    private readonly List<(AccumulateGrad Node, Tensor Grad)> _leafGrads = [];
    private readonly List<(Tensor Tensor, Tensor Grad)> _retainedGrads = [];
    private readonly List<Node> _executed = [];

    public GraphTask(IReadOnlyList<Tensor> outputs, Tensor[] grads, bool createGraph, IReadOnlyList<Tensor>? inputs)
    {
        _root = new GraphRoot(outputs, grads);
        _createGraph = createGraph;
        _accumulateIntoLeaves = inputs is null;
        Captured = inputs is null ? [] : new Tensor?[inputs.Count];
        var postOrder = PostOrder(_root);
        if (inputs is not null)
        {
            _captures = CaptureNodes(inputs);
            (_needed, _executes) = NodesLeadingTo(postOrder, _captures);
        }
        _dependencies = CountDependencies(postOrder);
    }

    /// <summary>For autograd.grad: the gradient of each input, in order (null where none arrived).</summary>
    public Tensor?[] Captured { get; }

    /// <summary>Runs every node that needs to run. Writes nothing outside this task.</summary>
    public void Execute()
    {
        // Among ready nodes the most recently created runs first, and leaf accumulation before anything else, as in
        // PyTorch's ready queue: the order in which hooks fire matches PyTorch's.
        var ready = new PriorityQueue<Node, long>();
        ready.Enqueue(_root, Priority(_root));
        using (Autograd.SetGradEnabled(_createGraph))
        {
            while (ready.Count > 0)
            {
                var node = ready.Dequeue();
                var grad = node == _root ? null : ReceiveGrad(node);
                if (!Runs(node)) continue;
                if (node is AccumulateGrad accumulate)
                {
                    if (grad is not null) _leafGrads.Add((accumulate, grad));
                    continue;
                }
                var inputGrads = node == _root ? _root.Grads : grad is null ? null : node.Backward(grad);
                _executed.Add(node);
                SendGrads(node, inputGrads, ready);
            }
        }
    }

    /// <summary>After a successful <see cref="Execute"/>: accumulates into leaves and retained tensors, frees the graph.</summary>
    public void Commit(bool keepGraph)
    {
        using (Autograd.SetGradEnabled(_createGraph))
        {
            foreach (var (node, grad) in _leafGrads) node.Accumulate(grad, _createGraph);
            foreach (var (tensor, grad) in _retainedGrads) tensor.AccumulateRetainedGrad(grad, _createGraph);
        }
        if (!keepGraph)
        {
            foreach (var node in _executed) node.ReleaseSavedTensors();
        }
    }

    /// <summary>The summed gradient for <paramref name="node"/> after its hooks, noting it for RetainGrad and autograd.grad.</summary>
    private Tensor? ReceiveGrad(Node node)
    {
        if (!_buffers.Remove(node, out var arrived)) return null;
        var grad = node.RunPreHooks(arrived);
        if (_accumulateIntoLeaves && node.RetainedOutput is { } weak && weak.TryGetTarget(out var retained))
        {
            _retainedGrads.Add((retained, grad));
        }
        if (_captures is not null && _captures.TryGetValue(node, out var positions))
        {
            foreach (int position in positions) Captured[position] = grad;
        }
        return grad;
    }

    /// <summary>Adds each input gradient to the buffer of the node it goes to; a node whose last producer ran becomes ready.</summary>
    private void SendGrads(Node node, Tensor?[]? inputGrads, PriorityQueue<Node, long> ready)
    {
        var edges = node.Edges;
        for (int i = 0; i < edges.Length; i++)
        {
            var next = edges[i].Node;
            if (next is null || (_needed is not null && !_needed.Contains(next))) continue;
            if (inputGrads is not null && i < inputGrads.Length && inputGrads[i] is { } inputGrad)
            {
                inputGrad = ConformToInput(node, i, inputGrad);
                _buffers[next] = _buffers.TryGetValue(next, out var sum) ? sum + inputGrad : inputGrad;
            }
            if (--_dependencies[next] == 0) ready.Enqueue(next, Priority(next));
        }
    }

    private static long Priority(Node node) => node is AccumulateGrad ? long.MinValue : -node.SequenceNr;

    private bool Runs(Node node) => _executes is null || _executes.Contains(node);

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

    /// <summary>Every node reachable from <paramref name="root"/>, each after all the nodes it leads to.</summary>
    private static List<Node> PostOrder(Node root)
    {
        var order = new List<Node>();
        var visited = new HashSet<Node> { root };
        var stack = new Stack<(Node Node, int NextEdge)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, nextEdge) = stack.Pop();
            var edges = node.Edges;
            if (nextEdge < edges.Length)
            {
                stack.Push((node, nextEdge + 1));
                var child = edges[nextEdge].Node;
                if (child is not null && visited.Add(child)) stack.Push((child, 0));
            }
            else
            {
                order.Add(node);
            }
        }
        return order;
    }

    /// <summary>
    /// For autograd.grad: the nodes on a path to a captured node (needed), and among them those that must run
    /// because something needed lies beyond them (executes). Nothing else runs, as in PyTorch.
    /// </summary>
    private static (HashSet<Node> Needed, HashSet<Node> Executes) NodesLeadingTo(List<Node> postOrder, Dictionary<Node, List<int>> captures)
    {
        var needed = new HashSet<Node>();
        var executes = new HashSet<Node>();
        foreach (var node in postOrder)
        {
            bool leadsToCapture = false;
            foreach (var edge in node.Edges)
            {
                if (edge.Node is not null && needed.Contains(edge.Node)) { leadsToCapture = true; break; }
            }
            if (leadsToCapture) executes.Add(node);
            if (leadsToCapture || captures.ContainsKey(node)) needed.Add(node);
        }
        return (needed, executes);
    }

    /// <summary>How many gradients each node waits for: one per edge from a node that runs to a node that is needed.</summary>
    private Dictionary<Node, int> CountDependencies(List<Node> postOrder)
    {
        var dependencies = new Dictionary<Node, int>(postOrder.Count);
        foreach (var node in postOrder) dependencies[node] = 0;
        foreach (var node in postOrder)
        {
            if (!Runs(node)) continue;
            foreach (var edge in node.Edges)
            {
                if (edge.Node is not null && (_needed is null || _needed.Contains(edge.Node))) dependencies[edge.Node]++;
            }
        }
        return dependencies;
    }

    /// <summary>
    /// PyTorch's validate_outputs: a gradient broadcast beyond its input's shape is summed back down to it, and a
    /// gradient of another dtype is cast to the input's dtype. Any other shape is a bug in the backward rule.
    /// </summary>
    private static Tensor ConformToInput(Node node, int index, Tensor grad)
    {
        var metadata = node.InputMetadataAt(index);
        if (!grad.ShapeSpan.SequenceEqual(metadata.Shape))
        {
            if (!Kernels.Shapes.IsExpandableTo(metadata.Shape, grad.ShapeSpan))
            {
                throw new AutogradException(Messages.InvalidGradient(node.Name, index, grad.ShapeSpan, metadata.Shape));
            }
            grad = grad.SumToSize(metadata.Shape);
        }
        return grad.DType == metadata.DType ? grad : grad.To(metadata.DType);
    }
}
