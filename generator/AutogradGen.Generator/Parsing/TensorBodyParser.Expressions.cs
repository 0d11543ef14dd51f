using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Parsing;

/// <summary>Tensor expressions: operators and methods of the rule table, [Differentiable] calls, tensor variables.</summary>
internal sealed partial class TensorBodyParser
{
    private const string DifferentiableAttributeName = "AutogradGen.DifferentiableAttribute";

    private static readonly HashSet<string> s_unaryMethods = new()
    {
        "Exp", "Log", "Sqrt", "Abs", "Sin", "Cos", "Tanh", "Sigmoid", "Relu", "Neg", "Reciprocal", "T", "Detach",
    };

    private TensorExpr Expression(ExpressionSyntax syntax)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_semanticModel.GetOperation(syntax, _cancellationToken) is not { } operation)
        {
            return Fail(syntax);
        }

        return Expression(operation, syntax);
    }

    private TensorExpr Expression(IOperation operation, SyntaxNode at)
    {
        var syntax = operation.Syntax as ExpressionSyntax;
        if (!TensorMethodParser.IsTensor(operation.Type))
        {
            return Scalar(operation);
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return Expression(parenthesized.Operand, at);
            case IConversionOperation { IsImplicit: true } conversion when TensorMethodParser.IsTensor(conversion.Operand.Type):
                return Expression(conversion.Operand, at);
            case ILocalReferenceOperation local:
                return new TensorVar(local.Local.Name);
            case IParameterReferenceOperation parameter when parameter.Parameter.ContainingSymbol.Equals(_method, SymbolEqualityComparer.Default):
                return new TensorVar(parameter.Parameter.Name);
            case IBinaryOperation { OperatorMethod: { } method } binary:
                var op = method.Name switch
                {
                    "op_Addition" => "Add",
                    "op_Subtraction" => "Sub",
                    "op_Multiply" => "Mul",
                    "op_Division" => "Div",
                    _ => null,
                };
                return op is null ? Fail(operation.Syntax) : new TensorOp(op, EquatableArray.Of(Expression(binary.LeftOperand, at), Expression(binary.RightOperand, at)));
            case IUnaryOperation { OperatorMethod.Name: "op_UnaryNegation" } unary:
                return new TensorOp("Neg", EquatableArray.Of(Expression(unary.Operand, at)));
            case IFieldReferenceOperation { Field.Name: "Values" or "Item1", Instance: IInvocationOperation extreme }
                when extreme.TargetMethod.Name is "Max" or "Min" && extreme.TargetMethod.Parameters.Length == 2 && IsTensorMember(extreme.TargetMethod):
                return Op(extreme.TargetMethod.Name + "Dim", extreme, operation.Syntax);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            default:
                return NoRule(operation.Syntax);
        }
    }

    private TensorExpr Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == DifferentiableAttributeName))
        {
            return Call(invocation);
        }

        if (IsTensorMember(method) && !method.IsStatic)
        {
            var name = method.Name;
            var count = method.Parameters.Length;
            var op = (name, count) switch
            {
                _ when s_unaryMethods.Contains(name) && count == 0 => name,
                ("Softplus", 2) => "Softplus",
                ("Clamp", 2) => "Clamp",
                ("Gt" or "Ge" or "Lt" or "Le" or "Eq" or "Ne", 1) => name,
                ("Maximum" or "Minimum", 1) => name,
                ("Pow", 1) when method.Parameters[0].Type.SpecialType == SpecialType.System_Double => "Pow",
                ("Sum" or "Mean" or "Max" or "Min", 0) => name + "All",
                ("Sum" or "Mean", 2) when method.Parameters[0].Type.SpecialType == SpecialType.System_Int32 => name + "Dim",
                ("MatMul" or "Mm" or "Mv" or "Dot", 1) => "MatMul",
                ("Transpose", 2) => "Transpose",
                ("Reshape" or "View", 1) => name,
                ("Flatten", 2) => "Flatten",
                ("Squeeze", 0) => "Squeeze",
                ("Squeeze", 1) => "SqueezeDim",
                ("Unsqueeze", 1) => "Unsqueeze",
                ("Mul" or "Div", 1) => name,
                ("Add" or "Sub", 1) => name,
                ("Add" or "Sub", 2) when IsDefault(invocation, 1) => name,
                ("RSub", 1) => "RSub",
                _ => null,
            };
            if (op == "RSub")
            {
                return new TensorOp("Sub", EquatableArray.Of(Scalar(Argument(invocation, 0)!.Value), Expression(invocation.Instance!, invocation.Syntax)));
            }

            return op is null ? NoRule(invocation.Syntax) : Op(op, invocation, invocation.Syntax);
        }

        if (method.IsStatic && method.ContainingType.ToDisplayString() == "AutogradGen.Functional")
        {
            var op = method.Name switch
            {
                "Softmax" or "LogSoftmax" => method.Name,
                "BinaryCrossEntropyWithLogits" when IsNullOrDefault(invocation, "weight") && IsNullOrDefault(invocation, "posWeight") => method.Name,
                "MseLoss" => method.Name,
                "CrossEntropy" when IsNullOrDefault(invocation, "weight") && IsNullOrDefault(invocation, "labelSmoothing") => method.Name,
                _ => null,
            };
            if (op is not null)
            {
                var kept = op switch
                {
                    "BinaryCrossEntropyWithLogits" => new[] { "input", "target", "reduction" },
                    "CrossEntropy" => new[] { "input", "target", "reduction", "ignoreIndex" },
                    _ => method.Parameters.Select(p => p.Name).ToArray(),
                };
                return new TensorOp(op, kept.Select(n => Operand(invocation, method.Parameters.First(p => p.Name == n).Ordinal, TensorRules.ByOp[op].Operands[System.Array.IndexOf(kept, n)])).ToEquatableArray());
            }
        }

        if (method.IsStatic && IsTensorMember(method) && method.Name == "Where" && method.Parameters.Length == 3)
        {
            return new TensorOp("Where", Enumerable.Range(0, 3).Select(i => Operand(invocation, i, OperandKind.Value)).ToEquatableArray());
        }

        // A tensor built from numbers alone (Tensor.Zeros, Tensor.From..., maybe reading x.Shape) is a constant of the computation.
        if (invocation.Instance is null && invocation.Arguments.All(a => !TensorMethodParser.IsTensor(a.Value.Type)))
        {
            return new TensorOp("Constant", EquatableArray.Of<TensorExpr>(new ScalarOperand(Source(invocation.Syntax), "global::AutogradGen.Tensor", false)));
        }

        return NoRule(invocation.Syntax);
    }

    /// <summary>An operation of the table: the instance, then the method's arguments in parameter order.</summary>
    private TensorExpr Op(string op, IInvocationOperation invocation, SyntaxNode at)
    {
        var rule = TensorRules.ByOp[op];
        var operands = new List<TensorExpr> { Expression(invocation.Instance!, at) };
        for (var i = 1; i < rule.Operands.Length; i++)
        {
            operands.Add(Operand(invocation, i - 1, rule.Operands[i]));
        }

        return new TensorOp(op, operands.ToEquatableArray());
    }

    private TensorExpr Operand(IInvocationOperation invocation, int ordinal, OperandKind kind)
    {
        var argument = Argument(invocation, ordinal);
        if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            var parameter = invocation.TargetMethod.Parameters[ordinal];
            return new ScalarOperand(DefaultText(parameter), parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), true);
        }

        return kind == OperandKind.Value ? Expression(argument.Value, invocation.Syntax) : Scalar(argument.Value);
    }

    private TensorExpr Call(IInvocationOperation invocation)
    {
        var callee = invocation.TargetMethod;
        if (callee.OriginalDefinition.Equals(_method.OriginalDefinition, SymbolEqualityComparer.Default))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Recursion, invocation.Syntax.GetLocation(), _method.Name));
            return new TensorVar("error");
        }

        if (!TensorMethodParser.IsTensorMethod(callee) || !callee.IsStatic)
        {
            return NoRule(invocation.Syntax);
        }

        var attribute = callee.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == DifferentiableAttributeName);
        var named = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
            ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string).ToList() : new List<string?>();
        var arguments = new List<TensorExpr>();
        var differentiated = new List<bool>();
        foreach (var parameter in callee.Parameters)
        {
            var isTensor = TensorMethodParser.IsTensor(parameter.Type);
            differentiated.Add(isTensor && (named.Count == 0 || named.Contains(parameter.Name)));
            var argument = Argument(invocation, parameter.Ordinal);
            arguments.Add(argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue
                ? new ScalarOperand(DefaultText(parameter), parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), true)
                : isTensor ? Expression(argument.Value, invocation.Syntax) : Scalar(argument.Value));
        }

        var key = MethodParser.Key(callee);
        _callees.Add(key);
        var target = callee.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + callee.Name;
        return new TensorCall(key, target, arguments.ToEquatableArray(), differentiated.ToEquatableArray());
    }

    /// <summary>A non-tensor operand: the user's text, its type, and whether it is constant.</summary>
    private ScalarOperand Scalar(IOperation operation)
    {
        var type = operation.Type?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "object";
        return new ScalarOperand("(" + Source(operation.Syntax) + ")", type, operation.ConstantValue.HasValue);
    }

    private static IArgumentOperation? Argument(IInvocationOperation invocation, int ordinal) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal);

    private static bool IsDefault(IInvocationOperation invocation, int ordinal) =>
        Argument(invocation, ordinal) is not { ArgumentKind: not ArgumentKind.DefaultValue } argument
        || argument.Value.ConstantValue is { HasValue: true, Value: 1d or 1 };

    private static bool IsNullOrDefault(IInvocationOperation invocation, string parameterName)
    {
        var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName);
        return argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue
            || argument.Value.ConstantValue is { HasValue: true, Value: null or 0d or 0 }
            || argument.Value is IConversionOperation { Operand.ConstantValue: { HasValue: true, Value: null } };
    }

    private static bool IsTensorMember(IMethodSymbol method) => TensorMethodParser.IsTensor(method.ContainingType);

    /// <summary>A parameter's default value as C#: enum members by name, numbers in invariant culture.</summary>
    private static string DefaultText(IParameterSymbol parameter)
    {
        var value = parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null;
        var typeText = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (parameter.Type.TypeKind == TypeKind.Enum)
        {
            var member = parameter.Type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
            return member is null ? "(" + typeText + ")(" + System.Convert.ToString(value, CultureInfo.InvariantCulture) + ")" : typeText + "." + member.Name;
        }

        return value switch
        {
            null => "default(" + typeText + ")",
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "default",
        };
    }

    private TensorExpr NoRule(SyntaxNode syntax)
    {
        var what = syntax is InvocationExpressionSyntax { Expression: var callee } ? Source(callee) : Source(syntax);
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TensorOperationWithoutRule, syntax.GetLocation(), what));
        return new TensorVar("error");
    }

    private TensorExpr Fail(SyntaxNode syntax)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedExpression, syntax.GetLocation(), Source(syntax), "it is not a tensor operation the generator understands"));
        return new TensorVar("error");
    }
}
