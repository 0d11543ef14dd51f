using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Expressions whose value is the same wherever in the method they are read after their operands are defined:
/// literals, lengths, parameters the body never assigns, and locals assigned exactly once, outside every loop
/// (combined by operators and conversions). The reverse sweep can evaluate such an expression again and get the
/// value the forward sweep saw, so neither a loop bound nor an increment's step built from them needs recording.
/// </summary>
internal sealed class InvariantValues
{
    private readonly Dictionary<string, (int Count, bool AllOutsideLoops)> _assignments = new();
    private readonly HashSet<string> _parameters = new();

    public InvariantValues(LoweredMethod method)
    {
        foreach (var variable in method.Variables)
        {
            if (variable.IsParameter)
            {
                _parameters.Add(variable.Name);
            }
        }

        Count(method.Body);
    }

    public bool IsInvariant(Expr expr) => expr switch
    {
        LiteralExpr or LengthExpr => true,
        VariableExpr variable => IsAssignedOnceOutsideLoops(variable.Name),
        UnaryExpr unary => IsInvariant(unary.Operand),
        BinaryExpr binary => IsInvariant(binary.Left) && IsInvariant(binary.Right),
        ConvertExpr convert => IsInvariant(convert.Operand),
        PassThroughExpr passThrough => passThrough.Holes.All(IsInvariant),
        _ => false,
    };

    /// <summary>A parameter never assigned, or a local assigned exactly once, outside any loop.</summary>
    public bool IsAssignedOnceOutsideLoops(string variable) =>
        _assignments.TryGetValue(variable, out var assigned)
            ? !_parameters.Contains(variable) && assigned.Count == 1 && assigned.AllOutsideLoops
            : _parameters.Contains(variable);

    private void Count(IEnumerable<Stmt> statements)
    {
        foreach (var (statement, loopDepth) in StmtWalker.DescendantsWithLoopDepth(statements))
        {
            if (statement is AssignStmt a)
            {
                var (count, outside) = _assignments.TryGetValue(a.Variable, out var known) ? known : (0, true);
                _assignments[a.Variable] = (count + 1, outside && loopDepth == 0);
            }
        }
    }
}
