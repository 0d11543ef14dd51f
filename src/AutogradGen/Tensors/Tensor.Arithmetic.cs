namespace AutogradGen;

// + - * / and powers, with broadcasting. Results take the promoted dtype of the operands; a number on either side
// behaves as PyTorch's wrapped number (it takes a floating tensor's dtype).
public sealed partial class Tensor
{
    /// <summary><c>this + alpha * other</c>, broadcast (<c>torch.add</c>).</summary>
    public Tensor Add(Tensor other, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        var scaled = alpha == 1 ? other : BinaryRaw(BinaryFunction.Multiply, other, WrapNumber(alpha, other));
        var result = BinaryRaw(BinaryFunction.Add, this, scaled);
        if (Autograd.ShouldRecord(this, other)) new AddBackward0(alpha).Attach(result, this, other);
        return result;
    }

    /// <summary><c>this + other</c> for a number.</summary>
    public Tensor Add(double other)
    {
        if (!TakesNumberDirectly) return Add(WrapNumber(other, this));
        var result = WithNumberRaw(BinaryFunction.Add, other);
        if (Autograd.ShouldRecord(this)) new AddBackward0(1).Attach(result, this, null);
        return result;
    }

    /// <summary><c>this - alpha * other</c>, broadcast (<c>torch.sub</c>).</summary>
    public Tensor Sub(Tensor other, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        RefuseBoolSubtraction(this, other);
        var scaled = alpha == 1 ? other : BinaryRaw(BinaryFunction.Multiply, other, WrapNumber(alpha, other));
        var result = BinaryRaw(BinaryFunction.Subtract, this, scaled);
        if (Autograd.ShouldRecord(this, other)) new SubBackward0(alpha).Attach(result, this, other);
        return result;
    }

    /// <summary><c>this - other</c> for a number.</summary>
    public Tensor Sub(double other)
    {
        if (!TakesNumberDirectly) return Sub(WrapNumber(other, this));
        var result = WithNumberRaw(BinaryFunction.Subtract, other);
        if (Autograd.ShouldRecord(this)) new SubBackward0(1).Attach(result, this, null);
        return result;
    }

    /// <summary><c>other - this</c> for a number (PyTorch's <c>rsub</c>, recorded as <c>RsubBackward1</c>).</summary>
    public Tensor RSub(double other)
    {
        var result = BinaryRaw(BinaryFunction.Subtract, WrapNumber(other, this), this);
        if (Autograd.ShouldRecord(this)) new RsubBackward1().Attach(result, this);
        return result;
    }

