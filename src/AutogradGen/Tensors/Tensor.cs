using System.Globalization;
using System.Numerics.Tensors;
using AutogradGen.Kernels;
using AutogradGen.Printing;

namespace AutogradGen;

/// <summary>
/// An n-dimensional array with define-by-run autograd and PyTorch's semantics. A tensor is a shape over a storage
/// with strides and an offset, as PyTorch's: the results of operations are contiguous and row-major, and views
/// (<see cref="View(ReadOnlySpan{int})"/>, <see cref="Transpose"/>, <see cref="Permute"/>, <see cref="Select"/>,
/// <see cref="Slice"/>, indexing, <see cref="Expand"/>, <see cref="Diagonal"/>, <see cref="Unsqueeze"/>,
/// <see cref="Detach"/>...) share their base's storage, so in-place writes through a view update the base.
/// </summary>
public sealed partial class Tensor
{
    private readonly int[] _shape;
    private bool _requiresGrad;
    private Node? _gradFn;
    private TensorAutogradMeta? _meta;

    private VersionCounter? _versionCounter;

    /// <summary>
    /// Null for a dense tensor (contiguous, offset 0, the whole storage): every operation's result. A view's layout
    /// sits in the rarely used state, which keeps the many dense tensors of a tape one field (8 bytes) smaller.
    /// </summary>
    private StridedLayout? _layout => _meta?.Layout;

    internal Tensor(TensorStorage storage, int[] shape, DType dtype, VersionCounter? versionCounter = null, StridedLayout? layout = null)
    {
        Storage = storage;
        _shape = shape;
        DType = dtype;
        _versionCounter = versionCounter;
        if (layout is not null) _meta = new TensorAutogradMeta { Layout = layout };
    }

    internal TensorStorage Storage { get; }

    /// <summary>
    /// Shared with this tensor's views and detached copies (not with <see cref="Data"/>). Made on first use: most
    /// tensors are never shared or written in place, and their version stays 0 without one.
    /// </summary>
    internal VersionCounter VersionCounter => Volatile.Read(ref _versionCounter) ?? CreateVersionCounter();

    private VersionCounter CreateVersionCounter()
    {
        var created = new VersionCounter();
        return Interlocked.CompareExchange(ref _versionCounter, created, null) ?? created;
    }

    /// <summary>The size of each dimension (<c>x.shape</c>); empty for a 0-d (scalar) tensor.</summary>
    public TensorShape Shape => new(_shape);

    internal ReadOnlySpan<int> ShapeSpan => _shape;

    /// <summary>The shape array itself, shared: shapes are never changed after construction, so callers may keep it but must not write to it.</summary>
    internal int[] SharedShape => _shape;

    /// <summary>A copy of the shape that the caller may change.</summary>
    internal int[] ShapeArray => (int[])_shape.Clone();

    /// <summary>The number of dimensions (<c>x.dim()</c>).</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements (<c>x.numel()</c>).</summary>
    public int Numel => _layout?.Numel ?? Storage.Data.Length;

    /// <summary>The element type (<c>x.dtype</c>).</summary>
    public DType DType { get; }

    /// <summary>The size of dimension <paramref name="dim"/> (negative counts from the end), <c>x.size(dim)</c>.</summary>
    public int Size(int dim)
    {
        if (Rank == 0)
        {
            throw new ArgumentOutOfRangeException(null, string.Create(CultureInfo.InvariantCulture, $"dimension specified as {dim} but tensor has no dimensions"));
        }
        return _shape[Shapes.NormalizeDim(dim, Rank)];
    }

    /// <summary>
    /// Whether gradients flow to this tensor. Set it on a leaf to start recording (<c>x.requires_grad = True</c>); a
    /// result of operations on tensors that require grad requires grad itself and cannot be changed.
    /// </summary>
    public bool RequiresGrad
    {
        get => _requiresGrad || _gradFn is not null || (_meta is { ViewBase: not null } && CurrentGradFn is not null);
        set
        {
            if (!IsLeaf) throw new AutogradException(Messages.RequiresGradOfNonLeaf(value));
            if (value && !DType.IsFloatingPoint()) throw new AutogradException(Messages.OnlyFloatingPointRequiresGrad);
            _requiresGrad = value;
        }
    }

