using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// F.pad's reflect, replicate and circular modes, with the checks of ATen's _pad_enum (PadNd.cpp) and its kernels'
// messages. Each padded dimension is a gather by an index map (output position → input position), so one rule
// covers the three modes and negative amounts (which crop); the backward adds each gradient back to the position it
// was read from (index_add), so createGraph differentiates it again.
public static partial class Functional
{
    /// <summary>
    /// Pads the last 1, 2 or 3 dimensions (<c>F.pad(input, pad, mode)</c>; <paramref name="pad"/> holds (before, after)
    /// pairs from the last dimension, as PyTorch's). <see cref="PaddingMode.Constant"/> is
    /// <see cref="Pad(Tensor, ReadOnlySpan{int}, double)"/>; reflect and replicate record PyTorch's
    /// <c>ReflectionPad{1,2,3}DBackward0</c>/<c>ReplicationPad{1,2,3}DBackward0</c>, circular <c>PadCircularBackward</c>
    /// (PyTorch composes circular padding from copies, so its grad_fn there is a <c>CopySlices</c>).
    /// As in PyTorch, n padded dimensions need an input of n + 1 or n + 2 dimensions.
    /// </summary>
    public static Tensor Pad(Tensor input, ReadOnlySpan<int> pad, PaddingMode mode, double value = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (mode == PaddingMode.Constant) return Pad(input, pad, value);
        string modeName = mode.ToString().ToLowerInvariant();
        if (pad.Length % 2 != 0) throw new ArgumentException("Padding length must be divisible by 2", nameof(pad));
        if (pad.Length / 2 > input.Rank)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Padding length should be less than or equal to two times the input dimension but got padding length {pad.Length} and input of dimension {input.Rank}"), nameof(pad));
        }
        if (value != 0) throw new ArgumentException($"Padding mode \"{modeName}\" doesn't take in value argument", nameof(value));
        int padded = pad.Length / 2;
        if (padded is < 1 or > 3 || input.Rank != padded + 1 && input.Rank != padded + 2)
        {
            throw new NotSupportedException("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
        }
        var amounts = pad.ToArray();
        var dims = new int[padded];
        var indices = new Tensor[padded];
        var shapesBefore = new int[padded][];
        Tensor result = input;
        using (Autograd.NoGrad())
        {
            for (int pair = 0; pair < padded; pair++)
            {
                int dim = input.Rank - 1 - pair;
                int before = amounts[2 * pair], after = amounts[2 * pair + 1];
                int size = input.Size(dim);
                CheckPaddingMode(mode, input, dim, pair, before, after, size);
                var map = new long[size + before + after];
                for (int j = 0; j < map.Length; j++) map[j] = Source(mode, j - before, size);
                dims[pair] = dim;
                indices[pair] = Tensor.From(map);
                shapesBefore[pair] = result.SharedShape;
                result = result.IndexSelect(dim, indices[pair]);
            }
        }
        if (Autograd.ShouldRecord(input))
        {
            string name = mode switch
            {
                PaddingMode.Reflect => $"ReflectionPad{padded}DBackward0",
                PaddingMode.Replicate => $"ReplicationPad{padded}DBackward0",
                _ => "PadCircularBackward",
            };
            new IndexPadBackward(name, dims, indices, shapesBefore).Attach(result, input);
        }
        return result;
    }

    private static long Source(PaddingMode mode, int i, int size) => mode switch
    {
        PaddingMode.Reflect => i < 0 ? -i : i >= size ? (2 * (size - 1)) - i : i,
        PaddingMode.Replicate => Math.Clamp(i, 0, size - 1),
        _ => ((i % size) + size) % size,
    };

    private static void CheckPaddingMode(PaddingMode mode, Tensor input, int dim, int pair, int before, int after, int size)
    {
        if (size + before + after < 1)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"input (size {size} at dimension {dim}) is too small for padding ({before}, {after}): the output size {size + before + after} would be less than 1"));
        }
        if (mode == PaddingMode.Reflect && (before >= size || after >= size))
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Argument #{4 + (2 * pair)}: Padding size should be less than the corresponding input dimension, but got: padding ({before}, {after}) at dimension {dim} of input {Shapes.Format(input.ShapeSpan)}"));
        }
        if (mode == PaddingMode.Circular && (before > size || after > size))
        {
            throw new TensorShapeException("Padding value causes wrapping around more than once.");
        }
        if (mode == PaddingMode.Replicate && size == 0)
        {
            throw new TensorShapeException($"input tensor has a zero-size dimension {dim}: replicate padding needs at least one element to repeat");
        }
    }
}

/// <summary>The backward of a gather-by-index padding: each dimension's gradient is added back to the positions it was read from, last padded dimension first undone last.</summary>
internal sealed class IndexPadBackward(string name, int[] dims, Tensor[] indices, int[][] shapesBefore) : Node
{
    public override string Name => name;

    internal override Tensor?[] Backward(Tensor grad)
    {
        var g = grad;
        for (int pair = dims.Length - 1; pair >= 0; pair--)
        {
            g = Tensor.Zeros(shapesBefore[pair], dtype: g.DType).IndexAdd(dims[pair], indices[pair], g);
        }
        return [g];
    }
}
