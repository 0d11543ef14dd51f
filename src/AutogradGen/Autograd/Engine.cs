namespace AutogradGen;

/// <summary>
/// Runs a backward pass. Iterative, as PyTorch's engine: a depth-first walk (with an explicit stack) finds the nodes
/// and counts each node's dependencies; a ready stack then runs a node once every node that feeds it has run, so
/// gradients reaching the same node are summed first. No recursion anywhere: a chain of a million operations needs
/// no more stack than a chain of one.
/// </summary>
/// <remarks>
/// A failed pass changes nothing: gradients meant for leaves and retained non-leaves are collected and written only
/// after every node has run, and saved tensors are freed only then.
/// </remarks>
internal static class Engine
{
    /// <param name="outputs">The tensors to differentiate (each requires grad).</param>
    /// <param name="grads">The gradient of each output, already of its shape and dtype.</param>
    /// <param name="keepGraph">Keep saved tensors for another pass.</param>
    /// <param name="createGraph">Record the backward pass so its results can be differentiated.</param>
    /// <param name="inputs">For <see cref="Autograd.Grad(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, IReadOnlyList{Tensor?}?, bool?, bool, bool)"/>:
    /// return the gradients of these and leave every <c>.Grad</c> alone. Null: accumulate into leaves.</param>
    /// <param name="allowUnused">With <paramref name="inputs"/>: null instead of an error for an input the outputs do not depend on.</param>
    public static Tensor?[] Run(IReadOnlyList<Tensor> outputs, Tensor[] grads, bool keepGraph, bool createGraph, IReadOnlyList<Tensor>? inputs, bool allowUnused)
    {
        var root = new GraphRoot(outputs, grads);

        // Inputs of autograd.grad: the node whose incoming gradient is the input's gradient.
        Dictionary<Node, List<int>>? captures = null;
        if (inputs is not null)
        {
            captures = [];
            for (int i = 0; i < inputs.Count; i++)
            {
                if (!inputs[i].RequiresGrad) throw new AutogradException(Messages.InputDoesNotRequireGrad);
                var node = inputs[i].GradientEdge().Node!;
                if (!captures.TryGetValue(node, out var positions)) captures[node] = positions = [];
                positions.Add(i);
            }
        }

        var postOrder = PostOrder(root);
        var executes = captures is null ? null : NodesLeadingTo(postOrder, captures);
        var dependencies = CountDependencies(postOrder, executes);
        var captured = inputs is null ? [] : new Tensor?[inputs.Count];
        var leafGrads = new List<(AccumulateGrad Node, Tensor Grad)>();
        var retainedGrads = new List<(Tensor Tensor, Tensor Grad)>();
        var executed = new List<Node>();
        var buffers = new Dictionary<Node, Tensor>();
        var ready = new Stack<Node>();
        ready.Push(root);

        using (Autograd.SetGradEnabled(createGraph))
        {
            while (ready.Count > 0)
            {
                var node = ready.Pop();
                Tensor? grad = null;
                if (node != root && buffers.Remove(node, out var arrived))
                {
                    grad = node.RunPreHooks(arrived);
                    if (inputs is null && node.RetainedOutput is { } weak && weak.TryGetTarget(out var retained)) retainedGrads.Add((retained, grad));
                    if (captures is not null && captures.TryGetValue(node, out var positions))
                    {
                        foreach (int position in positions) captured[position] = grad;
                    }
                }

                if (executes is not null && !executes.Contains(node)) continue;
                if (node is AccumulateGrad accumulate)
                {
                    if (grad is not null) leafGrads.Add((accumulate, grad));
                    continue;
                }

                Tensor?[]? inputGrads = node == root ? root.Grads : grad is null ? null : node.Backward(grad);
                executed.Add(node);
                var edges = node.Edges;
                for (int i = 0; i < edges.Length; i++)
                {
                    var next = edges[i].Node;
                    if (next is null || (executes is not null && !executes.Contains(next) && !(captures?.ContainsKey(next) ?? false))) continue;
                    if (inputGrads is not null && i < inputGrads.Length && inputGrads[i] is { } inputGrad)
                    {
                        inputGrad = ConformToInput(node, i, inputGrad);
                        buffers[next] = buffers.TryGetValue(next, out var sum) ? sum + inputGrad : inputGrad;
                    }
                    if (--dependencies[next] == 0) ready.Push(next);
                }
            }
        }

        if (inputs is not null && !allowUnused && Array.IndexOf(captured, null) >= 0) throw new AutogradException(Messages.UnusedInput);

        // Everything was computed: now, and only now, write gradients and free the graph.
        using (Autograd.SetGradEnabled(createGraph))
        {
            foreach (var (node, grad) in leafGrads) node.Accumulate(grad, createGraph);
            foreach (var (tensor, grad) in retainedGrads) tensor.AccumulateRetainedGrad(grad, createGraph);
        }
        if (!keepGraph)
        {
            foreach (var node in executed) node.ReleaseSavedTensors();
        }
        return captured;
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

    /// <summary>For autograd.grad: the nodes that lie on a path to a captured node, which are the only ones to run.</summary>
    private static HashSet<Node> NodesLeadingTo(List<Node> postOrder, Dictionary<Node, List<int>> captures)
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
        return executes;
    }

    private static Dictionary<Node, int> CountDependencies(List<Node> postOrder, HashSet<Node>? executes)
    {
        var dependencies = new Dictionary<Node, int>(postOrder.Count);
        foreach (var node in postOrder) dependencies[node] = 0;
        foreach (var node in postOrder)
        {
            if (executes is not null && !executes.Contains(node)) continue;
            foreach (var edge in node.Edges)
            {
                if (edge.Node is not null) dependencies[edge.Node]++;
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
