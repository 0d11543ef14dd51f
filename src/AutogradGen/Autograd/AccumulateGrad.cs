namespace AutogradGen;

/// <summary>
/// The node at the end of every path to a leaf that requires grad: it sums the arriving gradient into the leaf's
/// <see cref="Tensor.Grad"/>. One per leaf, kept by the leaf, so that every use of the leaf meets in one place.
/// </summary>
public sealed class AccumulateGrad : Node
{
    private readonly Lock _gate = new();

    internal AccumulateGrad(Tensor variable) => Variable = variable;

    /// <summary>The leaf tensor this node accumulates into.</summary>
    public Tensor Variable { get; }

    /// <summary>Never called: the engine accumulates at the end of a successful pass (<see cref="Accumulate"/>).</summary>
    internal override Tensor?[] Backward(Tensor grad) => [];

    /// <summary>
    /// <c>grad += incoming</c>, in place when the graph is not being recorded; under createGraph the sum is recorded
    /// so the gradient itself can be differentiated (PyTorch's AccumulateGrad does the same).
    /// </summary>
    /// <param name="incoming">The gradient that arrived.</param>
    /// <param name="createGraph">Whether the pass records itself.</param>
    /// <param name="mayTake">The engine made <paramref name="incoming"/> in this pass and nothing else holds it (see
    /// <see cref="PassAllocations"/>): the leaf's first gradient may then be that tensor itself rather than a copy.</param>
    /// <returns>Whether the leaf took <paramref name="incoming"/> as its gradient.</returns>
    internal bool Accumulate(Tensor incoming, bool createGraph, bool mayTake = false)
    {
        // Backward passes on different threads may share a leaf (a parameter): one writer at a time, as PyTorch's mutex.
        lock (_gate) return AccumulateLocked(incoming, createGraph, mayTake);
    }

    private bool AccumulateLocked(Tensor incoming, bool createGraph, bool mayTake)
    {
        var current = Variable.Grad;
        if (current is null)
        {
            // PyTorch's "steal": no copy when nobody else can see the gradient (never under createGraph, whose
            // gradient is part of a recorded graph; never a view, whose storage is wider than the gradient).
            if (mayTake && !createGraph && incoming.IsDense && !incoming.RequiresGrad && incoming.DType == Variable.DType
                && incoming.ShapeSpan.SequenceEqual(Variable.ShapeSpan))
            {
                Variable.SetGradUnchecked(incoming);
                return true;
            }
            Variable.SetGradUnchecked(OwnCopy(incoming, createGraph));
        }
        else if (createGraph)
        {
            Variable.SetGradUnchecked(current + incoming);
        }
        else
        {
            // In place even when the gradient has a history of its own (from an earlier createGraph pass): PyTorch's
            // `variable_grad += new_grad` outside grad mode, which keeps the same tensor and its grad_fn.
            using (Autograd.NoGrad()) current.Add_(incoming);
        }
        return false;
    }

    // The leaf's first gradient is always a copy of its own: the incoming tensor may be the caller's gradient argument,
    // a hook's result or a view of either, and later accumulations write into .Grad in place. Under createGraph the
    // copy stays differentiable through a recorded copy, as PyTorch's clone_obey_contract (grad_fn=<CopyBackwards>).
    private static Tensor OwnCopy(Tensor incoming, bool createGraph)
    {
        var copy = incoming.DetachedClone();
        return createGraph && incoming.RequiresGrad ? copy.Copy_(incoming) : copy;
    }
}
