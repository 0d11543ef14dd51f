using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

/// <summary>How <see cref="Functional.Gelu"/> computes the Gaussian CDF (PyTorch's <c>approximate</c> argument).</summary>
public enum GeluApproximation
{
    /// <summary>The exact <c>x Φ(x)</c> with the error function (<c>approximate='none'</c>, the default).</summary>
    None,

    /// <summary><c>0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))</c> (<c>approximate='tanh'</c>).</summary>
    Tanh,
}

// GELU, SiLU, leaky ReLU, ELU, softplus, ReLU and dropout (torch.nn.functional). Each records one node with PyTorch's name.
public static partial class Functional
{
    internal const double SqrtTwoOverPi = 0.7978845608028654;
    internal const double GeluTanhCoefficient = 0.044715;

    /// <summary><c>x Φ(x)</c>, Φ the standard normal CDF (<c>F.gelu</c>, <c>GeluBackward0</c>).</summary>
    public static Tensor Gelu(Tensor input, GeluApproximation approximate = GeluApproximation.None)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireFloatingPoint(input, "GeluKernelImpl");
        var result = approximate == GeluApproximation.None
            ? input.MapValues(static x => 0.5 * x * (1 + SpecialFunctions.Erf(x / Math.Sqrt(2))))
            : input.MapValues(static x => 0.5 * x * (1 + Math.Tanh(SqrtTwoOverPi * (x + GeluTanhCoefficient * x * x * x))));
        if (Autograd.ShouldRecord(input)) new GeluBackward0(input, approximate).Attach(result, input);
        return result;
    }

    /// <summary><c>x σ(x)</c> (<c>F.silu</c>, <c>SiluBackward0</c>).</summary>
    public static Tensor Silu(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireFloatingPoint(input, "silu");
        var result = input.MapValues(static x => x / (1 + Math.Exp(-x)));
        if (Autograd.ShouldRecord(input)) new SiluBackward0(input).Attach(result, input);
        return result;
    }

    /// <summary><c>x</c> where positive, <c>negativeSlope · x</c> elsewhere (<c>F.leaky_relu</c>, <c>LeakyReluBackward0</c>); the gradient at 0 is the slope.</summary>
    public static Tensor LeakyRelu(Tensor input, double negativeSlope = 0.01)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireFloatingPoint(input, "leaky_relu");
        var result = input.MapValues(x => x > 0 ? x : x * negativeSlope);
        if (Autograd.ShouldRecord(input)) new LeakyReluBackward0(input, negativeSlope).Attach(result, input);
        return result;
    }

    /// <summary><c>x</c> where positive, <c>alpha (e^x - 1)</c> elsewhere (<c>F.elu</c>, <c>EluBackward0</c>).</summary>
    public static Tensor Elu(Tensor input, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireFloatingPoint(input, "elu");
        var result = input.MapValues(x => x > 0 ? x : alpha * double.ExpM1(x));
        if (Autograd.ShouldRecord(input)) new EluBackward0(input, alpha).Attach(result, input);
        return result;
    }

    /// <summary><c>F.softplus</c>: see <see cref="Tensor.Softplus"/>.</summary>
    public static Tensor Softplus(Tensor input, double beta = 1, double threshold = 20)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Softplus(beta, threshold);
    }

    /// <summary><c>F.relu</c>: see <see cref="Tensor.Relu"/>.</summary>
    public static Tensor Relu(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Relu();
    }

    /// <summary>
    /// Zeroes each element with probability <paramref name="p"/> and scales the others by <c>1 / (1 - p)</c> when
    /// <paramref name="training"/> (<c>F.dropout</c>; recorded as PyTorch records it on the CPU, <c>MulBackward0</c>, the input times a constant mask); returns the input itself when not
    /// training or when p is 0. The mask comes from <paramref name="generator"/> (or the global generator that
    /// <see cref="Tensor.ManualSeed"/> seeds): an element is kept when a uniform draw is below <c>1 - p</c>, so a seed
    /// gives the same mask every run. PyTorch's masks come from its Bernoulli kernel, so they differ from ours.
    /// </summary>
    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true, RandomGenerator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"dropout probability has to be between 0 and 1, but got {p}"), nameof(p));
        }
        if (!training || p == 0) return input;
        RequireFloatingPoint(input, "dropout");
        var draws = Tensor.Rand(input.SharedShape, dtype: DType.Float64, generator: generator).ToArray();
        double scale = p == 1 ? 0 : 1 / (1 - p);
        var mask = new double[draws.Length];
        for (int i = 0; i < draws.Length; i++) mask[i] = draws[i] < 1 - p ? scale : 0;
        var scaledMask = Tensor.FromValues(mask, input.SharedShape, input.DType);
        var result = Tensor.BinaryRaw(BinaryFunction.Multiply, input, scaledMask);
        if (Autograd.ShouldRecord(input)) new DropoutMaskBackward(scaledMask).Attach(result, input);
        return result;
    }
}

