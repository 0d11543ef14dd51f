namespace AutogradGen;

// Comparisons and logical reductions: Bool results that never require grad.
public sealed partial class Tensor
{
    /// <summary>Element-wise <c>==</c>, broadcast (<c>torch.eq</c>).</summary>
    public Tensor Eq(Tensor other) => CompareRaw(Comparison.Equal, this, NotNull(other));

    /// <summary>Element-wise <c>== other</c>.</summary>
    public Tensor Eq(double other) => CompareRaw(Comparison.Equal, this, WrapNumber(other, this));

    /// <summary>Element-wise <c>!=</c>, broadcast (<c>torch.ne</c>).</summary>
    public Tensor Ne(Tensor other) => CompareRaw(Comparison.NotEqual, this, NotNull(other));

    /// <summary>Element-wise <c>!= other</c>.</summary>
    public Tensor Ne(double other) => CompareRaw(Comparison.NotEqual, this, WrapNumber(other, this));

    /// <summary>Element-wise <c>&lt;</c>, broadcast (<c>torch.lt</c>).</summary>
    public Tensor Lt(Tensor other) => CompareRaw(Comparison.Less, this, NotNull(other));

    /// <summary>Element-wise <c>&lt; other</c>.</summary>
    public Tensor Lt(double other) => CompareRaw(Comparison.Less, this, WrapNumber(other, this));

    /// <summary>Element-wise <c>&lt;=</c>, broadcast (<c>torch.le</c>).</summary>
    public Tensor Le(Tensor other) => CompareRaw(Comparison.LessOrEqual, this, NotNull(other));

    /// <summary>Element-wise <c>&lt;= other</c>.</summary>
    public Tensor Le(double other) => CompareRaw(Comparison.LessOrEqual, this, WrapNumber(other, this));

    /// <summary>Element-wise <c>&gt;</c>, broadcast (<c>torch.gt</c>).</summary>
    public Tensor Gt(Tensor other) => CompareRaw(Comparison.Greater, this, NotNull(other));

    /// <summary>Element-wise <c>&gt; other</c>.</summary>
    public Tensor Gt(double other) => CompareRaw(Comparison.Greater, this, WrapNumber(other, this));

    /// <summary>Element-wise <c>&gt;=</c>, broadcast (<c>torch.ge</c>).</summary>
    public Tensor Ge(Tensor other) => CompareRaw(Comparison.GreaterOrEqual, this, NotNull(other));

    /// <summary>Element-wise <c>&gt;= other</c>.</summary>
    public Tensor Ge(double other) => CompareRaw(Comparison.GreaterOrEqual, this, WrapNumber(other, this));

    /// <summary>Whether every element is non-zero, as a 0-d Bool tensor (<c>x.all()</c>).</summary>
    public Tensor All()
    {
        var flags = ConvertRaw(DType.Bool).Elements<bool>();
        return Scalar(System.Array.IndexOf(flags, false) < 0 ? 1 : 0, false, DType.Bool);
    }

    /// <summary>Whether any element is non-zero, as a 0-d Bool tensor (<c>x.any()</c>).</summary>
    public Tensor Any()
    {
        var flags = ConvertRaw(DType.Bool).Elements<bool>();
        return Scalar(System.Array.IndexOf(flags, true) >= 0 ? 1 : 0, false, DType.Bool);
    }
}
