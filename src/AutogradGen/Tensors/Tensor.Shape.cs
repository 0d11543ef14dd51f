using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// Shape operations. View, Reshape (when the layout allows), Flatten, Squeeze, Unsqueeze, Transpose, T, Permute and
// Expand are views: new strides over the input's storage, so they see its in-place writes and writes through them
// reach it. Cat and Stack copy.
public sealed partial class Tensor
{
    /// <summary>
    /// The same storage seen with another shape (<c>x.view(shape)</c>, <c>ViewBackward0</c>); one size may be -1
    /// to be inferred. The element count must not change.
    /// </summary>
    public Tensor View(ReadOnlySpan<int> shape)
    {
        var target = InferShape(shape);
        var strides = ViewStrides(target) ?? throw new InvalidOperationException(Messages.ViewSizeNotCompatible);
        var result = ViewOf(target, strides, StorageOffset);
        if (Autograd.ShouldRecord(this)) new ViewBackward0(SharedShape).Attach(result, this);
        return result;
    }

    /// <summary>
    /// The same elements with another shape (<c>x.reshape(shape)</c>): a <see cref="View"/> when the layout allows it,
    /// else a contiguous copy (PyTorch's clone then <c>_unsafe_view</c>, recorded as <c>UnsafeViewBackward0</c>).
    /// </summary>
    public Tensor Reshape(ReadOnlySpan<int> shape)
    {
        var target = InferShape(shape);
        if (ViewStrides(target) is not null) return View(target);
        var copy = Clone();
        var result = copy.ViewRaw(target);
        if (Autograd.ShouldRecord(copy)) new UnsafeViewBackward0(SharedShape).Attach(result, copy);
        return result;
    }

