using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Generic math read in one instance (<see cref="GenericInstances"/>): with T read as double or float,
/// <c>T.Exp(x)</c> is <c>Math.Exp(x)</c> or <c>MathF.Exp(x)</c> (the same rule table), <c>T.CreateChecked(2)</c> a
/// conversion (a literal when its argument is one), <c>T.One</c>, <c>T.Pi</c> and the other constants literals, and
/// <c>T.IsNaN(x)</c> and the other tests read as <c>double.IsNaN(x)</c>, <c>default(T)</c> zero. The operators of the generic-math
/// interfaces are the built-in ones (<see cref="IsGenericMathOperator"/>). <c>double.Exp(x)</c> and the other
/// static members of double and float that Math also has read the same way in any method.
/// </summary>
internal sealed partial class BodyParser
{
    private static readonly HashSet<string> s_conversions = new(System.StringComparer.Ordinal)
    {
        "CreateChecked", "CreateSaturating", "CreateTruncating",
    };

    // Tests that double and float have as public static methods of the same name: read as they are, no derivative.
    private static readonly HashSet<string> s_tests = new(System.StringComparer.Ordinal)
    {
        "IsNaN", "IsInfinity", "IsFinite", "IsPositiveInfinity", "IsNegativeInfinity", "IsNegative", "IsPositive",
        "IsNormal", "IsSubnormal", "IsInteger", "IsEvenInteger", "IsOddInteger", "IsRealNumber",
    };

    private const string SupportedMembers =
        "generic math is differentiated through the operators, CreateChecked/CreateSaturating/CreateTruncating, the constants (Zero, One, NegativeOne, Pi, E, Tau, Epsilon, NaN, the infinities, MinValue, MaxValue), the IsNaN-style tests and the members Math also has (Sin, Cos, Tan, Asin, Acos, Atan, Atan2, Sinh, Cosh, Tanh, Exp, Log, Log10, Log2, Sqrt, Cbrt, Pow, Abs, Max, Min, Clamp, FusedMultiplyAdd, ScaleB, Hypot, CopySign, Asinh, Acosh, Atanh, Exp2, Exp10, ExpM1, Exp2M1, Exp10M1, LogP1, Log2P1, Log10P1, SinPi, CosPi, TanPi, AsinPi, AcosPi, AtanPi, Atan2Pi, DegreesToRadians, RadiansToDegrees, RootN, Lerp, MaxNumber, MinNumber, MaxMagnitude, MinMagnitude, MaxMagnitudeNumber, MinMagnitudeNumber, Ieee754Remainder, Sign, Floor, Ceiling, Round, Truncate); write this one with those";

    /// <summary>Translates a generic-math member of the instance's number type; false when the operation is not one.</summary>
    private bool GenericMathExpression(IOperation operation, out Expr? result)
    {
        result = null;
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { IsStatic: true } property } reference when NumberTypeOf(property) is { } owner:
                if (TypeClassifier.Scalar(reference.Type) is not { } kind || !kind.IsFloatingPoint())
                {
                    return false;
                }

                if (Constant(property.Name, kind) is { } text)
                {
                    result = new LiteralExpr(kind, text);
                    return true;
                }

