using AutogradGen.Kernels;

namespace AutogradGen;

// Element-wise functions. Integer inputs compute in float32, as PyTorch's (except neg, abs, relu and sign).
public sealed partial class Tensor
{
    /// <summary><c>e^x</c> (<c>torch.exp</c>).</summary>
    public Tensor Exp()
    {
        var result = MapRaw(UnaryFunction.Exp);
        if (Autograd.ShouldRecord(this)) new ExpBackward0(result).Attach(result, this);
        return result;
    }

    /// <summary>The natural logarithm (<c>torch.log</c>).</summary>
    public Tensor Log()
    {
        var result = MapRaw(UnaryFunction.Log);
        if (Autograd.ShouldRecord(this)) new LogBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The square root (<c>torch.sqrt</c>); its gradient at 0 is infinite, as PyTorch's.</summary>
    public Tensor Sqrt()
    {
        var result = MapRaw(UnaryFunction.Sqrt);
        if (Autograd.ShouldRecord(this)) new SqrtBackward0(result).Attach(result, this);
        return result;
    }

    /// <summary>The absolute value (<c>torch.abs</c>); its gradient at 0 is 0.</summary>
    public Tensor Abs()
    {
        var result = MapRaw(UnaryFunction.Abs);
        if (Autograd.ShouldRecord(this)) new AbsBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The sine (<c>torch.sin</c>).</summary>
    public Tensor Sin()
    {
        var result = MapRaw(UnaryFunction.Sin);
        if (Autograd.ShouldRecord(this)) new SinBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The cosine (<c>torch.cos</c>).</summary>
    public Tensor Cos()
    {
        var result = MapRaw(UnaryFunction.Cos);
        if (Autograd.ShouldRecord(this)) new CosBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The hyperbolic tangent (<c>torch.tanh</c>).</summary>
    public Tensor Tanh()
    {
        var result = MapRaw(UnaryFunction.Tanh);
        if (Autograd.ShouldRecord(this)) new TanhBackward0(result).Attach(result, this);
        return result;
    }

    /// <summary>The logistic sigmoid <c>1 / (1 + e^-x)</c> (<c>torch.sigmoid</c>).</summary>
    public Tensor Sigmoid()
    {
        var result = MapRaw(UnaryFunction.Sigmoid);
        if (Autograd.ShouldRecord(this)) new SigmoidBackward0(result).Attach(result, this);
        return result;
    }

    /// <summary><c>max(x, 0)</c> (<c>torch.relu</c>); its gradient at 0 is 0.</summary>
    public Tensor Relu()
    {
        var result = MapRaw(UnaryFunction.Relu);
        if (Autograd.ShouldRecord(this)) new ReluBackward0(result).Attach(result, this);
        return result;
    }

    /// <summary>The sign of each element, -1, 0 or 1 (<c>torch.sign</c>); its gradient is 0.</summary>
    public Tensor Sign()
    {
        var result = MapRaw(UnaryFunction.Sign);
        if (Autograd.ShouldRecord(this)) new SignBackward0().Attach(result, this);
        return result;
    }

    /// <summary>
    /// <c>log(1 + e^(beta x)) / beta</c>, and <c>x</c> where <c>beta x &gt; threshold</c>
    /// (<c>torch.nn.functional.softplus</c>).
    /// </summary>
    public Tensor Softplus(double beta = 1, double threshold = 20)
    {
        var source = DType.IsFloatingPoint() ? this : ConvertRaw(DType.Float32);
        var result = Empty(_shape, source.DType);
        if (source.DType == DType.Float32) Activations.Softplus(source.Elements<float>(), (float)beta, (float)threshold, result.Elements<float>());
        else Activations.Softplus(source.Elements<double>(), beta, threshold, result.Elements<double>());
        if (Autograd.ShouldRecord(this)) new SoftplusBackward0(this, beta, threshold).Attach(result, this);
        return result;
    }

    /// <summary>
    /// Clamps every element into [<paramref name="min"/>, <paramref name="max"/>]; either bound may be null
    /// (<c>torch.clamp</c>). The gradient passes where the input lies within the bounds, ends included.
    /// </summary>
    public Tensor Clamp(double? min = null, double? max = null)
    {
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        var result = ClampRaw(min, max);
        if (Autograd.ShouldRecord(this)) new ClampBackward1(this, min, max).Attach(result, this);
        return result;
    }

    private Tensor ClampRaw(double? min, double? max)
    {
        var result = Empty(_shape, DType);
        switch (DType)
        {
            case DType.Float32: Activations.Clamp(Elements<float>(), (float?)min, (float?)max, result.Elements<float>()); break;
            case DType.Float64: Activations.Clamp(Elements<double>(), min, max, result.Elements<double>()); break;
            case DType.Int64: Activations.Clamp(Elements<long>(), (long?)min, (long?)max, result.Elements<long>()); break;
            default: throw new NotSupportedException("clamp is not implemented for Bool tensors");
        }
        return result;
    }

    /// <summary>
    /// This tensor converted to <paramref name="dtype"/> (<c>x.to(dtype)</c>); this tensor itself when it already has
    /// that dtype. Differentiable between floating dtypes (<c>ToCopyBackward0</c>).
    /// </summary>
    public Tensor To(DType dtype)
    {
        if (dtype == DType) return this;
        var result = ConvertRaw(dtype);
        if (dtype.IsFloatingPoint() && Autograd.ShouldRecord(this)) new ToCopyBackward0().Attach(result, this);
        return result;
    }

    /// <summary>This tensor as float32 (<c>x.float()</c>).</summary>
    public Tensor Float() => To(DType.Float32);

    /// <summary>This tensor as float64 (<c>x.double()</c>).</summary>
    public Tensor Double() => To(DType.Float64);

    /// <summary>A copy with storage of its own, recorded (<c>x.clone()</c>).</summary>
    public Tensor Clone()
    {
        var result = DetachedClone();
        if (Autograd.ShouldRecord(this)) new CloneBackward0().Attach(result, this);
        return result;
    }
}
