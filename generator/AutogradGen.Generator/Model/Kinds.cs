namespace AutogradGen.Generator.Model;

/// <summary>The scalar types the IR knows. Only <see cref="Double"/> and <see cref="Float"/> carry derivatives.</summary>
internal enum NumberKind
{
    Double,
    Float,
    Int,
    Bool,
}

/// <summary>How a variable holds its value: one scalar, or elements read and written by index.</summary>
internal enum StorageKind
{
    Scalar,
    Array,
    Span,
    ReadOnlySpan,
}

internal enum UnaryOperator
{
    Negate,
    Plus,
    Not,
}

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}

internal static class KindExtensions
{
    /// <summary>The operator as C# writes it; every emitter prints operators through this one table.</summary>
    public static string Symbol(this BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Remainder => "%",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.And => "&&",
        _ => "||",
    };

    public static bool IsFloatingPoint(this NumberKind kind) => kind is NumberKind.Double or NumberKind.Float;

    public static string Keyword(this NumberKind kind) => kind switch
    {
        NumberKind.Double => "double",
        NumberKind.Float => "float",
        NumberKind.Int => "int",
        _ => "bool",
    };

    public static bool IsIndexed(this StorageKind storage) => storage != StorageKind.Scalar;

    public static bool IsComparison(this BinaryOperator op) =>
        op is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater
            or BinaryOperator.GreaterOrEqual or BinaryOperator.Equal or BinaryOperator.NotEqual;

    public static bool IsLogical(this BinaryOperator op) => op is BinaryOperator.And or BinaryOperator.Or;
}
