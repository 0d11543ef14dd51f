using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// Operations that move elements without changing them: flip, roll, repeat, chunk/split, movedim, and the triangle
// and diagonal of a matrix. Each output element reads one input element, found by index arithmetic in Rearranged.
public sealed partial class Tensor
{
    /// <summary>Reverses the order along <paramref name="dims"/> (<c>torch.flip</c>, <c>FlipBackward0</c>).</summary>
    public Tensor Flip(ReadOnlySpan<int> dims)
    {
        var flipped = ReducedDims(dims);
        var shape = SharedShape;
        var result = Rearranged(shape, index =>
        {
            for (int d = 0; d < index.Length; d++)
            {
                if (flipped[d]) index[d] = shape[d] - 1 - index[d];
            }
        });
        if (Autograd.ShouldRecord(this)) new FlipBackward0(DimList(flipped)).Attach(result, this);
        return result;
    }

    /// <summary>Shifts the flattened tensor by <paramref name="shift"/>, elements leaving the end coming back at the start (<c>torch.roll(x, shift)</c>, <c>RollBackward0</c>).</summary>
    public Tensor Roll(int shift)
    {
        Tensor result;
        using (Autograd.NoGrad()) result = Reshape([-1]).Roll([shift], [0]).ViewRaw(SharedShape);
        if (Autograd.ShouldRecord(this)) new RollBackward0([-shift], []).Attach(result, this);
        return result;
    }

