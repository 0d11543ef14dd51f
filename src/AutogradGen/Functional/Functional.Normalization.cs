using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// layer_norm, batch_norm, normalize and cosine_similarity.
public static partial class Functional
{
    /// <summary>
    /// Normalises over the last dimensions, <paramref name="normalizedShape"/>, to zero mean and unit (population)
    /// variance, then scales by <paramref name="weight"/> and shifts by <paramref name="bias"/> when given
    /// (<c>F.layer_norm(input, normalized_shape, weight, bias, eps=1e-5)</c>, <c>NativeLayerNormBackward0</c>).
    /// </summary>
    public static Tensor LayerNorm(Tensor input, ReadOnlySpan<int> normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireFloatingPoint(input, "LayerNormKernelImpl");
        int k = normalizedShape.Length;
        if (k == 0 || k > input.Rank || !input.ShapeSpan[(input.Rank - k)..].SequenceEqual(normalizedShape))
        {
            throw new TensorShapeException($"Given normalized_shape={Shapes.Format(normalizedShape)}, expected input with shape [*, {Shapes.Format(normalizedShape).Trim('[', ']')}], but got input of size{Shapes.Format(input.ShapeSpan)}");
        }
        foreach (var (parameter, name) in new[] { (weight, "weight"), (bias, "bias") })
        {
            if (parameter is not null && !parameter.ShapeSpan.SequenceEqual(normalizedShape))
            {
                throw new TensorShapeException($"Expected {name} to be of same shape as normalized_shape, but got {name} of shape {Shapes.Format(parameter.ShapeSpan)} and normalized_shape = {Shapes.Format(normalizedShape)}");
            }
        }
        var dims = Enumerable.Range(input.Rank - k, k).ToArray();
        Tensor result;
        using (Autograd.NoGrad()) result = NormalizedAffine(input, dims, weight, bias, eps, null, null);
        if (RecordsAny(input, weight, bias)) new NativeLayerNormBackward0(input, weight, dims, eps).Attach(result, input, weight, bias);
        return result;
    }

    /// <summary>
    /// Batch normalisation over every dimension but the channel dimension 1 (<c>F.batch_norm(input, running_mean,
    /// running_var, weight, bias, training, momentum=0.1, eps=1e-5)</c>, <c>NativeBatchNormBackward0</c>). Training
    /// uses the batch's statistics and, when given, updates the running ones in place under no-grad:
    /// <c>running = (1 - momentum) running + momentum · batch</c>, with the unbiased batch variance, as PyTorch.
    /// Evaluation uses the running statistics, which must then be given.
    /// </summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, double momentum = 0.1, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireFloatingPoint(input, "batch_norm");
        if (input.Rank < 2) throw new TensorShapeException($"batch_norm: expected 2D or more input (got {input.Rank}D input)");
        int channels = input.Size(1);
        foreach (var (tensor, name) in new[] { (runningMean, "running_mean"), (runningVar, "running_var"), (weight, "weight"), (bias, "bias") })
        {
            if (tensor is not null && (tensor.Rank != 1 || tensor.Size(0) != channels))
            {
                throw new TensorShapeException($"{name} should contain {channels} elements not {tensor.Numel}");
            }
        }
        if (!training && (runningMean is null || runningVar is null)) throw new ArgumentException("batch_norm in evaluation needs running_mean and running_var (or pass training: true)");
        var dims = Enumerable.Range(0, input.Rank).Where(static d => d != 1).ToArray();
        int count = input.Numel / Math.Max(1, channels);
        if (training && count <= 1) throw new ArgumentException($"Expected more than 1 value per channel when training, got input size {TorchSize(input)}");
        var channelShape = Enumerable.Range(0, input.Rank).Select(d => d == 1 ? channels : 1).ToArray();
        Tensor result;
        using (Autograd.NoGrad())
        {
            if (training)
            {
                result = NormalizedAffine(input, dims, weight?.View(channelShape), bias?.View(channelShape), eps, null, null);
                var mean = input.Mean(dims);
                var unbiased = input.Var(dims, correction: 1);
                runningMean?.Mul_(1 - momentum).Add_(mean.To(runningMean.DType) * momentum);
                runningVar?.Mul_(1 - momentum).Add_(unbiased.To(runningVar.DType) * momentum);
            }
            else
            {
                result = NormalizedAffine(input, dims, weight?.View(channelShape), bias?.View(channelShape), eps, runningMean!.View(channelShape), runningVar!.View(channelShape));
            }
        }
        if (RecordsAny(input, weight, bias))
        {
            (Tensor Mean, Tensor Var)? statistics = training ? null : (runningMean!.DetachedClone().View(channelShape), runningVar!.DetachedClone().View(channelShape));
            new NativeBatchNormBackward0(input, weight, dims, channelShape, eps, statistics).Attach(result, input, weight, bias);
        }
        return result;
    }

    /// <summary>
    /// Divides by the <paramref name="p"/>-norm over <paramref name="dim"/>, at least <paramref name="eps"/>
    /// (<c>F.normalize(input, p=2, dim=1, eps=1e-12)</c>; composed as PyTorch composes it, <c>DivBackward0</c>).
    /// </summary>
    public static Tensor Normalize(Tensor input, double p = 2, int dim = 1, double eps = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(input);
        var norm = input.Norm(p, dim, keepDim: true).Clamp(min: eps);
        return input / norm.Expand(input.SharedShape);
    }

    /// <summary>
    /// The cosine of the angle between <paramref name="x1"/> and <paramref name="x2"/> along <paramref name="dim"/>,
    /// each norm at least <paramref name="eps"/> (<c>F.cosine_similarity(x1, x2, dim=1, eps=1e-8)</c>; composed as
    /// PyTorch 2 composes it, ending in <c>SumBackward1</c>). The inputs broadcast.
    /// </summary>
    public static Tensor CosineSimilarity(Tensor x1, Tensor x2, int dim = 1, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        var n1 = x1.Norm(2, dim, keepDim: true).Clamp(min: eps);
        var n2 = x2.Norm(2, dim, keepDim: true).Clamp(min: eps);
        return ((x1 / n1) * (x2 / n2)).Sum(dim);
    }

    /// <summary>(x - mean) / sqrt(var + eps) · weight + bias with the statistics over <paramref name="dims"/> (or the given ones). Called under no-grad.</summary>
    private static Tensor NormalizedAffine(Tensor input, int[] dims, Tensor? weight, Tensor? bias, double eps, Tensor? mean, Tensor? variance)
    {
        mean ??= input.Mean(dims, keepDim: true);
        variance ??= input.Var(dims, correction: 0, keepDim: true);
        var result = (input - mean) * (variance + eps).Rsqrt();
        if (weight is not null) result *= weight;
        if (bias is not null) result += bias;
        return result;
    }

    private static bool RecordsAny(Tensor input, Tensor? weight, Tensor? bias) =>
        Autograd.ShouldRecord(input) || (weight is not null && Autograd.ShouldRecord(weight)) || (bias is not null && Autograd.ShouldRecord(bias));
}

