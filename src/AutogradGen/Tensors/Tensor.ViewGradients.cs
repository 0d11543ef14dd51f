using AutogradGen.Kernels;

namespace AutogradGen;

// The gradient arithmetic of views written in place, on geometries (shape, strides, offset in one storage) as PyTorch's
// CopySlices and AsStridedBackward0 do it. Each function returns a fresh dense tensor and records itself, so that
// createGraph can differentiate through a rebased history again.
public sealed partial class Tensor
{
    /// <summary>
    /// The elements of geometry <paramref name="to"/> of a storage that holds <paramref name="dense"/> at geometry
    /// <paramref name="from"/> (<c>as_strided</c> of a tensor laid out as <paramref name="from"/>). Recorded as <c>AsStridedBackward0</c>.
    /// </summary>
    internal static Tensor AsStridedCopy(Tensor dense, ViewGeometry from, ViewGeometry to)
    {
        var buffer = TensorStorage.Allocate(dense.DType, from.StorageLength);
        new Tensor(buffer, from.Shape, dense.DType, layout: StridedLayout.For(from.Shape, from.Strides, from.Offset, from.StorageLength))
            .StoreElements(dense.ElementArray());
        var picked = new Tensor(buffer, to.Shape, dense.DType, layout: StridedLayout.For(to.Shape, to.Strides, to.Offset, to.StorageLength));
        var result = new Tensor(new TensorStorage(picked.ElementArray()), to.Shape, dense.DType);
        if (Autograd.ShouldRecord(dense)) new AsStridedBackward0(from, to).Attach(result, dense);
        return result;
    }

    /// <summary>
    /// The adjoint of <see cref="AsStridedCopy"/>: <paramref name="grad"/> (of geometry <paramref name="view"/>) added
    /// into a zero storage, read back at geometry <paramref name="input"/>; elements the view repeats get every addend.
    /// </summary>
    internal static Tensor AsStridedScatter(Tensor grad, ViewGeometry view, ViewGeometry input)
    {
        var buffer = TensorStorage.Allocate(grad.DType, view.StorageLength);
        if (grad.DType == DType.Float32) Strided.ScatterAdd<float>(grad.Elements<float>(), buffer.As<float>(), view.Offset, view.Shape, view.Strides);
        else Strided.ScatterAdd<double>(grad.Elements<double>(), buffer.As<double>(), view.Offset, view.Shape, view.Strides);
        var read = new Tensor(buffer, input.Shape, grad.DType, layout: StridedLayout.For(input.Shape, input.Strides, input.Offset, input.StorageLength));
        var result = new Tensor(new TensorStorage(read.ElementArray()), input.Shape, grad.DType);
        if (Autograd.ShouldRecord(grad)) new AsStridedScatterBackward0(view, input).Attach(result, grad);
        return result;
    }

    /// <summary>
    /// <paramref name="grad"/> (of the base's geometry) with the elements at the view's geometry replaced by
    /// <paramref name="slice"/>: CopySlices' <c>result.copy_(grad); result.as_strided(view).copy_(res[0])</c>. Recorded as <c>CopySlices</c>.
    /// </summary>
    internal static Tensor ReplaceView(Tensor grad, Tensor slice, ViewGeometry baseGeometry, ViewGeometry view)
    {
        var buffer = TensorStorage.Allocate(grad.DType, baseGeometry.StorageLength);
        var asBase = new Tensor(buffer, baseGeometry.Shape, grad.DType, layout: StridedLayout.For(baseGeometry.Shape, baseGeometry.Strides, baseGeometry.Offset, baseGeometry.StorageLength));
        asBase.StoreElements(grad.ElementArray());
        new Tensor(buffer, view.Shape, grad.DType, layout: StridedLayout.For(view.Shape, view.Strides, view.Offset, view.StorageLength))
            .StoreElements(slice.ConvertRaw(grad.DType).ElementArray());
        var result = new Tensor(new TensorStorage(asBase.ElementArray()), baseGeometry.Shape, grad.DType);
        if (Autograd.ShouldRecord(grad, slice)) new ReplaceViewBackward(baseGeometry, view).Attach(result, grad, slice);
        return result;
    }
}
