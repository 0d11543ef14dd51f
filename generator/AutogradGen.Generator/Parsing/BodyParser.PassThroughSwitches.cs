using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// <c>switch (kind) { case "call": … }</c> and <c>optionType switch { "put" =&gt; …, _ =&gt; … }</c> on a value the IR does
/// not compute with (a <c>string</c>, a <c>long</c>, a <c>char</c>): no derivative flows through it, so each label
/// becomes the C# comparison <c>(kind) == "call"</c>, a pass-through bool read as the original reads it. The switched
/// value has no side effects (a parameter, a field, a property), so reading it again in each label gives the same.
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>Whether a switch on this value compares it as C# does rather than as an IR number.</summary>
    private bool SwitchesOnPassThrough(IOperation value) =>
        !IsIntEnum(value.Type) && !IsIrType(value.Type) && value.Type is { } type && !type.IsTupleType
        && TypeClassifier.Scalar(type) is null && IsPassThrough(Unwrap(value));

    /// <summary>The switched value as C# text, or null (reported) when it cannot be read as written.</summary>
    private PassThroughExpr? PassThroughSwitchValue(IOperation value) => PassThroughArgument(value);

    /// <summary>"value matches pattern" for a pass-through value: constants, <c>or</c>, <c>and</c>, <c>not</c>, discards.</summary>
    private Expr? PassThroughPattern(PassThroughExpr value, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return PassThroughEquals(value, constant.Value);
            case IBinaryPatternOperation binary:
                var left = PassThroughPattern(value, binary.LeftPattern);
                var right = left is null ? null : PassThroughPattern(value, binary.RightPattern);
                return right is null ? null : new BinaryExpr(NumberKind.Bool, binary.OperatorKind == BinaryOperatorKind.Or ? BinaryOperator.Or : BinaryOperator.And, left!, right);
            case INegatedPatternOperation negated:
                return PassThroughPattern(value, negated.Pattern) is { } inner ? new UnaryExpr(NumberKind.Bool, UnaryOperator.Not, inner) : null;
            case IDiscardPatternOperation:
                return True;
            default:
                return UnsupportedPatternAt(pattern.Syntax, $"This pattern on a value of type '{pattern.InputType.ToDisplayString()}'",
                    "use constant labels ('case \"call\":', '\"put\" =>'), 'or', 'not', 'default' or '_'");
        }
    }

    /// <summary><c>(value) == constant</c>, with C#'s equality of that type (ordinal for strings, as switch compares).</summary>
    private Expr? PassThroughEquals(PassThroughExpr value, IOperation constant)
    {
        if (!constant.ConstantValue.HasValue || Constant(constant.ConstantValue.Value, constant.Type) is not { } literal)
        {
            return UnsupportedPatternAt(constant.Syntax, "This label", "use a constant (a string or number literal, or a const)");
        }

        var parts = value.Parts.ToArray();
        parts[parts.Length - 1] += " == " + literal;
        return new PassThroughExpr(NumberKind.Bool, parts.ToEquatableArray(), value.Holes, IsComparison: true);
    }
}
