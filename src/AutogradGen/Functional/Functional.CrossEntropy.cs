using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

public static partial class Functional
{
    /// <summary>PyTorch's default <c>ignore_index</c>: a target class that no real class uses.</summary>
    public const long DefaultIgnoreIndex = -100;

    /// <summary>
    /// The cross entropy between logits and targets (<c>F.cross_entropy</c>). The class dimension is 1 (0 for an
    /// unbatched 1-D input). Targets are either class indices (an Int64 tensor without the class dimension), composed as
    /// PyTorch does as <see cref="NllLoss"/> of <see cref="LogSoftmax"/> (<c>NllLossBackward0</c> after
    /// <c>LogSoftmaxBackward0</c>), or probabilities of the input's shape, giving <c>-sum(log_softmax(x) p)</c> over
    /// the class dimension.
    /// </summary>
    /// <param name="input">Unnormalised scores: <c>[C]</c>, <c>[N, C]</c> or <c>[N, C, d1, ...]</c>.</param>
    /// <param name="target">Class indices (Int64, <c>[]</c>, <c>[N]</c> or <c>[N, d1, ...]</c>) or class probabilities (floating point, the input's shape).</param>
    /// <param name="weight">Optional weight per class, <c>[C]</c>.</param>
    /// <param name="reduction">Mean (the default; with class indices, divided by the total weight of the targets), Sum, or None.</param>
    /// <param name="ignoreIndex">A class index whose targets contribute nothing (class indices only).</param>
    /// <param name="labelSmoothing">In [0, 1]: the target becomes a mix of the given one (weight <c>1 - labelSmoothing</c>)
    /// and the uniform distribution over the classes, as PyTorch's <c>label_smoothing</c>.</param>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignoreIndex = DefaultIgnoreIndex, double labelSmoothing = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireFloatingPoint(input, "cross_entropy");
        if (input.Rank == 0) throw new ArgumentException("Expected 1 or more dimensions (got 0)", nameof(input));
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"label_smoothing must be between 0.0 and 1.0. Got: {labelSmoothing}"), nameof(labelSmoothing));
        }
        int classDim = input.Rank == 1 ? 0 : 1;
        int classes = input.Size(classDim);
        var logProbabilities = LogSoftmax(input, classDim);
        if (target.DType.IsFloatingPoint() && input.ShapeSpan.SequenceEqual(target.ShapeSpan))
        {
            var smoothed = labelSmoothing > 0 ? (target * (1 - labelSmoothing)) + (labelSmoothing / classes) : target;
            return ProbabilityCrossEntropy(logProbabilities, smoothed, weight, reduction, classDim);
        }
        var loss = NllLoss(logProbabilities, target, weight, reduction, ignoreIndex);
        if (labelSmoothing == 0) return loss;
        var uniformPart = UniformTargetLoss(logProbabilities, target, weight, reduction, ignoreIndex, classDim);
        return ((1 - labelSmoothing) * loss) + (uniformPart * (labelSmoothing / classes));
    }

    // PyTorch's cross_entropy_loss_label_smoothing: -Σ_c w[c] log p[c] per position (0 where the target is ignored),
    // reduced; the mean divides by the total weight of the targets, as the NLL part does.
    private static Tensor UniformTargetLoss(Tensor logProbabilities, Tensor target, Tensor? weight, Reduction reduction, long ignoreIndex, int classDim)
    {
        var terms = weight is null ? logProbabilities : logProbabilities * weight.View(ClassShape(logProbabilities.Rank, classDim, weight.Numel));
        var perPosition = -terms.Sum(classDim);
        var ignored = target.Eq(ignoreIndex);
        perPosition = Tensor.Where(ignored, Tensor.Scalar(0, dtype: perPosition.DType), perPosition);
        return reduction switch
        {
            Reduction.Mean => DivideByNumber(perPosition.Sum(), TotalTargetWeight(target, weight, ignoreIndex)),
            Reduction.Sum => perPosition.Sum(),
            Reduction.None => perPosition,
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Mean, Sum or None"),
        };
    }

    /// <summary>The sum over the non-ignored targets of their class weight (their count when unweighted).</summary>
    private static double TotalTargetWeight(Tensor target, Tensor? weight, long ignoreIndex)
    {
        var classWeight = weight?.ToArray();
        double total = 0;
        foreach (long c in target.Elements<long>())
        {
            if (c != ignoreIndex) total += classWeight is null ? 1 : classWeight[c];
        }
        return total;
    }

    /// <summary>The shape <c>[1, .., classes, .., 1]</c> that broadcasts a per-class weight along the class dimension.</summary>
    private static int[] ClassShape(int rank, int classDim, int classes)
    {
        var shape = new int[rank];
        Array.Fill(shape, 1);
        shape[classDim] = classes;
        return shape;
    }

    // PyTorch's cross_entropy_loss_prob_target, composed of recorded operations exactly as there.
    private static Tensor ProbabilityCrossEntropy(Tensor logProbabilities, Tensor target, Tensor? weight, Reduction reduction, int classDim)
    {
        int classes = logProbabilities.Size(classDim);
        var terms = logProbabilities * target;
        if (weight is not null)
        {
            CheckClassWeight(weight, classes);
            terms *= weight.View(ClassShape(logProbabilities.Rank, classDim, classes));
        }
        return reduction switch
        {
            // An empty input has no samples: the mean is 0 / 0 = NaN, as PyTorch's.
            Reduction.Mean => DivideByNumber(-terms.Sum(), classes == 0 ? 0 : logProbabilities.Numel / classes),
            Reduction.Sum => -terms.Sum(),
            Reduction.None => -terms.Sum(classDim),
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Mean, Sum or None"),
        };
    }

    /// <summary>
    /// <paramref name="dividend"/> divided by a number, recorded as PyTorch's C++ code records a division by a scalar
    /// (<c>DivBackward1</c>), so that the probability cross entropy's graph has PyTorch's node names.
    /// </summary>
    private static Tensor DivideByNumber(Tensor dividend, double divisor)
    {
        var result = Tensor.BinaryRaw(BinaryFunction.Divide, dividend, Tensor.WrapNumber(divisor, dividend));
        if (Autograd.ShouldRecord(dividend)) new DivBackward1(divisor).Attach(result, dividend);
        return result;
    }

    /// <summary>The backward rule of a division by a number: the gradient divided by the same number.</summary>
    private sealed class DivBackward1(double divisor) : Node
    {
        internal override Tensor?[] Backward(Tensor grad) => [grad / divisor];
    }

    /// <summary>
    /// The negative log likelihood of class indices (<c>F.nll_loss</c>): <c>-w[c] x[n, c]</c> for each target class c,
    /// recorded as <c>NllLossBackward0</c> (<c>NllLoss2DBackward0</c> for inputs of rank 3 and more, which PyTorch
    /// views as 4-D). The input holds log-probabilities, usually from <see cref="LogSoftmax"/>.
    /// </summary>
    /// <param name="input">Log-probabilities: <c>[C]</c>, <c>[N, C]</c> or <c>[N, C, d1, ...]</c>.</param>
    /// <param name="target">Int64 class indices in [0, C): <c>[]</c>, <c>[N]</c> or <c>[N, d1, ...]</c>.</param>
    /// <param name="weight">Optional weight per class, <c>[C]</c>.</param>
    /// <param name="reduction">Mean (the default: the weighted sum divided by the total weight of the targets), Sum, or None.</param>
    /// <param name="ignoreIndex">A class index whose targets contribute neither loss nor weight.</param>
    public static Tensor NllLoss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignoreIndex = DefaultIgnoreIndex)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireFloatingPoint(input, "nll_loss");
        // libtorch checks the shapes first (nll_loss_nd, the nll_loss meta function), the dtype in the kernel.
        CheckNllShapes(input, target);
        if (target.DType != DType.Int64)
        {
            throw new ArgumentException($"expected scalar type Long but found {target.DType.ScalarTypeName()} (class indices must be an Int64 tensor; class probabilities go to CrossEntropy with the input's shape)", nameof(target));
        }
        int classes = input.Rank == 1 ? input.Size(0) : input.Size(1);
        if (weight is not null) CheckClassWeight(weight, classes);
        if (input.Rank == 3 || input.Rank > 4) return NllLossAsFourDimensional(input, target, weight, reduction, ignoreIndex);

        var (batch, positions) = input.Rank switch
        {
            1 => (1, 1),
            2 => (input.Size(0), 1),
            _ => (input.Size(0), Shapes.Numel(input.ShapeSpan[2..])),
        };
        var classWeight = weight?.ConvertRaw(input.DType);
        var losses = Tensor.Empty(target.ShapeSpan, input.DType);
        var targetWeight = Tensor.Empty(target.ShapeSpan, input.DType);
        int invalid = input.DType == DType.Float32
            ? LossKernels.NllLoss<float>(input.Elements<float>(), target.Elements<long>(), classWeight is null ? [] : classWeight.Elements<float>(), batch, classes, positions, ignoreIndex, losses.Elements<float>(), targetWeight.Elements<float>())
            : LossKernels.NllLoss<double>(input.Elements<double>(), target.Elements<long>(), classWeight is null ? [] : classWeight.Elements<double>(), batch, classes, positions, ignoreIndex, losses.Elements<double>(), targetWeight.Elements<double>());
        if (invalid >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Target {target.Elements<long>()[invalid]} is out of bounds. Class indices must be in [0, {classes}) or equal to ignore_index ({ignoreIndex})."), nameof(target));
        }

        // The mean divides by the total weight of the targets (their count when unweighted), as PyTorch does.
        double totalWeight = reduction == Reduction.Mean ? targetWeight.Sum().Item() : 1;
        var result = reduction switch
        {
            Reduction.Mean => losses.Sum() / totalWeight,
            Reduction.Sum => losses.Sum(),
            Reduction.None => losses,
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Mean, Sum or None"),
        };
        if (Autograd.ShouldRecord(input))
        {
            NllLossNode node = input.Rank == 4
                ? new NllLoss2DBackward0(input, target, classWeight, reduction, ignoreIndex, input.ShapeArray, totalWeight)
                : new NllLossBackward0(input, target, classWeight, reduction, ignoreIndex, input.ShapeArray, totalWeight);
            node.Attach(result, input, target);
        }
        return result;
    }

    // PyTorch's nll_loss_nd for rank 3 and above 4: view as [N, C, 1, -1], take the 2-D loss, and view a None result back.
    private static Tensor NllLossAsFourDimensional(Tensor input, Tensor target, Tensor? weight, Reduction reduction, long ignoreIndex)
    {
        int batch = input.Size(0), classes = input.Size(1);
        // As PyTorch's nll_loss_nd: an empty input is seen as [N, C, 0, 0] (-1 cannot be inferred from 0 elements).
        var loss = input.Numel == 0
            ? NllLoss(input.Reshape([batch, classes, 0, 0]), target.Reshape([batch, 0, 0]), weight, reduction, ignoreIndex)
            : NllLoss(input.Reshape([batch, classes, 1, -1]), target.Reshape([batch, 1, -1]), weight, reduction, ignoreIndex);
        return reduction == Reduction.None ? loss.View(target.ShapeSpan) : loss;
    }

    private static void CheckNllShapes(Tensor input, Tensor target)
    {
        switch (input.Rank)
        {
            case 0:
                throw new ArgumentException("Expected 1 or more dimensions (got 0)", nameof(input));
            case 1 or 2:
                if (target.Rank > 1) throw new TensorShapeException("0D or 1D target tensor expected, multi-target not supported");
                if (input.Rank == 2 && (target.Rank == 0 || target.Size(0) != input.Size(0)))
                {
                    throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                        $"Expected input batch_size ({input.Size(0)}) to match target batch_size ({(target.Rank == 0 ? 1 : target.Size(0))})."));
                }
                if (input.Rank == 1 && target.Rank != 0)
                {
                    throw new TensorShapeException($"size mismatch (got input: {Shapes.Format(input.ShapeSpan)}, target: {Shapes.Format(target.ShapeSpan)}): an unbatched input takes a single class index (a 0-d target)");
                }
                break;
            default:
                var expected = new int[input.Rank - 1];
                expected[0] = input.Size(0);
                for (int d = 2; d < input.Rank; d++) expected[d - 1] = input.Size(d);
                if (!target.ShapeSpan.SequenceEqual(expected))
                {
                    throw new TensorShapeException($"Expected target size {Shapes.Format(expected)}, got {Shapes.Format(target.ShapeSpan)}");
                }
                break;
        }
    }

    private static void CheckClassWeight(Tensor weight, int classes)
    {
        if (weight.Rank != 1 || weight.Size(0) != classes)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"weight tensor should be defined either for all {classes} classes or no classes but got weight tensor of shape: {Shapes.Format(weight.ShapeSpan)}"));
        }
    }
}