    /// <summary>Element-wise product, broadcast (<c>torch.mul</c>).</summary>
    public Tensor Mul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = BinaryRaw(BinaryFunction.Multiply, this, other);
        if (Autograd.ShouldRecord(this, other)) new MulBackward0(this, other).Attach(result, this, other);
        return result;
    }

    /// <summary><c>this * other</c> for a number.</summary>
    public Tensor Mul(double other)
    {
        if (!TakesNumberDirectly) return Mul(WrapNumber(other, this));
        var result = WithNumberRaw(BinaryFunction.Multiply, other);
        // The node keeps the number as the wrapped 0-d tensor would have held it (rounded to Float32 for a Float32
        // tensor), so a gradient of another dtype is scaled exactly as by that tensor.
        if (Autograd.ShouldRecord(this)) new MulByNumberBackward0(DType == DType.Float32 ? (float)other : other).Attach(result, this, null);
        return result;
    }

    /// <summary>Element-wise true division, broadcast (<c>torch.div</c>); integers divide as floats.</summary>
    public Tensor Div(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = BinaryRaw(BinaryFunction.Divide, this, other);
        if (Autograd.ShouldRecord(this, other)) new DivBackward0(this, other).Attach(result, this, other);
        return result;
    }

    /// <summary><c>this / other</c> for a number.</summary>
    public Tensor Div(double other) => Div(WrapNumber(other, this));

    /// <summary><c>1 / this</c> (<c>torch.reciprocal</c>).</summary>
    public Tensor Reciprocal()
    {
        var result = BinaryRaw(BinaryFunction.Divide, Scalar(1, false, DType.IsFloatingPoint() ? DType : DType.Float32), this);
        if (Autograd.ShouldRecord(this)) new ReciprocalBackward0(result).Attach(result, this);
        return result;
    }

    /// <summary><c>-this</c> (<c>torch.neg</c>).</summary>
    public Tensor Neg()
    {
        if (DType == DType.Bool)
        {
            throw new InvalidOperationException(
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or "
                + "`logical_not()` operator instead. (Here: mask.Eq(0) inverts a mask.)");
        }
        var result = MapRaw(UnaryFunction.Negate);
        if (Autograd.ShouldRecord(this)) new NegBackward0().Attach(result, this);
        return result;
    }

    /// <summary>
    /// <c>this ** exponent</c> for an integer (recorded as <c>PowBackward0</c>): an integer tensor stays Int64, as
    /// PyTorch's <c>torch.tensor([2, 3]) ** 2</c>; a floating tensor gives what <see cref="Pow(double)"/> gives.
    /// </summary>
    public Tensor Pow(long exponent)
    {
        if (DType.IsFloatingPoint()) return Pow((double)exponent);
        if (exponent < 0) throw new InvalidOperationException("Integers to negative integer powers are not allowed.");
        return BinaryRaw(BinaryFunction.Pow, DType == DType.Bool ? ConvertRaw(DType.Int64) : this, Scalar(exponent, false, DType.Int64));
    }

    /// <summary>
    /// <paramref name="base"/> <c>** exponent</c> element-wise, a number to tensor powers (<c>2 ** x</c>,
    /// <c>torch.pow(2, x)</c>, recorded as <c>PowBackward2</c>).
    /// </summary>
    public static Tensor Pow(double @base, Tensor exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        var power = exponent.DType.IsFloatingPoint() ? exponent : exponent.ConvertRaw(DType.Float32);
        var result = BinaryRaw(BinaryFunction.Pow, WrapNumber(@base, power), power);
        if (Autograd.ShouldRecord(exponent)) new PowBackward2(@base, result).Attach(result, exponent);
        return result;
    }

    /// <summary><c>this ** exponent</c> for a number (recorded as <c>PowBackward0</c>).</summary>
    public Tensor Pow(double exponent)
    {
        var source = DType.IsFloatingPoint() ? this : ConvertRaw(DType.Float32);
        Tensor result = exponent switch
        {
            // Exact special cases, as PyTorch's kernel: x*x rather than exp(2 log x).
            1 => source.DetachedClone(),
            2 => BinaryRaw(BinaryFunction.Multiply, source, source),
            0.5 => source.MapRaw(UnaryFunction.Sqrt),
            _ => BinaryRaw(BinaryFunction.Pow, source, WrapNumber(exponent, source)),
        };
        if (Autograd.ShouldRecord(this)) new PowBackward0(this, exponent).Attach(result, this);
        return result;
    }

    /// <summary><c>this ** exponent</c> element-wise, broadcast (recorded as <c>PowBackward1</c>).</summary>
    public Tensor Pow(Tensor exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        var result = BinaryRaw(BinaryFunction.Pow, this, exponent);
        if (Autograd.ShouldRecord(this, exponent)) new PowBackward1(this, exponent, result).Attach(result, this, exponent);
        return result;
    }

    /// <summary>The element-wise larger of two tensors, broadcast (<c>torch.maximum</c>); ties split the gradient in half.</summary>
    public Tensor Maximum(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = BinaryRaw(BinaryFunction.Maximum, this, other);
        if (Autograd.ShouldRecord(this, other)) new MaximumBackward0(this, other).Attach(result, this, other);
        return result;
    }

    /// <summary>The element-wise smaller of two tensors, broadcast (<c>torch.minimum</c>); ties split the gradient in half.</summary>
    public Tensor Minimum(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = BinaryRaw(BinaryFunction.Minimum, this, other);
        if (Autograd.ShouldRecord(this, other)) new MinimumBackward0(this, other).Attach(result, this, other);
        return result;
    }

    /// <summary>
    /// Picks <paramref name="x"/> where <paramref name="condition"/> is true and <paramref name="y"/> elsewhere,
    /// broadcast (<c>torch.where</c>).
    /// </summary>
    public static Tensor Where(Tensor condition, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var mask = condition.ConvertRaw(DType.Bool);
        var dtype = DTypes.Promote(x, y);
        var shape = Kernels.Shapes.Broadcast(Kernels.Shapes.Broadcast(mask._shape, x._shape), y._shape);
        // Selection rather than x * mask + y * (1 - mask), which would turn inf * 0 into NaN.
        var flags = mask.ExpandRaw(shape).Elements<bool>();
        var xs = x.ConvertRaw(dtype).ExpandRaw(shape);
        var ys = y.ConvertRaw(dtype).ExpandRaw(shape);
        var result = Empty(shape, dtype);
        switch (dtype)
        {
            case DType.Float32: Kernels.Activations.Where<float>(flags, xs.Elements<float>(), ys.Elements<float>(), result.Elements<float>()); break;
            case DType.Float64: Kernels.Activations.Where<double>(flags, xs.Elements<double>(), ys.Elements<double>(), result.Elements<double>()); break;
            case DType.Int64: Kernels.Activations.Where<long>(flags, xs.Elements<long>(), ys.Elements<long>(), result.Elements<long>()); break;
            default: Kernels.Activations.Where<bool>(flags, xs.Elements<bool>(), ys.Elements<bool>(), result.Elements<bool>()); break;
        }
        if (Autograd.ShouldRecord(x, y)) new WhereBackward0(mask).Attach(result, null, x, y);
        return result;
    }

    /// <summary><c>a + b</c>.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => NotNull(a).Add(b);

    /// <summary><c>a + b</c>.</summary>
    public static Tensor operator +(Tensor a, double b) => NotNull(a).Add(b);

    /// <summary><c>a + b</c>.</summary>
    public static Tensor operator +(double a, Tensor b) => NotNull(b).Add(a);

    /// <summary><c>a - b</c>.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => NotNull(a).Sub(b);

    /// <summary><c>a - b</c>.</summary>
    public static Tensor operator -(Tensor a, double b) => NotNull(a).Sub(b);

    /// <summary><c>a - b</c>.</summary>
    public static Tensor operator -(double a, Tensor b) => NotNull(b).RSub(a);

    /// <summary><c>a * b</c>.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => NotNull(a).Mul(b);

    /// <summary><c>a * b</c>.</summary>
    public static Tensor operator *(Tensor a, double b) => NotNull(a).Mul(b);

    /// <summary><c>a * b</c>.</summary>
    public static Tensor operator *(double a, Tensor b) => NotNull(b).Mul(a);

    /// <summary><c>a / b</c>.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => NotNull(a).Div(b);

    /// <summary><c>a / b</c>.</summary>
    public static Tensor operator /(Tensor a, double b) => NotNull(a).Div(b);

    /// <summary><c>a / b</c>: <c>b.Reciprocal() * a</c>, as PyTorch's <c>__rtruediv__</c>.</summary>
    public static Tensor operator /(double a, Tensor b) => NotNull(b).Reciprocal().Mul(a);

    /// <summary><c>-a</c>.</summary>
    public static Tensor operator -(Tensor a) => NotNull(a).Neg();

    private static Tensor NotNull(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor;
    }
}
