namespace AutogradGen;

/// <summary>Facts about dtypes: names in PyTorch's messages, promotion, which can require gradients.</summary>
internal static class DTypes
{
    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float32 or DType.Float64;

    /// <summary>PyTorch's scalar type name, as in <c>[Float [3]]</c>.</summary>
    public static string ScalarTypeName(this DType dtype) => dtype switch
    {
        DType.Float32 => "Float",
        DType.Float64 => "Double",
        DType.Int64 => "Long",
        _ => "Bool",
    };

    /// <summary>The dtype a binary operation computes in. A 0-d floating operand does not widen a dimensioned one, as in PyTorch.</summary>
    public static DType Promote(Tensor a, Tensor b)
    {
        if (a.DType == b.DType) return a.DType;
        bool aFloat = a.DType.IsFloatingPoint(), bFloat = b.DType.IsFloatingPoint();
        if (aFloat && bFloat && (a.Rank == 0) != (b.Rank == 0)) return a.Rank == 0 ? b.DType : a.DType;
        if (aFloat != bFloat) return aFloat ? a.DType : b.DType;
        return Promote(a.DType, b.DType);
    }

    /// <summary>The wider of two dtypes: Bool &lt; Int64 &lt; Float32 &lt; Float64.</summary>
    public static DType Promote(DType a, DType b)
    {
        return Math.Max(PromotionRank(a), PromotionRank(b)) switch
        {
            3 => DType.Float64,
            2 => DType.Float32,
            1 => DType.Int64,
            _ => DType.Bool,
        };
    }

    private static int PromotionRank(DType dtype) => dtype switch
    {
        DType.Bool => 0,
        DType.Int64 => 1,
        DType.Float32 => 2,
        _ => 3,
    };
}
