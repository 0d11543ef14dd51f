using System.Numerics;
using System.Numerics.Tensors;

namespace AutogradGen.Kernels;

/// <summary>
/// Element-wise losses on spans, with no autograd: the forward passes of <see cref="Functional"/>'s losses, and
/// callable from generated code. Every span has one element per loss term; optional spans (weights) are either
/// empty or as long as the input.
/// </summary>
public static class LossKernels
{
    /// <summary>
    /// The binary cross entropy of logits, <c>-w (p t log σ(x) + (1 - t) log(1 - σ(x)))</c>, in the numerically
    /// stable form PyTorch uses: <c>(1 - t) x + (1 + (p - 1) t) (log(1 + e^-|x|) + max(-x, 0))</c>, which never
    /// exponentiates a positive number.
    /// </summary>
    /// <param name="input">The logits <c>x</c>.</param>
    /// <param name="target">The targets <c>t</c> in [0, 1].</param>
    /// <param name="weight">Per-element weights <c>w</c>, or empty for none.</param>
    /// <param name="posWeight">Per-element weights <c>p</c> of the positive term, or empty for none.</param>
    /// <param name="loss">The loss of each element.</param>
    public static void BinaryCrossEntropyWithLogits<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> target, ReadOnlySpan<T> weight, ReadOnlySpan<T> posWeight, Span<T> loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < input.Length; i++)
        {
            T x = input[i], t = target[i];
            // -log σ(x) = log(1 + e^-x) = max(-x, 0) + log(1 + e^-|x|)
            T minusLogSigmoid = T.Max(-x, T.Zero) + T.LogP1(T.Exp(-T.Abs(x)));
            T logWeight = posWeight.IsEmpty ? T.One : T.One + ((posWeight[i] - T.One) * t);
            T value = ((T.One - t) * x) + (logWeight * minusLogSigmoid);
            loss[i] = weight.IsEmpty ? value : value * weight[i];
        }
    }

    /// <summary>
    /// The binary cross entropy of probabilities, <c>-w (t log x + (1 - t) log(1 - x))</c>, with each logarithm
    /// clamped at -100 as PyTorch does, so that a probability of exactly 0 or 1 gives a finite loss.
    /// </summary>
    /// <param name="input">The probabilities <c>x</c> in [0, 1].</param>
    /// <param name="target">The targets <c>t</c> in [0, 1].</param>
    /// <param name="weight">Per-element weights <c>w</c>, or empty for none.</param>
    /// <param name="loss">The loss of each element.</param>
    public static void BinaryCrossEntropy<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> target, ReadOnlySpan<T> weight, Span<T> loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var floor = T.CreateChecked(-100);
        for (int i = 0; i < input.Length; i++)
        {
            T x = input[i], t = target[i];
            T logX = T.Max(T.Log(x), floor);
            T logOneMinusX = T.Max(T.LogP1(-x), floor);
            T value = ((t - T.One) * logOneMinusX) - (t * logX);
            loss[i] = weight.IsEmpty ? value : value * weight[i];
        }
    }

    /// <summary>Whether every element is a probability (in [0, 1]; NaN is not), as PyTorch checks before BCE.</summary>
    public static bool AreProbabilities<T>(ReadOnlySpan<T> input) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (T x in input)
        {
            if (!(x >= T.Zero && x <= T.One)) return false;
        }
        return true;
    }

    /// <summary>The squared error <c>(x - y)²</c> of each element.</summary>
    public static void SquaredError<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> target, Span<T> loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Subtract(input, target, loss);
        TensorPrimitives.Multiply(loss, loss, loss);
    }

    /// <summary>
    /// The negative log likelihood of class indices (<c>nll_loss</c>) for log-probabilities viewed as
    /// <c>[batch, classes, positions]</c> (positions is 1 for a plain <c>[batch, classes]</c> input): each position's
    /// loss is <c>-w[c] x[n, c, s]</c> for its target class <c>c</c>, and 0 where the target is
    /// <paramref name="ignoreIndex"/>.
    /// </summary>
    /// <param name="input">Log-probabilities, <c>batch * classes * positions</c> elements.</param>
    /// <param name="target">Class indices, <c>batch * positions</c> elements.</param>
    /// <param name="weight">A weight per class, or empty for ones.</param>
    /// <param name="batch">The batch size (1 for an unbatched input).</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="positions">The number of positions per sample (the product of the trailing dimensions).</param>
    /// <param name="ignoreIndex">A target value that contributes neither loss nor weight.</param>
    /// <param name="loss">The loss of each position, <c>batch * positions</c> elements.</param>
    /// <param name="targetWeight">The weight of each position's target (0 where ignored): the mean's denominator sums it.</param>
    /// <returns>The index of the first target outside [0, classes) that is not ignored, or -1 when all are valid.</returns>
    public static int NllLoss<T>(ReadOnlySpan<T> input, ReadOnlySpan<long> target, ReadOnlySpan<T> weight, int batch, int classes, int positions,
        long ignoreIndex, Span<T> loss, Span<T> targetWeight)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int n = 0; n < batch; n++)
        {
            for (int s = 0; s < positions; s++)
            {
                int at = (n * positions) + s;
                long c = target[at];
                if (c == ignoreIndex)
                {
                    loss[at] = T.Zero;
                    targetWeight[at] = T.Zero;
                    continue;
                }
                if (c < 0 || c >= classes) return at;
                T w = weight.IsEmpty ? T.One : weight[(int)c];
                loss[at] = -w * input[(((n * classes) + (int)c) * positions) + s];
                targetWeight[at] = w;
            }
        }
        return -1;
    }
}
