using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>System.Numerics.Complex, which the struct lowering sees as its two doubles, Real and Imaginary.</summary>
internal static class ComplexNumbers
{
    public static bool IsComplex(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct, Name: "Complex", IsGenericType: false } named
        && named.ContainingNamespace?.ToDisplayString() == "System.Numerics";

    /// <summary>What the diagnostic for any other member lists.</summary>
    public const string Supported =
        "of System.Numerics.Complex, new Complex(re, im), Zero, One, ImaginaryOne, a double converted to Complex, + - * / and unary - (with Complex or double operands), "
        + "== and !=, Real, Imaginary, Magnitude, Phase, Abs, Conjugate, Reciprocal, Negate, Add, Subtract, Multiply, Divide, Exp, Log (with or without a base), Log10, Sqrt, "
        + "Pow (to a double or a Complex power), FromPolarCoordinates, Sin, Cos, Sinh and Cosh can be differentiated; write this one through Real and Imaginary, "
        + "or give it a [DerivativeOf] in a method over doubles";
}

/// <summary>
/// System.Numerics.Complex operations written out over the real and imaginary parts, so that their derivatives come
/// from the scalar rules and every mode (forward, reverse, tape) gets them at once. Each formula is the one
/// System.Numerics.Complex itself evaluates (the same operations in the same order: Smith's scaled division,
/// <c>double.Hypot</c> for the magnitude, the cancellation-free square root), so values agree with it to the last bit
/// for finite parts. An operand that a formula reads more than once is first put in a local of its own
/// (<c>product_Real</c>, <c>exp_Imaginary</c>) where a statement can go, so that nested complex arithmetic is computed
/// once per operation, not once per use.
/// </summary>
/// <remarks>
/// The special cases System.Numerics.Complex has for infinite or NaN parts (a product with an infinite part is NaN
/// there, IEEE arithmetic here; Sqrt rescales parts beyond 7e307) are not reproduced: such values have no derivative.
/// </remarks>
internal sealed partial class BodyParser
{
    private const string MathType = "global::System.Math";
    private const string DoubleType = "global::System.Double";

    /// <summary>The two parts of a complex value; <see cref="Imaginary"/> is null for a real operand (a double).</summary>
    private sealed record ComplexParts(Expr Real, Expr? Imaginary)
    {
        public Expr ImaginaryOrZero => Imaginary ?? ZeroDouble;

        public List<Expr> Leaves => new() { Real, ImaginaryOrZero };
    }

    private static readonly Expr ZeroDouble = new LiteralExpr(NumberKind.Double, "0.0");
    private static readonly Expr OneDouble = new LiteralExpr(NumberKind.Double, "1.0");

    /// <summary>A Complex-valued expression that is not a variable, field, <c>new</c>, <c>default</c> or conditional (those are StructValue's).</summary>
    private List<Expr>? ComplexValue(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation { OperatorMethod: not null } binary:
                return ComplexBinary(binary.OperatorKind, binary.LeftOperand, binary.RightOperand, operation)?.Leaves;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation:
                return ComplexOperand(negation.Operand, "z", false) is { } negated ? ComplexNegate(negated).Leaves : null;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return StructValue(plus.Operand);
            case IConversionOperation { Conversion.IsUserDefined: true } conversion when !ComplexNumbers.IsComplex(conversion.Operand.Type):
                // double (or int, float) to Complex: the number is the real part, the imaginary part is 0.
                return Expression(conversion.Operand) is { } real ? new List<Expr> { Coerce(real, NumberKind.Double), ZeroDouble } : null;
            case IFieldReferenceOperation { Field.IsStatic: true, Field.Name: var constant } field when ComplexNumbers.IsComplex(field.Field.ContainingType) && ComplexConstant(constant) is { } parts:
                return parts;
            case IFieldReferenceOperation or IPropertyReferenceOperation when IsPassThrough(operation):
                return PassThroughParts(operation);
            case IInvocationOperation { TargetMethod.IsStatic: true } invocation when ComplexNumbers.IsComplex(invocation.TargetMethod.ContainingType):
                return ComplexCall(invocation)?.Leaves;
        }