/// <summary>
/// Layer normalisation's backward: with x̂ = (x - mean) · rstd over the normalised dimensions and g = grad · w,
/// dx = rstd (g - mean(g) - x̂ mean(g x̂)), dw = Σ grad x̂ and db = Σ grad over the leading dimensions. The statistics
/// are recomputed from the saved input with recorded operations, so createGraph gives second derivatives.
/// </summary>
internal sealed class NativeLayerNormBackward0 : Node
{
    private readonly SavedTensor _input;
    private readonly SavedTensor? _weight;
    private readonly int[] _dims;
    private readonly double _eps;

    public NativeLayerNormBackward0(Tensor input, Tensor? weight, int[] dims, double eps)
    {
        _input = Save(input);
        if (weight is not null) _weight = Save(weight);
        _dims = dims;
        _eps = eps;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var input = _input.Value;
        var weight = _weight?.Value;
        var leading = Enumerable.Range(0, input.Rank - _dims.Length).ToArray();
        var rstd = (input.Var(_dims, correction: 0, keepDim: true) + _eps).Rsqrt();
        var normalized = (input - input.Mean(_dims, keepDim: true)) * rstd;
        var g = weight is null ? grad : grad * weight;
        Tensor? dx = NeedsInputGrad(0) ? rstd * (g - g.Mean(_dims, keepDim: true) - normalized * (g * normalized).Mean(_dims, keepDim: true)) : null;
        Tensor? dw = NeedsInputGrad(1) ? (leading.Length == 0 ? grad * normalized : (grad * normalized).Sum(leading)) : null;
        Tensor? db = NeedsInputGrad(2) ? (leading.Length == 0 ? grad : grad.Sum(leading)) : null;
        return [dx, dw, db];
    }
}

/// <summary>
/// Batch normalisation's backward: layer normalisation's formula over the non-channel dimensions in training; with
/// the running statistics (evaluation), which are constants, dx = grad · w · rstd.
/// </summary>
internal sealed class NativeBatchNormBackward0 : Node
{
    private readonly SavedTensor _input;
    private readonly SavedTensor? _weight;
    private readonly int[] _dims;
    private readonly int[] _channelShape;
    private readonly double _eps;
    private readonly (Tensor Mean, Tensor Var)? _statistics;

    public NativeBatchNormBackward0(Tensor input, Tensor? weight, int[] dims, int[] channelShape, double eps, (Tensor Mean, Tensor Var)? statistics)
    {
        _input = Save(input);
        if (weight is not null) _weight = Save(weight);
        _dims = dims;
        _channelShape = channelShape;
        _eps = eps;
        _statistics = statistics;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var input = _input.Value;
        var weight = _weight?.Value;
        var mean = _statistics?.Mean ?? input.Mean(_dims, keepDim: true);
        var variance = _statistics?.Var ?? input.Var(_dims, correction: 0, keepDim: true);
        var rstd = (variance + _eps).Rsqrt();
        var normalized = (input - mean) * rstd;
        var g = weight is null ? grad : grad * weight.View(_channelShape);
        Tensor? dx = null;
        if (NeedsInputGrad(0))
        {
            dx = _statistics is not null
                ? g * rstd
                : rstd * (g - g.Mean(_dims, keepDim: true) - normalized * (g * normalized).Mean(_dims, keepDim: true));
        }
        Tensor? dw = NeedsInputGrad(1) ? (grad * normalized).Sum(_dims) : null;
        Tensor? db = NeedsInputGrad(2) ? grad.Sum(_dims) : null;
        return [dx, dw, db];
    }
}
