using System.Numerics;

namespace AutogradGen;

// The rest of System.Math's differentiable functions, as tensor operations: what tape twins of [Differentiable]
// methods need to run Math.Tan, Math.Atan2, Math.Log10... on the tape. Names and backward rules are PyTorch's
// (torch.tan, torch.atan2, ...), except Cbrt, which PyTorch does not have (its node is named CbrtBackward0 in
// the same style). Integer inputs compute in float32, as PyTorch's.
public sealed partial class Tensor
{
    /// <summary>The tangent (<c>torch.tan</c>).</summary>
    public Tensor Tan()
    {
        var result = MapElements(Math.Tan, MathF.Tan);
        if (Autograd.ShouldRecord(this)) new TanBackward0(result).Attach(result, this);
        return result;
    }

    /// <summary>The arcsine (<c>torch.asin</c>); its gradient is infinite at ±1.</summary>
    public Tensor Asin()
    {
        var result = MapElements(Math.Asin, MathF.Asin);
        if (Autograd.ShouldRecord(this)) new AsinBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The arccosine (<c>torch.acos</c>); its gradient is infinite at ±1.</summary>
    public Tensor Acos()
    {
        var result = MapElements(Math.Acos, MathF.Acos);
        if (Autograd.ShouldRecord(this)) new AcosBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The arctangent (<c>torch.atan</c>).</summary>
    public Tensor Atan()
    {
        var result = MapElements(Math.Atan, MathF.Atan);
        if (Autograd.ShouldRecord(this)) new AtanBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The hyperbolic sine (<c>torch.sinh</c>).</summary>
    public Tensor Sinh()
    {
        var result = MapElements(Math.Sinh, MathF.Sinh);
        if (Autograd.ShouldRecord(this)) new SinhBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The hyperbolic cosine (<c>torch.cosh</c>).</summary>
    public Tensor Cosh()
    {
        var result = MapElements(Math.Cosh, MathF.Cosh);
        if (Autograd.ShouldRecord(this)) new CoshBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The base-2 logarithm (<c>torch.log2</c>).</summary>
    public Tensor Log2()
    {
        var result = MapElements(Math.Log2, MathF.Log2);
        if (Autograd.ShouldRecord(this)) new Log2Backward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The base-10 logarithm (<c>torch.log10</c>).</summary>
    public Tensor Log10()
    {
        var result = MapElements(Math.Log10, MathF.Log10);
        if (Autograd.ShouldRecord(this)) new Log10Backward0(this).Attach(result, this);
        return result;
    }

    /// <summary>
    /// The real cube root, negative for negative inputs (<c>Math.Cbrt</c>; PyTorch has no such operation, so its
    /// node takes the name <c>CbrtBackward0</c> in PyTorch's style). Its gradient is infinite at 0.
    /// </summary>
    public Tensor Cbrt()
    {
        var result = MapElements(Math.Cbrt, MathF.Cbrt);
        if (Autograd.ShouldRecord(this)) new CbrtBackward0(result).Attach(result, this);
        return result;
    }

    /// <summary>
    /// The angle of the point (<paramref name="other"/>, this), element-wise and broadcast, with this tensor as y
    /// (<c>torch.atan2(self, other)</c>).
    /// </summary>
    public Tensor Atan2(Tensor other)
    {
        // Raw: the operands are only read; the one node recorded is Atan2Backward0 on this and other.
        var result = BinaryElements(other, static (y, x) => double.Atan2(y, x), static (y, x) => float.Atan2(y, x));
        if (Autograd.ShouldRecord(this, other)) new Atan2Backward0(this, other).Attach(result, this, other);
        return result;
    }

    /// <summary>sqrt(this² + other²) without overflow, element-wise and broadcast (<c>torch.hypot</c>).</summary>
    public Tensor Hypot(Tensor other)
    {
        var result = BinaryElements(other, static (x, y) => double.Hypot(x, y), static (x, y) => float.Hypot(x, y));
        if (Autograd.ShouldRecord(this, other)) new HypotBackward0(this, other, result).Attach(result, this, other);
        return result;
    }

    /// <summary>The magnitude of this with the sign of <paramref name="other"/>, element-wise and broadcast (<c>torch.copysign</c>).</summary>
    public Tensor Copysign(Tensor other)
    {
        var result = BinaryElements(other, Math.CopySign, MathF.CopySign);
        if (Autograd.ShouldRecord(this, other)) new CopysignBackward0(this, result).Attach(result, this, other);
        return result;
    }

    /// <summary>A two-operand function of the broadcast operands (float64 if either is, else float32). Not recorded.</summary>
    private Tensor BinaryElements(Tensor other, Func<double, double, double> onDouble, Func<float, float, float> onFloat)
    {
        ArgumentNullException.ThrowIfNull(other);
        var dtype = DType == DType.Float64 || other.DType == DType.Float64 ? DType.Float64 : DType.Float32;
        var shape = Kernels.Shapes.Broadcast(_shape, other._shape);
        var x = ConvertRaw(dtype).ExpandRaw(shape);
        var y = other.ConvertRaw(dtype).ExpandRaw(shape);
        var result = Empty(shape, dtype);
        if (dtype == DType.Float64)
        {
            ReadOnlySpan<double> xs = x.Elements<double>(), ys = y.Elements<double>();
            Span<double> destination = result.Elements<double>();
            for (int i = 0; i < destination.Length; i++) destination[i] = onDouble(xs[i], ys[i]);
        }
        else
        {
            ReadOnlySpan<float> xs = x.Elements<float>(), ys = y.Elements<float>();
            Span<float> destination = result.Elements<float>();
            for (int i = 0; i < destination.Length; i++) destination[i] = onFloat(xs[i], ys[i]);
        }

        return result;
    }

    /// <summary>Applies a scalar function to every element (float64 or float32; integers compute in float32). Not recorded.</summary>
    private Tensor MapElements(Func<double, double> onDouble, Func<float, float> onFloat)
    {
        var source = DType.IsFloatingPoint() ? this : ConvertRaw(DType.Float32);
        var result = Empty(_shape, source.DType);
        if (source.DType == DType.Float64)
        {
            ReadOnlySpan<double> x = source.Elements<double>();
            Span<double> destination = result.Elements<double>();
            for (int i = 0; i < x.Length; i++) destination[i] = onDouble(x[i]);
        }
        else
        {
            ReadOnlySpan<float> x = source.Elements<float>();
            Span<float> destination = result.Elements<float>();
            for (int i = 0; i < x.Length; i++) destination[i] = onFloat(x[i]);
        }
        return result;
    }
}
