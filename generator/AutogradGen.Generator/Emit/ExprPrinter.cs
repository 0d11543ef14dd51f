using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>Prints IR expressions as C# with the fewest parentheses that keep C#'s precedence right.</summary>
internal static class ExprPrinter
{
    private const int Conditional = 1;
    private const int OrPrecedence = 2;
    private const int AndPrecedence = 3;
    private const int Equality = 4;
    private const int Relational = 5;
    private const int Additive = 6;
    private const int Multiplicative = 7;
    private const int Unary = 8;
    private const int Primary = 9;

    public static string Print(Expr expr) => Print(expr, out _);

    /// <summary>
    /// The tangent or adjoint span of an array argument: <paramref name="span"/> itself, or for a jagged row the
    /// slice of the elements' span that the row's elements are.
    /// </summary>
    public static string RowSlice(ArrayArgumentExpr array, string span) => array.Row is not { } row
        ? span
        : span + ".Slice(" + row.Layout + ".RowStart(" + Print(row.Index) + "), " + row.Layout + ".RowLength(" + Print(row.Index) + "))";

    private static string Print(Expr expr, out int precedence)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                precedence = literal.Text.StartsWith("-") ? Unary : Primary;
                return literal.Text;
            case VariableExpr variable:
                precedence = Primary;
                return variable.Name;
            case ArrayArgumentExpr { WholeArray: { } whole }:
                precedence = Primary;
                return whole;
            case ArrayArgumentExpr { Row: { } row }:
                precedence = Primary;
                return row.Jagged + "[" + Print(row.Index) + "]";
            case ArrayArgumentExpr array:
                precedence = Primary;
                return array.Array;
            case ElementExpr element:
                precedence = Primary;
                return element.Array + "[" + Print(element.Index) + "]";
            case LengthExpr length:
                precedence = Primary;
                return length.Array + ".Length";
            case UnaryExpr unary:
                precedence = Unary;
                var operand = Child(unary.Operand, Unary);
                var symbol = unary.Operator switch
                {
                    UnaryOperator.Negate => "-",
                    UnaryOperator.Plus => "+",
                    _ => "!",
                };
                return symbol + (operand.StartsWith(symbol) ? "(" + operand + ")" : operand);
            case BinaryExpr binary:
                precedence = Precedence(binary.Operator);
                return Child(binary.Left, precedence) + " " + binary.Operator.Symbol() + " " + Child(binary.Right, precedence + 1);
            case ConditionalExpr conditional:
                precedence = Conditional;
                return Child(conditional.Condition, Conditional + 1) + " ? " + Print(conditional.WhenTrue) + " : " + Print(conditional.WhenFalse);
            case ConvertExpr convert:
                precedence = Unary;
                return "(" + convert.Kind.Keyword() + ")" + Child(convert.Operand, Unary);
            case MathCallExpr call:
                precedence = Primary;
                return call.Class + "." + call.Function + "(" + string.Join(", ", call.Arguments.Select(Print)) + ")";
            case CallExpr call:
                precedence = Primary;
                // A struct parameter's leaves are built back into the struct the callee takes.
                return call.Target.Qualifier + "." + call.Target.Name + "(" + string.Join(", ", CallArguments.Values(call.Target, call.Arguments.Select(Print).ToList())) + ")";
            case DetachedExpr detached:
                return Print(detached.Operand, out precedence);
            case PassThroughExpr passThrough:
                // Built parenthesised where C#'s precedence needs it: the whole is one operand, or a comparison.
                precedence = passThrough.IsComparison ? Equality : Primary;
                return passThrough.Print(Print);
            default:
                precedence = Primary;
                return "default";
        }
    }

    private static string Child(Expr child, int minimum)
    {
        var text = Print(child, out var precedence);
        return precedence < minimum ? "(" + text + ")" : text;
    }

    private static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => OrPrecedence,
        BinaryOperator.And => AndPrecedence,
        BinaryOperator.Equal or BinaryOperator.NotEqual => Equality,
        BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => Relational,
        BinaryOperator.Add or BinaryOperator.Subtract => Additive,
        _ => Multiplicative,
    };
}
