using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Values that carry no derivative and that the IR does not compute with: fields, properties, constants that are
/// not numbers, elements of <c>static readonly</c> tables and of pass-through parameters, <c>long</c> and enum
/// arithmetic. Each becomes a <see cref="PassThroughExpr"/>: the original's C# (types and members fully qualified,
/// so it means the same in the generated file) with the IR expressions it reads (indices, counters) as holes.
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>
    /// Whether the operation itself is a read the IR does not model. Its operands may still be IR expressions
    /// (the index of <c>Table[i]</c>), which become holes.
    /// </summary>
    private bool IsPassThrough(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => IsQueryCall(invocation),
        ILocalReferenceOperation alias when _dataAliases.ContainsKey(alias.Local) => true,
        IUnaryOperation or IBinaryOperation when IsIntegerBitOperation(operation) => true,
        IFieldReferenceOperation => true,
        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer
            when IsSpan(indexer.Property.ContainingType) && IsIndexedVariable(instance) => false,
        IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance } when IsIndexedVariable(instance) => false,
        IPropertyReferenceOperation { Property.Name: "Length", Instance: { } matrix } when MatrixElements(matrix) is not null => false,
        IPropertyReferenceOperation { Property.Name: "Length", Instance: { } row } when ReadsJaggedRow(row) => false,
        IPropertyReferenceOperation { Property.Name: "Length", Instance: { } structs } when StructArrayOf(structs) is not null => false,
        IPropertyReferenceOperation => true,
        IArrayElementReferenceOperation { Indices.Length: 1 } element when IsIndexedVariable(element.ArrayReference) => false,
        IArrayElementReferenceOperation { Indices.Length: 1 } element when ReadsJaggedRow(element.ArrayReference) => false,
        IArrayElementReferenceOperation { Indices.Length: 2 } element when MatrixElements(element.ArrayReference) is not null => false,
        IArrayElementReferenceOperation => true,
        IParameterReferenceOperation parameter => _passThroughParameters.Contains(parameter.Parameter),
        IInstanceReferenceOperation => true,
        ICoalesceOperation => true,
        IBinaryOperation binary => !IsIrType(binary.LeftOperand.Type) || !IsIrType(binary.RightOperand.Type),
        IUnaryOperation unary => !IsIrType(unary.Operand.Type),
        IConversionOperation conversion => (!IsIrType(conversion.Type) || !IsIrType(conversion.Operand.Type)) && !IsIndexedVariable(conversion.Operand),
        _ => false,
    };

    private bool IsIndexedVariable(IOperation operation) => Variable(Unwrap(operation)) is { Storage: not StorageKind.Scalar };

    private static bool IsIrType(ITypeSymbol? type) => TypeClassifier.Scalar(type) is not null;

    /// <summary>A pass-through read used as a number: its type must be double, float, int or bool.</summary>
    private Expr? PassThroughValue(IOperation operation)
    {
        if (PassThroughCode(operation) is not { } code)
        {
            return null;
        }

        if (TypeClassifier.Scalar(operation.Type) is not { } kind)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, $"A value of type '{operation.Type?.ToDisplayString() ?? "null"}' used in arithmetic",
                "read a double, float, int or bool out of it (an element, a field, Count or Length), or convert it, e.g. (int)mode");
            return null;
        }

        if (kind.IsFloatingPoint() && code.Holes.Exists(h => h.Kind.IsFloatingPoint() && Analysis.Activity.DifferentiableReads(h).Count > 0))
        {
            // The value is floating-point and reads a floating-point IR value through an operation the IR does not
            // model (n ?? x): a derivative could flow through it, and would be lost.
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, $"'{operation.Syntax}'",
                "it mixes a value with a derivative into an operation on another type; compute the pass-through part into a local of type double first, e.g. double s = scale ?? 1.0;");
            return null;
        }

        return new PassThroughExpr(kind, code.Parts.ToEquatableArray(), code.Holes.ToEquatableArray());
    }

    /// <summary>A pass-through value handed on whole (an argument of a pass-through parameter), of any type.</summary>
    private PassThroughExpr? PassThroughArgument(IOperation operation)
    {
        if (PassThroughCode(operation) is not { } code)
        {
            return null;
        }

        var kind = TypeClassifier.Scalar(operation.Type);
        return new PassThroughExpr(kind ?? NumberKind.Int, code.Parts.ToEquatableArray(), code.Holes.ToEquatableArray(),
            kind is null && operation.Type is { } type ? TypeClassifier.FullName(type) : null);
    }

    /// <summary>The receiver of an instance call, as text: <c>this</c>, a field, a property or a pass-through parameter.</summary>
    private string? ReceiverText(IOperation? instance)
    {
        if (instance is null)
        {
            return null;
        }

        var reported = _diagnostics.Count;
        var code = PassThroughCode(instance);
        if (code is null || code.Holes.Count > 0)
        {
            // Reported by the caller (the call as a whole); a hole would be evaluated again at another time.
            _diagnostics.RemoveRange(reported, _diagnostics.Count - reported);
            return null;
        }

        return code.Parts[0];
    }

    private Code? PassThroughCode(IOperation operation)
    {
        var code = new Code();
        return Print(operation, code) ? code : null;
    }

    /// <summary>Appends the operation's C# to <paramref name="code"/>; IR expressions inside become holes.</summary>
    private bool Print(IOperation operation, Code code)
    {
        if (RefusedJaggedRead(operation) || RefusedStructArrayUse(operation))
        {
            return false;
        }

        if (!IsPassThrough(operation) && IsIrType(operation.Type))
        {
            if (Expression(operation) is not { } hole)
            {
                return false;
            }

            code.Hole(hole);
            return true;
        }

        if (operation.ConstantValue.HasValue && operation is not IFieldReferenceOperation && Constant(operation.ConstantValue.Value, operation.Type) is { } constant)
        {
            code.Text(constant);
            return true;
        }

        switch (operation)
        {
            case IFieldReferenceOperation field:
                return Member(field.Field.IsStatic, field.Field.ContainingType, field.Instance, field.Field.Name, code);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer:
                return Print(instance, code) && Indices(indexer.Arguments, a => a.Value, code);
            case IPropertyReferenceOperation property:
                return Member(property.Property.IsStatic, property.Property.ContainingType, property.Instance, property.Property.Name, code);
            case IArrayElementReferenceOperation element:
                return Print(element.ArrayReference, code) && Indices(element.Indices, i => i, code);
            case IInstanceReferenceOperation:
                code.Text("this");
                return true;
            case IParameterReferenceOperation parameter when _passThroughParameters.Contains(parameter.Parameter):
                code.Text(parameter.Parameter.Name);
                return true;
            case IParenthesizedOperation parenthesized:
                return Print(parenthesized.Operand, code);
            case IConversionOperation { IsImplicit: true } conversion:
                return Print(conversion.Operand, code);
            case IConversionOperation { Type: { } type } conversion:
                code.Text("((" + TypeClassifier.FullName(type) + ")");
                return Print(conversion.Operand, code) && code.Text(")");
            case IBinaryOperation binary when BinarySymbol(binary.OperatorKind) is { } symbol:
                code.Text("(");
                return Print(binary.LeftOperand, code) && code.Text(" " + symbol + " ") && Print(binary.RightOperand, code) && code.Text(")");
            case IUnaryOperation unary when UnarySymbol(unary.OperatorKind) is { } symbol:
                code.Text("(" + symbol);
                return Print(unary.Operand, code) && code.Text(")");
            case ICoalesceOperation coalesce:
                code.Text("(");
                return Print(coalesce.Value, code) && code.Text(" ?? ") && Print(coalesce.WhenNull, code) && code.Text(")");
            case IInvocationOperation invocation when IsQueryCall(invocation):
                return PrintQuery(invocation, code);
            case IParameterReferenceOperation when IsArrayParameter(operation):
                code.Text(Variable(operation)!.Name);
                return true;
            case IParameterReferenceOperation or ILocalReferenceOperation when Variable(operation) is { } array:
                Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, $"Using array '{array.Name}' as a value",
                    "arrays and spans can be indexed, measured with Length, or passed to a [Differentiable] method");
                return false;
            case ILocalReferenceOperation alias when _dataAliases.ContainsKey(alias.Local):
                return PrintAlias(alias.Local, code);
            case ILocalReferenceOperation when ExplainedByRefusedLocal(operation):
                return false;
            case ILocalReferenceOperation local:
                Unsupported(DiagnosticDescriptors.UnsupportedVariableType, operation.Syntax, local.Local.Name, local.Local.Type.ToDisplayString());
                return false;
            default:
                var guardPart = PrintGuardPart(operation, code, out var printed);
                if (printed)
                {
                    return guardPart;
                }

                if (!ReadsRefusedLocal(operation))
                {
                    Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, ExpressionName(operation), ExpressionAdvice(operation));
                }

                return false;
        }
    }

    private bool Member(bool isStatic, INamedTypeSymbol containingType, IOperation? instance, string name, Code code)
    {
        if (isStatic || instance is null)
        {
            code.Text(TypeClassifier.FullName(containingType) + "." + name);
            return true;
        }

        return Print(instance, code) && code.Text("." + name);
    }

    private bool Indices<T>(IEnumerable<T> indices, System.Func<T, IOperation> value, Code code)
    {
        code.Text("[");
        var first = true;
        foreach (var index in indices)
        {
            if (!first)
            {
                code.Text(", ");
            }

            first = false;
            if (!Print(value(index), code))
            {
                return false;
            }
        }

        return code.Text("]");
    }

    /// <summary>A constant that is not a double, float, int or bool (those are IR literals), spelled as C#.</summary>
    private static string? Constant(object? value, ITypeSymbol? type)
    {
        if (value is null)
        {
            return type is null ? "null" : "default(" + TypeClassifier.FullName(type) + ")";
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return "((" + TypeClassifier.FullName(enumType) + ")" + System.Convert.ToString(value, CultureInfo.InvariantCulture) + ")";
        }

        return value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
            uint u => u.ToString(CultureInfo.InvariantCulture) + "U",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
            double d => Literals.Format(d, NumberKind.Double),
            float f => Literals.Format(f, NumberKind.Float),
            int i => i.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            byte or sbyte or short or ushort when type is not null =>
                "((" + TypeClassifier.FullName(type) + ")" + System.Convert.ToString(value, CultureInfo.InvariantCulture) + ")",
            _ => null,
        };
    }

    private static string? BinarySymbol(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "+",
        BinaryOperatorKind.Subtract => "-",
        BinaryOperatorKind.Multiply => "*",
        BinaryOperatorKind.Divide => "/",
        BinaryOperatorKind.Remainder => "%",
        BinaryOperatorKind.LeftShift => "<<",
        BinaryOperatorKind.RightShift => ">>",
        BinaryOperatorKind.And => "&",
        BinaryOperatorKind.Or => "|",
        BinaryOperatorKind.ExclusiveOr => "^",
        BinaryOperatorKind.ConditionalAnd => "&&",
        BinaryOperatorKind.ConditionalOr => "||",
        BinaryOperatorKind.Equals => "==",
        BinaryOperatorKind.NotEquals => "!=",
        BinaryOperatorKind.LessThan => "<",
        BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">",
        BinaryOperatorKind.GreaterThanOrEqual => ">=",
        _ => null,
    };

    private static string? UnarySymbol(UnaryOperatorKind kind) => kind switch
    {
        UnaryOperatorKind.Minus => "-",
        UnaryOperatorKind.Plus => "+",
        UnaryOperatorKind.Not => "!",
        UnaryOperatorKind.BitwiseNegation => "~",
        UnaryOperatorKind.Hat => "^",
        _ => null,
    };

    /// <summary>A <see cref="PassThroughExpr"/> being built: text parts with holes between them.</summary>
    private sealed class Code
    {
        public List<string> Parts { get; } = new() { string.Empty };

        public List<Expr> Holes { get; } = new();

        /// <summary>Appends text; returns true so that it chains with the printing calls.</summary>
        public bool Text(string text)
        {
            Parts[Parts.Count - 1] += text;
            return true;
        }

        public void Hole(Expr hole)
        {
            Holes.Add(hole);
            Parts.Add(string.Empty);
        }
    }
}
