using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Differentiated 2-D array parameters (<see cref="MatrixParameter"/>): <c>w[i, j]</c> reads element
/// <c>i * w.GetLength(1) + j</c> of the span parameter <c>w_elements</c>, which the emitters differentiate as any
/// span; <c>w.GetLength(k)</c> and <c>w.Length</c> stay pass-through reads of the array itself.
/// </summary>
internal sealed partial class BodyParser
{
    private readonly Dictionary<IParameterSymbol, VariableModel> _matrixElements = new(SymbolEqualityComparer.Default);

    private void RegisterMatrixParameters(IReadOnlyList<MatrixParameter> matrixParameters)
    {
        foreach (var matrix in matrixParameters)
        {
            if (matrix.IsJagged)
            {
                RegisterJaggedParameter(matrix);
                continue;
            }

            var symbol = _method.Parameters.First(p => p.Name == matrix.Name);
            _matrixElements[symbol] = _variables.First(v => v.Name == matrix.Elements);
        }
    }

    /// <summary>The elements span of the differentiated 2-D array parameter <paramref name="operation"/> reads, if it reads one.</summary>
    private VariableModel? MatrixElements(IOperation? operation) =>
        operation is not null && Unwrap(operation) is IParameterReferenceOperation parameter && _matrixElements.TryGetValue(parameter.Parameter, out var elements)
            ? elements
            : null;

    /// <summary><c>w[i, j]</c> as <c>w_elements[i * w.GetLength(1) + j]</c> (the CLR stores 2-D arrays row after row).</summary>
    private Expr? MatrixElement(IArrayElementReferenceOperation element)
    {
        var elements = MatrixElements(element.ArrayReference)!;
        var row = Expression(element.Indices[0]);
        var column = Expression(element.Indices[1]);
        if (row is null || column is null)
        {
            return null;
        }

        var parameter = ((IParameterReferenceOperation)Unwrap(element.ArrayReference)).Parameter;
        var name = SyntaxFacts.GetKeywordKind(parameter.Name) == SyntaxKind.None ? parameter.Name : "@" + parameter.Name;
        var columns = new PassThroughExpr(NumberKind.Int, new[] { name + ".GetLength(1)" }.ToEquatableArray(), EquatableArray<Expr>.Empty);
        var index = new BinaryExpr(NumberKind.Int, BinaryOperator.Add,
            new BinaryExpr(NumberKind.Int, BinaryOperator.Multiply, Coerce(row, NumberKind.Int), columns), Coerce(column, NumberKind.Int));
        return new ElementExpr(elements.Kind, elements.Name, index);
    }

    /// <summary>
    /// A member of a differentiated 2-D array other than its shape (<c>w.LongLength</c>): the tape twin holds the array
    /// as a 2-d tensor, which has <c>Length</c> (through its elements), <c>Rank</c> and <c>GetLength</c> only.
    /// </summary>
    private bool RefusedMatrixMember(IOperation operation)
    {
        if (operation is not IPropertyReferenceOperation { Instance: { } instance } property || MatrixElements(instance) is null
            || property.Property.Name is "Length" or "Rank")
        {
            return false;
        }

        Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, $"'{operation.Syntax}'", MatrixShapeAdvice(instance));
        return true;
    }

    /// <summary>
    /// A differentiated 2-D or jagged parameter handed whole to a [Differentiable] callee that differentiates a
    /// parameter of the same type: the caller's tangent and adjoint arrays go with it.
    /// </summary>
    private ArrayArgumentExpr? WholeArrayArgument(IArgumentOperation argument, bool differentiable, HashSet<string>? withRespectTo)
    {
        if (!differentiable || argument.Parameter is not { } parameter || parameter.RefKind != RefKind.None
            || withRespectTo is not null && !withRespectTo.Contains(parameter.Name))
        {
            return null;
        }

        var name = Unwrap(argument.Value) is IParameterReferenceOperation reference ? PassThroughName(reference.Parameter.Name) : null;
        if (MatrixElements(argument.Value) is { } elements && TypeClassifier.MatrixElement(parameter.Type) == elements.Kind)
        {
            return new ArrayArgumentExpr(elements.Kind, elements.Name) { WholeArray = name };
        }

        if (JaggedArrayOf(argument.Value) is { } jagged && TypeClassifier.JaggedElement(parameter.Type) == jagged.Elements.Kind)
        {
            return new ArrayArgumentExpr(jagged.Elements.Kind, jagged.Elements.Name) { WholeArray = name };
        }

        return null;
    }

    private static string MatrixShapeAdvice(IOperation matrix) =>
        $"it is a member of the 2-D array '{Unwrap(matrix).Syntax}', whose gradient is computed; read its elements ({Unwrap(matrix).Syntax}[i, j]) and its shape with Length, Rank and GetLength(k)";

    /// <summary>
    /// A call that is handed a differentiated 2-D array (as an argument or as its receiver) and would lose its
    /// derivative: AGD0085. <c>GetLength</c> is the one method called on it (the twin's tensor has it too); any other is AGD0006.
    /// </summary>
    private bool RefusedMatrixCall(IInvocationOperation invocation, IMethodSymbol method, bool differentiable)
    {
        if (MatrixElements(invocation.Instance) is not null)
        {
            if (method.Name == "GetLength")
            {
                return false;
            }

            // w.GetUpperBound(0), w.Clone(): a method of the array itself, not a call that could be differentiated.
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, invocation.Syntax, $"'{invocation.Syntax}'", MatrixShapeAdvice(invocation.Instance!));
            return true;
        }

        var withRespectTo = differentiable ? DifferentiableNames(method.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName)) : null;
        var passed = new[] { invocation.Instance }.Concat(invocation.Arguments.Where(a => WholeArrayArgument(a, differentiable, withRespectTo) is null).Select(a => a.Value))
            .FirstOrDefault(o => MatrixElements(o) is not null);
        if (passed is null)
        {
            return false;
        }

        var why = differentiable
            ? "the parameter it is passed to is not a differentiated 2-D array of the same element type (it is left out of the callee's [Differentiable] list, or is of another type), so the derivative through it would be lost; differentiate that parameter in the callee, or read the elements here (w[i, j])"
            : "the method is not [Differentiable], so the derivative through it would be lost; mark it [Differentiable], or read the elements here (w[i, j])";
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MatrixPassedToCall, invocation.Syntax.GetLocation(),
            method.ToDisplayString(), Unwrap(passed).Syntax.ToString(), why));
        return true;
    }
}
