using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Differentiated jagged array parameters (<see cref="MatrixParameter.IsJagged"/>): <c>a[i][j]</c> reads element
/// <c>a_jagged.Index(i, j)</c> of the span parameter <c>a_elements</c> (the rows one after the other), which the
/// emitters differentiate as any span; <c>a[i].Length</c> is <c>a_jagged.RowLength(i)</c> and <c>a.Length</c> a
/// pass-through read of the array itself. A row is named by its array and the int holding its index: <c>foreach
/// (var row in a)</c> and <c>var row = a[i];</c> declare that int, so <c>row[j]</c> reads the row the loop or the
/// declaration chose, even when <c>i</c> changes afterwards.
/// </summary>
internal sealed partial class BodyParser
{
    private readonly Dictionary<IParameterSymbol, (MatrixParameter Jagged, VariableModel Elements)> _jaggedParameters = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, (MatrixParameter Jagged, VariableModel Elements, string Index)> _jaggedRows = new(SymbolEqualityComparer.Default);

    private void RegisterJaggedParameter(MatrixParameter jagged)
    {
        var symbol = _method.Parameters.First(p => p.Name == jagged.Name);
        _jaggedParameters[symbol] = (jagged, _variables.First(v => v.Name == jagged.Elements));
        _usedNames.Add(jagged.Layout!);
    }

    /// <summary>The differentiated jagged parameter <paramref name="operation"/> reads whole (<c>a</c>), if it reads one.</summary>
    private (MatrixParameter Jagged, VariableModel Elements)? JaggedArrayOf(IOperation? operation) =>
        operation is not null && Unwrap(operation) is IParameterReferenceOperation parameter && _jaggedParameters.TryGetValue(parameter.Parameter, out var jagged)
            ? jagged
            : null;

    /// <summary>
    /// The row of a differentiated jagged parameter that <paramref name="operation"/> is: <c>a[i]</c>, or a local
    /// bound to a row. Its index is translated (null, with a diagnostic, when it cannot be).
    /// </summary>
    private bool IsJaggedRow(IOperation? operation, out (MatrixParameter Jagged, VariableModel Elements, Expr? Row) row)
    {
        row = default;
        switch (operation is null ? null : Unwrap(operation))
        {
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when JaggedArrayOf(element.ArrayReference) is { } jagged:
                row = (jagged.Jagged, jagged.Elements, Expression(element.Indices[0]) is { } index ? Coerce(index, NumberKind.Int) : null);
                return true;
            case ILocalReferenceOperation local when _jaggedRows.TryGetValue(local.Local, out var bound):
                row = (bound.Jagged, bound.Elements, new VariableExpr(NumberKind.Int, bound.Index));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether the operation is a row of a jagged parameter, without translating anything.</summary>
    private bool ReadsJaggedRow(IOperation? operation) => (operation is null ? null : Unwrap(operation)) switch
    {
        IArrayElementReferenceOperation { Indices.Length: 1 } element => JaggedArrayOf(element.ArrayReference) is not null,
        ILocalReferenceOperation local => _jaggedRows.ContainsKey(local.Local),
        _ => false,
    };

    /// <summary><c>a[i][j]</c>, <c>row[j]</c>, <c>a[i].Length</c> and <c>row.Length</c> as reads of the elements span and the layout.</summary>
    private bool JaggedExpression(IOperation operation, out Expr? translated)
    {
        translated = null;
        switch (operation)
        {
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when ReadsJaggedRow(element.ArrayReference):
            {
                IsJaggedRow(element.ArrayReference, out var row);
                var column = Expression(element.Indices[0]);
                if (row.Row is null || column is null)
                {
                    return true;
                }

                var index = new PassThroughExpr(NumberKind.Int, new[] { row.Jagged.Layout + ".Index(", ", ", ")" }.ToEquatableArray(),
                    EquatableArray.Of(row.Row, Coerce(column, NumberKind.Int)));
                translated = new ElementExpr(row.Elements.Kind, row.Elements.Name, index);
                return true;
            }

            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance } when ReadsJaggedRow(instance):
            {
                IsJaggedRow(instance, out var row);
                if (row.Row is not null)
                {
                    translated = RowLength(row.Jagged, row.Row);
                }

                return true;
            }

            case ILocalReferenceOperation local when _jaggedRows.ContainsKey(local.Local):
                Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, $"Using the row '{local.Local.Name}' as a value", JaggedAdvice(_jaggedRows[local.Local].Jagged));
                return true;
            default:
                return false;
        }
    }

