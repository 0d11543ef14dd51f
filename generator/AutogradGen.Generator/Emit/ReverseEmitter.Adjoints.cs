using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Emit;

/// <summary>Adjoints of expressions: each operand's adjoint gains adjoint × partial (one rule table).</summary>
internal sealed partial class ReverseEmitter
{
    private const string ResultToken = "\u0001result\u0001";

    /// <summary>Per adjoint target (<c>bBar</c>, <c>vAdjoint[i]</c>), the contributions of the statement being emitted, in order.</summary>
    private List<(string Target, List<string> Terms)>? _contributions;

    /// <summary>
    /// Emits the adjoint code of one expression and then one <c>target += …</c> per adjoint it reaches, with every
    /// contribution to that adjoint summed in it (<c>100.0 * b * b</c> gives <c>bBar += g2 * 100.0 + g1 * t3;</c>,
    /// not two statements). Only additions are deferred: nothing in between reads an adjoint it contributes to.
    /// </summary>
    private void AdjointStatement(Expr expr, string adjoint, Dictionary<Expr, string> computed)
    {
        var outer = _contributions;
        _contributions = new List<(string, List<string>)>();
        Adjoint(expr, adjoint, computed);
        foreach (var (target, terms) in _contributions)
        {
            var sum = new System.Text.StringBuilder(terms[0]);
            foreach (var term in terms.Skip(1))
            {
                // "-g4" (a negated primary, what Scale makes of a partial of -1) reads better as a subtraction.
                var negatedPrimary = term.Length > 1 && term[0] == '-' && (term[1] == '(' || term[1] == '_' || char.IsLetter(term[1]));
                sum.Append(negatedPrimary ? " - " + term.Substring(1) : " + " + term);
            }

            Writer.Line(target + " += " + sum + ";");
        }

        _contributions = outer;
    }

    private void Contribute(string target, string adjoint)
    {
        if (_summedAdjoints.TryGetValue(target, out var local))
        {
            target = local;
        }

        var entry = _contributions!.FirstOrDefault(c => c.Target == target);
        if (entry.Terms is null)
        {
            _contributions!.Add((target, new List<string> { adjoint }));
        }
        else
        {
            entry.Terms.Add(adjoint);
        }
    }

    /// <summary>Adds <paramref name="adjoint"/> (a simple text) times ∂expr/∂x to the adjoint of every active x in expr.</summary>
    private void Adjoint(Expr expr, string adjoint, Dictionary<Expr, string> computed)
    {
        if (!Activity.IsActive(expr))
        {
            return;
        }

        switch (expr)
        {
            case VariableExpr variable:
                Contribute(_adjoints[variable.Name], adjoint);
                break;
            case ElementExpr element:
                Contribute(_adjoints[element.Array] + "[" + ExprPrinter.Print(element.Index) + "]", adjoint);
                break;
            case ConvertExpr convert:
                Pass(convert.Operand, "(" + convert.Operand.Kind.Keyword() + ")" + adjoint, computed);
                break;
            case ConditionalExpr conditional:
                Writer.Open("if (" + ExprPrinter.Print(conditional.Condition) + ")");
                AdjointStatement(conditional.WhenTrue, adjoint, new Dictionary<Expr, string>(computed));
                Writer.Close();
                Writer.Open("else");
                AdjointStatement(conditional.WhenFalse, adjoint, new Dictionary<Expr, string>(computed));
                Writer.Close();
                break;
            case CallExpr call:
                CallAdjoint(call, adjoint, computed);
                break;
            case BinaryExpr { Operator: BinaryOperator.Multiply, Left: VariableExpr or ElementExpr } square when square.Left == square.Right:
                // a * a: its two equal contributions (adjoint × a, twice) become one, adjoint × 2a.
                Pass(square.Left, LocalPartials.Scale(adjoint, Literals.Two(square.Kind) + " * " + ExprPrinter.Print(square.Left)), computed);
                break;
            default:
                var operands = LocalPartials.Operands(expr);
                var tokens = operands.Select((_, i) => "\u0001operand" + i + "\u0001").ToList();
                var partials = LocalPartials.For(expr, tokens, ResultToken);
                for (var i = 0; i < operands.Count; i++)
                {
                    if (partials[i] is not { } partial || !Activity.IsActive(operands[i]))
                    {
                        continue;
                    }

                    // Operand and result values are computed only when a partial uses them: the reverse sweep may
                    // read only what the forward sweep restored.
                    for (var j = 0; j < operands.Count; j++)
                    {
                        if (partial.Contains(tokens[j]))
                        {
                            partial = partial.Replace(tokens[j], Value(operands[j], computed));
                        }
                    }

                    if (partial.Contains(ResultToken))
                    {
                        partial = partial.Replace(ResultToken, Value(expr, computed));
                    }

                    Pass(operands[i], LocalPartials.Scale(adjoint, ReadHeldValues(partial)), computed);
                }

                break;
        }
    }

    /// <summary>
    /// Adjoint elements (<c>centeredBar[column]</c>) summed in a local while the reverse loop that only adds to them
    /// runs (<see cref="InvariantAdjointElements"/>), by the text <see cref="Contribute"/> would add to.
    /// </summary>
    private readonly Dictionary<string, string> _summedAdjoints = new();

    /// <summary>
    /// Before a reverse loop: loads each adjoint element the loop only adds to, at an index it does not change,
    /// into a local that takes its additions (when the loop runs at all: the index may be out of range otherwise).
    /// </summary>
    private List<(string Target, string Local)> SumInvariantAdjointsInLocals(LoopStmt loop, string count)
    {
        var summed = new List<(string Target, string Local)>();
        foreach (var element in InvariantAdjointElements.Find(loop, Activity, _adjoints))
        {
            var adjoint = _adjoints[element.Array];
            var target = adjoint + "[" + ExprPrinter.Print(element.Index) + "]";
            if (_summedAdjoints.ContainsKey(target))
            {
                continue; // an enclosing loop already sums it in a local
            }

            var kind = Variables[element.Array].Kind;
            var local = Names.Fresh(adjoint + (element.Index is VariableExpr v ? "At" + char.ToUpperInvariant(v.Name[0]) + v.Name.Substring(1) : "Element"));
            if (summed.Count == 0)
            {
                Writer.Line("// Added to at an index this loop does not change: summed in a local (the same additions, in order), stored after it.");
            }

            Writer.Line(kind.Keyword() + " " + local + " = (" + count + ") > 0 ? " + target + " : " + Zero(kind) + ";");
            _summedAdjoints[target] = local;
            summed.Add((target, local));
        }

        return summed;
    }

    /// <summary>After the reverse loop: stores the locals of <see cref="SumInvariantAdjointsInLocals"/> back.</summary>
    private void StoreSummedAdjoints(List<(string Target, string Local)> summed, string count)
    {
        foreach (var (target, local) in summed)
        {
            Writer.Line("if ((" + count + ") > 0) " + target + " = " + local + ";");
            _summedAdjoints.Remove(target);
        }
    }

    /// <summary>Hands an adjoint to an operand: straight into a variable's adjoint, or through a temporary.</summary>
    private void Pass(Expr operand, string adjoint, Dictionary<Expr, string> computed)
    {
        if (operand is VariableExpr or ElementExpr || IsIdentifier(adjoint))
        {
            Adjoint(operand, adjoint, computed);
            return;
        }

        Adjoint(operand, AdjointTemporary(operand.Kind, adjoint), computed);
    }

    private static bool IsIdentifier(string text) => text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');
}
