using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// <c>prices is null</c>, <c>prices is not null</c>, <c>prices == null</c> and <c>prices != null</c> on an array parameter,
/// differentiated or not, in a guard clause (<c>if (prices is null || prices.Length == 0) throw …;</c>): a bool that
/// carries no derivative, read as written. Every generated member keeps the parameter an array (the tape twin's
/// tensor or tensors are references too), so the test means what it means in the original.
/// </summary>
internal sealed partial class BodyParser
{
    private bool NullTestOfArrayParameter(IOperation operation, out Expr? lowered)
    {
        lowered = null;
        (IOperation Tested, bool IsNull)? test = operation switch
        {
            IIsPatternOperation { Pattern: IConstantPatternOperation constant } isNull when IsNullConstant(constant.Value) => (isNull.Value, true),
            IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } isNotNull when IsNullConstant(constant.Value) => (isNotNull.Value, false),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary when IsNullConstant(binary.RightOperand) =>
                (binary.LeftOperand, binary.OperatorKind == BinaryOperatorKind.Equals),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary when IsNullConstant(binary.LeftOperand) =>
                (binary.RightOperand, binary.OperatorKind == BinaryOperatorKind.Equals),
            _ => null,
        };

        if (test is not { } found || ArrayParameterName(Unwrap(found.Tested)) is not { } name)
        {
            return false;
        }

        // NullTests.IsNull rather than `is null`: the compiler's nullable analysis would learn from `is null`, and then
        // warn where the reverse sweep reads the array again after the test (CS8602).
        var isNullCall = "global::AutogradGen.CompilerServices.NullTests.IsNull(" + name + ")";
        lowered = new PassThroughExpr(NumberKind.Bool, EquatableArray.Of(found.IsNull ? isNullCall : "!" + isNullCall), EquatableArray<Expr>.Empty);
        return true;
    }

    private static bool IsNullConstant(IOperation operation) =>
        Unwrap(operation) is { ConstantValue: { HasValue: true, Value: null } } && operation.Type is null or { IsReferenceType: true };

    /// <summary>
    /// The generated name of an array parameter of the method (or the caller's array parameter an inlined helper's
    /// parameter stands for); null for a local array, which generated code may keep in a span.
    /// </summary>
    private string? ArrayParameterName(IOperation operation)
    {
        if (operation is not IParameterReferenceOperation { Parameter: { Type: IArrayTypeSymbol, RefKind: RefKind.None } parameter })
        {
            return null;
        }

        if (_bySymbol.TryGetValue(parameter, out var variable))
        {
            return variable.IsParameter && variable.Storage.IsIndexed() ? variable.Name : null;
        }

        return SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _method) ? parameter.Name : null;
    }
}
