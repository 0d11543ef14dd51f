using System.Collections.Generic;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// The partial derivative of one IR node with respect to each operand, as C# text over the operands' values
/// and the node's own value. Arithmetic lives here, functions in <see cref="MathRules"/>; both modes use it:
/// forward mode sums partial × operand tangent, reverse mode adds adjoint × partial to each operand's adjoint.
/// </summary>
internal static class LocalPartials
{
    /// <summary>Marks a partial of exactly 1, so that generated code says <c>a</c> rather than <c>a * 1.0</c>.</summary>
    public const string One = "<one>";

    /// <summary>Marks a partial of exactly -1.</summary>
    public const string MinusOne = "<minus-one>";

    /// <summary>Operands of a node in the order <see cref="For"/> returns partials for them.</summary>
    public static IReadOnlyList<Expr> Operands(Expr node) => node switch
    {
        UnaryExpr u => new[] { u.Operand },
        BinaryExpr b => new[] { b.Left, b.Right },
        MathCallExpr m => m.Arguments,
        _ => System.Array.Empty<Expr>(),
    };

    /// <summary>Partials per operand (null: no derivative through that operand).</summary>
    public static IReadOnlyList<string?> For(Expr node, IReadOnlyList<string> operands, string result)
    {
        var kind = node.Kind;
        switch (node)
        {
            case UnaryExpr { Operator: UnaryOperator.Negate }:
                return new[] { MinusOne };
            case UnaryExpr:
                return new[] { One };
            case BinaryExpr { Operator: BinaryOperator.Add }:
                return new[] { One, One };
            case BinaryExpr { Operator: BinaryOperator.Subtract }:
                return new[] { One, MinusOne };
            case BinaryExpr { Operator: BinaryOperator.Multiply }:
                return new[] { operands[1], operands[0] };
            case BinaryExpr { Operator: BinaryOperator.Divide }:
                return new[] { Literals.One(kind) + " / " + operands[1], "-" + result + " / " + operands[1] };
            case BinaryExpr { Operator: BinaryOperator.Remainder }:
                return new[] { One, "-" + MathRules.ClassFor(kind) + ".Truncate(" + operands[0] + " / " + operands[1] + ")" };
            case MathCallExpr call:
                var partials = new string?[operands.Count];
                for (var i = 0; i < partials.Length; i++)
                {
                    partials[i] = MathRules.Partial(call.Function, kind, operands, result, i);
                }

                return partials;
            default:
                return System.Array.Empty<string?>();
        }
    }

    /// <summary><c>factor × partial</c>, simplified for the ±1 markers.</summary>
    public static string Scale(string factor, string partial) => partial switch
    {
        One => factor,
        MinusOne => "-" + Wrap(factor),
        _ => Wrap(factor) + " * " + Wrap(partial),
    };

    private static string Wrap(string text)
    {
        if (IsElementAccess(text))
        {
            return text;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '[' or ']'))
            {
                return "(" + text + ")";
            }
        }

        return text;
    }

    /// <summary><c>name[index]</c> with no nested brackets: a primary expression, never in need of parentheses.</summary>
    private static bool IsElementAccess(string text)
    {
        var open = text.IndexOf('[');
        if (open <= 0 || !text.EndsWith("]") || text.IndexOf('[', open + 1) >= 0 || text.IndexOf(']') != text.Length - 1)
        {
            return false;
        }

        for (var i = 0; i < open; i++)
        {
            if (!(char.IsLetterOrDigit(text[i]) || text[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
