using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Analysis;

/// <summary>
/// Activity analysis (Tapenade's): a variable is varied when it depends on a differentiated parameter and
/// useful when it reaches the result; only active (varied and useful) floating-point variables get tangents
/// or adjoints. Flow-insensitive over the whole body, which is conservative and simple: a variable active
/// anywhere is active everywhere.
/// </summary>
internal sealed class Activity
{
    private readonly HashSet<string> _active;

    private Activity(HashSet<string> active, HashSet<string> varied)
    {
        _active = active;
        Varied = varied;
    }

    public HashSet<string> Varied { get; }

    public static Activity Analyze(LoweredMethod method)
    {
        var floating = new HashSet<string>(method.Variables.Where(v => v.Kind.IsFloatingPoint()).Select(v => v.Name));
        var assignments = new List<AssignStmt>();
        assignments.AddRange(StmtWalker.Descendants(method.Body).OfType<AssignStmt>());

        // Every floating-point variable takes part, parameters included: one left out of the differentiation list
        // starts inactive and becomes varied when the body assigns it a value that depends on a varied one.
        var varied = new HashSet<string>(method.Variables.Where(v => v.Differentiated).Select(v => v.Name));
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var assignment in assignments)
            {
                if (!varied.Contains(assignment.Variable) && floating.Contains(assignment.Variable)
                    && DifferentiableReads(assignment.Value).Overlaps(varied))
                {
                    changed |= varied.Add(assignment.Variable);
                }
            }
        }

        var useful = new HashSet<string>(method.Outputs) { method.Result };
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var assignment in assignments.Where(a => useful.Contains(a.Variable)))
            {
                foreach (var read in DifferentiableReads(assignment.Value))
                {
                    changed |= useful.Add(read);
                }
            }
        }

        var active = new HashSet<string>(varied.Where(v => useful.Contains(v) && floating.Contains(v)));
        return new Activity(active, varied);
    }

    public bool IsActive(string variable) => _active.Contains(variable);

    /// <summary>Whether a derivative flows through the expression: it reads an active variable differentiably.</summary>
    public bool IsActive(Expr expr) => expr.Kind.IsFloatingPoint() && DifferentiableReads(expr).Overlaps(_active);

    /// <summary>
    /// The variables a derivative can flow from: not through conditions, indices, integer conversions,
    /// zero-derivative functions, WithoutDerivative, or arguments the callee does not differentiate.
    /// </summary>
    public static HashSet<string> DifferentiableReads(Expr expr)
    {
        var reads = new HashSet<string>();
        AddReads(expr, reads);
        return reads;
    }

    /// <summary>AGD0012, AGD0013 and AGD0016: warnings that depend on which values carry a derivative.</summary>
    public IEnumerable<DiagnosticInfo> Warnings(LoweredMethod method)
    {
        var expressions = new List<Expr>();
        expressions.AddRange(StmtWalker.Descendants(method.Body).SelectMany(OwnExpressions));
        foreach (var expr in expressions.SelectMany(Descendants))
        {
            switch (expr)
            {
                case ConvertExpr { WarnIfActive: { } warning } convert when DifferentiableReads(convert.Operand).Overlaps(Varied):
                    yield return warning;
                    break;
                case MathCallExpr { WarnIfActive: { } warning } call when call.Arguments.Any(a => a.Kind.IsFloatingPoint() && DifferentiableReads(a).Overlaps(Varied)):
                    yield return warning;
                    break;
                case CallExpr call:
                    foreach (var dropped in call.DroppedDerivativeWarnings)
                    {
                        if (DifferentiableReadsOfArgument(call.Arguments[dropped.Argument]).Overlaps(Varied))
                        {
                            yield return dropped.Warning;
                        }
                    }

                    break;
            }
        }
    }

    public bool ResultIsVaried(LoweredMethod method) => Varied.Contains(method.Result) || method.Outputs.Any(Varied.Contains);

    /// <summary>The calls a derivative flows through: only these need a derivative of their callee.</summary>
    public IEnumerable<CallExpr> ActiveCalls(LoweredMethod method)
    {
        var expressions = new List<Expr>();
        expressions.AddRange(StmtWalker.Descendants(method.Body).SelectMany(OwnExpressions));
        return expressions.SelectMany(Descendants).OfType<CallExpr>().Where(IsActive);
    }

    private static HashSet<string> DifferentiableReadsOfArgument(Expr argument) =>
        argument is ArrayArgumentExpr array ? new HashSet<string> { array.Array } : DifferentiableReads(argument);

    private static void AddReads(Expr expr, HashSet<string> reads)
    {
        switch (expr)
        {
            case VariableExpr v when v.Kind.IsFloatingPoint():
                reads.Add(v.Name);
                break;
            case ElementExpr e when e.Kind.IsFloatingPoint():
                reads.Add(e.Array);
                break;
            case ArrayArgumentExpr a:
                reads.Add(a.Array);
                break;
            case UnaryExpr { Operator: not UnaryOperator.Not } u:
                AddReads(u.Operand, reads);
                break;
            case BinaryExpr b when !b.Operator.IsComparison() && !b.Operator.IsLogical():
                AddReads(b.Left, reads);
                AddReads(b.Right, reads);
                break;
            case ConditionalExpr c:
                AddReads(c.WhenTrue, reads);
                AddReads(c.WhenFalse, reads);
                break;
            case ConvertExpr c when c.Kind.IsFloatingPoint():
                AddReads(c.Operand, reads);
                break;
            case MathCallExpr m when m.Kind.IsFloatingPoint() && !MathRules.HasZeroDerivative(m.Function):
                foreach (var argument in m.Arguments.Where(a => a.Kind.IsFloatingPoint()))
                {
                    AddReads(argument, reads);
                }

                break;
            case CallExpr call:
                for (var i = 0; i < call.Arguments.Count; i++)
                {
                    if (call.Target.Parameters[i].Differentiated)
                    {
                        AddReads(call.Arguments[i], reads);
                    }
                }

                break;
        }
    }

    private static IEnumerable<Expr> Descendants(Expr expr) => new[] { expr }.Concat(ExprWalker.Children(expr).SelectMany(Descendants));

    /// <summary>The expressions a statement evaluates itself, not those of the statements inside it.</summary>
    private static IEnumerable<Expr> OwnExpressions(Stmt statement) => statement switch
    {
        AssignStmt a => new[] { a.Value },
        IfStmt i => new[] { i.Condition },
        LoopStmt { Condition: { } condition } => new[] { condition },
        _ => Enumerable.Empty<Expr>(),
    };
}