internal sealed class GeluBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly GeluApproximation _approximate;

    public GeluBackward0(Tensor self, GeluApproximation approximate)
    {
        _self = Save(self);
        _approximate = approximate;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var x = _self.Value;
        if (_approximate == GeluApproximation.None)
        {
            // d/dx x Φ(x) = Φ(x) + x φ(x)
            var cdf = ((x / Math.Sqrt(2)).Erf() + 1) * 0.5;
            var pdf = (x * x * -0.5).Exp() * (1 / Math.Sqrt(2 * Math.PI));
            return [grad * (cdf + x * pdf)];
        }
        // u = √(2/π)(x + c x³): d/dx 0.5 x (1 + tanh u) = 0.5 (1 + tanh u) + 0.5 x (1 - tanh² u) √(2/π)(1 + 3c x²)
        var x2 = x * x;
        var t = ((x + x2 * x * Functional.GeluTanhCoefficient) * Functional.SqrtTwoOverPi).Tanh();
        var slope = (t + 1) * 0.5 + x * 0.5 * (1 - t * t) * ((x2 * (3 * Functional.GeluTanhCoefficient) + 1) * Functional.SqrtTwoOverPi);
        return [grad * slope];
    }
}

internal sealed class SiluBackward0 : Node
{
    private readonly SavedTensor _self;
    public SiluBackward0(Tensor self) => _self = Save(self);

    // d/dx x σ(x) = σ(x) (1 + x (1 - σ(x)))
    internal override Tensor?[] Backward(Tensor grad)
    {
        var x = _self.Value;
        var s = x.Sigmoid();
        return [grad * s * (1 + x * (1 - s))];
    }
}

internal sealed class LeakyReluBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly double _slope;

    public LeakyReluBackward0(Tensor self, double slope)
    {
        _self = Save(self);
        _slope = slope;
    }

    // 1 where x > 0, the slope elsewhere (so the slope at 0, as PyTorch)
    internal override Tensor?[] Backward(Tensor grad)
    {
        var positive = _self.Value.Gt(0);
        var slope = Tensor.Where(positive, Tensor.Scalar(1, dtype: grad.DType), Tensor.Scalar(_slope, dtype: grad.DType));
        return [grad * slope];
    }
}

internal sealed class EluBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly double _alpha;

    public EluBackward0(Tensor self, double alpha)
    {
        _self = Save(self);
        _alpha = alpha;
    }

    // 1 where x > 0, alpha e^x elsewhere
    internal override Tensor?[] Backward(Tensor grad)
    {
        var x = _self.Value;
        var slope = Tensor.Where(x.Gt(0), Tensor.Scalar(1, dtype: grad.DType), x.Exp() * _alpha);
        return [grad * slope];
    }
}

internal sealed class DropoutMaskBackward(Tensor scaledMask) : Node
{
    public override string Name => "MulBackward0";

    // The output is the input times a constant mask (0 or 1/(1-p)), so the gradient is the mask times the gradient.
    internal override Tensor?[] Backward(Tensor grad) => [grad * scaledMask];
}
