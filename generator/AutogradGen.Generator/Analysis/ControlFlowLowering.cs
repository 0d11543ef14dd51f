using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Analysis;

/// <summary>
/// Rewrites return, break and continue into structured code with one exit, so that the reverse sweep can
/// replay every statement backwards with nothing but recorded branch decisions and trip counts.
/// </summary>
/// <remarks>
/// A branch that always leaves takes no flag: the statements after the <c>if</c> move into its other branch
/// (<c>if (x &lt; 0) return -x; return x;</c> becomes an if/else). Otherwise the exit sets a flag (returned,
/// broke, skipped) that guards the statements after it and stops the loop; flags nobody reads are removed.
/// </remarks>
internal sealed class ControlFlowLowering
{
    private readonly List<VariableModel> _variables;
    private readonly HashSet<string> _names;
    private readonly HashSet<string> _flagNames = new();
    private readonly string _result;
    private readonly bool _vectorValued;
    private string? _returned;
    private readonly List<string> _outputs;

    private ControlFlowLowering(MethodModel method)
    {
        _variables = method.Variables.ToList();
        _names = new HashSet<string>(_variables.Select(v => v.Name));
        // A vector-valued method's result is its results span: activity starts from it, and a return only leaves.
        _vectorValued = method.IsVectorValued || method.ReturnsVoid;
        // A by-reference helper's results are its ref and out parameters as well (its value too, unless void).
        _outputs = method.Variables.Where(v => v.ReferenceKind is not null).Select(v => v.Name).ToList();
        _result = method.VectorResult ?? Fresh("result", method.ReturnKind);
    }

    public static LoweredMethod Lower(MethodModel method)
    {
        var lowering = new ControlFlowLowering(method);
        var body = lowering.LowerList(method.Body.ToList(), null);
        return lowering.RemoveUnreadFlags(body);
    }

    private List<Stmt> LowerList(IReadOnlyList<Stmt> statements, LoopContext? loop)
    {
        var output = new List<Stmt>();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var rest = statements.Skip(i + 1).ToList();
            switch (statement)
            {
                case ReturnStmt r:
                    if (!_vectorValued)
                    {
                        output.Add(new AssignStmt(r.Line, r.Source, _result, null, r.Value));
                    }

                    output.Add(SetFlag(r, Returned()));
                    return output;
                case BreakStmt b:
                    output.Add(SetFlag(b, loop!.Broke!));
                    return output;
                case ContinueStmt c:
                    output.Add(SetFlag(c, loop!.Skipped!));
                    return output;
                case IfStmt branch when rest.Count > 0 && (AlwaysExits(branch.Then) || AlwaysExits(branch.Else)):
                    var then = AlwaysExits(branch.Then) ? branch.Then.ToList() : branch.Then.Concat(rest).ToList();
                    var otherwise = AlwaysExits(branch.Else) ? branch.Else.ToList() : branch.Else.Concat(rest).ToList();
                    output.Add(branch with { Then = LowerList(then, loop).ToEquatableArray(), Else = LowerList(otherwise, loop).ToEquatableArray() });
                    return output;
                case IfStmt branch:
                    output.Add(branch with { Then = LowerList(branch.Then, loop).ToEquatableArray(), Else = LowerList(branch.Else, loop).ToEquatableArray() });
                    break;
                case LoopStmt inner:
                    output.AddRange(LowerLoop(inner));
                    break;
                default:
                    output.Add(statement);
                    break;
            }

            var flags = ExitFlags(statement, loop);
            if (rest.Count > 0 && flags.Count > 0)
            {
                // The guard reads as what it is in the generated comments: the code after a statement that may leave.
                output.Add(new IfStmt(statement.Line, "after " + statement.Source, Not(flags), LowerList(rest, loop).ToEquatableArray(), EquatableArray<Stmt>.Empty));
                return output;
            }
        }