    /// <summary>
    /// The accumulated gradient (<c>x.grad</c>): null until a backward pass reaches this leaf (or a non-leaf that
    /// called <see cref="RetainGrad"/>). Settable, as <c>x.grad = torch.tensor(0.)</c>, to a tensor of the same shape and dtype.
    /// </summary>
    public Tensor? Grad
    {
        get => _meta?.Grad;
        set
        {
            if (value is not null)
            {
                if (value.DType != DType) throw new ArgumentException("assigned grad has data of a different type", nameof(value));
                if (!value.ShapeSpan.SequenceEqual(_shape)) throw new ArgumentException("assigned grad has data of a different size", nameof(value));
            }
            if (value is not null || _meta is not null) Meta.Grad = value;
        }
    }

    /// <summary>The node that made this tensor (<c>x.grad_fn</c>); null for leaves.</summary>
    public Node? GradFn => CurrentGradFn;

    /// <summary>
    /// The grad_fn, brought up to date for a view whose base (or another view of it) was written in place since the
    /// grad_fn was set: the view then reads its base's new history through an <c>AsStridedBackward0</c>, as PyTorch
    /// regenerates a view's grad_fn when its version moved on.
    /// </summary>
    private Node? CurrentGradFn
    {
        get
        {
            var meta = _meta;
            if (meta?.ViewBase is not { } viewBase || meta.ViewMadeWithoutGrad) return _gradFn;
            int version = Version;
            if (meta.ViewAttrVersion == version) return _gradFn;
            meta.ViewAttrVersion = version;
            if (viewBase.RequiresGrad)
            {
                var node = new AsStridedBackward0(viewBase.Geometry, Geometry);
                node.SetInputs([viewBase]);
                SetHistory(node);
            }
            return _gradFn;
        }
    }

    /// <summary>Whether this tensor was made by the user rather than recorded by an operation (<c>x.is_leaf</c>).</summary>
    public bool IsLeaf => CurrentGradFn is null;

    /// <summary>The version counter (<c>x._version</c>): in-place operations on this tensor, its views or its detached copies bump it.</summary>
    public int Version => Volatile.Read(ref _versionCounter)?.Value ?? 0;

    /// <summary>Whether a non-leaf keeps its gradient (<see cref="RetainGrad"/> was called).</summary>
    public bool RetainsGrad => _meta?.RetainsGrad ?? false;

    /// <summary>The rarely used autograd state, made on first use (also from another thread: a compare-exchange).</summary>
    internal TensorAutogradMeta Meta => Volatile.Read(ref _meta) ?? CreateMeta();

    private TensorAutogradMeta CreateMeta()
    {
        var created = new TensorAutogradMeta();
        return Interlocked.CompareExchange(ref _meta, created, null) ?? created;
    }

    /// <summary>
    /// The same storage without history (<c>x.data</c>). Unlike <see cref="Detach"/>, it has a version counter of its
    /// own, so in-place writes through it are not tracked by autograd (PyTorch's <c>.data</c>): prefer
    /// <see cref="Detach"/> or <see cref="Autograd.NoGrad"/>.
    /// </summary>
    public Tensor Data => new(Storage, _shape, DType, layout: _layout);

    /// <summary>
    /// The elements in row-major order as <typeparamref name="T"/>, which must match the dtype: the storage itself
    /// for a dense tensor, a contiguous copy of a strided view (how every kernel reads a view). Never write through
    /// it unless the tensor is fresh: an in-place write to a view goes through <see cref="StoreElements"/>.
    /// </summary>
    internal T[] Elements<T>() => _layout is null ? Storage.As<T>() : Materialize<T>();

