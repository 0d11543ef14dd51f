using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// <c>Enumerable.Range(a, n)</c> as the sequence of a LINQ reduction (<c>Enumerable.Range(0, n).Sum(i =&gt; x[i] * w[i])</c>,
/// <c>.Average(...)</c>, through <c>Select</c>): the integers <c>a, a + 1, …, a + n - 1</c>, read by the reduction's
/// loop index. <c>a</c> and <c>n</c> are evaluated once, before the loop, into int locals, as Enumerable.Range does.
/// No derivative flows through the integers; it flows through what the selector reads with them.
/// </summary>
internal sealed partial class BodyParser
{
    private static bool IsEnumerableRange(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod: { Name: "Range", ContainingType: { } type }, Arguments.Length: 2 }
        && type.ToDisplayString() == "System.Linq.Enumerable";

    /// <summary>The range's sequence, its start and count hoisted into <c>rangeStart</c>/<c>rangeCount</c>; null when either does not parse (reported).</summary>
    private LinqSequence? RangeSequence(IInvocationOperation range)
    {
        var arguments = System.Linq.Enumerable.ToList(System.Linq.Enumerable.OrderBy(range.Arguments, a => a.Parameter?.Ordinal ?? 0));
        if (_hoistTarget is not { } output || Expression(arguments[0].Value) is not { } start || Expression(arguments[1].Value) is not { } count)
        {
            return null;
        }

        var line = Line(range.Syntax);
        var text = SourceText(range.Syntax);
        var startName = DeclareSynthetic("rangeStart", NumberKind.Int);
        var countName = DeclareSynthetic("rangeCount", NumberKind.Int);
        output.Add(new AssignStmt(line, text, startName, null, start));
        output.Add(new AssignStmt(line, text, countName, null, count));
        // A negative count throws in Enumerable.Range; an empty loop would return 0 silently instead.
        var countExpr = new VariableExpr(NumberKind.Int, countName);
        var thrown = new PassThroughExpr(NumberKind.Int, EquatableArray.Of("throw new global::System.ArgumentOutOfRangeException(\"count\")"), EquatableArray<Expr>.Empty, "void");
        output.Add(new IfStmt(line, text, new BinaryExpr(NumberKind.Bool, BinaryOperator.Less, countExpr, new LiteralExpr(NumberKind.Int, "0")),
            EquatableArray.Of<Stmt>(new GuardStmt(line, text, thrown)), EquatableArray<Stmt>.Empty));
        var startExpr = new VariableExpr(NumberKind.Int, startName);
        return new LinqSequence("range", at => new BinaryExpr(NumberKind.Int, BinaryOperator.Add, startExpr, at), countExpr);
    }
}
