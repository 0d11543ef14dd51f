using AutogradGen.Kernels;

namespace AutogradGen;

// In-place operations (PyTorch's trailing underscore). Each validates everything first, then writes the storage (a
// view's strided place in its base's storage), bumps the version counter (so saved copies of this tensor are
// detected as stale), and, when recording, makes the operation this tensor's new GradFn with the old history as its
// first input, or, through a view, wraps it in a CopySlices that becomes the base's GradFn (PyTorch's rebase_history).
public sealed partial class Tensor
{
    /// <summary><c>this += alpha * other</c> in place (<c>x.add_(other, alpha=...)</c>).</summary>
    public Tensor Add_(Tensor other, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        var scaled = alpha == 1 ? other : BinaryRaw(BinaryFunction.Multiply, other, WrapNumber(alpha, other));
        return WriteInPlace(BinaryRaw(BinaryFunction.Add, this, scaled), other, () => new AddBackward0(alpha));
    }

    /// <summary><c>this += other</c> in place.</summary>
    public Tensor Add_(double other) => Add_(WrapNumber(other, this));

    /// <summary><c>this -= alpha * other</c> in place (<c>x.sub_(other)</c>).</summary>
    public Tensor Sub_(Tensor other, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        RefuseBoolSubtraction(this, other);
        var scaled = alpha == 1 ? other : BinaryRaw(BinaryFunction.Multiply, other, WrapNumber(alpha, other));
        return WriteInPlace(BinaryRaw(BinaryFunction.Subtract, this, scaled), other, () => new SubBackward0(alpha));
    }

    /// <summary><c>this -= other</c> in place.</summary>
    public Tensor Sub_(double other) => Sub_(WrapNumber(other, this));

    /// <summary><c>this *= other</c> in place (<c>x.mul_(other)</c>).</summary>
    public Tensor Mul_(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        // The gradient of other needs the value this tensor had before the write, with its history (PyTorch saves
        // original_self = self.clone()), so that createGraph differentiates through it too.
        var original = Autograd.ShouldRecord(other) ? OriginalValue() : this;
        return WriteInPlace(BinaryRaw(BinaryFunction.Multiply, this, other), other, () => new MulBackward0(original, other, RequiresGrad, other.RequiresGrad));
    }

    /// <summary><c>this *= other</c> in place.</summary>
    public Tensor Mul_(double other) => Mul_(WrapNumber(other, this));

    /// <summary><c>this /= other</c> in place (<c>x.div_(other)</c>).</summary>
    public Tensor Div_(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var original = Autograd.ShouldRecord(other) ? OriginalValue() : this;
        return WriteInPlace(BinaryRaw(BinaryFunction.Divide, this, other), other, () => new DivBackward0(original, other));
    }

    /// <summary><c>this /= other</c> in place.</summary>
    public Tensor Div_(double other) => Div_(WrapNumber(other, this));

    /// <summary>Sets every element to zero (<c>x.zero_()</c>), as optimisers do to gradients.</summary>
    public Tensor Zero_() => WriteInPlace(ZerosLike(this), null, () => new ZeroBackward0());

    /// <summary>Sets every element to <paramref name="value"/> (<c>x.fill_(value)</c>).</summary>
    public Tensor Fill_(double value) => WriteInPlace(Full(_shape, value, false, DType), null, () => new FillBackward0());

    /// <summary>Copies <paramref name="source"/> (broadcast, converted to this dtype) into this tensor (<c>x.copy_(src)</c>).</summary>
    public Tensor Copy_(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var value = source.ConvertRaw(DType);
        // Broadcast throws PyTorch's message for incompatible sizes; a compatible but larger source fails RequireShape.
        if (!Shapes.IsExpandableTo(value._shape, _shape)) RequireShape(Shapes.Broadcast(value._shape, _shape));
        return WriteInPlace(value.ExpandRaw(_shape), source, () => new CopyBackwards(), allowCast: true);
    }

    /// <summary>Clamps every element into [min, max] in place (<c>x.clamp_(min, max)</c>).</summary>
    public Tensor Clamp_(double? min = null, double? max = null)
    {
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        var original = Autograd.ShouldRecord(this) ? DetachedClone() : this;
        return WriteInPlace(ClampRaw(min, max), null, () => new ClampBackward1(original, min, max));
    }

    /// <summary>A copy of the value before an in-place write: recorded when this tensor requires grad.</summary>
    private Tensor OriginalValue() => RequiresGrad ? Clone() : DetachedClone();

    private Tensor WriteInPlace(Tensor value, Tensor? other, Func<Node> makeNode, bool allowCast = false)
    {
        var view = _meta is { ViewBase: not null } meta ? meta : null;
        bool gradEnabled = Autograd.IsGradEnabled;
        bool recording = gradEnabled && (RequiresGrad || (other?.RequiresGrad ?? false));
        if (gradEnabled && IsLeaf && _requiresGrad) throw new AutogradException(Messages.LeafInPlace);
        if (gradEnabled && view is not null)
        {
            var viewBase = view.ViewBase!;
            if (viewBase.IsLeaf && viewBase._requiresGrad) throw new AutogradException(Messages.ViewOfLeafInPlace);
            // PyTorch refuses when either the base or the other operand requires grad.
            if (view.ViewMadeWithoutGrad && (viewBase.RequiresGrad || (other?.RequiresGrad ?? false))) throw new AutogradException(Messages.NoGradViewInPlace);
        }
        RequireShape(value._shape);
        if (!allowCast && value.DType.IsFloatingPoint() && !DType.IsFloatingPoint())
        {
            throw new InvalidOperationException($"result type {value.DType.ScalarTypeName()} can't be cast to the desired output type {DType.ScalarTypeName()}");
        }
        if (_layout is not null && StridedLayout.HasInternalOverlap(_shape, _layout.Strides)) throw new InvalidOperationException(Messages.InternalOverlap);

        // The node's edges are taken before the write, from the history this tensor has now.
        Node? node = null;
        if (recording)
        {
            node = makeNode();
            node.SetInputs(other is null ? [this] : [this, other]);
        }

        var values = value.ConvertRaw(DType).ElementArray();
        // A view written from its own dense base: read everything before writing any of it.
        if (_layout is not null && ReferenceEquals(values, Storage.Data)) values = (Array)values.Clone();
        StoreElements(values);
        VersionCounter.Bump();

        if (node is not null)
        {
            // Through a view: the base's history is rewritten (CopySlices); this view's grad_fn is regenerated from it
            // when next read, since the shared version moved on. Otherwise the node is this tensor's new grad_fn.
            if (view is not null) view.ViewBase!.SetHistory(new CopySlices(view.ViewBase, this, node));
            else SetHistory(node);
        }
        return this;
    }

    private void RequireShape(ReadOnlySpan<int> shape)
    {
        if (!shape.SequenceEqual(_shape))
        {
            throw new TensorShapeException($"output with shape {Shapes.Format(_shape)} doesn't match the broadcast shape {Shapes.Format(shape)}");
        }
    }
}