    /// <summary>The one element of a one-element tensor as a number (<c>x.item()</c>); bool gives 0 or 1.</summary>
    public double Item()
    {
        if (Numel != 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"a Tensor with {Numel} elements cannot be converted to Scalar"));
        }
        return ElementAsDouble(0);
    }

    /// <summary>The elements in row-major order, widened to <see cref="double"/> (bool gives 0 or 1).</summary>
    public double[] ToArray()
    {
        var values = new double[Numel];
        CopyAsDouble(values);
        return values;
    }

    /// <summary>The elements in row-major order as <typeparamref name="T"/>, converted from the dtype if they differ.</summary>
    public T[] ToArray<T>() where T : unmanaged, System.Numerics.INumber<T>
    {
        if (Storage.Data is T[] same) return _layout is null ? (T[])same.Clone() : Materialize<T>();
        var values = ToArray();
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = T.CreateTruncating(values[i]);
        return result;
    }

    private double ElementAsDouble(int index) => DType switch
    {
        DType.Float32 => Elements<float>()[index],
        DType.Float64 => Elements<double>()[index],
        DType.Int64 => Elements<long>()[index],
        _ => Elements<bool>()[index] ? 1 : 0,
    };

    private void CopyAsDouble(Span<double> destination)
    {
        switch (DType)
        {
            case DType.Float32: TensorPrimitives.ConvertChecked<float, double>(Elements<float>(), destination); break;
            case DType.Float64: Elements<double>().CopyTo(destination); break;
            case DType.Int64: TensorPrimitives.ConvertTruncating<long, double>(Elements<long>(), destination); break;
            default:
                var flags = Elements<bool>();
                for (int i = 0; i < flags.Length; i++) destination[i] = flags[i] ? 1 : 0;
                break;
        }
    }

    /// <summary>
    /// Prints as PyTorch does: <c>tensor([1., 2.], requires_grad=True)</c>, <c>tensor(27., grad_fn=&lt;MeanBackward0&gt;)</c>.
    /// </summary>
    public override string ToString()
    {
        var gradFn = CurrentGradFn;
        string[] suffixes = gradFn is not null ? [$"grad_fn=<{gradFn.Name}>"] : RequiresGrad ? ["requires_grad=True"] : [];
        if (DType == DType.Int64) return TensorFormatter.Format(Elements<long>(), _shape, suffixes);
        var values = DType == DType.Float64 ? Elements<double>() : ToArray();
        return TensorFormatter.Format(values, _shape, DType, suffixes);
    }

    /// <summary>Makes <paramref name="node"/> this tensor's <see cref="GradFn"/> (the tensor is the node's output).</summary>
    internal void SetHistory(Node node)
    {
        bool retainsGrad = RetainsGrad;
        if (retainsGrad && _gradFn is not null) _gradFn.RetainedOutput = null;
        _gradFn = node;
        if (retainsGrad) node.RetainedOutput = new WeakReference<Tensor>(this);
    }

    /// <summary>The edge a consumer of this tensor links to: its node, or for a leaf its <see cref="AccumulateGrad"/>.</summary>
    internal Edge GradientEdge()
    {
        if (CurrentGradFn is { } gradFn) return new Edge(gradFn, 0);
        return new Edge(GradAccumulator(), 0);
    }

    private AccumulateGrad GradAccumulator()
    {
        var meta = Meta;
        if (meta.GradAccumulator is { } existing) return existing;
        var created = new AccumulateGrad(this);
        return Interlocked.CompareExchange(ref meta.GradAccumulator, created, null) ?? created;
    }

    internal void SetGradUnchecked(Tensor? grad) => Meta.Grad = grad;

    /// <summary>A retained non-leaf gradient: the first one is kept, later ones are added.</summary>
    internal void AccumulateRetainedGrad(Tensor grad, bool createGraph)
    {
        var meta = Meta;
        if (meta.Grad is null) meta.Grad = createGraph ? grad : grad.DetachedClone();
        else meta.Grad += grad;
    }
}
