using AutogradGen.Kernels;

namespace AutogradGen;

public static partial class Functional
{
    /// <summary>
    /// The mean squared error (<c>F.mse_loss</c>, <c>MseLossBackward0</c>): <c>(x - y)²</c> per element, reduced.
    /// The input and target broadcast against each other; the mean divides by the broadcast element count.
    /// </summary>
    /// <param name="input">The predictions.</param>
    /// <param name="target">The targets, broadcastable with <paramref name="input"/>.</param>
    /// <param name="reduction">Mean (the default), Sum, or None for one loss per element.</param>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireFloatingPoint(input, "mse_loss");
        var shape = Shapes.Broadcast(input.ShapeSpan, target.ShapeSpan);
        var dtype = input.DType;
        var x = input.ExpandRaw(shape);
        var y = target.ConvertRaw(dtype).ExpandRaw(shape);

        var losses = Tensor.Empty(shape, dtype);
        if (dtype == DType.Float32) LossKernels.SquaredError<float>(x.Elements<float>(), y.Elements<float>(), losses.Elements<float>());
        else LossKernels.SquaredError<double>(x.Elements<double>(), y.Elements<double>(), losses.Elements<double>());

        var result = ReduceRaw(losses, reduction);
        if (Autograd.ShouldRecord(input, target)) new MseLossBackward0(input, target, reduction, losses.Numel).Attach(result, input, target);
        return result;
    }
}

/// <summary>
/// The backward rule of <see cref="Functional.MseLoss"/>: <c>d/dx (x - y)² = 2 (x - y)</c> and the negative of it for
/// the target; for the mean, divided by the element count. The engine sums broadcast gradients back to each shape.
/// </summary>
internal sealed class MseLossBackward0 : Node
{
    private readonly SavedTensor _input;
    private readonly SavedTensor _target;
    private readonly Reduction _reduction;
    private readonly int _count;

    public MseLossBackward0(Tensor input, Tensor target, Reduction reduction, int count)
    {
        _input = Save(input);
        _target = Save(target);
        _reduction = reduction;
        _count = count;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var slope = Functional.ScaleForReduction((_input.Value - _target.Value) * 2 * grad, _reduction, _count);
        return [NeedsInputGrad(0) ? slope : null, NeedsInputGrad(1) ? -slope : null];
    }
}