    /// <summary>Shifts along each of <paramref name="dims"/> by the matching <paramref name="shifts"/> (<c>torch.roll(x, shifts, dims)</c>).</summary>
    public Tensor Roll(ReadOnlySpan<int> shifts, ReadOnlySpan<int> dims)
    {
        if (shifts.Length != dims.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"shifts and dimensions must align. shifts: {shifts.Length}, dims:{dims.Length}"), nameof(shifts));
        }
        if (dims.Length == 0) return Roll(shifts.Length == 1 ? shifts[0] : throw new ArgumentException("roll needs one shift when no dims are given", nameof(shifts)));
        var offsets = new int[Rank];
        foreach (var (dim, shift) in dims.ToArray().Zip(shifts.ToArray()))
        {
            int d = Shapes.NormalizeDim(dim, Rank);
            offsets[d] += shift;
        }
        var shape = SharedShape;
        var result = Rearranged(shape, index =>
        {
            for (int d = 0; d < index.Length; d++)
            {
                if (shape[d] > 0) index[d] = (int)(((index[d] - (long)offsets[d]) % shape[d] + shape[d]) % shape[d]);
            }
        });
        if (Autograd.ShouldRecord(this))
        {
            var negated = shifts.ToArray().Select(static s => -s).ToArray();
            new RollBackward0(negated, dims.ToArray()).Attach(result, this);
        }
        return result;
    }

    /// <summary>
    /// Tiles the tensor <paramref name="repeats"/> times along each dimension (<c>x.repeat(*sizes)</c>,
    /// <c>RepeatBackward0</c>); more repeats than dimensions add leading dimensions.
    /// </summary>
    public Tensor Repeat(ReadOnlySpan<int> repeats)
    {
        if (repeats.Length < Rank)
        {
            throw new ArgumentException("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor", nameof(repeats));
        }
        int lead = repeats.Length - Rank;
        var padded = new int[repeats.Length];
        for (int d = 0; d < repeats.Length; d++) padded[d] = d < lead ? 1 : _shape[d - lead];
        var outShape = new int[repeats.Length];
        for (int d = 0; d < repeats.Length; d++)
        {
            if (repeats[d] < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {repeats[d]}: {Shapes.Format(repeats)}", nameof(repeats));
            outShape[d] = padded[d] * repeats[d];
        }
        var source = ViewRaw(padded);
        var result = source.Rearranged(outShape, index =>
        {
            for (int d = 0; d < index.Length; d++) index[d] %= padded[d];
        }, padded);
        if (Autograd.ShouldRecord(this)) new RepeatBackward0(SharedShape, padded, repeats.ToArray()).Attach(result, this);
        return result;
    }

    /// <summary>
    /// Splits into <paramref name="chunks"/> pieces along <paramref name="dim"/>, each of <c>ceil(size / chunks)</c>
    /// entries but the last (<c>x.chunk(chunks, dim)</c>; each piece records <c>SplitBackward0</c>).
    /// </summary>
    public Tensor[] Chunk(int chunks, int dim = 0)
    {
        if (chunks <= 0) throw new ArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks.ToString(CultureInfo.InvariantCulture), nameof(chunks));
        int d = Shapes.NormalizeDim(dim, Rank);
        int size = _shape[d];
        int pieceSize = Math.Max(1, (size + chunks - 1) / chunks);
        return SplitPieces(d, pieceSize, "SplitBackward0");
    }

    /// <summary>Splits along <paramref name="dim"/> into pieces of <paramref name="splitSize"/> entries, the last possibly smaller (<c>x.split(split_size, dim)</c>, <c>SplitBackward0</c>).</summary>
    public Tensor[] Split(int splitSize, int dim = 0)
    {
        if (splitSize < 0) throw new ArgumentException("split expects split_size be non-negative, but got split_size=" + splitSize.ToString(CultureInfo.InvariantCulture), nameof(splitSize));
        int d = Shapes.NormalizeDim(dim, Rank);
        if (splitSize == 0 && _shape[d] != 0) throw new ArgumentException("split_size can only be 0 if dimension size is 0", nameof(splitSize));
        return SplitPieces(d, Math.Max(1, splitSize), "SplitBackward0");
    }

    /// <summary>Splits along <paramref name="dim"/> into pieces of the given sizes, which must add up to its size (<c>x.split([2, 3], dim)</c>, <c>SplitWithSizesBackward0</c>).</summary>
    public Tensor[] Split(ReadOnlySpan<int> sizes, int dim = 0)
    {
        int d = Shapes.NormalizeDim(dim, Rank);
        int total = 0;
        foreach (int size in sizes) total += size;
        if (total != _shape[d] || sizes.ToArray().Any(static s => s < 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"split_with_sizes expects split_sizes to sum exactly to {_shape[d]} (input tensor's size at dimension {d}), but got split_sizes={Shapes.Format(sizes)}"), nameof(sizes));
        }
        var pieces = new Tensor[sizes.Length];
        int start = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            pieces[i] = SplitPiece(d, start, sizes[i], "SplitWithSizesBackward0");
            start += sizes[i];
        }
        return pieces;
    }

    private Tensor[] SplitPieces(int dim, int pieceSize, string nodeName)
    {
        int size = _shape[dim];
        var pieces = new List<Tensor>();
        for (int start = 0; start < size; start += pieceSize) pieces.Add(SplitPiece(dim, start, Math.Min(pieceSize, size - start), nodeName));
        if (size == 0) pieces.Add(SplitPiece(dim, 0, 0, nodeName));
        return [.. pieces];
    }

    private Tensor SplitPiece(int dim, int start, int length, string nodeName)
    {
        var piece = NarrowRaw(dim, start, length, 1);
        if (Autograd.ShouldRecord(this)) new SplitPieceBackward(nodeName, SharedShape, dim, start, length).Attach(piece, this);
        return piece;
    }

    /// <summary>Moves dimension <paramref name="source"/> to position <paramref name="destination"/>, the others keeping their order (<c>torch.movedim</c>, recorded as <c>PermuteBackward0</c>).</summary>
    public Tensor MoveDim(int source, int destination) => MoveDim([source], [destination]);

    /// <summary>Moves each of <paramref name="sources"/> to the matching position in <paramref name="destinations"/> (<c>torch.movedim</c>).</summary>
    public Tensor MoveDim(ReadOnlySpan<int> sources, ReadOnlySpan<int> destinations)
    {
        if (sources.Length != destinations.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"movedim: Invalid source or destination dims: source ({Shapes.Format(sources)} dims) should contain the same number of dims as destination ({Shapes.Format(destinations)} dims)"));
        }
        var permutation = new int[Rank];
        System.Array.Fill(permutation, -1);
        var used = new bool[Rank];
        for (int i = 0; i < sources.Length; i++)
        {
            int s = Shapes.NormalizeDim(sources[i], Rank), t = Shapes.NormalizeDim(destinations[i], Rank);
            if (used[s] || permutation[t] >= 0) throw new ArgumentException("movedim: repeated dim in `source` or `destination`");
            permutation[t] = s;
            used[s] = true;
        }
        int next = 0;
        for (int t = 0; t < Rank; t++)
        {
            if (permutation[t] >= 0) continue;
            while (used[next]) next++;
            permutation[t] = next;
            used[next] = true;
        }
        return Permute(permutation);
    }

    /// <summary>The lower triangle of the last two dimensions: zero above diagonal <paramref name="diagonal"/> (<c>torch.tril</c>, <c>TrilBackward0</c>).</summary>
    public Tensor Tril(int diagonal = 0) => Triangle(diagonal, lower: true);

    /// <summary>The upper triangle of the last two dimensions: zero below diagonal <paramref name="diagonal"/> (<c>torch.triu</c>, <c>TriuBackward0</c>).</summary>
    public Tensor Triu(int diagonal = 0) => Triangle(diagonal, lower: false);

    private Tensor Triangle(int diagonal, bool lower)
    {
        if (Rank < 2) throw new ArgumentException((lower ? "tril" : "triu") + ": input tensor must have at least 2 dimensions");
        var mask = TriangleMask(SharedShape, diagonal, lower, FloatingResultType == DType ? DType : DType);
        var result = BinaryRaw(BinaryFunction.Multiply, this, mask);
        if (DType == DType.Bool) result = result.ConvertRaw(DType.Bool);
        if (Autograd.ShouldRecord(this))
        {
            Node node = lower ? new TrilBackward0(diagonal) : new TriuBackward0(diagonal);
            node.Attach(result, this);
        }
        return result;
    }

    private static Tensor TriangleMask(int[] shape, int diagonal, bool lower, DType dtype)
    {
        int rows = shape[^2], columns = shape[^1];
        var mask = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++) mask[i * columns + j] = (lower ? j - i <= diagonal : j - i >= diagonal) ? 1 : 0;
        }
        return FromValues(mask, [rows, columns], dtype == DType.Bool ? DType.Int64 : dtype);
    }

    /// <summary>
    /// A vector's diagonal matrix, the vector on diagonal <paramref name="diagonal"/>; or a matrix's diagonal as a
    /// vector (<c>torch.diag</c>, <c>DiagBackward0</c>).
    /// </summary>
    public Tensor Diag(int diagonal = 0)
    {
        if (Rank is not (1 or 2)) throw new ArgumentException("diag(): Supports 1D or 2D tensors. Got " + Rank.ToString(CultureInfo.InvariantCulture) + "D");
        int offset = Math.Abs(diagonal);
        Tensor result;
        if (Rank == 1)
        {
            int n = _shape[0] + offset;
            var values = ToArray();
            var matrix = new double[n * n];
            for (int i = 0; i < values.Length; i++) matrix[diagonal >= 0 ? i * n + i + offset : (i + offset) * n + i] = values[i];
            result = FromValues(matrix, [n, n], DType);
        }
        else
        {
            int rows = _shape[0], columns = _shape[1];
            int length = Math.Max(0, diagonal >= 0 ? Math.Min(rows, columns - offset) : Math.Min(rows - offset, columns));
            var values = ToArray();
            var picked = new double[length];
            for (int i = 0; i < length; i++) picked[i] = values[diagonal >= 0 ? i * columns + i + offset : (i + offset) * columns + i];
            result = FromValues(picked, [length], DType);
        }
        if (Autograd.ShouldRecord(this)) new DiagBackward0(SharedShape, diagonal).Attach(result, this);
        return result;
    }

    /// <summary>
    /// A fresh tensor of <paramref name="outShape"/> whose element at each index is this tensor's element at the index
    /// <paramref name="toSource"/> turns it into (in place). <paramref name="sourceShape"/> is this tensor's shape
    /// unless given. Not recorded.
    /// </summary>
    private Tensor Rearranged(int[] outShape, Action<int[]> toSource, int[]? sourceShape = null)
    {
        var inShape = sourceShape ?? SharedShape;
        var values = ToArray();
        var result = new double[Shapes.Numel(outShape)];
        var strides = new int[inShape.Length];
        for (int d = inShape.Length - 1, stride = 1; d >= 0; stride *= inShape[d], d--) strides[d] = stride;
        var index = new int[outShape.Length];
        var source = new int[outShape.Length];
        for (int linear = 0; linear < result.Length; linear++)
        {
            index.CopyTo(source, 0);
            toSource(source);
            int offset = 0;
            for (int d = 0; d < source.Length; d++) offset += source[d] * strides[d];
            result[linear] = values[offset];
            for (int d = outShape.Length - 1; d >= 0; d--)
            {
                if (++index[d] < outShape[d]) break;
                index[d] = 0;
            }
        }
        return FromValues(result, outShape, DType);
    }
}
