using System.Numerics;

namespace AutogradGen.Kernels;

/// <summary>
/// The geometry of a 2-D sliding window over one plane (PyTorch's im2col parameters): kernel, stride, zero padding
/// (before; the window may run past the end, as pooling's ceil mode lets it) and dilation per dimension, the input
/// plane's size and the number of window positions. Convolution, unfold/fold and pooling share it; 1-D
/// operations are the 2-D ones with a height of 1.
/// </summary>
internal readonly record struct Window2d(
    int KernelH, int KernelW, int StrideH, int StrideW, int PadH, int PadW, int DilationH, int DilationW,
    int InputH, int InputW, int OutputH, int OutputW)
{
    /// <summary>Elements in one window (kH·kW).</summary>
    public int KernelArea => KernelH * KernelW;

    /// <summary>Elements in one input plane (H·W).</summary>
    public int InputPlane => InputH * InputW;

    /// <summary>Window positions (outH·outW), the columns of the unfolded matrix.</summary>
    public int Positions => OutputH * OutputW;

    /// <summary>Whether the window is one element read at every position in place, so the unfolded matrix is the input itself.</summary>
    public bool IsIdentity => KernelH == 1 && KernelW == 1 && StrideH == 1 && StrideW == 1 && PadH == 0 && PadW == 0
        && OutputH == InputH && OutputW == InputW;
}

/// <summary>
/// im2col and col2im on one image (channels × H × W, row-major): the unfolded matrix has one row per (channel,
/// kernel row, kernel column), in that order (PyTorch's), and one column per window position; positions that fall
/// in the padding read zero, and col2im drops them.
/// </summary>
internal static class Im2Col
{
    /// <summary>Writes every element of <paramref name="columns"/> ((C·kH·kW) × (outH·outW)) from <paramref name="image"/> (C × H × W).</summary>
    public static void Unfold<T>(ReadOnlySpan<T> image, int channels, in Window2d w, Span<T> columns)
        where T : unmanaged, INumberBase<T>
    {
        int positions = w.Positions;
        for (int c = 0; c < channels; c++)
        {
            var plane = image.Slice(c * w.InputPlane, w.InputPlane);
            for (int ki = 0; ki < w.KernelH; ki++)
            {
                for (int kj = 0; kj < w.KernelW; kj++)
                {
                    var row = columns.Slice(((((c * w.KernelH) + ki) * w.KernelW) + kj) * positions, positions);
                    int dx = (kj * w.DilationW) - w.PadW;
                    for (int oy = 0; oy < w.OutputH; oy++)
                    {
                        var outRow = row.Slice(oy * w.OutputW, w.OutputW);
                        int iy = (oy * w.StrideH) - w.PadH + (ki * w.DilationH);
                        if ((uint)iy >= (uint)w.InputH)
                        {
                            outRow.Clear();
                            continue;
                        }
                        var inRow = plane.Slice(iy * w.InputW, w.InputW);
                        var (first, end) = InsideColumns(w, dx);
                        outRow[..first].Clear();
                        outRow[end..].Clear();
                        if (w.StrideW == 1)
                        {
                            inRow.Slice(first + dx, end - first).CopyTo(outRow[first..end]);
                        }
                        else
                        {
                            for (int ox = first; ox < end; ox++) outRow[ox] = inRow[(ox * w.StrideW) + dx];
                        }
                    }
                }
            }
        }
    }

    /// <summary>The output columns [first, end) whose input column <c>ox·stride + dx</c> lies inside the row (the rest read padding).</summary>
    private static (int First, int End) InsideColumns(in Window2d w, int dx)
    {
        // ox·s + dx ≥ 0  ⇔  ox ≥ ⌈−dx / s⌉;  ox·s + dx ≤ W − 1  ⇔  ox ≤ ⌊(W − 1 − dx) / s⌋.
        int first = dx >= 0 ? 0 : (-dx + w.StrideW - 1) / w.StrideW;
        int last = w.InputW - 1 - dx;
        int end = last < 0 ? 0 : (last / w.StrideW) + 1;
        first = Math.Min(first, w.OutputW);
        end = Math.Clamp(end, first, w.OutputW);
        return (first, end);
    }

    /// <summary>Adds every in-range entry of <paramref name="columns"/> into its place in <paramref name="image"/> (the adjoint of <see cref="Unfold{T}"/>).</summary>
    public static void FoldAdd<T>(ReadOnlySpan<T> columns, int channels, in Window2d w, Span<T> image)
        where T : unmanaged, INumberBase<T>
    {
        int positions = w.Positions;
        for (int c = 0; c < channels; c++)
        {
            var plane = image.Slice(c * w.InputPlane, w.InputPlane);
            for (int ki = 0; ki < w.KernelH; ki++)
            {
                for (int kj = 0; kj < w.KernelW; kj++)
                {
                    var row = columns.Slice(((((c * w.KernelH) + ki) * w.KernelW) + kj) * positions, positions);
                    int dx = (kj * w.DilationW) - w.PadW;
                    for (int oy = 0; oy < w.OutputH; oy++)
                    {
                        int iy = (oy * w.StrideH) - w.PadH + (ki * w.DilationH);
                        if ((uint)iy >= (uint)w.InputH) continue;
                        var inRow = plane.Slice(iy * w.InputW, w.InputW);
                        var outRow = row.Slice(oy * w.OutputW, w.OutputW);
                        var (first, end) = InsideColumns(w, dx);
                        for (int ox = first; ox < end; ox++) inRow[(ox * w.StrideW) + dx] += outRow[ox];
                    }
                }
            }
        }
    }
}