        return output;
    }

    private IEnumerable<Stmt> LowerLoop(LoopStmt loop)
    {
        var context = new LoopContext(
            Exits<BreakStmt>(loop.Body) ? Fresh("broke", NumberKind.Bool) : null,
            Exits<ContinueStmt>(loop.Body) ? Fresh("skipped", NumberKind.Bool) : null);
        var body = LowerList(loop.Body, context);
        if (context.Skipped is { } skipped)
        {
            body.Insert(0, new AssignStmt(loop.Line, loop.Source, skipped, null, False));
        }

        var stops = new List<string>();
        if (context.Broke is { } broke)
        {
            stops.Add(broke);
            yield return new AssignStmt(loop.Line, loop.Source, broke, null, False);
        }

        if (ContainsReturn(loop.Body))
        {
            stops.Add(Returned());
        }

        var condition = loop.Condition;
        var step = loop.Step;
        if (stops.Count > 0)
        {
            condition = condition is null ? Not(stops) : new BinaryExpr(NumberKind.Bool, BinaryOperator.And, Not(stops), condition);
            if (step.Count > 0 && loop.CountedIndex is null)
            {
                step = EquatableArray.Of<Stmt>(new IfStmt(loop.Line, loop.Source, Not(stops), step, EquatableArray<Stmt>.Empty));
            }
        }

        yield return loop with { Condition = condition, Body = body.ToEquatableArray(), Step = step };
    }

    /// <summary>The flags a statement may set that should stop the statements after it in the same block.</summary>
    private List<string> ExitFlags(Stmt statement, LoopContext? loop)
    {
        var flags = new List<string>();
        if (ContainsReturn(new[] { statement }))
        {
            flags.Add(Returned());
        }

        if (loop?.Broke is { } broke && Exits<BreakStmt>(new[] { statement }))
        {
            flags.Add(broke);
        }

        if (loop?.Skipped is { } skipped && Exits<ContinueStmt>(new[] { statement }))
        {
            flags.Add(skipped);
        }

        return flags;
    }

    private static bool AlwaysExits(IEnumerable<Stmt> statements) => statements.Any(s => s switch
    {
        ReturnStmt or BreakStmt or ContinueStmt => true,
        IfStmt i => AlwaysExits(i.Then) && AlwaysExits(i.Else),
        _ => false,
    });

    private static bool ContainsReturn(IEnumerable<Stmt> statements) => statements.Any(s => s switch
    {
        ReturnStmt => true,
        IfStmt i => ContainsReturn(i.Then) || ContainsReturn(i.Else),
        LoopStmt l => ContainsReturn(l.Body),
        _ => false,
    });

    /// <summary>Whether the statements break or continue the loop that contains them (not an inner loop).</summary>
    private static bool Exits<T>(IEnumerable<Stmt> statements)
        where T : Stmt => statements.Any(s => s switch
        {
            T => true,
            IfStmt i => Exits<T>(i.Then) || Exits<T>(i.Else),
            _ => false,
        });

    private LoweredMethod RemoveUnreadFlags(List<Stmt> body)
    {
        var flags = new HashSet<string>(_flagNames);
        var read = new HashSet<string>();
        Reads(body, read);
        flags.ExceptWith(read);
        var kept = Remove(body, flags);
        var variables = _variables.Where(v => !flags.Contains(v.Name)).ToList();
        return new LoweredMethod(variables, kept, _result) { Outputs = _outputs };
    }

    private static List<Stmt> Remove(IEnumerable<Stmt> statements, HashSet<string> unread) => statements
        .Where(s => s is not AssignStmt a || !unread.Contains(a.Variable))
        .Select(s => s switch
        {
            IfStmt i => i with { Then = Remove(i.Then, unread).ToEquatableArray(), Else = Remove(i.Else, unread).ToEquatableArray() },
            LoopStmt l => l with { Body = Remove(l.Body, unread).ToEquatableArray(), Step = Remove(l.Step, unread).ToEquatableArray() },
            _ => s,
        })
        .ToList();

    private static void Reads(IEnumerable<Stmt> statements, HashSet<string> read)
    {
        foreach (var statement in StmtWalker.Descendants(statements))
        {
            StmtWalker.DirectReads(statement, read);
        }
    }

    private string Returned() => _returned ??= FreshFlag("returned");

    private string Fresh(string baseName, NumberKind kind)
    {
        var name = baseName;
        for (var suffix = 2; _names.Contains(name); suffix++)
        {
            name = baseName + "_" + suffix;
        }

        _names.Add(name);
        _variables.Add(new VariableModel(name, kind, StorageKind.Scalar, IsParameter: false, Differentiated: false));
        if (kind == NumberKind.Bool)
        {
            _flagNames.Add(name);
        }

        return name;
    }

    private string FreshFlag(string baseName) => Fresh(baseName, NumberKind.Bool);

    private static readonly LiteralExpr False = new(NumberKind.Bool, "false");

    private static AssignStmt SetFlag(Stmt origin, string flag) => new(origin.Line, origin.Source, flag, null, new LiteralExpr(NumberKind.Bool, "true"));

    private static Expr Not(IReadOnlyList<string> flags)
    {
        Expr any = new VariableExpr(NumberKind.Bool, flags[0]);
        for (var i = 1; i < flags.Count; i++)
        {
            any = new BinaryExpr(NumberKind.Bool, BinaryOperator.Or, any, new VariableExpr(NumberKind.Bool, flags[i]));
        }

        return new UnaryExpr(NumberKind.Bool, UnaryOperator.Not, any);
    }

    private sealed record LoopContext(string? Broke, string? Skipped);
}