    private static PassThroughExpr RowLength(MatrixParameter jagged, Expr row) =>
        new(NumberKind.Int, new[] { jagged.Layout + ".RowLength(", ")" }.ToEquatableArray(), EquatableArray.Of(row));

    private static string JaggedAdvice(MatrixParameter jagged) =>
        $"'{jagged.Name}' is a jagged array whose gradient is computed; read its elements ({jagged.Name}[i][j]), the rows' lengths ({jagged.Name}[i].Length) and its length ({jagged.Name}.Length), or pass a row to a [Differentiable] method";

    /// <summary>
    /// A pass-through read that would hand on a differentiated jagged array or one of its rows (<c>a.Clone()</c>,
    /// <c>a[i].Sum()</c>, <c>Table[a[0]]</c>): the derivative through it would be lost. <c>a.Length</c> is the one read of the array itself.
    /// </summary>
    private bool RefusedJaggedRead(IOperation operation)
    {
        if (operation is ILocalReferenceOperation local && _jaggedRows.TryGetValue(local.Local, out var bound))
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, $"Using the row '{local.Local.Name}' as a value", JaggedAdvice(bound.Jagged));
            return true;
        }

        if (JaggedArrayOf(operation) is not { } jagged || operation.Parent is IPropertyReferenceOperation { Property.Name: "Length" } || GuardArgument(operation))
        {
            return false;
        }

        var shown = operation.Parent is IArrayElementReferenceOperation { Indices.Length: 1 } row && row.ArrayReference == operation ? row.Syntax : operation.Syntax;
        Unsupported(DiagnosticDescriptors.UnsupportedExpression, shown, $"'{shown}'", JaggedAdvice(jagged.Jagged));
        return true;
    }

    /// <summary>
    /// The array or one of its rows handed as it is to a guard (<c>ArgumentNullException.ThrowIfNull(a)</c>): it runs
    /// as written and no derivative flows through it; the twin's <c>Tensor[]</c> and row tensors take the same call.
    /// </summary>
    private bool GuardArgument(IOperation operation)
    {
        if (_guardDepth == 0)
        {
            return false;
        }

        var handed = operation.Parent is IArrayElementReferenceOperation { Indices.Length: 1 } row && row.ArrayReference == operation ? row : operation;
        while (handed.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            handed = conversion;
        }

        return handed.Parent is IArgumentOperation;
    }

    /// <summary>
    /// A call handed a differentiated jagged array whole, or one of its rows where the callee cannot take its
    /// derivative: AGD0086.
    /// </summary>
    private bool RefusedJaggedCall(IInvocationOperation invocation, IMethodSymbol method, bool differentiable)
    {
        var withRespectTo = differentiable ? DifferentiableNames(method.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName)) : null;
        var operands = new[] { invocation.Instance }.Concat(invocation.Arguments.Where(a => WholeArrayArgument(a, differentiable, withRespectTo) is null).Select(a => a.Value))
            .Where(o => o is not null).ToList();
        if (operands.FirstOrDefault(o => JaggedArrayOf(o) is not null) is { } whole)
        {
            var why = differentiable
                ? "the parameter it is passed to is not a differentiated jagged array of the same element type (it is left out of the callee's [Differentiable] list, or is of another type), so the derivative through it would be lost; differentiate that parameter in the callee, or pass the rows (" + Unwrap(whole).Syntax + "[i]) to parameters of type double[] or ReadOnlySpan<double>"
                : "the method is not [Differentiable], so the derivative through it would be lost; mark it [Differentiable], or read the elements here (" + Unwrap(whole).Syntax + "[i][j])";
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JaggedPassedToCall, invocation.Syntax.GetLocation(),
                method.ToDisplayString(), "jagged array '" + Unwrap(whole).Syntax + "'", why));
            return true;
        }

        var rowArgument = invocation.Arguments.FirstOrDefault(a => ReadsJaggedRow(a.Value));
        var rowOperand = invocation.Instance is { } instance && ReadsJaggedRow(instance) ? instance : rowArgument?.Value;
        if (rowOperand is null)
        {
            return false;
        }

        var takesRow = differentiable && invocation.Instance != rowOperand && rowArgument?.Parameter is { } parameter
            && TypeClassifier.Classify(parameter.Type) is { Storage: StorageKind.Array or StorageKind.ReadOnlySpan };
        if (takesRow)
        {
            return false;
        }

        var reason = !differentiable
            ? "the method is not [Differentiable], so the derivative through it would be lost; mark it [Differentiable], or read the elements here (row[j])"
            : "a row can be passed only to a parameter of type double[] or ReadOnlySpan<double> (float[] or ReadOnlySpan<float> for float rows), which the callee reads without writing";
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JaggedPassedToCall, invocation.Syntax.GetLocation(),
            method.ToDisplayString(), "row '" + Unwrap(rowOperand).Syntax + "' of a jagged array", reason));
        return true;
    }

    /// <summary>
    /// <c>foreach (var row in a)</c> over a differentiated jagged parameter: the counted loop
    /// <c>for (int rowIndex = 0; rowIndex &lt; a.Length; rowIndex++)</c>, with <c>row</c> standing for <c>a[rowIndex]</c>.
    /// </summary>
    private bool JaggedForEach(IForEachLoopOperation loop, List<Stmt> output)
    {
        if (ReadsJaggedRow(loop.Collection))
        {
            RowForEach(loop, output);
            return true;
        }

        if (JaggedArrayOf(loop.Collection) is not { } jagged)
        {
            return false;
        }

        if (loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: var element })
        {
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, loop.Syntax, "This 'foreach' loop", "declare the element variable in the loop header");
            return true;
        }

        var line = Line(loop.Syntax);
        var source = Regex.Replace(loop.Syntax is ForEachStatementSyntax s ? "foreach (" + s.Type + " " + s.Identifier + " in " + s.Expression + ")" : loop.Syntax.ToString(), @"\s+", " ");
        var index = DeclareSynthetic(element.Name + "Index", NumberKind.Int);
        _jaggedRows[element] = (jagged.Jagged, jagged.Elements, index);
        var indexExpr = new VariableExpr(NumberKind.Int, index);
        output.Add(new AssignStmt(line, source, index, null, new LiteralExpr(NumberKind.Int, "0")));
        _loopDepth++;
        var body = new List<Stmt>();
        Statement(loop.Body, body);
        _loopDepth--;
        var step = new AssignStmt(line, source, index, null, new BinaryExpr(NumberKind.Int, BinaryOperator.Add, indexExpr, new LiteralExpr(NumberKind.Int, "1")));
        var rows = new PassThroughExpr(NumberKind.Int, new[] { PassThroughName(jagged.Jagged.Name) + ".Length" }.ToEquatableArray(), EquatableArray<Expr>.Empty);
        var condition = new BinaryExpr(NumberKind.Bool, BinaryOperator.Less, indexExpr, rows);
        output.Add(new LoopStmt(line, source, condition, body.ToEquatableArray(), EquatableArray.Of<Stmt>(step), false, index, 1, "0"));
        return true;
    }

    /// <summary>
    /// <c>var row = a[i];</c>: the int local <c>rowIndex = i</c>, with <c>row</c> standing for <c>a[rowIndex]</c>. The row
    /// local must not be assigned again (a later <c>row = a[k]</c> would make one name stand for two rows).
    /// </summary>
    private bool JaggedRowDeclarator(ILocalSymbol local, IOperation? initializer, SyntaxNode statementSyntax, List<Stmt> output)
    {
        if (initializer is null || !ReadsJaggedRow(initializer))
        {
            return false;
        }

        var reassigned = _method.DeclaringSyntaxReferences.SelectMany(r => r.GetSyntax().DescendantNodes()).OfType<AssignmentExpressionSyntax>()
            .Any(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(_semanticModel.GetSymbolInfo(name).Symbol, local));
        if (reassigned)
        {
            // Its later uses are explained by this one diagnostic.
            _refusedLocals.Add(local);
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, statementSyntax, $"The row local '{local.Name}', assigned again later",
                "a local bound to a row of a jagged array whose gradient is computed is bound once; declare a new local for another row");
            return true;
        }

        IsJaggedRow(initializer, out var row);
        if (row.Row is null)
        {
            return true;
        }

        var index = DeclareSynthetic(local.Name + "Index", NumberKind.Int);
        _jaggedRows[local] = (row.Jagged, row.Elements, index);
        // a_jagged.Row(i) is i, checked as the original's a[i] is (it throws for a row outside the array or a null array).
        var checkedRow = new PassThroughExpr(NumberKind.Int, new[] { row.Jagged.Layout + ".Row(", ")" }.ToEquatableArray(), EquatableArray.Of(row.Row!));
        output.Add(new AssignStmt(Line(statementSyntax), SourceText(statementSyntax), index, null, checkedRow));
        return true;
    }

    /// <summary>
    /// <c>foreach (var v in row)</c> over a row (<c>a[i]</c> or a row local): the row's index is fixed first
    /// (<c>vRow = a_jagged.Row(i)</c>), then the counted loop over its elements, <c>v</c> = the element at
    /// <c>a_jagged.Index(vRow, vIndex)</c>, up to <c>a_jagged.RowLength(vRow)</c>.
    /// </summary>
    private void RowForEach(IForEachLoopOperation loop, List<Stmt> output)
    {
        if (loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: var element })
        {
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, loop.Syntax, "This 'foreach' loop", "declare the element variable in the loop header");
            return;
        }

        IsJaggedRow(loop.Collection, out var row);
        if (row.Row is null)
        {
            return;
        }

        var line = Line(loop.Syntax);
        var source = Regex.Replace(loop.Syntax is ForEachStatementSyntax s ? "foreach (" + s.Type + " " + s.Identifier + " in " + s.Expression + ")" : loop.Syntax.ToString(), @"\s+", " ");
        var rowIndex = DeclareSynthetic(element.Name + "Row", NumberKind.Int);
        var rowExpr = new VariableExpr(NumberKind.Int, rowIndex);
        output.Add(new AssignStmt(line, source, rowIndex, null,
            new PassThroughExpr(NumberKind.Int, new[] { row.Jagged.Layout + ".Row(", ")" }.ToEquatableArray(), EquatableArray.Of(row.Row))));
        var index = DeclareSynthetic(element.Name + "Index", NumberKind.Int);
        var indexExpr = new VariableExpr(NumberKind.Int, index);
        var elementKind = TypeClassifier.Scalar(element.Type) ?? row.Elements.Kind;
        var elementName = DeclareLocal(element, elementKind, StorageKind.Scalar);
        output.Add(new AssignStmt(line, source, index, null, new LiteralExpr(NumberKind.Int, "0")));
        _loopDepth++;
        var at = new PassThroughExpr(NumberKind.Int, new[] { row.Jagged.Layout + ".Index(", ", ", ")" }.ToEquatableArray(), EquatableArray.Of<Expr>(rowExpr, indexExpr));
        var body = new List<Stmt> { new AssignStmt(line, source, elementName, null, Coerce(new ElementExpr(row.Elements.Kind, row.Elements.Name, at), elementKind)) };
        Statement(loop.Body, body);
        _loopDepth--;
        var step = new AssignStmt(line, source, index, null, new BinaryExpr(NumberKind.Int, BinaryOperator.Add, indexExpr, new LiteralExpr(NumberKind.Int, "1")));
        var condition = new BinaryExpr(NumberKind.Bool, BinaryOperator.Less, indexExpr, RowLength(row.Jagged, rowExpr));
        output.Add(new LoopStmt(line, source, condition, body.ToEquatableArray(), EquatableArray.Of<Stmt>(step), false, index, 1, "0"));
    }

    private static string PassThroughName(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? name : "@" + name;
}
