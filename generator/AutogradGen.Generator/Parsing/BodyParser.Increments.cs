using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// <c>++k</c>, <c>k++</c>, <c>--k</c>, <c>k--</c> inside an expression (<c>if (++k &gt;= 30)</c>, <c>Math.Exp(-r * ++t)</c>)
/// where a statement can go before it: the update becomes an assignment before the statement, and the expression
/// reads the new value (prefix) or the old one kept in a local (postfix). Only when the statement names the variable
/// nowhere else, so that moving the update first changes no other read.
/// </summary>
internal sealed partial class BodyParser
{
    private bool HoistedIncrement(IIncrementOrDecrementOperation update, out Expr? value)
    {
        value = null;
        if (_hoistTarget is not { } output || Variable(update.Target) is not { Storage: StorageKind.Scalar } variable
            || update.Target is not (ILocalReferenceOperation or IParameterReferenceOperation) || NamedElsewhere(update))
        {
            return false;
        }

        var syntax = update.Syntax;
        var line = Line(syntax);
        var source = SourceText(syntax);
        var current = new VariableExpr(variable.Kind, variable.Name);
        var one = new LiteralExpr(variable.Kind, variable.Kind switch { NumberKind.Int => "1", NumberKind.Float => "1f", _ => "1.0" });
        var op = update.Kind == OperationKind.Increment ? BinaryOperator.Add : BinaryOperator.Subtract;
        if (update.IsPostfix)
        {
            // The old value is the expression's: kept before the update.
            value = MaterializeInto(current, variable.Name + "Before", line, source, output, force: true);
        }

        output.Add(new AssignStmt(line, source, variable.Name, null, new BinaryExpr(variable.Kind, op, current, one)));
        value ??= current;
        return true;
    }

    /// <summary>Whether the statement around the update names its variable anywhere but in the update itself.</summary>
    private static bool NamedElsewhere(IIncrementOrDecrementOperation update)
    {
        var name = update.Target.Syntax is IdentifierNameSyntax id ? id.Identifier.ValueText : null;
        var statement = update.Syntax.FirstAncestorOrSelf<StatementSyntax>();
        return name is null || statement is null || statement is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax
            || statement.DescendantNodes().OfType<IdentifierNameSyntax>().Count(n => n.Identifier.ValueText == name) != 1;
    }
}
