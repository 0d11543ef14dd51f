using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutogradGen;

// How a pass finds its nodes and where it keeps their state. The fast case: the pass claims each node it reaches
// (compare-exchange of Node.TaskOwner from null to itself) and keeps the node's state inline in Node.TaskState, like
// a task id and counter stamped on the node. A node can be reached by two passes at once (two threads backpropagating
// into a shared parameter's AccumulateGrad, or a hook that runs a backward pass over the graph it is called from);
// the pass that finds a node owned by another gives back everything it claimed and keeps all its states in a
// dictionary instead, which is what every pass did before. Either way the states are the pass's own.
internal sealed partial class GraphTask
{
    /// <summary>Every node reached from the root, in the order reached.</summary>
    private readonly List<Node> _nodes = [];

    /// <summary>For autograd.grad: the same nodes, each after all the nodes it leads to (empty for backward).</summary>
    private readonly List<Node> _postOrder = [];

    /// <summary>Null while the states are inline on the claimed nodes; the states once another pass owned a node.</summary>
    private Dictionary<Node, NodeTaskState>? _sharedStates;

    /// <summary>This pass's state for <paramref name="node"/>, which must have been reached by <see cref="Discover"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref NodeTaskState State(Node node) => ref _sharedStates is null ? ref node.TaskState : ref SharedState(node);

    // Apart from State so that the inline case, taken for every edge, stays small enough to inline.
    private ref NodeTaskState SharedState(Node node) => ref CollectionsMarshal.GetValueRefOrNullRef(_sharedStates!, node);

    /// <summary>
    /// Reaches every node from the root, claiming each, on an explicit stack (a million-deep chain needs no more
    /// call stack than one node). For backward, which runs every node, each edge is counted as a dependency on the
    /// way; autograd.grad first needs the nodes in post order to know which of them run.
    /// </summary>
    private void Discover()
    {
        Reach(_root);
        if (_captures is not null)
        {
            DiscoverInPostOrder();
            return;
        }
        var pending = new Stack<Node>();
        pending.Push(_root);
        while (pending.TryPop(out var node))
        {
            foreach (var input in node.Inputs)
            {
                if (input.Node is not { } child) continue;
                bool firstReach = Reach(child);
                State(child).Dependencies++;
                if (firstReach) pending.Push(child);
            }
        }
    }

    private void DiscoverInPostOrder()
    {
        var pending = new Stack<(Node Node, int NextEdge)>();
        pending.Push((_root, 0));
        while (pending.TryPop(out var top))
        {
            var inputs = top.Node.Inputs;
            if (top.NextEdge < inputs.Length)
            {
                pending.Push((top.Node, top.NextEdge + 1));
                var child = inputs[top.NextEdge].Node;
                if (child is not null && Reach(child)) pending.Push((child, 0));
            }
            else
            {
                _postOrder.Add(top.Node);
            }
        }
    }

    /// <summary>Gives the state of <paramref name="node"/> to this pass; false when the pass had already reached it.</summary>
    private bool Reach(Node node)
    {
        if (_sharedStates is null)
        {
            var owner = Interlocked.CompareExchange(ref node.TaskOwner, this, null);
            if (owner is null)
            {
                node.TaskState = default;
                _nodes.Add(node);
                return true;
            }
            if (owner == this) return false;
            ShareStates();
        }
        if (!_sharedStates!.TryAdd(node, default)) return false;
        _nodes.Add(node);
        return true;
    }

    /// <summary>Another pass owns a node: move the states claimed so far into a dictionary and give the nodes back.</summary>
    private void ShareStates()
    {
        _sharedStates = new Dictionary<Node, NodeTaskState>(_nodes.Count * 2);
        foreach (var node in _nodes)
        {
            _sharedStates.Add(node, node.TaskState);
            GiveBack(node);
        }
    }

    /// <summary>Gives back the nodes this pass claimed, dropping the gradients they hold so they can be collected.</summary>
    public void Release()
    {
        if (_sharedStates is not null) return;
        foreach (var node in _nodes) GiveBack(node);
    }

    private static void GiveBack(Node node)
    {
        node.TaskState = default;
        Volatile.Write(ref node.TaskOwner, null);
    }
}
