using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>The System.Numerics vector types (float components), seen through their fields.</summary>
internal static class NumericsVectors
{
    public static bool IsVectorType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct } named && named.ContainingNamespace?.ToDisplayString() == "System.Numerics"
        && named.Name is "Vector2" or "Vector3" or "Vector4";
}

/// <summary>
/// System.Numerics.Vector2/3/4 operations written out per component, so that their derivatives come from the
/// scalar rules: + - * / and unary -, Add, Subtract, Multiply, Divide, Negate, Cross, Normalize, Abs, SquareRoot,
/// Zero, One and the unit vectors; and the scalar ones Dot, Length, LengthSquared, Distance, DistanceSquared.
/// </summary>
internal sealed partial class BodyParser
{
    private const string MathF = "global::System.MathF";

    private Expr? NumericsScalar(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var operands = invocation.Instance is { } instance ? new List<IOperation> { instance } : new List<IOperation>();
        operands.AddRange(invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value));
        var vectors = new List<List<Expr>>();
        foreach (var operand in operands)
        {
            if (!NumericsVectors.IsVectorType(operand.Type) || StructValue(operand) is not { } leaves)
            {
                if (NumericsVectors.IsVectorType(operand.Type))
                {
                    return null;
                }

                UnsupportedNumerics(invocation);
                return null;
            }

            vectors.Add(leaves);
        }