                return owner == NumberOwner.Interface && Refused(operation, property.ContainingType.Name + "." + property.Name);
            case IDefaultValueOperation when TypeClassifier.TypeArgument(operation.Type) is { } zeroKind:
                // default(T) is zero; default(double) is a constant already.
                result = new LiteralExpr(zeroKind, Literals.Zero(zeroKind));
                return true;
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation when NumberTypeOf(method) is { } owner:
                return GenericMathCall(invocation, method, owner, out result);
            default:
                return false;
        }
    }

    private bool GenericMathCall(IInvocationOperation invocation, IMethodSymbol method, NumberOwner owner, out Expr? result)
    {
        result = null;
        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
        var returnKind = TypeClassifier.Scalar(method.ReturnType);
        if (s_conversions.Contains(method.Name) && arguments.Count == 1 && returnKind is { } target)
        {
            // T.CreateChecked(2) is the literal 2.0 (or 2f); of a value, a conversion that carries its derivative.
            result = Expression(arguments[0].Value) is { } value ? Coerce(value, target) : null;
            return true;
        }

        if (returnKind is { } kind && MathRules.IsKnown(method.Name, arguments.Count))
        {
            var translated = arguments.Select(MathArgument).ToList();
            if (translated.Any(a => a is null))
            {
                return true;
            }

            var instance = TypeClassifier.Scalar(method.Parameters[0].Type) ?? kind;
            var warning = MathRules.HasZeroDerivative(method.Name)
                ? DiagnosticInfo.Create(DiagnosticDescriptors.NonDifferentiableOperation, invocation.Syntax.GetLocation(), $"'{invocation.Syntax}'")
                : null;
            // MathF has every function of the table but Clamp, which Math has for float.
            var @class = method.Name == "Clamp" ? "global::System.Math" : MathRules.ClassFor(method.Name, instance);
            var coerced = translated.Select((a, i) => Coerce(a!, TypeClassifier.Scalar(method.Parameters[i].Type) ?? a!.Kind));
            result = new MathCallExpr(kind, @class, method.Name, coerced.ToEquatableArray(), warning);
            return true;
        }

        if (owner != NumberOwner.Interface)
        {
            // double.Parse and the like: read as before.
            return false;
        }

        if (s_tests.Contains(method.Name) && arguments.Count == 1 && returnKind == NumberKind.Bool
            && TypeClassifier.Scalar(method.Parameters[0].Type) is { } tested && tested.IsFloatingPoint())
        {
            result = Expression(arguments[0].Value) is { } value
                ? new PassThroughExpr(NumberKind.Bool, EquatableArray.Of(tested.Keyword() + "." + method.Name + "(", ")"), EquatableArray.Of(Coerce(value, tested)))
                : null;
            return true;
        }

        return Refused(invocation, method.ContainingType.Name + "." + method.Name, MathRules.EstimateAdvice(method.Name, "T.One", "T.Sqrt"));
    }

    private bool Refused(IOperation operation, string member, string? advice = null)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericMathMemberWithoutRule, operation.Syntax.GetLocation(), member, advice ?? SupportedMembers));
        return true;
    }

    /// <summary>
    /// An operator of the generic-math interfaces on the instance's number type (<c>x * y</c> with T x, y), which
    /// is the built-in operator of double or float.
    /// </summary>
    private static bool IsGenericMathOperator(IMethodSymbol? operatorMethod, IBinaryOperation binary) =>
        operatorMethod is { ContainingType: { TypeKind: TypeKind.Interface } type }
        && type.ContainingNamespace?.ToDisplayString() == "System.Numerics"
        && TypeClassifier.Scalar(binary.LeftOperand.Type) is not null
        && TypeClassifier.Scalar(binary.RightOperand.Type) is not null;

    private enum NumberOwner
    {
        /// <summary>A static abstract member of a System.Numerics interface, reached through the type parameter.</summary>
        Interface,

        /// <summary>A static member of double or float itself.</summary>
        NumberType,
    }

    private static NumberOwner? NumberTypeOf(ISymbol member) => member.ContainingType switch
    {
        { TypeKind: TypeKind.Interface } type when type.ContainingNamespace?.ToDisplayString() == "System.Numerics" => NumberOwner.Interface,
        { SpecialType: SpecialType.System_Double or SpecialType.System_Single } => NumberOwner.NumberType,
        _ => null,
    };

    private static string? Constant(string name, NumberKind kind)
    {
        var isFloat = kind == NumberKind.Float;
        object? value = name switch
        {
            "Zero" or "AdditiveIdentity" => 0.0,
            "One" or "MultiplicativeIdentity" => 1.0,
            "NegativeOne" => -1.0,
            "Pi" => System.Math.PI,
            "E" => System.Math.E,
            "Tau" => 2 * System.Math.PI,
            "NaN" => double.NaN,
            "PositiveInfinity" => double.PositiveInfinity,
            "NegativeInfinity" => double.NegativeInfinity,
            "Epsilon" => isFloat ? float.Epsilon : double.Epsilon,
            "MaxValue" => isFloat ? float.MaxValue : double.MaxValue,
            "MinValue" => isFloat ? float.MinValue : double.MinValue,
            _ => null,
        };
        return value is null ? null : Literals.Format(value, kind);
    }
}
