using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// A local 2-D array, <c>var L = new double[n, n];</c> (a Cholesky factor, a dynamic-programming table): one 1-D local
/// array of <c>rows · columns</c> elements, row after row as the CLR stores it, with its shape in two int locals
/// (<c>L_rows</c>, <c>L_columns</c>) set once where it is declared. <c>L[i, j]</c> reads and writes element
/// <c>i * L_columns + j</c>, so the emitters differentiate, record and restore it as any local array's;
/// <c>L.GetLength(0)</c>, <c>L.GetLength(1)</c>, <c>L.Length</c> and <c>L.Rank</c> read the shape.
/// </summary>
internal sealed partial class BodyParser
{
    private readonly Dictionary<ILocalSymbol, (string Elements, NumberKind Kind, string Rows, string Columns)> _localMatrices = new(SymbolEqualityComparer.Default);

    /// <summary>Declares a local 2-D array of numbers allocated where it is declared; false for any other local.</summary>
    private bool LocalMatrixDeclarator(ILocalSymbol local, IOperation? initializer, SyntaxNode statementSyntax, List<Stmt> output)
    {
        if (local.Type is not IArrayTypeSymbol { Rank: 2 } arrayType || TypeClassifier.Scalar(arrayType.ElementType) is not { } kind || !kind.IsFloatingPoint()
            || initializer is null || Unwrap(initializer) is not IArrayCreationOperation { DimensionSizes.Length: 2, Initializer: null } creation)
        {
            return false;
        }

        if (_inlining.Count > 0 || _loopDepth > 0 || statementSyntax.Parent is not BlockSyntax { Parent: MethodDeclarationSyntax })
        {
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, statementSyntax, "A 2-D array allocated inside a loop, a branch or an inlined helper",
                "allocate local arrays at the top level of the method body and reuse them inside loops");
            _refusedLocals.Add(local);
            return true;
        }

        var rows = HoistingExpression(creation.DimensionSizes[0], output);
        var columns = rows is null ? null : HoistingExpression(creation.DimensionSizes[1], output);
        if (rows is null || columns is null)
        {
            _refusedLocals.Add(local);
            return true;
        }

        var line = Line(statementSyntax);
        var source = SourceText(statementSyntax);
        var rowsName = DeclareSynthetic(local.Name + "_rows", NumberKind.Int);
        output.Add(new AssignStmt(line, source, rowsName, null, Coerce(rows, NumberKind.Int)));
        var columnsName = DeclareSynthetic(local.Name + "_columns", NumberKind.Int);
        output.Add(new AssignStmt(line, source, columnsName, null, Coerce(columns, NumberKind.Int)));
        var name = DeclareLocal(local, kind, StorageKind.Array);
        var length = new BinaryExpr(NumberKind.Int, BinaryOperator.Multiply, new VariableExpr(NumberKind.Int, rowsName), new VariableExpr(NumberKind.Int, columnsName));
        output.Add(new AllocateStmt(line, source, name, length, OnStack: false));
        _localMatrices[local] = (name, kind, rowsName, columnsName);
        return true;
    }

    private bool IsLocalMatrix(IOperation? operation, out (string Elements, NumberKind Kind, string Rows, string Columns) matrix)
    {
        matrix = default;
        return operation is not null && Unwrap(operation) is ILocalReferenceOperation reference && _localMatrices.TryGetValue(reference.Local, out matrix);
    }

    /// <summary><c>L[i, j]</c>, <c>L.GetLength(k)</c>, <c>L.Length</c>, <c>L.Rank</c> of a local 2-D array.</summary>
    private bool LocalMatrixRead(IOperation operation, out Expr? lowered)
    {
        lowered = null;
        switch (operation)
        {
            case IArrayElementReferenceOperation { Indices.Length: 2 } element when IsLocalMatrix(element.ArrayReference, out var matrix):
                lowered = LocalMatrixIndex(matrix.Columns, element) is { } index ? new ElementExpr(matrix.Kind, matrix.Elements, index) : null;
                return true;
            case IInvocationOperation { TargetMethod.Name: "GetLength", Arguments.Length: 1 } call when IsLocalMatrix(call.Instance, out var shaped):
                lowered = call.Arguments[0].Value.ConstantValue.Value switch
                {
                    0 => new VariableExpr(NumberKind.Int, shaped.Rows),
                    1 => new VariableExpr(NumberKind.Int, shaped.Columns),
                    _ => UnsupportedLocalMatrixUse(call),
                };
                return true;
            case IPropertyReferenceOperation { Property.Name: "Length" } length when IsLocalMatrix(length.Instance, out var sized):
                lowered = new BinaryExpr(NumberKind.Int, BinaryOperator.Multiply, new VariableExpr(NumberKind.Int, sized.Rows), new VariableExpr(NumberKind.Int, sized.Columns));
                return true;
            case IPropertyReferenceOperation { Property.Name: "Rank" } rank when IsLocalMatrix(rank.Instance, out _):
                lowered = new LiteralExpr(NumberKind.Int, "2");
                return true;
            case IPropertyReferenceOperation or IInvocationOperation when IsLocalMatrix((operation as IPropertyReferenceOperation)?.Instance ?? (operation as IInvocationOperation)?.Instance, out _):
                lowered = UnsupportedLocalMatrixUse(operation);
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>L[i, j] = …</c> (and compound assignments) into a local 2-D array.</summary>
    private bool LocalMatrixTarget(IOperation target, out AssignTarget? lowered)
    {
        lowered = null;
        if (target is not IArrayElementReferenceOperation { Indices.Length: 2 } element || !IsLocalMatrix(element.ArrayReference, out var matrix))
        {
            return false;
        }

        lowered = LocalMatrixIndex(matrix.Columns, element) is { } index ? new AssignTarget(matrix.Elements, matrix.Kind, index) : null;
        return true;
    }

    private Expr? LocalMatrixIndex(string columns, IArrayElementReferenceOperation element)
    {
        var row = Expression(element.Indices[0]);
        var column = row is null ? null : Expression(element.Indices[1]);
        if (row is null || column is null)
        {
            return null;
        }

        return new BinaryExpr(NumberKind.Int, BinaryOperator.Add,
            new BinaryExpr(NumberKind.Int, BinaryOperator.Multiply, Coerce(row, NumberKind.Int), new VariableExpr(NumberKind.Int, columns)), Coerce(column, NumberKind.Int));
    }

    private Expr? UnsupportedLocalMatrixUse(IOperation operation)
    {
        Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, $"'{operation.Syntax}' on a local 2-D array",
            "a local 2-D array can be indexed (L[i, j]) and measured (GetLength(0), GetLength(1), Length, Rank)");
        return null;
    }
}
