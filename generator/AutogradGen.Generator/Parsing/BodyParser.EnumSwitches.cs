using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// <c>switch (kind)</c> and <c>kind switch { ... }</c> on an enum: the switched value is read as its int
/// (<c>(int)kind</c>, a pass-through value carrying no derivative) and each enum constant of a case label or pattern
/// is its int value, so the if-chain the switch becomes compares ints. Only enums whose values fit an int.
/// </summary>
internal sealed partial class BodyParser
{
    private static bool IsIntEnum(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte };

    /// <summary>The switched enum value as <c>((int)value)</c>; null (reported) when it cannot be printed.</summary>
    private Expr? EnumAsInt(IOperation value)
    {
        if (PassThroughCode(value) is not { } code)
        {
            return null;
        }

        var parts = code.Parts.ToList();
        parts[0] = "((int)" + parts[0];
        parts[parts.Count - 1] += ")";
        return new PassThroughExpr(NumberKind.Int, parts.ToEquatableArray(), code.Holes.ToEquatableArray());
    }

    /// <summary>An enum constant of a case label or pattern as its int value.</summary>
    private static Expr? EnumConstant(IOperation operand) =>
        IsIntEnum(operand.Type) && operand.ConstantValue is { HasValue: true, Value: { } value }
            ? new LiteralExpr(NumberKind.Int, System.Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))
            : null;
}
