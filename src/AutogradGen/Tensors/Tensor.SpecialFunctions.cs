using AutogradGen.Kernels;

namespace AutogradGen;

// log1p, expm1, rsqrt, erf, rounding, and the NaN/infinity tests. Integer inputs compute in float32, as PyTorch's.
public sealed partial class Tensor
{
    /// <summary><c>log(1 + x)</c>, accurate for small x (<c>torch.log1p</c>, <c>Log1PBackward0</c>).</summary>
    public Tensor Log1p()
    {
        var result = MapValues(double.LogP1);
        if (Autograd.ShouldRecord(this)) new Log1PBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary><c>e^x - 1</c>, accurate for small x (<c>torch.expm1</c>, <c>Expm1Backward0</c>).</summary>
    public Tensor Expm1()
    {
        var result = MapValues(double.ExpM1);
        if (Autograd.ShouldRecord(this)) new Expm1Backward0(result).Attach(result, this);
        return result;
    }

    /// <summary><c>1 / sqrt(x)</c> (<c>torch.rsqrt</c>, <c>RsqrtBackward0</c>).</summary>
    public Tensor Rsqrt()
    {
        var result = MapValues(static x => 1 / Math.Sqrt(x));
        if (Autograd.ShouldRecord(this)) new RsqrtBackward0(result).Attach(result, this);
        return result;
    }

    /// <summary>The error function (<c>torch.erf</c>, <c>ErfBackward0</c>).</summary>
    public Tensor Erf()
    {
        var result = MapValues(SpecialFunctions.Erf);
        if (Autograd.ShouldRecord(this)) new ErfBackward0(this).Attach(result, this);
        return result;
    }

    /// <summary>Rounds down (<c>torch.floor</c>, <c>FloorBackward0</c>, whose gradient is zero). Integers stay as they are.</summary>
    public Tensor Floor() => Rounded(Math.Floor, static () => new FloorBackward0());

    /// <summary>Rounds up (<c>torch.ceil</c>, <c>CeilBackward0</c>, zero gradient).</summary>
    public Tensor Ceil() => Rounded(Math.Ceiling, static () => new CeilBackward0());

    /// <summary>Rounds half to even (<c>torch.round</c>, <c>RoundBackward0</c>, zero gradient); 0.5 → 0, 1.5 → 2.</summary>
    public Tensor Round() => Rounded(static x => Math.Round(x, MidpointRounding.ToEven), static () => new RoundBackward0());

    /// <summary>Rounds half to even at <paramref name="decimals"/> decimal places (<c>torch.round(x, decimals=d)</c>, <c>RoundBackward1</c>).</summary>
    public Tensor Round(int decimals)
    {
        // PyTorch scales by 10^d, rounds and scales back (negative d rounds to tens, hundreds...).
        double scale = Math.Pow(10, Math.Abs(decimals));
        Func<double, double> round = decimals >= 0
            ? x => Math.Round(x * scale, MidpointRounding.ToEven) / scale
            : x => Math.Round(x / scale, MidpointRounding.ToEven) * scale;
        return Rounded(round, static () => new RoundBackward1());
    }

    private Tensor Rounded(Func<double, double> round, Func<Node> node)
    {
        if (!DType.IsFloatingPoint()) return DetachedClone();
        var result = MapValues(round);
        if (Autograd.ShouldRecord(this)) node().Attach(result, this);
        return result;
    }

    /// <summary>Where each element is NaN, as Bool (<c>torch.isnan</c>); never recorded.</summary>
    public Tensor IsNan() => TestValues(double.IsNaN);

    /// <summary>Where each element is positive or negative infinity (<c>torch.isinf</c>).</summary>
    public Tensor IsInf() => TestValues(double.IsInfinity);

    /// <summary>Where each element is neither NaN nor infinite (<c>torch.isfinite</c>).</summary>
    public Tensor IsFinite() => TestValues(double.IsFinite);

    /// <summary>
    /// Replaces NaN with <paramref name="nan"/>, +∞ with <paramref name="posinf"/> and −∞ with <paramref name="neginf"/>
    /// (<c>torch.nan_to_num</c>, <c>NanToNumBackward0</c>); the infinities default to the dtype's largest and smallest
    /// finite values. The gradient passes where the input was finite and is zero where it was replaced.
    /// </summary>
    public Tensor NanToNum(double nan = 0, double? posinf = null, double? neginf = null)
    {
        if (!DType.IsFloatingPoint()) return DetachedClone();
        double largest = DType == DType.Float32 ? float.MaxValue : double.MaxValue;
        double high = posinf ?? largest, low = neginf ?? -largest;
        var result = MapValues(x => double.IsNaN(x) ? nan : double.IsPositiveInfinity(x) ? high : double.IsNegativeInfinity(x) ? low : x);
        if (Autograd.ShouldRecord(this)) new NanToNumBackward0(IsFinite()).Attach(result, this);
        return result;
    }
}