/// <summary>
/// The backward rule of <see cref="Functional.NllLoss"/>: the loss is linear in the input, so the gradient is the
/// output gradient times a constant that holds <c>-w[c] / total weight</c> (mean) or <c>-w[c]</c> at each target's
/// class and 0 elsewhere. Written as a tensor product so that <c>createGraph</c> records it. The target gets no gradient.
/// </summary>
internal abstract class NllLossNode : Node
{
    private readonly SavedTensor _input;
    private readonly SavedTensor _target;
    private readonly Tensor? _classWeight;
    private readonly Reduction _reduction;
    private readonly long _ignoreIndex;
    private readonly int[] _inputShape;
    private readonly double _totalWeight;

    private protected NllLossNode(Tensor input, Tensor target, Tensor? classWeight, Reduction reduction, long ignoreIndex, int[] inputShape, double totalWeight)
    {
        // Saved as PyTorch saves self: its gradient under createGraph has an edge to it.
        _input = Save(input);
        _target = Save(target);
        _classWeight = classWeight?.DetachedClone();
        _reduction = reduction;
        _ignoreIndex = ignoreIndex;
        _inputShape = inputShape;
        _totalWeight = totalWeight;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        if (!NeedsInputGrad(0)) return [null, null];
        var slope = Tensor.Empty(_inputShape, grad.DType);
        if (grad.DType == DType.Float32) FillSlope<float>(slope);
        else FillSlope<double>(slope);
        // With no reduction the gradient has the target's shape: give it back the class dimension to broadcast over.
        // Zeros with the weighted gradient at each target's class (so +0 elsewhere, as PyTorch's nll_loss_backward),
        // which reads the input: under createGraph the gradient requires grad (NllLossBackwardBackward0).
        var atTarget = slope.Ne(0);
        bool unsqueeze = _reduction == Reduction.None && _inputShape.Length > 1;
        Tensor Apply(Tensor g) => Tensor.Where(atTarget, (unsqueeze ? g.Unsqueeze(1) : g) * slope, Tensor.Scalar(0, false, g.DType));
        var input = _input.Value;
        return [LinearBackwardOfBackward.Run(grad, input, Apply, () => _inputShape.Length == 4 ? new NllLoss2DBackwardBackward0(Apply, input) : new NllLossBackwardBackward0(Apply, input)), null];
    }

