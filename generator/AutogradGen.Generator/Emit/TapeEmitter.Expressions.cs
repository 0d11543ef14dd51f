using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Expressions of the tape twin. Each translates to C# that is either a tensor (it may carry a derivative) or a
/// plain value (integers, conditions, literals, parameters that are not differentiated); the two meet through the
/// tensor operators' number overloads, <c>TapeMath.Constant</c> (a value lifted onto the tape) and <c>Item()</c>
/// (a tensor's value where C# needs a number: conditions, indices, integer conversions).
/// </summary>
internal sealed partial class TapeEmitter
{
    /// <summary>Translated C#: its text, whether it is a tensor, and whether it can be an operand without parentheses.</summary>
    private readonly record struct Code(string Text, bool IsTensor, bool Atomic)
    {
        public string Operand => Atomic ? Text : "(" + Text + ")";
    }

    /// <summary>The expression as a plain value of its own type (a tensor's value through <c>Item()</c>).</summary>
    private string Raw(Expr expr) => RawOf(Translate(expr), expr.Kind).Text;

    /// <summary>The expression as a tensor (a plain value lifted as a constant).</summary>
    private string AsTensor(Expr expr) => TensorOf(Translate(expr), expr.Kind).Text;

    private static Code RawOf(Code code, NumberKind kind)
    {
        if (!code.IsTensor)
        {
            return code;
        }

        return kind == NumberKind.Float
            ? new Code("(float)" + code.Operand + ".Item()", false, false)
            : new Code(code.Operand + ".Item()", false, true);
    }

    private static Code TensorOf(Code code, NumberKind kind) =>
        code.IsTensor ? code : new Code(TapeMath + ".Constant(" + code.Text + ", " + DTypeOf(kind) + ")", true, true);

    private Code Translate(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                return new Code(literal.Text, false, !literal.Text.StartsWith("-"));
            case VariableExpr variable:
                return new Code(NameOf(variable.Name), IsTensor(variable.Name), true);
            case ElementExpr element:
                return new Code(element.Array + "[" + Raw(element.Index) + "]", StorageOf(element.Array) is ArrayStorage.Tensor or ArrayStorage.TensorArray, true);
            case LengthExpr length:
                return new Code(length.Array + (StorageOf(length.Array) == ArrayStorage.Tensor ? ".Size(0)" : ".Length"), false, true);
            case UnaryExpr unary:
                return Unary(unary);
            case BinaryExpr binary:
                return Binary(binary);
            case ConditionalExpr conditional:
                return Conditional(conditional);
            case ConvertExpr convert:
                return Convert(convert);
            case MathCallExpr call:
                return MathCall(call);
            case CallExpr call:
                return Call(call);
            case PassThroughExpr passThrough:
                // A plain value, as in the generated code: its holes (indices, counters) as plain values too.
                return new Code(passThrough.Print(Raw), false, !passThrough.IsComparison);
            case DetachedExpr detached:
                var operand = Translate(detached.Operand);
                return operand.IsTensor ? new Code(operand.Operand + ".Detach()", true, true) : operand;
            default:
                throw new UnmappableException();
        }
    }

    private Code Unary(UnaryExpr unary)
    {
        var operand = Translate(unary.Operand);
        return unary.Operator switch
        {
            UnaryOperator.Plus => operand,
            UnaryOperator.Negate => new Code("-" + operand.Operand, operand.IsTensor, false),
            _ => new Code("!" + RawOf(operand, unary.Operand.Kind).Operand, false, false),
        };
    }

    private Code Binary(BinaryExpr binary)
    {
        var left = Translate(binary.Left);
        var right = Translate(binary.Right);
        var symbol = binary.Operator.Symbol();
        if (binary.Operator.IsComparison() || binary.Operator.IsLogical() || !(left.IsTensor || right.IsTensor))
        {
            // Decided on the values: comparisons, logic, and arithmetic on plain numbers.
            return new Code(RawOf(left, binary.Left.Kind).Operand + " " + symbol + " " + RawOf(right, binary.Right.Kind).Operand, false, false);
        }

        if (binary.Operator == BinaryOperator.Remainder)
        {
            return new Code(TapeMath + ".Remainder(" + TensorOf(left, binary.Kind).Text + ", " + TensorOf(right, binary.Kind).Text + ")", true, true);
        }

        // The tensor operators take a number on either side (PyTorch's wrapped numbers keep the tensor's dtype).
        return new Code(left.Operand + " " + symbol + " " + right.Operand, true, false);
    }

    private Code Conditional(ConditionalExpr conditional)
    {
        var condition = Raw(conditional.Condition);
        var whenTrue = Translate(conditional.WhenTrue);
        var whenFalse = Translate(conditional.WhenFalse);
        if (whenTrue.IsTensor || whenFalse.IsTensor)
        {
            whenTrue = TensorOf(whenTrue, conditional.Kind);
            whenFalse = TensorOf(whenFalse, conditional.Kind);
        }

        return new Code("(" + condition + " ? " + whenTrue.Text + " : " + whenFalse.Text + ")", whenTrue.IsTensor, true);
    }

    private Code Convert(ConvertExpr convert)
    {
        var operand = Translate(convert.Operand);
        if (!operand.IsTensor || !convert.Kind.IsFloatingPoint())
        {
            // To an integer the derivative stops, as in the generated code: the conversion reads the value.
            return new Code("(" + convert.Kind.Keyword() + ")" + RawOf(operand, convert.Operand.Kind).Operand, false, false);
        }

        return convert.Kind == convert.Operand.Kind ? operand : new Code(operand.Operand + ".To(" + DTypeOf(convert.Kind) + ")", true, true);
    }

    private string Arguments(Code[] arguments) => string.Join(", ", arguments.Select(a => a.Text));
}
