using AutogradGen.Kernels;

namespace AutogradGen;

public static partial class Functional
{
    /// <summary>
    /// The binary cross entropy of logits and targets (<c>F.binary_cross_entropy_with_logits</c>): a sigmoid and
    /// binary cross entropy in one numerically stable step, recorded as one <c>BinaryCrossEntropyWithLogitsBackward0</c>.
    /// </summary>
    /// <param name="input">The logits, of any shape.</param>
    /// <param name="target">The targets in [0, 1], of the same shape as <paramref name="input"/>.</param>
    /// <param name="weight">Optional rescaling weight of each element, broadcast to the input's shape; a constant (no gradient).</param>
    /// <param name="posWeight">Optional weight of the positive term, broadcast to the input's shape (usually one per class,
    /// along the last dimension); a constant (no gradient).</param>
    /// <param name="reduction">Mean (the default), Sum, or None for one loss per element.</param>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor? weight = null, Tensor? posWeight = null, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireFloatingPoint(input, "binary_cross_entropy_with_logits");
        if (!input.ShapeSpan.SequenceEqual(target.ShapeSpan))
        {
            throw new TensorShapeException($"Target size ({TorchSize(target)}) must be the same as input size ({TorchSize(input)})");
        }
        var dtype = input.DType;
        var t = target.ConvertRaw(dtype);
        var w = ExpandWeight(weight, input.ShapeSpan, dtype, "weight");
        var p = ExpandWeight(posWeight, input.ShapeSpan, dtype, "pos_weight");

        var losses = Tensor.Empty(input.ShapeSpan, dtype);
        if (dtype == DType.Float32)
        {
            LossKernels.BinaryCrossEntropyWithLogits<float>(input.Elements<float>(), t.Elements<float>(), w is null ? [] : w.Elements<float>(), p is null ? [] : p.Elements<float>(), losses.Elements<float>());
        }
        else
        {
            LossKernels.BinaryCrossEntropyWithLogits<double>(input.Elements<double>(), t.Elements<double>(), w is null ? [] : w.Elements<double>(), p is null ? [] : p.Elements<double>(), losses.Elements<double>());
        }
        var result = ReduceRaw(losses, reduction);
        if (Autograd.ShouldRecord(input, target))
        {
            new BinaryCrossEntropyWithLogitsBackward0(input, target, weight, posWeight, reduction).Attach(result, input, target);
        }
        return result;
    }
}

/// <summary>
/// The backward rule of <see cref="Functional.BinaryCrossEntropyWithLogits"/>. With <c>L = (1 - t) x - (1 + (p - 1) t) log σ(x)</c>:
/// <c>dL/dx = (1 + p t - t) σ(x) - p t</c> (just <c>σ(x) - t</c> without p), and <c>dL/dt = log σ(-x) - p log σ(x)</c>
/// (just <c>-x</c> without p); both are scaled by the weight and, for the mean, divided by the element count.
/// </summary>
internal sealed class BinaryCrossEntropyWithLogitsBackward0 : Node
{
    private readonly SavedTensor _input;
    private readonly SavedTensor _target;
    private readonly SavedTensor? _weight;
    private readonly SavedTensor? _posWeight;
    private readonly Reduction _reduction;

    public BinaryCrossEntropyWithLogitsBackward0(Tensor input, Tensor target, Tensor? weight, Tensor? posWeight, Reduction reduction)
    {
        _input = Save(input);
        _target = Save(target);
        // Weights are constants of the loss: detached views keep their version counters but record nothing.
        _weight = weight is null ? null : Save(weight.Detach());
        _posWeight = posWeight is null ? null : Save(posWeight.Detach());
        _reduction = reduction;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var x = _input.Value;
        var t = _target.Value;
        var p = _posWeight?.Value;
        Tensor? gradInput = null, gradTarget = null;
        if (NeedsInputGrad(0))
        {
            Tensor slope;
            if (p is null)
            {
                slope = x.Sigmoid() - t;
            }
            else
            {
                var pt = p * t;
                slope = ((pt + 1 - t) * x.Sigmoid()) - pt;
            }
            gradInput = Finish(slope, grad, x.Numel);
        }
        if (NeedsInputGrad(1))
        {
            // log σ(x) = -softplus(-x)
            var slope = p is null ? -x : -x.Softplus() + (p * (-x).Softplus());
            gradTarget = Finish(slope, grad, x.Numel);
        }
        return [gradInput, gradTarget];
    }

    private Tensor Finish(Tensor slope, Tensor grad, int count)
    {
        var scaled = slope * grad;
        if (_weight?.Value is { } weight) scaled *= weight;
        return Functional.ScaleForReduction(scaled, _reduction, count);
    }
}