    private void FillSlope<T>(Tensor slope) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var target = _target.Value.Elements<long>();
        var weight = _classWeight?.ConvertRaw(slope.DType).Elements<T>();
        var values = slope.Elements<T>();
        int classes = _inputShape.Length == 1 ? _inputShape[0] : _inputShape[1];
        int positions = _inputShape.Length <= 2 ? 1 : Kernels.Shapes.Numel(_inputShape.AsSpan(2));
        var scale = T.CreateChecked(_reduction == Reduction.Mean ? 1 / _totalWeight : 1);
        for (int at = 0; at < target.Length; at++)
        {
            long c = target[at];
            if (c == _ignoreIndex) continue;
            int n = at / positions, s = at % positions;
            T w = weight is null ? T.One : weight[(int)c];
            values[(((n * classes) + (int)c) * positions) + s] = -w * scale;
        }
    }
}

/// <summary>The backward node of <see cref="Functional.NllLoss"/> for 1-D and 2-D inputs.</summary>
internal sealed class NllLossBackward0(Tensor input, Tensor target, Tensor? classWeight, Reduction reduction, long ignoreIndex, int[] inputShape, double totalWeight)
    : NllLossNode(input, target, classWeight, reduction, ignoreIndex, inputShape, totalWeight);

/// <summary>The backward node of <see cref="Functional.NllLoss"/> for 4-D inputs (PyTorch's <c>nll_loss2d</c>).</summary>
internal sealed class NllLoss2DBackward0(Tensor input, Tensor target, Tensor? classWeight, Reduction reduction, long ignoreIndex, int[] inputShape, double totalWeight)
    : NllLossNode(input, target, classWeight, reduction, ignoreIndex, inputShape, totalWeight);
