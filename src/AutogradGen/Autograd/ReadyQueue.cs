using System.Diagnostics.CodeAnalysis;

namespace AutogradGen;

/// <summary>
/// The nodes of a backward pass whose gradients have all arrived, as PyTorch's ready queue: the most recently
/// created runs first, and leaf accumulation before anything else, so hooks fire in PyTorch's order.
/// </summary>
/// <remarks>
/// In a chain only one node is ready at a time; it waits in a slot of its own rather than going through the heap.
/// The slot is used only while the heap is empty and is moved into the heap as soon as a second node is ready, so
/// the heap sees the same operations, and hands out nodes in the same order, as without it.
/// </remarks>
internal sealed class ReadyQueue
{
    private readonly PriorityQueue<Node, long> _heap = new();
    private Node? _only;

    /// <summary>Adds a node whose last gradient has arrived.</summary>
    public void Enqueue(Node node)
    {
        if (_only is null && _heap.Count == 0)
        {
            _only = node;
            return;
        }
        if (_only is not null)
        {
            _heap.Enqueue(_only, Priority(_only));
            _only = null;
        }
        _heap.Enqueue(node, Priority(node));
    }

    /// <summary>The ready node to run next; false when none is ready.</summary>
    public bool TryDequeue([NotNullWhen(true)] out Node? node)
    {
        if (_only is not null)
        {
            node = _only;
            _only = null;
            return true;
        }
        return _heap.TryDequeue(out node, out _);
    }

    private static long Priority(Node node) => node is AccumulateGrad ? long.MinValue : -node.SequenceNr;
}
