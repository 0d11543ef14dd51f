using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>Tangents of expressions: operand values first, then Σ partial × operand tangent (one rule table).</summary>
internal sealed partial class ForwardEmitter
{
    /// <summary>The expression's value and tangent as simple texts; a null tangent is zero.</summary>
    private (string Value, string? Tangent) Linearize(Expr expr, Dictionary<Expr, string> computed)
    {
        if (!Activity.IsActive(expr))
        {
            return (Value(expr, computed), null);
        }

        switch (expr)
        {
            case VariableExpr variable:
                return (variable.Name, _tangents.TryGetValue(variable.Name, out var tangent) ? tangent : null);
            case ElementExpr element:
                return (ExprPrinter.Print(element), _tangents[element.Array] + "[" + ExprPrinter.Print(element.Index) + "]");
            case ConvertExpr convert:
                var (operandValue, operandTangent) = Linearize(convert.Operand, computed);
                var cast = "(" + convert.Kind.Keyword() + ")";
                return (Temporary(convert.Kind, cast + operandValue), operandTangent is null ? null : TangentTemporary(convert.Kind, cast + operandTangent));
            case ConditionalExpr conditional:
                return Conditional(conditional, computed);
            case CallExpr call:
                return Call(call, computed);
            default:
                var operands = LocalPartials.Operands(expr).Select(o => Linearize(o, computed)).ToList();
                var value = Temporary(expr.Kind, ExprPrinter.Print(Substitute(expr, operands.Select(o => o.Value).ToList())));
                computed[expr] = value;
                var partials = LocalPartials.For(expr, operands.Select(o => o.Value).ToList(), value);
                var terms = operands
                    .Select((operand, i) => operand.Tangent is { } t && partials[i] is { } p ? LocalPartials.Scale(t, p) : null)
                    .Where(term => term is not null)
                    .ToList();
                return (value, terms.Count == 0 ? null : TangentTemporary(expr.Kind, string.Join(" + ", terms)));
        }
    }

    /// <summary>The ternary as an if/else, so that only the branch taken is evaluated.</summary>
    private (string Value, string? Tangent) Conditional(ConditionalExpr conditional, Dictionary<Expr, string> computed)
    {
        var kind = conditional.Kind.Keyword();
        var value = TemporaryName("t");
        var tangent = TemporaryName("dt");
        Writer.Line(_batch is null ? kind + " " + value + ", " + tangent + ";" : kind + " " + value + "; " + _batch + " " + tangent + ";");
        Writer.Open("if (" + ExprPrinter.Print(conditional.Condition) + ")");
        Branch(conditional.WhenTrue);
        Writer.Close();
        Writer.Open("else");
        Branch(conditional.WhenFalse);
        Writer.Close();
        return (value, tangent);

        void Branch(Expr expr)
        {
            var (v, t) = Linearize(expr, new Dictionary<Expr, string>(computed));
            Writer.Line(value + " = " + v + ";");
            Writer.Line(tangent + " = " + (t ?? TangentZero(conditional.Kind)) + ";");
        }
    }
}
