using AutogradGen.Kernels;

namespace AutogradGen;

public static partial class Functional
{
    /// <summary>
    /// The binary cross entropy of probabilities and targets (<c>F.binary_cross_entropy</c>,
    /// <c>BinaryCrossEntropyBackward0</c>): <c>-w (t log x + (1 - t) log(1 - x))</c> with each logarithm clamped at
    /// -100, as PyTorch does. Prefer <see cref="BinaryCrossEntropyWithLogits"/> after a sigmoid: it is more stable.
    /// </summary>
    /// <param name="input">The probabilities in [0, 1], of any shape.</param>
    /// <param name="target">The targets in [0, 1], of the same shape as <paramref name="input"/>.</param>
    /// <param name="weight">Optional rescaling weight of each element, broadcast to the input's shape; a constant (no gradient).</param>
    /// <param name="reduction">Mean (the default), Sum, or None for one loss per element.</param>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireFloatingPoint(input, "binary_cross_entropy");
        if (!input.ShapeSpan.SequenceEqual(target.ShapeSpan))
        {
            throw new TensorShapeException($"Using a target size ({TorchSize(target)}) that is different to the input size ({TorchSize(input)}) is deprecated. Please ensure they have the same size.");
        }
        var dtype = input.DType;
        var t = target.ConvertRaw(dtype);
        var w = ExpandWeight(weight, input.ShapeSpan, dtype, "weight");

        var losses = Tensor.Empty(input.ShapeSpan, dtype);
        bool valid = dtype == DType.Float32
            ? ComputeBinaryCrossEntropy<float>(input, t, w, losses)
            : ComputeBinaryCrossEntropy<double>(input, t, w, losses);
        if (!valid) throw new ArgumentException("all elements of input should be between 0 and 1 (apply Sigmoid first, or use BinaryCrossEntropyWithLogits on the logits)", nameof(input));

        var result = ReduceRaw(losses, reduction);
        if (Autograd.ShouldRecord(input, target)) new BinaryCrossEntropyBackward0(input, target, weight, reduction).Attach(result, input, target);
        return result;
    }

    private static bool ComputeBinaryCrossEntropy<T>(Tensor input, Tensor target, Tensor? weight, Tensor losses)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (!LossKernels.AreProbabilities<T>(input.Elements<T>())) return false;
        LossKernels.BinaryCrossEntropy<T>(input.Elements<T>(), target.Elements<T>(), weight is null ? [] : weight.Elements<T>(), losses.Elements<T>());
        return true;
    }
}

/// <summary>
/// The backward rule of <see cref="Functional.BinaryCrossEntropy"/>, as PyTorch's: <c>dL/dx = (x - t) / max(x (1 - x), 1e-12)</c>
/// (the floor keeps it finite at 0 and 1) and <c>dL/dt = log(1 - x) - log x</c>, scaled by the weight and, for the
/// mean, divided by the element count.
/// </summary>
internal sealed class BinaryCrossEntropyBackward0 : Node
{
    private const double Epsilon = 1e-12;
    private readonly SavedTensor _input;
    private readonly SavedTensor _target;
    private readonly SavedTensor? _weight;
    private readonly Reduction _reduction;

    public BinaryCrossEntropyBackward0(Tensor input, Tensor target, Tensor? weight, Reduction reduction)
    {
        _input = Save(input);
        _target = Save(target);
        _weight = weight is null ? null : Save(weight.Detach());
        _reduction = reduction;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var x = _input.Value;
        Tensor? gradInput = null, gradTarget = null;
        if (NeedsInputGrad(0)) gradInput = Finish((x - _target.Value) / ((1 - x) * x).Clamp(min: Epsilon), grad, x.Numel);
        if (NeedsInputGrad(1)) gradTarget = Finish((1 - x).Log() - x.Log(), grad, x.Numel);
        return [gradInput, gradTarget];
    }

    private Tensor Finish(Tensor slope, Tensor grad, int count)
    {
        var scaled = slope * grad;
        if (_weight?.Value is { } weight) scaled *= weight;
        return Functional.ScaleForReduction(scaled, _reduction, count);
    }
}
