using System.Collections.Generic;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Analysis;

/// <summary>Walks expressions: which variables (scalars and arrays) an expression reads.</summary>
internal static class ExprWalker
{
    public static void Variables(Expr expr, HashSet<string> into)
    {
        switch (expr)
        {
            case VariableExpr v:
                into.Add(v.Name);
                break;
            case ElementExpr e:
                into.Add(e.Array);
                Variables(e.Index, into);
                break;
            case LengthExpr l:
                into.Add(l.Array);
                break;
            case ArrayArgumentExpr a:
                into.Add(a.Array);
                if (a.Row is { } row)
                {
                    // The row's index: read where the call is made, and again where its pullback is called.
                    Variables(row.Index, into);
                }

                break;
            default:
                foreach (var child in Children(expr))
                {
                    Variables(child, into);
                }

                break;
        }
    }

    public static HashSet<string> Variables(Expr expr)
    {
        var set = new HashSet<string>();
        Variables(expr, set);
        return set;
    }

    public static IEnumerable<Expr> Children(Expr expr)
    {
        switch (expr)
        {
            case ElementExpr e:
                yield return e.Index;
                break;
            case UnaryExpr u:
                yield return u.Operand;
                break;
            case BinaryExpr b:
                yield return b.Left;
                yield return b.Right;
                break;
            case ConditionalExpr c:
                yield return c.Condition;
                yield return c.WhenTrue;
                yield return c.WhenFalse;
                break;
            case ConvertExpr c:
                yield return c.Operand;
                break;
            case MathCallExpr m:
                foreach (var argument in m.Arguments)
                {
                    yield return argument;
                }

                break;
            case CallExpr call:
                foreach (var argument in call.Arguments)
                {
                    yield return argument;
                }

                break;
            case DetachedExpr d:
                yield return d.Operand;
                break;
            case PassThroughExpr p:
                foreach (var hole in p.Holes)
                {
                    yield return hole;
                }

                break;
        }
    }
}