        UnsupportedComplex(operation);
        return null;
    }

    /// <summary>
    /// A Complex field or property the method only reads (of <c>this</c>, a <c>static readonly</c> constant, a
    /// pass-through parameter's): a constant with respect to the parameters, its parts read as the original reads it.
    /// </summary>
    private List<Expr>? PassThroughParts(IOperation operation)
    {
        if (PassThroughCode(operation) is not { } code)
        {
            return null;
        }

        if (code.Holes.Exists(h => h.Kind.IsFloatingPoint() && Analysis.Activity.DifferentiableReads(h).Count > 0))
        {
            UnsupportedComplex(operation);
            return null;
        }

        PassThroughExpr Part(string name)
        {
            var parts = code.Parts.ToList();
            parts[parts.Count - 1] += "." + name;
            return new PassThroughExpr(NumberKind.Double, parts.ToEquatableArray(), code.Holes.ToEquatableArray());
        }

        return new List<Expr> { Part("Real"), Part("Imaginary") };
    }

    /// <summary>Numbers read from complex values: <c>Magnitude</c>, <c>Phase</c>, <c>Complex.Abs</c>, <c>==</c> and <c>!=</c>; false for anything else.</summary>
    private bool TryComplexScalar(IOperation operation, out Expr? result)
    {
        result = null;
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { IsStatic: false, Name: "Real" or "Imaginary" }, Instance: { } part } when ComplexNumbers.IsComplex(part.Type):
                // The parts themselves are the leaves: the struct lowering reads them.
                return false;
            case IPropertyReferenceOperation { Property: { IsStatic: false, Name: var name }, Instance: { } instance } when name is "Magnitude" or "Phase" && ComplexNumbers.IsComplex(instance.Type):
                if (ComplexOperand(instance, "z", false) is { } value)
                {
                    result = name == "Magnitude" ? Magnitude(value) : Phase(value);
                }

                return true;
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Abs" } method } abs when ComplexNumbers.IsComplex(method.ContainingType) && abs.Arguments.Length == 1:
                result = ComplexOperand(abs.Arguments[0].Value, "z", false) is { } modulus ? Magnitude(modulus) : null;
                return true;
            case IBinaryOperation { OperatorMethod: { } op, OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when ComplexNumbers.IsComplex(op.ContainingType):
                var left = ComplexOperand(comparison.LeftOperand, "z", false);
                var right = ComplexOperand(comparison.RightOperand, "w", false);
                if (left is null || right is null)
                {
                    return true;
                }

                var equal = Both(Compare(BinaryOperator.Equal, left.Real, right.Real), Compare(BinaryOperator.Equal, left.ImaginaryOrZero, right.ImaginaryOrZero));
                result = comparison.OperatorKind == BinaryOperatorKind.Equals ? equal
                    : equal == True ? False : equal == False ? True : new UnaryExpr(NumberKind.Bool, UnaryOperator.Not, equal);
                return true;
            case IInvocationOperation { TargetMethod: { } other } call when ComplexNumbers.IsComplex(other.ContainingType) && TypeClassifier.Scalar(call.Type) is not null:
                UnsupportedComplex(call);
                return true;
            case IPropertyReferenceOperation { Property: { } property } read when ComplexNumbers.IsComplex(property.ContainingType):
                UnsupportedComplex(read);
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>z += w</c> and the other compound assignments of a complex variable.</summary>
    private List<Expr>? ComplexCompound(ICompoundAssignmentOperation compound) =>
        ComplexBinary(compound.OperatorKind, compound.Target, compound.Value, compound)?.Leaves;

    private List<Expr>? ComplexConstant(string name) => name switch
    {
        "Zero" => new List<Expr> { ZeroDouble, ZeroDouble },
        "One" => new List<Expr> { OneDouble, ZeroDouble },
        "ImaginaryOne" => new List<Expr> { ZeroDouble, OneDouble },
        "NaN" => new List<Expr> { Double("double.NaN"), Double("double.NaN") },
        "Infinity" => new List<Expr> { Double("double.PositiveInfinity"), Double("double.PositiveInfinity") },
        _ => null,
    };

    /// <summary>
    /// An operand of a complex operation: a Complex value as its parts, or a number as a real part alone. When the
    /// formula reads it more than once (<paramref name="reused"/>), each part is put in a local first where a statement
    /// can go, named after the operation that made it.
    /// </summary>
    private ComplexParts? ComplexOperand(IOperation operand, string fallbackName, bool reused)
    {
        while (operand is IConversionOperation { Conversion.IsIdentity: true } identity)
        {
            operand = identity.Operand;
        }

        if (!ComplexNumbers.IsComplex(operand.Type))
        {
            if (Expression(operand) is not { } number)
            {
                return null;
            }

            var real = Coerce(number, NumberKind.Double);
            return new ComplexParts(reused ? Materialize(real, OperandName(operand, fallbackName), operand.Syntax) : real, null);
        }

        if (StructValue(operand) is not { } leaves)
        {
            return null;
        }

        if (!reused)
        {
            return new ComplexParts(leaves[0], leaves[1]);
        }

        var name = OperandName(operand, fallbackName);
        return new ComplexParts(Materialize(leaves[0], name + "_Real", operand.Syntax), Materialize(leaves[1], name + "_Imaginary", operand.Syntax));
    }

    /// <summary>A readable name for an operand's local: the operation that made it (<c>product</c>, <c>exp</c>), or the fallback.</summary>
    private static string OperandName(IOperation operand, string fallback) => operand switch
    {
        IParenthesizedOperation parenthesized => OperandName(parenthesized.Operand, fallback),
        IBinaryOperation { OperatorKind: var kind } => kind switch
        {
            BinaryOperatorKind.Add => "sum",
            BinaryOperatorKind.Subtract => "difference",
            BinaryOperatorKind.Multiply => "product",
            BinaryOperatorKind.Divide => "quotient",
            _ => fallback,
        },
        IUnaryOperation => "negated",
        IInvocationOperation { TargetMethod.Name: var method } => method == "FromPolarCoordinates" ? "polar" : char.ToLowerInvariant(method[0]) + method.Substring(1),
        _ => fallback,
    };

    private ComplexParts? ComplexBinary(BinaryOperatorKind kind, IOperation left, IOperation right, IOperation whole)
    {
        // Each formula reads an operand twice only where the operation needs it (a product reads every part twice).
        var reused = kind is BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide;
        if (kind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide))
        {
            UnsupportedComplex(whole);
            return null;
        }

        var a = ComplexOperand(left, "z", reused);
        var b = ComplexOperand(right, "w", reused);
        if (a is null || b is null)
        {
            return null;
        }

        return kind switch
        {
            BinaryOperatorKind.Add => new ComplexParts(Add(a.Real, b.Real), ImaginarySum(a.Imaginary, b.Imaginary, BinaryOperator.Add)),
            BinaryOperatorKind.Subtract => new ComplexParts(Subtract(a.Real, b.Real), ImaginarySum(a.Imaginary, b.Imaginary, BinaryOperator.Subtract)),
            BinaryOperatorKind.Multiply => ComplexMultiply(a, b),
            _ => ComplexDivide(a, b, whole),
        };
    }

    /// <summary>The imaginary part of a sum or difference: a real operand adds nothing to it (<c>2 - z</c> is <c>-z.Imaginary</c>).</summary>
    private static Expr? ImaginarySum(Expr? left, Expr? right, BinaryOperator op) => (left, right) switch
    {
        (null, null) => null,
        ({ } l, null) => l,
        (null, { } r) => op == BinaryOperator.Add ? r : Negate(r),
        ({ } l, { } r) => new BinaryExpr(NumberKind.Double, op, l, r),
    };

    /// <summary>(a + bi)(c + di) = (ac − bd) + (bc + ad)i, and the real-operand forms (ac, bc).</summary>
    private static ComplexParts ComplexMultiply(ComplexParts left, ComplexParts right)
    {
        if (left.Imaginary is null || right.Imaginary is null)
        {
            var (complex, real, realOnLeft) = left.Imaginary is null ? (right, left.Real, true) : (left, right.Real, false);
            Expr Scale(Expr part) => realOnLeft ? Multiply(real, part) : Multiply(part, real);
            return new ComplexParts(Scale(complex.Real), complex.Imaginary is null ? null : Scale(complex.Imaginary));
        }

        return new ComplexParts(
            Subtract(Multiply(left.Real, right.Real), Multiply(left.Imaginary, right.Imaginary)),
            Add(Multiply(left.Imaginary, right.Real), Multiply(left.Real, right.Imaginary)));
    }

    /// <summary>
    /// Smith's scaled division, as System.Numerics.Complex computes it: with c + di the divisor, the ratio of its
    /// smaller part to its larger keeps the intermediates from overflowing. A real divisor divides each part.
    /// </summary>
    private ComplexParts ComplexDivide(ComplexParts dividend, ComplexParts divisor, IOperation whole)
    {
        if (divisor.Imaginary is null)
        {
            return new ComplexParts(Divide(dividend.Real, divisor.Real), dividend.Imaginary is null ? null : Divide(dividend.Imaginary, divisor.Real));
        }

        var (a, b, c, d) = (dividend.Real, dividend.Imaginary, divisor.Real, divisor.Imaginary);
        var realLarger = Materialize(
            Compare(BinaryOperator.Less, MathCall("Abs", d), MathCall("Abs", c)), "realLarger", whole.Syntax);
        var ratio = Materialize(Choose(realLarger, Divide(d, c), Divide(c, d)), "ratio", whole.Syntax);
        var denominator = Materialize(Choose(realLarger, Add(c, Multiply(d, ratio)), Add(d, Multiply(c, ratio))), "denominator", whole.Syntax);
        if (b is null)
        {
            // System.Numerics' double / Complex: the dividend's imaginary part is 0, and drops out.
            return new ComplexParts(
                Choose(realLarger, Divide(a, denominator), Divide(Multiply(a, ratio), denominator)),
                Choose(realLarger, Divide(Multiply(Negate(a), ratio), denominator), Divide(Negate(a), denominator)));
        }

        return new ComplexParts(
            Choose(realLarger, Divide(Add(a, Multiply(b, ratio)), denominator), Divide(Add(b, Multiply(a, ratio)), denominator)),
            Choose(realLarger, Divide(Subtract(b, Multiply(a, ratio)), denominator), Divide(Add(Negate(a), Multiply(b, ratio)), denominator)));
    }

    private static ComplexParts ComplexNegate(ComplexParts value) =>
        new(Negate(value.Real), value.Imaginary is null ? null : Negate(value.Imaginary));

    /// <summary>The static methods of Complex that return a Complex.</summary>
    private ComplexParts? ComplexCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
        var syntax = invocation.Syntax;
        switch (method.Name, arguments.Count)
        {
            case ("Add", 2):
                return ComplexBinary(BinaryOperatorKind.Add, arguments[0], arguments[1], invocation);
            case ("Subtract", 2):
                return ComplexBinary(BinaryOperatorKind.Subtract, arguments[0], arguments[1], invocation);
            case ("Multiply", 2):
                return ComplexBinary(BinaryOperatorKind.Multiply, arguments[0], arguments[1], invocation);
            case ("Divide", 2):
                return ComplexBinary(BinaryOperatorKind.Divide, arguments[0], arguments[1], invocation);
            case ("Negate", 1):
                return ComplexOperand(arguments[0], "z", false) is { } negated ? ComplexNegate(negated) : null;
            case ("Conjugate", 1):
                return ComplexOperand(arguments[0], "z", false) is { } conjugated ? new ComplexParts(conjugated.Real, Negate(conjugated.ImaginaryOrZero)) : null;
            case ("Reciprocal", 1):
                if (ComplexOperand(arguments[0], "z", true) is not { } reciprocal)
                {
                    return null;
                }

                // 1 / z, and 0 (not NaN) for z = 0, as System.Numerics.Complex has it.
                var isZero = Materialize(IsComplexZero(reciprocal), "isZero", syntax);
                var inverse = ComplexDivide(new ComplexParts(OneDouble, ZeroDouble), Complete(reciprocal), invocation);
                return new ComplexParts(Choose(isZero, ZeroDouble, inverse.Real), Choose(isZero, ZeroDouble, inverse.ImaginaryOrZero));
            case ("FromPolarCoordinates", 2):
                var magnitude = Expression(arguments[0]) is { } m ? Materialize(Coerce(m, NumberKind.Double), "magnitude", syntax) : null;
                var phase = Expression(arguments[1]) is { } p ? Materialize(Coerce(p, NumberKind.Double), "phase", syntax) : null;
                return magnitude is null || phase is null ? null : new ComplexParts(Multiply(magnitude, MathCall("Cos", phase)), Multiply(magnitude, MathCall("Sin", phase)));
            case ("Exp", 1):
                if (ComplexOperand(arguments[0], "z", true) is not { } exponent)
                {
                    return null;
                }

                var expReal = Materialize(MathCall("Exp", exponent.Real), "expReal", syntax);
                return new ComplexParts(Multiply(expReal, MathCall("Cos", exponent.ImaginaryOrZero)), Multiply(expReal, MathCall("Sin", exponent.ImaginaryOrZero)));
            case ("Log", 1):
                return ComplexOperand(arguments[0], "z", true) is { } logged ? ComplexLog(logged) : null;
            case ("Log", 2):
                // Log(z, b) = Log(z) / Log(b), with b a complex number whose imaginary part is 0, as System.Numerics has it.
                var value = ComplexOperand(arguments[0], "z", true);
                var @base = ComplexOperand(arguments[1], "logBase", true);
                if (value is null || @base is null)
                {
                    return null;
                }

                var logOfValue = MaterializeParts(ComplexLog(value), "log", syntax);
                var logOfBase = MaterializeParts(ComplexLog(Complete(@base)), "logOfBase", syntax);
                return ComplexDivide(logOfValue, logOfBase, invocation);
            case ("Log10", 1):
                if (ComplexOperand(arguments[0], "z", true) is not { } decimalLogged)
                {
                    return null;
                }

                // System.Numerics scales the natural logarithm by this (rounded) 1 / ln 10: the same constant gives the same value.
                var log = ComplexLog(decimalLogged);
                var inverseOfLog10 = Double("0.43429448190325");
                return new ComplexParts(Multiply(inverseOfLog10, log.Real), Multiply(inverseOfLog10, log.ImaginaryOrZero));
            case ("Sqrt", 1):
                return ComplexOperand(arguments[0], "z", true) is { } root ? ComplexSqrt(root, syntax) : null;
            case ("Pow", 2):
                var powered = ComplexOperand(arguments[0], "z", true);
                var power = ComplexOperand(arguments[1], "power", true);
                return powered is null || power is null ? null : ComplexPow(powered, power, syntax);
            case ("Sin", 1):
                return ComplexOperand(arguments[0], "z", true) is { } sine ? ComplexSin(Complete(sine)) : null;
            case ("Cos", 1):
                return ComplexOperand(arguments[0], "z", true) is { } cosine ? ComplexCos(Complete(cosine)) : null;
            case ("Sinh", 1):
                if (ComplexOperand(arguments[0], "z", true) is not { } hyperbolicSine)
                {
                    return null;
                }

                // sinh(z) = −i sin(iz), as System.Numerics computes it.
                var sin = ComplexSin(new ComplexParts(Negate(hyperbolicSine.ImaginaryOrZero), hyperbolicSine.Real));
                return new ComplexParts(sin.ImaginaryOrZero, Negate(sin.Real));
            case ("Cosh", 1):
                // cosh(z) = cos(iz).
                return ComplexOperand(arguments[0], "z", true) is { } hyperbolicCosine
                    ? ComplexCos(new ComplexParts(Negate(hyperbolicCosine.ImaginaryOrZero), hyperbolicCosine.Real))
                    : null;
            default:
                UnsupportedComplex(invocation);
                return null;
        }
    }

    private static ComplexParts Complete(ComplexParts value) => value.Imaginary is null ? new ComplexParts(value.Real, ZeroDouble) : value;

    /// <summary>Puts each part in a local (where a statement can go), for a value a formula reads more than once.</summary>
    private ComplexParts MaterializeParts(ComplexParts value, string name, SyntaxNode syntax) =>
        new(Materialize(value.Real, name + "_Real", syntax), Materialize(value.ImaginaryOrZero, name + "_Imaginary", syntax));

    /// <summary>|z| = double.Hypot(re, im), as Complex.Abs computes it (a NaN derivative at 0, as torch.hypot's).</summary>
    private static Expr Magnitude(ComplexParts value) =>
        new MathCallExpr(NumberKind.Double, DoubleType, "Hypot", EquatableArray.Of(value.Real, value.ImaginaryOrZero), null);

    private static Expr Phase(ComplexParts value) => MathCall("Atan2", value.ImaginaryOrZero, value.Real);

    private static ComplexParts ComplexLog(ComplexParts value) => new(MathCall("Log", Magnitude(value)), Phase(value));

    /// <summary>
    /// The square root as System.Numerics computes it: the part that does not cancel is √((|z| ± re) / 2), the other
    /// is im / (2 × that one). Its special case for a real z (im = 0) is left out, since the general formula gives
    /// the same value there and keeps the derivative in im; only z = 0, where the formula divides 0 by 0, is 0.
    /// </summary>
    private ComplexParts ComplexSqrt(ComplexParts value, SyntaxNode syntax)
    {
        var (re, im) = (value.Real, value.ImaginaryOrZero);
        var nonNegative = Materialize(Compare(BinaryOperator.GreaterOrEqual, re, ZeroDouble), "realNonNegative", syntax);
        var modulus = Materialize(Magnitude(value), "modulus", syntax);
        var larger = Materialize(
            MathCall("Sqrt", Multiply(Choose(nonNegative, Add(modulus, re), Subtract(modulus, re)), Double("0.5"))), "largerPart", syntax);
        // In the left half-plane the larger part is the imaginary one, with the sign of im.
        var signed = Materialize(
            Choose(nonNegative, larger, Choose(Compare(BinaryOperator.Less, im, ZeroDouble), Negate(larger), larger)), "signedPart", syntax);
        var other = Materialize(
            Choose(IsComplexZero(value), ZeroDouble, Divide(im, Multiply(Double("2.0"), signed))), "otherPart", syntax);
        return new ComplexParts(Choose(nonNegative, signed, other), Choose(nonNegative, other, signed));
    }

    /// <summary>
    /// z^w as System.Numerics computes it: ρ = |z|, θ = arg z, the result's angle w.re·θ + w.im·ln ρ and magnitude
    /// ρ^w.re · e^(−w.im·θ). A real power p leaves the angle p·θ and the magnitude ρ^p. 0^w is 0, and 0^0 is 1.
    /// </summary>
    private ComplexParts ComplexPow(ComplexParts value, ComplexParts power, SyntaxNode syntax)
    {
        var rho = Materialize(Magnitude(value), "rho", syntax);
        var theta = Materialize(Phase(value), "theta", syntax);
        Expr angle;
        Expr scale;
        if (power.Imaginary is null)
        {
            angle = Materialize(Multiply(power.Real, theta), "angle", syntax);
            scale = Materialize(MathCall("Pow", rho, power.Real), "scale", syntax);
        }
        else
        {
            angle = Materialize(Add(Multiply(power.Real, theta), Multiply(power.Imaginary, MathCall("Log", rho))), "angle", syntax);
            scale = Materialize(Multiply(MathCall("Pow", rho, power.Real), MathCall("Exp", Multiply(Negate(power.Imaginary), theta))), "scale", syntax);
        }

        var baseIsZero = IsComplexZero(value);
        var zeroPower = Choose(IsComplexZero(power), OneDouble, ZeroDouble);
        return new ComplexParts(
            Choose(baseIsZero, zeroPower, Multiply(scale, MathCall("Cos", angle))),
            Choose(baseIsZero, ZeroDouble, Multiply(scale, MathCall("Sin", angle))));
    }

    /// <summary>sin(a + bi) = sin a cosh b + i cos a sinh b.</summary>
    private static ComplexParts ComplexSin(ComplexParts value) =>
        new(Multiply(MathCall("Sin", value.Real), MathCall("Cosh", value.ImaginaryOrZero)), Multiply(MathCall("Cos", value.Real), MathCall("Sinh", value.ImaginaryOrZero)));

    /// <summary>cos(a + bi) = cos a cosh b − i sin a sinh b.</summary>
    private static ComplexParts ComplexCos(ComplexParts value) =>
        new(Multiply(MathCall("Cos", value.Real), MathCall("Cosh", value.ImaginaryOrZero)), Multiply(Negate(MathCall("Sin", value.Real)), MathCall("Sinh", value.ImaginaryOrZero)));

    private static Expr IsComplexZero(ComplexParts value)
    {
        var real = Compare(BinaryOperator.Equal, value.Real, ZeroDouble);
        return value.Imaginary is null ? real : Both(real, Compare(BinaryOperator.Equal, value.Imaginary, ZeroDouble));
    }

    /// <summary>
    /// A comparison, decided here when both sides are constants (the parts of <c>new Complex(0, 0.5)</c>): the emitters
    /// turn conditions into <c>if</c> statements, and C# refuses code after a constant condition as unreachable (CS0162).
    /// </summary>
    private static Expr Compare(BinaryOperator op, Expr left, Expr right)
    {
        if (ConstantOf(left) is not { } l || ConstantOf(right) is not { } r)
        {
            return new BinaryExpr(NumberKind.Bool, op, left, right);
        }

        var holds = op switch
        {
            BinaryOperator.Less => l < r,
            BinaryOperator.GreaterOrEqual => l >= r,
            BinaryOperator.Equal => l == r,
            _ => throw new System.ArgumentOutOfRangeException(nameof(op)),
        };
        return holds ? True : False;
    }

    private static Expr Both(Expr left, Expr right) =>
        left == False || right == False ? False : left == True ? right : right == True ? left : new BinaryExpr(NumberKind.Bool, BinaryOperator.And, left, right);

    private static readonly Expr False = new LiteralExpr(NumberKind.Bool, "false");

    private static double? ConstantOf(Expr value) => value switch
    {
        LiteralExpr { Kind: NumberKind.Double } literal when double.TryParse(literal.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        UnaryExpr { Operator: UnaryOperator.Negate } negated when ConstantOf(negated.Operand) is { } number => -number,
        _ => null,
    };

    private static Expr Double(string text) => new LiteralExpr(NumberKind.Double, text);

    private static Expr MathCall(string function, params Expr[] arguments) =>
        new MathCallExpr(NumberKind.Double, MathType, function, EquatableArray.Of(arguments), null);

    private static Expr Choose(Expr condition, Expr whenTrue, Expr whenFalse) =>
        whenTrue == whenFalse || condition == True ? whenTrue : condition == False ? whenFalse : new ConditionalExpr(NumberKind.Double, condition, whenTrue, whenFalse);

    private static Expr Add(Expr left, Expr right) => new BinaryExpr(NumberKind.Double, BinaryOperator.Add, left, right);

    private static Expr Subtract(Expr left, Expr right) => new BinaryExpr(NumberKind.Double, BinaryOperator.Subtract, left, right);

    private static Expr Multiply(Expr left, Expr right) => new BinaryExpr(NumberKind.Double, BinaryOperator.Multiply, left, right);

    private static Expr Divide(Expr left, Expr right) => new BinaryExpr(NumberKind.Double, BinaryOperator.Divide, left, right);

    private void UnsupportedComplex(IOperation operation) =>
        Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, $"'{operation.Syntax}'", ComplexNumbers.Supported);
}
