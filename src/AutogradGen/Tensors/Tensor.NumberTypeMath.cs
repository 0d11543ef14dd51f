namespace AutogradGen;

// The differentiable statics of double and float that the first tensor operations did not cover (Math.Asinh,
// double.Exp2, double.Lerp, double.MaxNumber...), for the tape twins of [Differentiable] methods that call them.
// Names and backward rules are PyTorch's (torch.asinh, torch.exp2, torch.deg2rad, torch.fmax, torch.lerp, ...).
public sealed partial class Tensor
{
    /// <summary>The inverse hyperbolic sine (<c>torch.asinh</c>, <c>AsinhBackward0</c>).</summary>
    public Tensor Asinh()
    {
        var result = MapElements(Math.Asinh, MathF.Asinh);
        if (Autograd.ShouldRecord(this)) new AsinhBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The inverse hyperbolic cosine (<c>torch.acosh</c>, <c>AcoshBackward0</c>): NaN below 1, an infinite gradient at 1.</summary>
    public Tensor Acosh()
    {
        var result = MapElements(Math.Acosh, MathF.Acosh);
        if (Autograd.ShouldRecord(this)) new AcoshBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>The inverse hyperbolic tangent (<c>torch.atanh</c>, <c>AtanhBackward0</c>): infinite gradients at ±1.</summary>
    public Tensor Atanh()
    {
        var result = MapElements(Math.Atanh, MathF.Atanh);
        if (Autograd.ShouldRecord(this)) new AtanhBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>2 to the power of each element (<c>torch.exp2</c>, <c>Exp2Backward0</c>).</summary>
    public Tensor Exp2()
    {
        var result = MapElements(double.Exp2, float.Exp2);
        if (Autograd.ShouldRecord(this)) new Exp2Backward0(result).Attach(result, this);
        return result;
    }

    /// <summary>Degrees to radians (<c>torch.deg2rad</c>, <c>Deg2RadBackward0</c>).</summary>
    public Tensor Deg2rad()
    {
        var result = MapElements(double.DegreesToRadians, float.DegreesToRadians);
        if (Autograd.ShouldRecord(this)) new Deg2RadBackward0().Attach(result, this);
        return result;
    }

    /// <summary>Radians to degrees (<c>torch.rad2deg</c>, <c>Rad2DegBackward0</c>).</summary>
    public Tensor Rad2deg()
    {
        var result = MapElements(double.RadiansToDegrees, float.RadiansToDegrees);
        if (Autograd.ShouldRecord(this)) new Rad2DegBackward0().Attach(result, this);
        return result;
    }

    /// <summary>
    /// The larger of the operands where a NaN loses to a number, element-wise and broadcast (<c>torch.fmax</c>,
    /// <c>double.MaxNumber</c>). The gradient goes to this where it wins or ties or the other is NaN.
    /// </summary>
    public Tensor Fmax(Tensor other)
    {
        var result = BinaryElements(other, double.MaxNumber, float.MaxNumber);
        if (Autograd.ShouldRecord(this, other)) new FmaxBackward0(this, other, greater: true).Attach(result, this, other);
        return result;
    }

    /// <summary>The smaller of the operands where a NaN loses to a number (<c>torch.fmin</c>, <c>double.MinNumber</c>).</summary>
    public Tensor Fmin(Tensor other)
    {
        var result = BinaryElements(other, double.MinNumber, float.MinNumber);
        if (Autograd.ShouldRecord(this, other)) new FmaxBackward0(this, other, greater: false).Attach(result, this, other);
        return result;
    }

    /// <summary>
    /// this + weight · (end − this), element-wise and broadcast (<c>torch.lerp</c> with a tensor weight,
    /// <c>LerpBackward1</c>); the value is <c>double.Lerp</c>'s, this · (1 − weight) + end · weight.
    /// </summary>
    public Tensor Lerp(Tensor end, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        // Raw: the difference and product only compute the value; the one node recorded is LerpBackward1.
        Tensor result;
        using (Autograd.NoGrad())
        {
            result = this * (1 - weight) + NotNull(end) * weight;
        }

        if (Autograd.ShouldRecord([this, end, weight])) new LerpBackward1(this, end, weight).Attach(result, this, end, weight);
        return result;
    }
}
