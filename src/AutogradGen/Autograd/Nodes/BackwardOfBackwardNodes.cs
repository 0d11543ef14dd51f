namespace AutogradGen;

// PyTorch computes some gradients with native backward functions that have a derivative of their own
// (threshold_backward for relu, nll_loss_backward for nll_loss). Those functions take a saved tensor as an input, so
// under create_graph the gradient they return requires grad (it is recorded with an edge to the saved tensor) even when
// the incoming gradient does not, and differentiating it again gives zeros for the saved tensor rather than the error
// "element 0 of tensors does not require grad". The nodes below record such a backward the same way: the value is a
// map linear in the incoming gradient (a selection, so the masked-out elements are +0 as in PyTorch), the inputs are
// the gradient and the saved tensor.

/// <summary>A backward function that is linear in the gradient and reads a saved tensor, recorded as PyTorch does.</summary>
internal abstract class LinearBackwardOfBackward : Node
{
    private readonly Func<Tensor, Tensor> _apply;
    private readonly int[] _savedShape;
    private readonly DType _savedDType;

    private protected LinearBackwardOfBackward(Func<Tensor, Tensor> apply, Tensor saved)
    {
        _apply = apply;
        _savedShape = saved.SharedShape;
        _savedDType = saved.DType;
    }

    /// <summary>
    /// <paramref name="apply"/>(<paramref name="grad"/>), recorded by <paramref name="makeNode"/> with edges to
    /// <paramref name="grad"/> and <paramref name="saved"/> when grad mode is on (createGraph) and either requires grad.
    /// </summary>
    internal static Tensor Run(Tensor grad, Tensor saved, Func<Tensor, Tensor> apply, Func<LinearBackwardOfBackward> makeNode)
    {
        if (!Autograd.ShouldRecord(grad, saved)) return apply(grad);
        Tensor result;
        // The value alone: the node below is the one record of this step.
        using (Autograd.NoGrad()) result = apply(grad);
        makeNode().Attach(result, grad, saved);
        return result;
    }

    // The map is linear in the gradient, so its derivative with respect to it is the same map; it does not depend on
    // the saved tensor's value where it is differentiable (PyTorch: zeros_like).
    internal override Tensor?[] Backward(Tensor grad) =>
    [
        NeedsInputGrad(0) ? _apply(grad) : null,
        NeedsInputGrad(1) ? Tensor.Zeros(_savedShape, dtype: _savedDType) : null,
    ];
}

/// <summary>The node of relu's gradient under createGraph (PyTorch's <c>threshold_backward</c>).</summary>
internal sealed class ThresholdBackwardBackward0(Func<Tensor, Tensor> apply, Tensor saved) : LinearBackwardOfBackward(apply, saved);

/// <summary>The node of nll_loss's gradient under createGraph (PyTorch's <c>nll_loss_backward</c>).</summary>
internal sealed class NllLossBackwardBackward0(Func<Tensor, Tensor> apply, Tensor saved) : LinearBackwardOfBackward(apply, saved);

/// <summary>The node of 4-D nll_loss's gradient under createGraph (PyTorch's <c>nll_loss2d_backward</c>).</summary>
internal sealed class NllLoss2DBackwardBackward0(Func<Tensor, Tensor> apply, Tensor saved) : LinearBackwardOfBackward(apply, saved);