    /// <summary>All dimensions from <paramref name="startDim"/> to <paramref name="endDim"/> merged into one (<c>x.flatten()</c>).</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Rank == 0) return Reshape([1]);
        int start = Shapes.NormalizeDim(startDim, Rank), end = Shapes.NormalizeDim(endDim, Rank);
        var shape = new List<int>();
        for (int d = 0; d < start; d++) shape.Add(_shape[d]);
        int merged = 1;
        for (int d = start; d <= end; d++) merged *= _shape[d];
        shape.Add(merged);
        for (int d = end + 1; d < Rank; d++) shape.Add(_shape[d]);
        return Reshape([.. shape]);
    }

    /// <summary>The tensor with size-1 dimension <paramref name="dim"/> inserted (<c>x.unsqueeze(dim)</c>, <c>UnsqueezeBackward0</c>).</summary>
    public Tensor Unsqueeze(int dim)
    {
        int d = Shapes.NormalizeDim(dim, Rank + 1);
        var shape = new List<int>(_shape);
        shape.Insert(d, 1);
        var strides = new List<int>(StridesSpan.ToArray());
        strides.Insert(d, d < Rank ? _shape[d] * strides[d] : 1);
        var result = ViewOf([.. shape], [.. strides], StorageOffset);
        if (Autograd.ShouldRecord(this)) new UnsqueezeBackward0(d).Attach(result, this);
        return result;
    }

    /// <summary>The tensor without its size-1 dimensions (<c>x.squeeze()</c>, <c>SqueezeBackward0</c>).</summary>
    public Tensor Squeeze()
    {
        var shape = new List<int>();
        var strides = new List<int>();
        var ownStrides = StridesSpan;
        for (int d = 0; d < Rank; d++)
        {
            if (_shape[d] == 1) continue;
            shape.Add(_shape[d]);
            strides.Add(ownStrides[d]);
        }
        var result = ViewOf([.. shape], [.. strides], StorageOffset);
        if (Autograd.ShouldRecord(this)) new SqueezeBackward0(SharedShape).Attach(result, this);
        return result;
    }

    /// <summary>The tensor without dimension <paramref name="dim"/> if its size is 1 (<c>x.squeeze(dim)</c>, <c>SqueezeBackward1</c>).</summary>
    public Tensor Squeeze(int dim)
    {
        int d = Shapes.NormalizeDim(dim, Rank);
        var shape = new List<int>(_shape);
        var strides = new List<int>(StridesSpan.ToArray());
        if (Rank > 0 && _shape[d] == 1)
        {
            shape.RemoveAt(d);
            strides.RemoveAt(d);
        }
        var result = ViewOf([.. shape], [.. strides], StorageOffset);
        if (Autograd.ShouldRecord(this)) new SqueezeBackward1(SharedShape).Attach(result, this);
        return result;
    }

    /// <summary>The tensor with dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped, a view (<c>x.transpose(d0, d1)</c>).</summary>
    public Tensor Transpose(int dim0, int dim1)
    {
        int a = Shapes.NormalizeDim(dim0, Rank), b = Shapes.NormalizeDim(dim1, Rank);
        if (Rank == 0) return T();
        var permutation = IdentityPermutation();
        (permutation[a], permutation[b]) = (permutation[b], permutation[a]);
        var result = PermutedView(permutation);
        if (Autograd.ShouldRecord(this)) new TransposeBackward0(a, b).Attach(result, this);
        return result;
    }

    /// <summary>The transpose of a matrix; vectors and scalars are returned as they are (<c>x.t()</c>, <c>TBackward0</c>).</summary>
    public Tensor T()
    {
        if (Rank > 2)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"t() expects a tensor with <= 2 dimensions, but self is {Rank}D"));
        }
        var result = Rank == 2 ? PermutedView([1, 0]) : ViewOf(_shape, StridesSpan.ToArray(), StorageOffset);
        if (Autograd.ShouldRecord(this)) new TBackward0().Attach(result, this);
        return result;
    }

    /// <summary>The tensor with its dimensions reordered, a view (<c>x.permute(dims)</c>, <c>PermuteBackward0</c>).</summary>
    public Tensor Permute(ReadOnlySpan<int> dims)
    {
        if (dims.Length != Rank)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {Rank} is not equal to len(dims) = {dims.Length}"));
        }
        var permutation = new int[Rank];
        var seen = new bool[Rank];
        for (int i = 0; i < Rank; i++)
        {
            permutation[i] = Shapes.NormalizeDim(dims[i], Rank);
            if (seen[permutation[i]]) throw new ArgumentException("permute(): duplicate dims are not allowed.", nameof(dims));
            seen[permutation[i]] = true;
        }
        var result = PermutedView(permutation);
        if (Autograd.ShouldRecord(this)) new PermuteBackward0(permutation).Attach(result, this);
        return result;
    }

    /// <summary>
    /// The tensor stretched along its size-1 dimensions (and new leading ones) to <paramref name="shape"/>, a view
    /// whose stretched dimensions have stride 0 (<c>x.expand(shape)</c>, <c>ExpandBackward0</c>); -1 keeps a size.
    /// Writing through it in place is refused, as in PyTorch (several entries are one element).
    /// </summary>
    public Tensor Expand(ReadOnlySpan<int> shape)
    {
        var target = ExpandedShape(shape);
        var strides = new int[target.Length];
        var own = StridesSpan;
        int lead = target.Length - Rank;
        for (int d = lead; d < target.Length; d++) strides[d] = _shape[d - lead] == target[d] ? own[d - lead] : 0;
        // Always a new tensor, also to the same shape (recording history on this one would rewrite its grad_fn).
        var result = ViewOf(target, strides, StorageOffset);
        if (Autograd.ShouldRecord(this)) new ExpandBackward0(SharedShape).Attach(result, this);
        return result;
    }

    /// <summary>Joins tensors along an existing dimension (<c>torch.cat</c>, <c>CatBackward0</c>).</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("torch.cat(): expected a non-empty list of Tensors", nameof(tensors));
        var first = tensors[0];
        for (int t = 0; t < tensors.Count; t++)
        {
            if (tensors[t].Rank == 0)
            {
                throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                    $"zero-dimensional tensor (at position {t}) cannot be concatenated"));
            }
        }
        int d = Shapes.NormalizeDim(dim, first.Rank);
        var dtype = first.DType;
        int total = 0;
        for (int t = 0; t < tensors.Count; t++)
        {
            var tensor = tensors[t];
            if (tensor.Rank != first.Rank)
            {
                throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                    $"Tensors must have same number of dimensions: got {first.Rank} and {tensor.Rank}"));
            }
            for (int k = 0; k < first.Rank; k++)
            {
                if (k != d && tensor._shape[k] != first._shape[k])
                {
                    throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                        $"Sizes of tensors must match except in dimension {d}. Expected size {first._shape[k]} but got size {tensor._shape[k]} for tensor number {t} in the list."));
                }
            }
            total += tensor._shape[d];
            dtype = DTypes.Promote(dtype, tensor.DType);
        }
        var shape = first.ShapeArray;
        shape[d] = total;
        var result = Empty(shape, dtype);
        var (outer, _, inner) = Reductions.SplitAt(shape, d);
        int offset = 0;
        var sizes = new int[tensors.Count];
        for (int t = 0; t < tensors.Count; t++)
        {
            var part = tensors[t].ConvertRaw(dtype);
            sizes[t] = part._shape[d];
            CopyBlockInto(part, result, outer, sizes[t], inner, total, offset);
            offset += sizes[t];
        }
        if (Autograd.ShouldRecord([.. tensors])) new CatBackward0(d, sizes).Attach(result, [.. tensors]);
        return result;
    }

    /// <summary>Joins tensors of one shape along a new dimension (<c>torch.stack</c>, <c>StackBackward0</c>).</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("stack expects a non-empty TensorList", nameof(tensors));
        var first = tensors[0];
        int d = Shapes.NormalizeDim(dim, first.Rank + 1);
        var parts = new Tensor[tensors.Count];
        for (int t = 0; t < tensors.Count; t++)
        {
            if (!tensors[t].ShapeSpan.SequenceEqual(first.ShapeSpan))
            {
                throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                    $"stack expects each tensor to be equal size, but got {Shapes.Format(first.ShapeSpan)} at entry 0 and {Shapes.Format(tensors[t].ShapeSpan)} at entry {t}"));
            }
            var shape = new List<int>(tensors[t]._shape);
            shape.Insert(d, 1);
            parts[t] = tensors[t].ViewRaw([.. shape]);
        }
        Tensor result;
        using (Autograd.NoGrad()) result = Cat(parts, d);
        if (Autograd.ShouldRecord([.. tensors])) new StackBackward0(d, tensors.Count).Attach(result, [.. tensors]);
        return result;
    }

    /// <summary>
    /// A user-visible view (<paramref name="shape"/>, <paramref name="strides"/>, <paramref name="offset"/> in this
    /// tensor's storage): it remembers its base (this tensor's base for a view of a view), whether grad mode was on,
    /// and the version its grad_fn belongs to, so that an in-place write through it can rewrite the base's history.
    /// </summary>
    internal Tensor ViewOf(int[] shape, int[] strides, int offset)
    {
        var view = AsStridedRaw(shape, strides, offset);
        if (DType.IsFloatingPoint())
        {
            var meta = view.Meta;
            meta.ViewBase = _meta?.ViewBase ?? this;
            meta.ViewMadeWithoutGrad = !Autograd.IsGradEnabled;
            meta.ViewAttrVersion = Version;
        }
        return view;
    }

    private Tensor PermutedView(int[] permutation)
    {
        var shape = new int[Rank];
        var strides = new int[Rank];
        var own = StridesSpan;
        for (int d = 0; d < Rank; d++)
        {
            shape[d] = _shape[permutation[d]];
            strides[d] = own[permutation[d]];
        }
        return ViewOf(shape, strides, StorageOffset);
    }

    /// <summary>
    /// A new tensor object over the same elements with another shape of the same element count: the same storage
    /// when this tensor is contiguous, else over a contiguous copy. Not recorded, not a view (for internal reshapes).
    /// </summary>
    internal Tensor ViewRaw(int[] shape)
    {
        if (_layout is null) return new(Storage, shape, DType, VersionCounter);
        if (_layout.IsContiguous) return AsStridedRaw(shape, Shapes.ContiguousStrides(shape), _layout.Offset);
        return new(new TensorStorage(ElementArray()), shape, DType);
    }

    /// <summary>A copy stretched to <paramref name="shape"/> (which this shape must broadcast to). Not recorded.</summary>
    internal Tensor ExpandRaw(ReadOnlySpan<int> shape)
    {
        if (shape.SequenceEqual(_shape)) return this;
        var result = Empty(shape, DType);
        switch (DType)
        {
            case DType.Float32: Broadcasting.Expand<float>(Elements<float>(), _shape, result.Elements<float>(), shape); break;
            case DType.Float64: Broadcasting.Expand<double>(Elements<double>(), _shape, result.Elements<double>(), shape); break;
            case DType.Int64: Broadcasting.Expand<long>(Elements<long>(), _shape, result.Elements<long>(), shape); break;
            default: Broadcasting.Expand<bool>(Elements<bool>(), _shape, result.Elements<bool>(), shape); break;
        }
        return result;
    }

    private int[] IdentityPermutation()
    {
        var permutation = new int[Rank];
        for (int i = 0; i < Rank; i++) permutation[i] = i;
        return permutation;
    }

    internal Tensor PermuteRaw(int[] permutation)
    {
        var shape = new int[Rank];
        for (int d = 0; d < Rank; d++) shape[d] = _shape[permutation[d]];
        var result = Empty(shape, DType);
        switch (DType)
        {
            case DType.Float32: Layout.Permute<float>(Elements<float>(), _shape, permutation, result.Elements<float>()); break;
            case DType.Float64: Layout.Permute<double>(Elements<double>(), _shape, permutation, result.Elements<double>()); break;
            case DType.Int64: Layout.Permute<long>(Elements<long>(), _shape, permutation, result.Elements<long>()); break;
            default: Layout.Permute<bool>(Elements<bool>(), _shape, permutation, result.Elements<bool>()); break;
        }
        return result;
    }

    private static void CopyBlockInto(Tensor part, Tensor result, int outer, int size, int inner, int total, int offset)
    {
        switch (result.DType)
        {
            case DType.Float32: Layout.CopyBlock<float>(part.Elements<float>(), outer, size, inner, result.Elements<float>(), total, offset); break;
            case DType.Float64: Layout.CopyBlock<double>(part.Elements<double>(), outer, size, inner, result.Elements<double>(), total, offset); break;
            case DType.Int64: Layout.CopyBlock<long>(part.Elements<long>(), outer, size, inner, result.Elements<long>(), total, offset); break;
            default: Layout.CopyBlock<bool>(part.Elements<bool>(), outer, size, inner, result.Elements<bool>(), total, offset); break;
        }
    }

    private int[] InferShape(ReadOnlySpan<int> shape)
    {
        var result = shape.ToArray();
        int inferred = -1, known = 1;
        for (int i = 0; i < result.Length; i++)
        {
            if (result[i] == -1)
            {
                if (inferred >= 0) throw new TensorShapeException("only one dimension can be inferred");
                inferred = i;
            }
            else if (result[i] < 0)
            {
                throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture, $"invalid shape dimension {result[i]}"));
            }
            else
            {
                known *= result[i];
            }
        }
        if (inferred >= 0 && known != 0 && Numel % known == 0) result[inferred] = Numel / known;
        if ((inferred >= 0 && (known == 0 || Numel % known != 0)) || Shapes.Numel(result) != Numel)
        {
            throw new TensorShapeException($"shape '{Shapes.Format(shape)}' is invalid for input of size {Numel.ToString(CultureInfo.InvariantCulture)}");
        }
        return result;
    }

    private int[] ExpandedShape(ReadOnlySpan<int> shape)
    {
        if (shape.Length < Rank)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"expand({DType.ScalarTypeName()}Type{{{Shapes.Format(_shape)}}}, size={Shapes.Format(shape)}): the number of sizes provided ({shape.Length}) must be greater or equal to the number of dimensions in the tensor ({Rank})"));
        }
        var target = shape.ToArray();
        int lead = shape.Length - Rank;
        for (int d = 0; d < target.Length; d++)
        {
            int own = d >= lead ? _shape[d - lead] : 1;
            if (target[d] == -1)
            {
                if (d < lead) throw new TensorShapeException("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension " + d.ToString(CultureInfo.InvariantCulture));
                target[d] = own;
            }
            else if (own != 1 && own != target[d])
            {
                throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                    $"The expanded size of the tensor ({target[d]}) must match the existing size ({own}) at non-singleton dimension {d}.  Target sizes: {Shapes.Format(shape)}.  Tensor sizes: {Shapes.Format(_shape)}"));
            }
        }
        return target;
    }
}
