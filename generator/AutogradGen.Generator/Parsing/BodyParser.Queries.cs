using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Calls that only answer a question about the data — an int or bool result of a method that is not
/// [Differentiable] (<c>Array.BinarySearch(times, t)</c>, <c>label.StartsWith("c")</c>, <c>list.IndexOf(v)</c>) — and
/// integer bit operations (<c>~index</c>, <c>i &amp; 1</c>, <c>n &gt;&gt; 1</c>). No derivative flows through an int or a
/// bool, so they are <see cref="PassThroughExpr"/>s: printed as the original wrote them, their IR operands (a
/// double <c>t</c>, a counter) as holes, an array or span parameter (never written: AGD0008) by its name.
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>An int or bool query of a method that is not [Differentiable], with nothing passed by reference.</summary>
    private bool IsQueryCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType?.ToDisplayString();
        return TypeClassifier.Scalar(invocation.Type) is NumberKind.Int or NumberKind.Bool
            && method.MethodKind == MethodKind.Ordinary
            && containing is not ("System.Math" or "System.MathF" or "System.Linq.Enumerable" or "AutogradGen.Differentiation")
            && NumberTypeOf(method) is null
            && !method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName)
            && !IsGuardCall(method)
            && method.Parameters.All(p => p.RefKind is RefKind.None or RefKind.In)
            && invocation.Arguments.All(a => a.ArgumentKind != ArgumentKind.ParamArray && MatrixElements(Unwrap(a.Value)) is null)
            // A differentiated 2-D or jagged array is a tensor in the twin: only its shape members are read (AGD0006 otherwise).
            && (invocation.Instance is null || MatrixElements(Unwrap(invocation.Instance)) is null);
    }

    /// <summary>An integer <c>~</c>, <c>&amp;</c>, <c>|</c>, <c>^</c>, <c>&lt;&lt;</c> or <c>&gt;&gt;</c>, which the IR has no operator for.</summary>
    private static bool IsIntegerBitOperation(IOperation operation) => operation switch
    {
        IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } unary => TypeClassifier.Scalar(unary.Type) == NumberKind.Int,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift } binary =>
            TypeClassifier.Scalar(binary.Type) == NumberKind.Int,
        _ => false,
    };

    /// <summary>Prints a query call: the static method fully qualified (extension methods in their static form), or its receiver.</summary>
    private bool PrintQuery(IInvocationOperation invocation, Code code)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic || invocation.Instance is null)
        {
            code.Text(TypeClassifier.FullName(method.ContainingType) + "." + method.Name);
        }
        else if (!Print(invocation.Instance, code) || !code.Text("." + method.Name))
        {
            return false;
        }

        if (method.IsGenericMethod)
        {
            code.Text("<" + string.Join(", ", method.TypeArguments.Select(TypeClassifier.FullName)) + ">");
        }

        code.Text("(");
        var first = true;
        var named = false;
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                // Left to the callee's default; any argument after it is then passed by name.
                named = true;
                continue;
            }

            if (!first)
            {
                code.Text(", ");
            }

            first = false;
            if (named && argument.Parameter is { } parameter)
            {
                code.Text(parameter.Name + ": ");
            }

            if (!Print(argument.Value, code))
            {
                return false;
            }
        }

        return code.Text(")");
    }

    /// <summary>
    /// An array or span parameter handed to a query: the parameter itself, which the body never writes. Only one that
    /// is not differentiated: a differentiated one is a tensor in the tape twin.
    /// </summary>
    private bool IsArrayParameter(IOperation operation) =>
        operation is IParameterReferenceOperation && Variable(operation) is { IsParameter: true, Differentiated: false } parameter && parameter.Storage.IsIndexed();
}
