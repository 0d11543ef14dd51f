using System.Numerics;

namespace AutogradGen.Kernels;

/// <summary>
/// Softmax and log-softmax along one dimension of a contiguous tensor viewed as <c>[outer, size, inner]</c>
/// (see <see cref="Reductions.SplitAt"/>). Both subtract the maximum of each slice before exponentiating, so large
/// inputs do not overflow.
/// </summary>
public static class SoftmaxKernels
{
    /// <summary><c>exp(x - max) / sum(exp(x - max))</c> along the dimension.</summary>
    public static void Softmax<T>(ReadOnlySpan<T> source, int outer, int size, int inner, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = (o * size * inner) + i;
                T max = MaxOfSlice(source, start, size, inner);
                T sum = T.Zero;
                for (int k = 0; k < size; k++)
                {
                    int at = start + (k * inner);
                    T e = T.Exp(source[at] - max);
                    destination[at] = e;
                    sum += e;
                }
                for (int k = 0; k < size; k++) destination[start + (k * inner)] /= sum;
            }
        }
    }

    /// <summary><c>x - max - log(sum(exp(x - max)))</c> along the dimension.</summary>
    public static void LogSoftmax<T>(ReadOnlySpan<T> source, int outer, int size, int inner, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = (o * size * inner) + i;
                T max = MaxOfSlice(source, start, size, inner);
                T sum = T.Zero;
                for (int k = 0; k < size; k++) sum += T.Exp(source[start + (k * inner)] - max);
                T logSum = T.Log(sum);
                for (int k = 0; k < size; k++)
                {
                    int at = start + (k * inner);
                    destination[at] = source[at] - max - logSum;
                }
            }
        }
    }

    private static T MaxOfSlice<T>(ReadOnlySpan<T> source, int start, int size, int inner) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = T.NegativeInfinity;
        for (int k = 0; k < size; k++) max = T.Max(max, source[start + (k * inner)]);
        return max;
    }
}
