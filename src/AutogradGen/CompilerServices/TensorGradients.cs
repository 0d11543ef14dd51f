using System.ComponentModel;
using AutogradGen.Kernels;

namespace AutogradGen.CompilerServices;

/// <summary>
/// The backward rules generated tensor gradients call: one method per rule that is more than an expression, each
/// the same formula as the tape's node for that operation, so that generated and recorded gradients agree.
/// </summary>
/// <remarks>
/// Public only because generated code in the user's assembly calls it; hidden from IntelliSense. Generated code
/// runs these under <see cref="Autograd.NoGrad"/>, so they record nothing.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TensorGradients
{
    /// <summary>Adds <paramref name="contribution"/> to an adjoint that is null while nothing has reached it.</summary>
    public static void Accumulate(ref Tensor? adjoint, Tensor contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        adjoint = adjoint is null ? contribution : adjoint + contribution;
    }

    /// <summary>
    /// The gradient of a broadcast operand: <paramref name="grad"/> summed over the dimensions broadcasting added
    /// or expanded, and in the operand's dtype, as the engine does for every recorded input.
    /// </summary>
    public static Tensor SumTo(Tensor grad, Tensor operand)
    {
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(operand);
        var reduced = grad.ShapeSpan.SequenceEqual(operand.ShapeSpan) ? grad : grad.SumToSize(operand.ShapeSpan);
        return reduced.DType == operand.DType ? reduced : reduced.To(operand.DType);
    }

    /// <summary>The gradient that reaches an operand that is a number, not a tensor: none.</summary>
    public static void Discard(Tensor grad) => ArgumentNullException.ThrowIfNull(grad);

    /// <summary><c>ReluBackward0</c>: the gradient where the output is positive, 0 elsewhere (0 at the kink).</summary>
    public static Tensor Relu(Tensor grad, Tensor result) => grad * result.Gt(0).ConvertRaw(grad.DType);

    /// <summary><c>SoftplusBackward0</c>: σ(βx) below the threshold, 1 above it.</summary>
    public static Tensor Softplus(Tensor grad, Tensor input, double beta, double threshold)
    {
        var scaled = input * beta;
        var slope = Tensor.Where(scaled.Gt(threshold), Tensor.Scalar(1, false, scaled.DType), scaled.Sigmoid());
        return grad * slope;
    }

    /// <summary><c>PowBackward0</c>: <c>p x^(p-1)</c>, and zeros for the exponent 0.</summary>
    public static Tensor Pow(Tensor grad, Tensor input, double exponent) =>
        exponent == 0 ? Tensor.ZerosLike(grad) : grad * (input.Pow(exponent - 1) * exponent);

    /// <summary><c>ClampBackward1</c>: the gradient passes where <c>min ≤ x ≤ max</c>.</summary>
    public static Tensor Clamp(Tensor grad, Tensor input, double? min, double? max)
    {
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(input);
        var pass = Tensor.OnesLike(input).ConvertRaw(grad.DType);
        if (min is double low) pass *= input.Ge(low).ConvertRaw(grad.DType);
        if (max is double high) pass *= input.Le(high).ConvertRaw(grad.DType);
        return grad * pass;
    }

    /// <summary><c>MaximumBackward0</c> for the left operand (ties split the gradient), summed to its shape.</summary>
    public static Tensor MaximumLeft(Tensor grad, Tensor left, Tensor right) => SumTo(ExtremumGrads.Split(grad, left, right, Comparison.Greater)[0]!, left);

    /// <summary><c>MaximumBackward0</c> for the right operand.</summary>
    public static Tensor MaximumRight(Tensor grad, Tensor left, Tensor right) => SumTo(ExtremumGrads.Split(grad, left, right, Comparison.Greater)[1]!, right);

    /// <summary><c>MinimumBackward0</c> for the left operand (ties split the gradient), summed to its shape.</summary>
    public static Tensor MinimumLeft(Tensor grad, Tensor left, Tensor right) => SumTo(ExtremumGrads.Split(grad, left, right, Comparison.Less)[0]!, left);

    /// <summary><c>MinimumBackward0</c> for the right operand.</summary>
    public static Tensor MinimumRight(Tensor grad, Tensor left, Tensor right) => SumTo(ExtremumGrads.Split(grad, left, right, Comparison.Less)[1]!, right);

    /// <summary><c>WhereBackward0</c>: the gradient where the condition holds (<paramref name="taken"/>) or where it does not.</summary>
    public static Tensor Where(Tensor grad, Tensor condition, Tensor operand, bool taken)
    {
        ArgumentNullException.ThrowIfNull(grad);
        var zero = Tensor.Scalar(0, false, grad.DType);
        return SumTo(taken ? Tensor.Where(condition, grad, zero) : Tensor.Where(condition, zero, grad), operand);
    }

    /// <summary><c>SumBackward0</c> and <c>MeanBackward0</c>: the gradient spread over the input's shape.</summary>
    public static Tensor Sum(Tensor grad, Tensor input) => grad.Expand(input.ShapeSpan);

    /// <inheritdoc cref="Sum(Tensor, Tensor)"/>
    public static Tensor Mean(Tensor grad, Tensor input) => grad.Expand(input.ShapeSpan) / input.Numel;

    /// <summary><c>SumBackward1</c>: the reduced dimension put back and expanded.</summary>
    public static Tensor Sum(Tensor grad, Tensor input, int dim, bool keepDim)
    {
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(input);
        var kept = keepDim || input.Rank == 0 ? grad : grad.Unsqueeze(Shapes.NormalizeDim(dim, input.Rank));
        return kept.Expand(input.ShapeSpan);
    }

    /// <summary><c>MeanBackward1</c>: <see cref="Sum(Tensor, Tensor, int, bool)"/> divided by the reduced size.</summary>
    public static Tensor Mean(Tensor grad, Tensor input, int dim, bool keepDim) =>
        Sum(grad, input, dim, keepDim) / (input.Rank == 0 ? 1 : input.Size(dim));

    /// <summary><c>MaxBackward1</c>/<c>MinBackward1</c>: shared evenly by every element equal to the result.</summary>
    public static Tensor Extremum(Tensor grad, Tensor input, Tensor result)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mask = input.Eq(result).ConvertRaw(grad.DType);
        double count = mask.Sum().Item();
        return grad * (mask / count);
    }

    /// <summary><c>MaxBackward0</c>: each value's gradient goes to the element the forward pass selected.</summary>
    public static Tensor Max(Tensor grad, Tensor input, int dim, bool keepDim) => Selected(grad, input, input.Max(dim, keepDim: true).Indices, dim, keepDim);

    /// <summary><c>MinBackward0</c>: as <see cref="Max(Tensor, Tensor, int, bool)"/>.</summary>
    public static Tensor Min(Tensor grad, Tensor input, int dim, bool keepDim) => Selected(grad, input, input.Min(dim, keepDim: true).Indices, dim, keepDim);

    private static Tensor Selected(Tensor grad, Tensor input, Tensor keptIndices, int dim, bool keepDim)
    {
        if (input.Rank == 0) return grad;
        int d = Shapes.NormalizeDim(dim, input.Rank);
        var kept = keepDim ? grad : grad.Unsqueeze(d);
        return Tensor.ScatterAddAlongDim(kept, keptIndices, d, input.ShapeSpan.ToArray());
    }

    /// <summary>The gradient of <c>left.MatMul(right)</c> for its left operand (mm, mv, dot, or batched with broadcasting).</summary>
    public static Tensor MatMulLeft(Tensor grad, Tensor left, Tensor right)
    {
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return (left.Rank, right.Rank) switch
        {
            (1, 1) => grad * right,
            (2, 2) => grad.MmTransposed(right, transposeSelf: false, transposeOther: true),
            (2, 1) => grad.Unsqueeze(1).Mm(right.Unsqueeze(0)),
            (1, 2) => right.Mv(grad),
            (_, 1) => SumTo(grad.Unsqueeze(-1).MatMul(right.Unsqueeze(0)), left),
            (1, _) => SumTo(grad.Unsqueeze(-2).MatMul(right.Transpose(-1, -2)), left.Unsqueeze(0)).Reshape(left.ShapeSpan),
            _ => SumTo(grad.MatMul(right.Transpose(-1, -2)), left),
        };
    }

    /// <summary>The gradient of <c>left.MatMul(right)</c> for its right operand.</summary>
    public static Tensor MatMulRight(Tensor grad, Tensor left, Tensor right)
    {
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return (left.Rank, right.Rank) switch
        {
            (1, 1) => grad * left,
            (2, 2) => left.MmTransposed(grad, transposeSelf: true, transposeOther: false),
            (2, 1) => left.MvTransposed(grad),
            (1, 2) => left.Unsqueeze(1).Mm(grad.Unsqueeze(0)),
            (_, 1) => SumTo(left.Transpose(-1, -2).MatMul(grad.Unsqueeze(-1)), right.Unsqueeze(1)).Reshape(right.ShapeSpan),
            (1, _) => SumTo(left.Unsqueeze(-1).MatMul(grad.Unsqueeze(-2)), right),
            _ => SumTo(left.Transpose(-1, -2).MatMul(grad), right),
        };
    }

    /// <summary><c>SoftmaxBackward0</c>, from the output y: <c>y (g - sum(g y))</c> along the dimension.</summary>
    public static Tensor Softmax(Tensor grad, Tensor result, int dim) => result * (grad - (grad * result).Sum(dim, keepDim: true));

    /// <summary><c>LogSoftmaxBackward0</c>, from the output y: <c>g - exp(y) sum(g)</c> along the dimension.</summary>
    public static Tensor LogSoftmax(Tensor grad, Tensor result, int dim) => grad - (result.Exp() * grad.Sum(dim, keepDim: true));

    /// <summary>
    /// <c>BinaryCrossEntropyWithLogitsBackward0</c> for the logits: <c>(σ(x) - t) g</c>, divided by the element count
    /// for the mean, in ONE pass over the elements (the tape's node makes three tensors).
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogitsInput(Tensor grad, Tensor input, Tensor target, Reduction reduction)
    {
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        var dtype = input.DType;
        var t = target.ConvertRaw(dtype);
        var g = grad.ConvertRaw(dtype);
        if (g.Numel != 1 && !g.ShapeSpan.SequenceEqual(input.ShapeSpan)) g = g.ExpandRaw(input.ShapeSpan);
        var result = Tensor.Empty(input.ShapeSpan, dtype);
        double count = reduction == Reduction.Mean ? input.Numel : 1;
        if (dtype == DType.Float32) SigmoidMinusTarget<float>(input.Elements<float>(), t.Elements<float>(), g.Elements<float>(), (float)count, result.Elements<float>());
        else SigmoidMinusTarget<double>(input.Elements<double>(), t.Elements<double>(), g.Elements<double>(), count, result.Elements<double>());
        return result;
    }

    private static void SigmoidMinusTarget<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> t, ReadOnlySpan<T> g, T count, Span<T> result)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        bool scalar = g.Length == 1;
        for (int i = 0; i < result.Length; i++)
        {
            var sigmoid = T.One / (T.One + T.Exp(-x[i]));
            var scaled = (sigmoid - t[i]) * (scalar ? g[0] : g[i]);
            result[i] = count == T.One ? scaled : scaled / count;
        }
    }

    /// <summary><c>BinaryCrossEntropyWithLogitsBackward0</c> for the targets: <c>-x g</c>, scaled for the reduction.</summary>
    public static Tensor BinaryCrossEntropyWithLogitsTarget(Tensor grad, Tensor input, Reduction reduction) =>
        Functional.ScaleForReduction(-input * grad, reduction, input.Numel);

    /// <summary><c>MseLossBackward0</c> for the input: <c>2 (x - y) g</c>, scaled, summed back to the input's shape.</summary>
    public static Tensor MseLossInput(Tensor grad, Tensor input, Tensor target, Reduction reduction) =>
        SumTo(MseSlope(grad, input, target, reduction), input);

    /// <summary><c>MseLossBackward0</c> for the target: the negative of the input's.</summary>
    public static Tensor MseLossTarget(Tensor grad, Tensor input, Tensor target, Reduction reduction) =>
        SumTo(-MseSlope(grad, input, target, reduction), target);

    private static Tensor MseSlope(Tensor grad, Tensor input, Tensor target, Reduction reduction)
    {
        var count = Shapes.Numel(Shapes.Broadcast(input.ShapeSpan, target.ShapeSpan));
        return Functional.ScaleForReduction((input - target) * 2 * grad, reduction, count);
    }

    /// <summary>
    /// The gradient of <see cref="Functional.CrossEntropy"/> (no class weights, no label smoothing) for the logits:
    /// <c>softmax(x) Σp - p</c> along the class dimension, where p is the one-hot of class-index targets (zero
    /// where a target is <paramref name="ignoreIndex"/>) or the given probabilities; the mean divides by the
    /// number of targets that count.
    /// </summary>
    public static Tensor CrossEntropyInput(Tensor grad, Tensor input, Tensor target, Reduction reduction, long ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        int classDim = input.Rank == 1 ? 0 : 1;
        var probabilities = Functional.Softmax(input, classDim);
        Tensor distribution;
        double count;
        if (target.DType.IsFloatingPoint())
        {
            distribution = target.ConvertRaw(input.DType);
            count = input.Numel / input.Size(classDim);
        }
        else
        {
            (distribution, count) = OneHot(target, input, classDim, ignoreIndex);
        }

        var perElement = (probabilities * distribution.Sum(classDim, keepDim: true)) - distribution;
        var upstream = reduction == Reduction.None && input.Rank > 1 ? grad.Unsqueeze(classDim) : grad;
        var scaled = perElement * upstream;
        return reduction == Reduction.Mean ? scaled / count : scaled;
    }

    private static (Tensor OneHot, double Count) OneHot(Tensor target, Tensor input, int classDim, long ignoreIndex)
    {
        var (outer, size, inner) = Reductions.SplitAt(input.ShapeSpan, classDim);
        var values = new double[input.Numel];
        var classes = target.Elements<long>();
        double count = 0;
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                long c = classes[(o * inner) + i];
                if (c == ignoreIndex) continue;
                count++;
                values[(((o * size) + c) * inner) + i] = 1;
            }
        }
        return (Tensor.From(values, input.ShapeSpan).ConvertRaw(input.DType), count);
    }
}
