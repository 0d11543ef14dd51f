namespace AutogradGen;

// The history of in-place writes through views (PyTorch's NOTE [ Autograd View Variables ]). Writing a view in place
// makes its base's grad_fn a CopySlices that wraps the in-place operation's node: the gradient of the base passes
// through unchanged outside the view and through that node inside it. Every view of that base then sees its base's
// new history through an AsStridedBackward0, regenerated when the shared version moved on.

/// <summary>
/// The grad_fn of a view whose base changed in place, and of as_strided: the gradient of the input is the view's
/// gradient put back at the view's positions in storage (zeros elsewhere).
/// </summary>
internal sealed class AsStridedBackward0(ViewGeometry input, ViewGeometry view) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.AsStridedScatter(grad, view, input)];
}

/// <summary>The recorded gradient of an as_strided view; its own gradient reads the view's positions again.</summary>
internal sealed class AsStridedScatterBackward0(ViewGeometry view, ViewGeometry input) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.AsStridedCopy(grad, input, view)];
}

/// <summary>The recorded CopySlices step of createGraph: the base's gradient with the view's part replaced.</summary>
internal sealed class ReplaceViewBackward(ViewGeometry baseGeometry, ViewGeometry view) : Node
{
    public override string Name => "CopySlices";

    internal override Tensor?[] Backward(Tensor grad)
    {
        var zeros = Tensor.Zeros(view.Shape, dtype: grad.DType);
        return
        [
            NeedsInputGrad(0) ? Tensor.ReplaceView(grad, zeros, baseGeometry, view) : null,
            NeedsInputGrad(1) ? Tensor.AsStridedCopy(grad, baseGeometry, view) : null,
        ];
    }
}

/// <summary>
/// PyTorch's CopySlices: the base's grad_fn after an in-place write through one of its views. Its first input is the
/// base's history before the write, the others are the in-place node's other inputs. Backward hands the view's part
/// of the gradient to the in-place node and puts that node's gradient for the view back in its place.
/// </summary>
internal sealed class CopySlices : Node
{
    private readonly ViewGeometry _base;
    private readonly ViewGeometry _view;
    private Node? _fn;

    public CopySlices(Tensor viewBase, Tensor view, Node fn)
    {
        _base = viewBase.Geometry;
        _view = view.Geometry;
        _fn = fn;
        var inputs = new NodeInput[fn.InputCount];
        inputs[0] = new NodeInput(viewBase.RequiresGrad ? viewBase.GradientEdge().Node : null, viewBase.SharedShape, viewBase.DType);
        for (int i = 1; i < inputs.Length; i++) inputs[i] = fn.InputAt(i);
        SetRecordedInputs(inputs);
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var fn = _fn ?? throw new AutogradException(Messages.BackwardTwice);
        var slice = Tensor.AsStridedCopy(grad, _base, _view);
        var results = fn.Backward(slice);
        var grads = new Tensor?[InputCount];
        for (int i = 1; i < grads.Length && i < results.Length; i++) grads[i] = results[i];
        if (NeedsInputGrad(0))
        {
            // No gradient from the node for the view means the write overwrote it: zeros there, as PyTorch's copy_.
            var inside = results.Length > 0 && results[0] is { } viewGrad ? ConformToView(viewGrad) : Tensor.Zeros(_view.Shape, dtype: grad.DType);
            grads[0] = Tensor.ReplaceView(grad, inside, _base, _view);
        }
        return grads;
    }

    private Tensor ConformToView(Tensor viewGrad) =>
        viewGrad.ShapeSpan.SequenceEqual(_view.Shape) ? viewGrad : viewGrad.SumToSize(_view.Shape);

    internal override void ReleaseSavedTensors()
    {
        _fn?.ReleaseSavedTensors();
        _fn = null;
    }
}