        switch (method.Name, vectors.Count)
        {
            case ("Dot", 2):
                return Dot(vectors[0], vectors[1]);
            case ("LengthSquared", 1):
                return Dot(vectors[0], vectors[0]);
            case ("Length", 1):
                return Sqrt(Dot(vectors[0], vectors[0]));
            case ("DistanceSquared", 2):
                var difference = Componentwise(vectors[0], vectors[1], BinaryOperator.Subtract);
                return Dot(difference, difference);
            case ("Distance", 2):
                var apart = Componentwise(vectors[0], vectors[1], BinaryOperator.Subtract);
                return Sqrt(Dot(apart, apart));
            default:
                UnsupportedNumerics(invocation);
                return null;
        }
    }

    private List<Expr>? NumericsVector(IOperation operation, StructShape shape)
    {
        switch (operation)
        {
            case IBinaryOperation { OperatorMethod: not null } binary:
                return VectorBinary(binary.OperatorKind, binary.LeftOperand, binary.RightOperand, operation);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } unary:
                return StructValue(unary.Operand) is { } negated ? negated.Select(Negate).ToList() : null;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return StructValue(plus.Operand);
            case IPropertyReferenceOperation { Property.IsStatic: true } constant:
                var one = new LiteralExpr(NumberKind.Float, Literals.One(NumberKind.Float));
                var zero = new LiteralExpr(NumberKind.Float, Literals.Zero(NumberKind.Float));
                var name = constant.Property.Name;
                if (name is "Zero" or "One")
                {
                    return shape.Leaves.Select(_ => (Expr)(name == "One" ? one : zero)).ToList();
                }

                if (name.StartsWith("Unit", System.StringComparison.Ordinal) && shape.Leaves.ToList().FindIndex(l => l.Access == name.Substring(4)) is var axis and >= 0)
                {
                    return shape.Leaves.Select((_, i) => (Expr)(i == axis ? one : zero)).ToList();
                }

                break;
            case IInvocationOperation { TargetMethod.IsStatic: true } invocation:
                var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
                switch (invocation.TargetMethod.Name, arguments.Count)
                {
                    case ("Add", 2):
                        return VectorBinary(BinaryOperatorKind.Add, arguments[0], arguments[1], operation);
                    case ("Subtract", 2):
                        return VectorBinary(BinaryOperatorKind.Subtract, arguments[0], arguments[1], operation);
                    case ("Multiply", 2):
                        return VectorBinary(BinaryOperatorKind.Multiply, arguments[0], arguments[1], operation);
                    case ("Divide", 2):
                        return VectorBinary(BinaryOperatorKind.Divide, arguments[0], arguments[1], operation);
                    case ("Negate", 1):
                        return StructValue(arguments[0]) is { } negatedVector ? negatedVector.Select(Negate).ToList() : null;
                    case ("Abs", 1):
                    case ("SquareRoot", 1):
                        var function = invocation.TargetMethod.Name == "Abs" ? "Abs" : "Sqrt";
                        return StructValue(arguments[0]) is { } values
                            ? values.Select(v => (Expr)new MathCallExpr(NumberKind.Float, MathF, function, EquatableArray.Of(v), null)).ToList()
                            : null;
                    case ("Normalize", 1):
                        if (StructValue(arguments[0]) is not { } vector)
                        {
                            return null;
                        }

                        var length = Sqrt(Dot(vector, vector));
                        return vector.Select(v => (Expr)new BinaryExpr(NumberKind.Float, BinaryOperator.Divide, v, length)).ToList();
                    case ("Cross", 2) when shape.Leaves.Count == 3:
                        if (StructValue(arguments[0]) is not { } a || StructValue(arguments[1]) is not { } b)
                        {
                            return null;
                        }

                        Expr Term(int i, int j) => new BinaryExpr(NumberKind.Float, BinaryOperator.Multiply, a[i], b[j]);
                        Expr Minus(Expr l, Expr r) => new BinaryExpr(NumberKind.Float, BinaryOperator.Subtract, l, r);
                        return new List<Expr> { Minus(Term(1, 2), Term(2, 1)), Minus(Term(2, 0), Term(0, 2)), Minus(Term(0, 1), Term(1, 0)) };
                }

                break;
        }

        UnsupportedNumerics(operation);
        return null;
    }

    /// <summary><c>p += v</c> and the other compound assignments of a vector (or complex) variable.</summary>
    private List<Expr>? NumericsCompound(ICompoundAssignmentOperation compound, StructShape shape)
    {
        if (ComplexNumbers.IsComplex(compound.Target.Type))
        {
            return ComplexCompound(compound);
        }

        if (!NumericsVectors.IsVectorType(compound.Target.Type))
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, compound.Syntax, $"The operator '{compound.OperatorMethod?.ToDisplayString() ?? compound.OperatorKind.ToString()}'",
                "write the new value field by field ('p = new Vec3(p.X + v.X, ...)')");
            return null;
        }

        return VectorBinary(compound.OperatorKind, compound.Target, compound.Value, compound);
    }

    /// <summary>Vector ∘ vector per component, or vector ∘ scalar / scalar ∘ vector broadcast.</summary>
    private List<Expr>? VectorBinary(BinaryOperatorKind kind, IOperation left, IOperation right, IOperation whole)
    {
        if (BinaryOperatorOf(kind) is not { } op || op == BinaryOperator.Remainder)
        {
            UnsupportedNumerics(whole);
            return null;
        }

        var leftIsVector = NumericsVectors.IsVectorType(left.Type);
        var rightIsVector = NumericsVectors.IsVectorType(right.Type);
        if (leftIsVector && rightIsVector)
        {
            return StructValue(left) is { } l && StructValue(right) is { } r ? Componentwise(l, r, op) : null;
        }

        if (leftIsVector)
        {
            return StructValue(left) is { } l && Expression(right) is { } s ? l.Select(v => (Expr)new BinaryExpr(NumberKind.Float, op, v, Coerce(s, NumberKind.Float))).ToList() : null;
        }

        return Expression(left) is { } scalar && StructValue(right) is { } vector
            ? vector.Select(v => (Expr)new BinaryExpr(NumberKind.Float, op, Coerce(scalar, NumberKind.Float), v)).ToList()
            : null;
    }

    private static List<Expr> Componentwise(List<Expr> left, List<Expr> right, BinaryOperator op) =>
        left.Select((l, i) => (Expr)new BinaryExpr(NumberKind.Float, op, l, right[i])).ToList();

    private static Expr Dot(List<Expr> left, List<Expr> right)
    {
        Expr sum = new BinaryExpr(NumberKind.Float, BinaryOperator.Multiply, left[0], right[0]);
        for (var i = 1; i < left.Count; i++)
        {
            sum = new BinaryExpr(NumberKind.Float, BinaryOperator.Add, sum, new BinaryExpr(NumberKind.Float, BinaryOperator.Multiply, left[i], right[i]));
        }

        return sum;
    }

    private static Expr Sqrt(Expr value) => new MathCallExpr(NumberKind.Float, MathF, "Sqrt", EquatableArray.Of(value), null);

    private static Expr Negate(Expr value) => new UnaryExpr(value.Kind, UnaryOperator.Negate, value);

    private void UnsupportedNumerics(IOperation operation) =>
        Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, $"'{operation.Syntax}'",
            "of System.Numerics vectors, + - * / and unary -, Add, Subtract, Multiply, Divide, Negate, Dot, Cross, Length, LengthSquared, Distance, DistanceSquared, Normalize, Abs, SquareRoot, Zero, One and the unit vectors can be differentiated; write the rest per component (v.X, v.Y, ...)");
}
