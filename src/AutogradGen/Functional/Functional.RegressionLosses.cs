using System.Globalization;

namespace AutogradGen;

// l1_loss, smooth_l1_loss, huber_loss and kl_div.
public static partial class Functional
{
    /// <summary>The mean (or sum) absolute error (<c>F.l1_loss</c>; composed as PyTorch composes it, <c>MeanBackward0</c> for the mean).</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireFloatingPoint(input, "l1_loss");
        RequireSameShape(input, target);
        var errors = (input - target).Abs();
        return reduction switch
        {
            Reduction.Mean => errors.Mean(),
            Reduction.Sum => errors.Sum(),
            Reduction.None => errors,
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Mean, Sum or None"),
        };
    }

    /// <summary>
    /// <c>0.5 d² / beta</c> where <c>|d| &lt; beta</c>, <c>|d| - 0.5 beta</c> elsewhere, d = input - target
    /// (<c>F.smooth_l1_loss(input, target, reduction, beta=1.0)</c>, <c>SmoothL1LossBackward0</c>); beta 0 is the L1 loss.
    /// </summary>
    public static Tensor SmoothL1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1)
    {
        if (!(beta >= 0)) throw new ArgumentException("smooth_l1_loss does not support negative values for beta.", nameof(beta));
        return PiecewiseLoss(input, target, reduction, beta, huber: false);
    }

    /// <summary>
    /// <c>0.5 d²</c> where <c>|d| ≤ delta</c>, <c>delta (|d| - 0.5 delta)</c> elsewhere (<c>F.huber_loss(input, target,
    /// reduction, delta=1.0)</c>, <c>HuberLossBackward0</c>): the smooth L1 loss times delta.
    /// </summary>
    public static Tensor HuberLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double delta = 1)
    {
        if (!(delta > 0)) throw new ArgumentException("huber_loss does not support non-positive values for delta.", nameof(delta));
        return PiecewiseLoss(input, target, reduction, delta, huber: true);
    }

    private static Tensor PiecewiseLoss(Tensor input, Tensor target, Reduction reduction, double threshold, bool huber)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireFloatingPoint(input, huber ? "huber_loss" : "smooth_l1_loss");
        RequireSameShape(input, target);
        Tensor result;
        using (Autograd.NoGrad())
        {
            var difference = input - target;
            var magnitude = difference.Abs();
            var squares = difference * difference * 0.5;
            Tensor losses = huber
                ? Tensor.Where(magnitude.Le(threshold), squares, (magnitude - 0.5 * threshold) * threshold)
                : threshold == 0 ? magnitude : Tensor.Where(magnitude.Lt(threshold), squares / threshold, magnitude - 0.5 * threshold);
            result = ReduceRaw(losses, reduction);
        }
        if (Autograd.ShouldRecord(input, target))
        {
            Node node = huber ? new HuberLossBackward0(input, target, reduction, threshold) : new SmoothL1LossBackward0(input, target, reduction, threshold);
            node.Attach(result, input, target);
        }
        return result;
    }

    /// <summary>
    /// The Kullback–Leibler divergence of <paramref name="target"/> from the distribution whose log-probabilities are
    /// <paramref name="input"/>: <c>target (log target - input)</c>, 0 where the target is 0 (<c>F.kl_div(input, target,
    /// reduction='mean', log_target=False)</c>; composed as PyTorch composes it). <see cref="Reduction.BatchMean"/> divides
    /// the sum by the batch size, which is the divergence's definition; <see cref="Reduction.Mean"/> divides by every element, as PyTorch's default.
    /// </summary>
    public static Tensor KlDiv(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, bool logTarget = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireFloatingPoint(input, "kl_div");
        Tensor terms;
        if (logTarget) terms = target.Exp() * (target - input);
        else
        {
            // xlogy(target, target): 0 · log 0 is 0.
            var safe = Tensor.Where(target.Gt(0), target, Tensor.Scalar(1, dtype: target.DType));
            terms = (target * safe.Log()) - (target * input);
        }
        return reduction switch
        {
            Reduction.Mean => terms.Mean(),
            Reduction.Sum => terms.Sum(),
            Reduction.BatchMean => input.Rank == 0 ? terms.Sum() : terms.Sum() / input.Size(0),
            Reduction.None => terms,
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Mean, Sum, BatchMean or None"),
        };
    }

    private static void RequireSameShape(Tensor input, Tensor target)
    {
        if (!input.ShapeSpan.SequenceEqual(target.ShapeSpan))
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Using a target size ({TorchSize(target)}) that is different to the input size ({TorchSize(input)}). Pass tensors of the same shape."));
        }
    }
}

internal abstract class PiecewiseLossBackward : Node
{
    private readonly SavedTensor _input;
    private readonly SavedTensor _target;
    private readonly Reduction _reduction;
    private readonly int _count;

    private protected PiecewiseLossBackward(Tensor input, Tensor target, Reduction reduction, double threshold)
    {
        _input = Save(input);
        _target = Save(target);
        _reduction = reduction;
        _count = input.Numel;
        Threshold = threshold;
    }

    protected double Threshold { get; }

    /// <summary>The derivative of the per-element loss with respect to d = input - target.</summary>
    private protected abstract Tensor Slope(Tensor difference);

    internal override Tensor?[] Backward(Tensor grad)
    {
        var slope = Functional.ScaleForReduction(grad * Slope(_input.Value - _target.Value), _reduction, _count);
        return [NeedsInputGrad(0) ? slope : null, NeedsInputGrad(1) ? -slope : null];
    }
}

internal sealed class SmoothL1LossBackward0(Tensor input, Tensor target, Reduction reduction, double beta) : PiecewiseLossBackward(input, target, reduction, beta)
{
    // d / beta inside the quadratic part, sign(d) outside
    private protected override Tensor Slope(Tensor difference) =>
        Threshold == 0 ? difference.Sign() : Tensor.Where(difference.Abs().Lt(Threshold), difference / Threshold, difference.Sign());
}

internal sealed class HuberLossBackward0(Tensor input, Tensor target, Reduction reduction, double delta) : PiecewiseLossBackward(input, target, reduction, delta)
{
    // d inside, delta · sign(d) outside
    private protected override Tensor Slope(Tensor difference) =>
        Tensor.Where(difference.Abs().Le(Threshold), difference, difference.Sign() * Threshold);
}

