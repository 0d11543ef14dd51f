using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Parsing;

/// <summary>Expressions: literals, variables, elements, operators, conversions, calls.</summary>
internal sealed partial class BodyParser
{
    /// <summary>
    /// Translates an expression, or reports why not. Every failure is reported exactly where it happens; if a
    /// translation fails without saying why, the whole expression is reported, so that nothing is ever dropped
    /// silently from the generated code.
    /// </summary>
    private Expr? Expression(IOperation operation)
    {
        var reported = _diagnostics.Count;
        var explained = _explainedFailures;
        var translated = ExpressionCore(operation);
        if (translated is null && _diagnostics.Count == reported && _explainedFailures == explained)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, "This expression", ExpressionAdvice(operation));
        }

        return translated;
    }

    private Expr? ExpressionCore(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var syntax = operation.Syntax;
        // A call of another method's generated Gradient or Derivative: it does not bind yet (BodyParser.NestedCalls.cs).
        if (NestedCallExpression(operation, out var nested))
        {
            return nested;
        }

        if (operation.ConstantValue.HasValue && TypeClassifier.Scalar(operation.Type) is { } constantKind
            && Literals.Format(operation.ConstantValue.Value, constantKind) is { } text)
        {
            return new LiteralExpr(constantKind, text);
        }

        if (RefAliasRead(operation, operation.Syntax, out var aliased))
        {
            return aliased;
        }

        // Generic math in one instance (T.Exp, T.One, T.CreateChecked): before the pass-through reads, which would
        // copy the interface member as written.
        if (GenericMathExpression(operation, out var genericMath))
        {
            return genericMath;
        }

        // Lowered constructs first: a tuple local's element reads like a field, but it is one of the method's locals;
        // so is a struct's field (its leaf); anything else read from a field or property passes through.
        if (LoweredExpression(operation, out var lowered))
        {
            return lowered;
        }

        if (TryStructScalar(operation, out var structScalar))
        {
            return structScalar;
        }

        if (JaggedExpression(operation, out var jaggedRead))
        {
            return jaggedRead;
        }

        if (StructArrayExpression(operation, out var structArrayRead))
        {
            return structArrayRead;
        }

        if (RefusedMatrixMember(operation))
        {
            return null;
        }

        if (IsPassThrough(operation))
        {
            return PassThroughValue(operation);
        }

        switch (operation)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation:
                if (Variable(operation) is not { } variable)
                {
                    ExplainedByRefusedLocal(operation);
                    return null;
                }

                if (variable.Storage.IsIndexed())
                {
                    Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, $"Using array '{variable.Name}' as a value",
                        "arrays and spans can be indexed, measured with Length, or passed to a [Differentiable] method");
                    return null;
                }

                return new VariableExpr(variable.Kind, variable.Name);
            case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                return Element(element.ArrayReference, element.Indices[0], syntax);
            case IArrayElementReferenceOperation { Indices.Length: 2 } element when MatrixElements(element.ArrayReference) is not null:
                return MatrixElement(element);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when IsSpan(indexer.Property.ContainingType):
                return Element(indexer.Instance!, indexer.Arguments[0].Value, syntax);
            case IImplicitIndexerReferenceOperation { Instance: { Type: INamedTypeSymbol spanType } span, Argument: var index } when IsSpan(spanType):
                return Element(span, index, syntax);
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance } when Variable(instance) is { Storage: not StorageKind.Scalar } array:
                return new LengthExpr(array.Name);
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { } matrix } when MatrixElements(matrix) is { } elements:
                // Every element of a 2-D array: the length of the span of its elements (and the twin's flattened tensor).
                return new LengthExpr(elements.Name);
            case IBinaryOperation binary:
                return Binary(binary);
            case IUnaryOperation unary:
                return Unary(unary);
            case IConversionOperation conversion:
                return Conversion(conversion);
            case IConditionalOperation conditional when ThrowingConditional(conditional, out var throws) is var guarded && throws:
                return guarded;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                if (Expression(conditional.Condition) is not { } condition)
                {
                    return null;
                }

                // A throw (or a hoisted statement) in either branch runs only sometimes: counted and guarded.
                _conditionalDepth++;
                var whenTrue = GuardedExpression(conditional.WhenTrue);
                var otherwise = GuardedExpression(whenFalse);
                _conditionalDepth--;
                return whenTrue is not null && otherwise is not null && TypeClassifier.Scalar(conditional.Type) is { } kind
                    ? new ConditionalExpr(kind, condition, Coerce(whenTrue, kind), Coerce(otherwise, kind))
                    : null;
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IParenthesizedOperation parenthesized:
                return Expression(parenthesized.Operand);
            default:
                if (!ReadsRefusedLocal(operation))
                {
                    Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, ExpressionName(operation), ExpressionAdvice(operation));
                }

                return null;
        }
    }

    private Expr? Element(IOperation arrayReference, IOperation index, SyntaxNode syntax)
    {
        if (Variable(Unwrap(arrayReference)) is not { Storage: not StorageKind.Scalar } array)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, "This element access",
                "only arrays and spans that are parameters or local arrays can be indexed");
            return null;
        }

        return IndexOf(array, index) is { } indexExpr ? new ElementExpr(array.Kind, array.Name, indexExpr) : null;
    }

    private Expr? Binary(IBinaryOperation binary)
    {
        var op = binary.OperatorKind switch
        {
            BinaryOperatorKind.ConditionalAnd => BinaryOperator.And,
            BinaryOperatorKind.ConditionalOr => BinaryOperator.Or,
            BinaryOperatorKind.LessThan => BinaryOperator.Less,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperator.LessOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOperator.Greater,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperator.GreaterOrEqual,
            BinaryOperatorKind.Equals => BinaryOperator.Equal,
            BinaryOperatorKind.NotEquals => BinaryOperator.NotEqual,
            _ => BinaryOperatorOf(binary.OperatorKind),
        };
        if (op is not { } knownOp || binary.OperatorMethod is not null && !IsGenericMathOperator(binary.OperatorMethod, binary) || TypeClassifier.Scalar(binary.Type) is not { } kind)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, binary.Syntax, $"The operator '{BinarySymbol(binary.OperatorKind) ?? binary.OperatorKind.ToString()}'" + (binary.OperatorMethod is { } custom ? $" of '{custom.ContainingType.ToDisplayString()}'" : string.Empty),
                "only arithmetic (+ - * / %), comparisons and && || on double, float, int and bool are supported");
            return null;
        }

        var left = Expression(binary.LeftOperand);
        var shortCircuits = knownOp.IsLogical();
        _conditionalDepth += shortCircuits ? 1 : 0;
        var right = shortCircuits ? GuardedExpression(binary.RightOperand) : Expression(binary.RightOperand);
        _conditionalDepth -= shortCircuits ? 1 : 0;
        if (left is null || right is null)
        {
            return null;
        }

        var operandKind = knownOp.IsComparison() ? Wider(left.Kind, right.Kind) : kind;
        return new BinaryExpr(kind, knownOp, Coerce(left, operandKind), Coerce(right, operandKind));
    }

    private Expr? Unary(IUnaryOperation unary)
    {
        UnaryOperator? op = unary.OperatorKind switch
        {
            UnaryOperatorKind.Minus => UnaryOperator.Negate,
            UnaryOperatorKind.Plus => UnaryOperator.Plus,
            UnaryOperatorKind.Not => UnaryOperator.Not,
            _ => null,
        };
        if (op is not { } knownOp || TypeClassifier.Scalar(unary.Type) is not { } kind)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, unary.Syntax, $"The operator '{UnarySymbol(unary.OperatorKind) ?? unary.OperatorKind.ToString()}'", "only unary -, + and ! are supported");
            return null;
        }

        return Expression(unary.Operand) is { } operand ? new UnaryExpr(kind, knownOp, Coerce(operand, kind)) : null;
    }

    private Expr? Conversion(IConversionOperation conversion)
    {
        if (TypeClassifier.Scalar(conversion.Type) is not { } kind)
        {
            // Implicit conversions to spans (double[] to ReadOnlySpan<double>) only appear as call arguments.
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, conversion.Syntax, $"A conversion to '{conversion.Type?.ToDisplayString()}'",
                "only conversions between double, float and int are supported");
            return null;
        }

        if (Expression(conversion.Operand) is not { } operand)
        {
            return null;
        }

        if (operand.Kind == kind)
        {
            return operand;
        }

        var warning = operand.Kind.IsFloatingPoint() && !kind.IsFloatingPoint()
            ? DiagnosticInfo.Create(DiagnosticDescriptors.NonDifferentiableOperation, conversion.Syntax.GetLocation(), $"The conversion '{conversion.Syntax}' to {kind.Keyword()}")
            : null;
        return new ConvertExpr(kind, operand, warning);
    }

    private Expr? Invocation(IInvocationOperation invocation)
    {
        if (ReportedAsFunctional(invocation))
        {
            return null;
        }

        // A lambda argument is the construct to fix, whatever the callee: report it rather than the call.
        var lambdaArguments = false;
        foreach (var argument in invocation.Arguments)
        {
            lambdaArguments |= ReportedAsFunctional(argument.Value);
        }

        if (lambdaArguments)
        {
            return null;
        }

        var method = invocation.TargetMethod;
        var syntax = invocation.Syntax;
        var containing = method.ContainingType?.ToDisplayString();
        if (TypeClassifier.Scalar(method.ReturnType) is not { } kind)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, $"A call to '{method.ToDisplayString()}'",
                "only calls returning double, float, int or bool are supported");
            return null;
        }

        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
        if ((containing == "System.Math" || containing == "System.MathF") && MathRules.IsKnown(method.Name, arguments.Count))
        {
            var translated = arguments.Select(MathArgument).ToList();
            if (translated.Any(a => a is null))
            {
                return null;
            }

            var warning = MathRules.HasZeroDerivative(method.Name)
                ? DiagnosticInfo.Create(DiagnosticDescriptors.NonDifferentiableOperation, syntax.GetLocation(), $"'{containing}.{method.Name}'")
                : null;
            var @class = containing == "System.MathF" ? "global::System.MathF" : "global::System.Math";
            var coerced = translated.Select((a, i) => Coerce(a!, TypeClassifier.Scalar(method.Parameters[i].Type) ?? a!.Kind));
            return new MathCallExpr(kind, @class, method.Name, coerced.ToEquatableArray(), warning);
        }

        if (containing == "AutogradGen.Differentiation" && method.Name == "WithoutDerivative" && arguments.Count == 1)
        {
            return Expression(arguments[0].Value) is { } detached ? new DetachedExpr(kind, Coerce(detached, kind)) : null;
        }

        // A recursive call is an ordinary call of a [Differentiable] method: forward mode calls its own Derivative,
        // reverse mode its own Pullback (which recomputes the callee's forward), so every depth is differentiated.
        return Call(invocation, method, kind, arguments);
    }

    /// <summary>
    /// An argument of a Math function: a number is an expression; anything else (Round's MidpointRounding) carries no
    /// derivative and is passed as the original passes it.
    /// </summary>
    private Expr? MathArgument(IArgumentOperation argument) =>
        argument.Parameter is { } parameter && TypeClassifier.Scalar(parameter.Type) is null
            ? PassThroughArgument(argument.Value)
            : Expression(argument.Value);

    private Expr? Call(IInvocationOperation invocation, IMethodSymbol method, NumberKind kind, List<IArgumentOperation> arguments)
    {
        var syntax = invocation.Syntax;
        var differentiable = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName);
        if (differentiable is not null && differentiable.NamedArguments.IsEmpty
            && differentiable.ConstructorArguments.All(a => a.Kind == TypedConstantKind.Array && a.Values.IsDefaultOrEmpty)
            && InlineSmallCallee(invocation, method) is { } inlined)
        {
            return inlined;
        }

        if (RefusedMatrixCall(invocation, method, differentiable is not null) || RefusedJaggedCall(invocation, method, differentiable is not null))
        {
            return null;
        }

        var receiver = method.IsStatic ? null : ReceiverText(invocation.Instance);
        var refused = !method.IsStatic && receiver is null
            ? $"it is an instance method called on '{invocation.Instance?.Syntax}'; only calls on this, a field, a property or a parameter that carries no derivative can be differentiated"
            : method.IsGenericMethod && (differentiable is null || method.TypeArguments.Length != 1)
                ? "it is generic; call a version written for double or float"
                : method.IsGenericMethod && GenericInstances.CalledInstance(method) is null
                    ? $"it is called with the type argument '{method.TypeArguments[0].ToDisplayString()}', and only its double and float instances are generated; call it with double or float"
                : method.Parameters.FirstOrDefault(p => p.RefKind is not (RefKind.None or RefKind.In)) is { } byReference
                    ? ByReferenceAdvice(method, byReference)
                    : null;
        if (refused is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CallShapeNotSupported, syntax.GetLocation(), method.ToDisplayString(), refused));
            return null;
        }

        var withRespectTo = differentiable is null ? null : DifferentiableNames(differentiable);
        var parameters = new List<CallParameter>();
        var translated = new List<Expr>();
        var warnings = new List<ArgumentWarning>();
        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter!;
            if (WholeArrayArgument(argument, differentiable is not null, withRespectTo) is { } whole)
            {
                parameters.Add(new CallParameter(parameter.Name, whole.Kind, StorageKind.Array, Differentiated: true) { WholeArray = true });
                translated.Add(whole);
                continue;
            }

            if (differentiable is not null && (withRespectTo is null || withRespectTo.Contains(parameter.Name)) && WholeStructArrayArgument(argument, parameter) is { } structs)
            {
                // The caller's own differentiated array of structs: its tangent and adjoint spans are handed on whole.
                parameters.Add(new CallParameter(parameter.Name, structs.Kind, StorageKind.Array, Differentiated: true) { WholeArray = true });
                translated.Add(structs);
                continue;
            }

            if (differentiable is not null && RefusedStructArrayArgument(argument, parameter, withRespectTo, method))
            {
                return null;
            }

            if (differentiable is not null && TypeClassifier.Classify(parameter.Type) is null && StructClassifier.IsCandidate(parameter.Type))
            {
                if (!StructArgument(argument, parameter, withRespectTo, parameters, translated))
                {
                    return null;
                }

                continue;
            }

            if (TypeClassifier.Classify(parameter.Type) is not { } classified)
            {
                // A parameter no derivative flows through (a long, a List<T>, a double[][], a user class): its
                // argument is passed as the original passes it.
                if (PassThroughArgument(argument.Value) is not { } passed)
                {
                    return null;
                }

                var untracked = differentiable is not null && (withRespectTo is null || withRespectTo.Contains(parameter.Name))
                    && (TypeClassifier.MatrixElement(parameter.Type) ?? TypeClassifier.JaggedElement(parameter.Type)) is { } element
                    ? new ArrayWithoutDerivative(TypeClassifier.JaggedElement(parameter.Type) is not null, element)
                    : null;
                parameters.Add(new CallParameter(parameter.Name, NumberKind.Int, StorageKind.Scalar, Differentiated: false, IsPassThrough: true) { WithoutDerivative = untracked });
                translated.Add(passed);
                continue;
            }

            var differentiated = classified.Kind.IsFloatingPoint() && (withRespectTo is null || withRespectTo.Contains(parameter.Name));
            parameters.Add(new CallParameter(parameter.Name, classified.Kind, classified.Storage, differentiated));
            if (classified.Kind.IsFloatingPoint() && !differentiated)
            {
                warnings.Add(new ArgumentWarning(translated.Count, DiagnosticInfo.Create(
                    DiagnosticDescriptors.DerivativeDropped, argument.Syntax.GetLocation(), method.ToDisplayString(), parameter.Name)));
            }

            Expr? value;
            if (classified.Storage.IsIndexed() && IsJaggedRow(argument.Value, out var row))
            {
                // A row of a differentiated jagged parameter: its derivative is the slice of the elements' (RefusedJaggedCall let only such callees through).
                value = row.Row is null ? null
                    : new ArrayArgumentExpr(row.Elements.Kind, row.Elements.Name, new JaggedRowArgument(PassThroughName(row.Jagged.Name), row.Jagged.Layout!, row.Row));
            }
            else if (classified.Storage.IsIndexed())
            {
                value = Variable(Unwrap(argument.Value)) is { Storage: not StorageKind.Scalar } array
                    ? new ArrayArgumentExpr(array.Kind, array.Name)
                    : null;
                if (value is ArrayArgumentExpr { Array: var passedArray } && passedArray == _results)
                {
                    // Its elements may still be unwritten, and a callee's reads of them are not traced back to the writes here.
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResultsSpanReadBeforeWritten, argument.Syntax.GetLocation(), passedArray, _method.Name, "it is passed whole to a call"));
                    return null;
                }

                if (value is null)
                {
                    Unsupported(DiagnosticDescriptors.UnsupportedExpression, argument.Syntax, "This array argument", "pass an array or span parameter or a local array itself");
                }
            }
            else
            {
                value = Expression(argument.Value) is { } scalar ? Coerce(scalar, classified.Kind) : null;
            }

            if (value is null)
            {
                return null;
            }

            translated.Add(value);
        }

        var target = new CallTarget(
            method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            method.Name,
            method.IsGenericMethod ? GenericInstances.InstanceKey(method, GenericInstances.CalledInstance(method)!.Value) : MethodParser.Key(method),
            parameters.ToEquatableArray(),
            IsDifferentiable: differentiable is not null,
            Receiver: receiver,
            TwinName: differentiable is not null ? TwinNames.For(method) : null);
        var site = _pendingCalls.Count;
        _pendingCalls.Add(differentiable is null
            ? new PendingCall(target.Key, DiagnosticInfo.Create(DiagnosticDescriptors.CallNotDifferentiable, syntax.GetLocation(), method.ToDisplayString(), HowToDifferentiate(method)), NeedsGeneratedCode: false, site)
            : new PendingCall(target.Key, DiagnosticInfo.Create(DiagnosticDescriptors.CalleeHasErrors, syntax.GetLocation(), method.ToDisplayString()), NeedsGeneratedCode: true, site));

        return new CallExpr(kind, target, translated.ToEquatableArray(), warnings.ToEquatableArray(), site);
    }

    /// <summary>AGD0007's advice: a method in source can be marked; one from a referenced assembly (the BCL's
    /// <c>double.SinPi</c>, a library's) cannot, and needs a [DerivativeOf] derivative written for it.</summary>
    private static string HowToDifferentiate(IMethodSymbol method)
    {
        const string Detach = "or wrap the argument in Differentiation.WithoutDerivative if no derivative should flow";
        if (!method.DeclaringSyntaxReferences.IsEmpty)
        {
            return "mark it [Differentiable], supply a derivative with [DerivativeOf], " + Detach;
        }

        var type = method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var single = method.ContainingType.SpecialType == SpecialType.System_Single || type == "MathF";
        if (type is "Math" or "MathF" or "double" or "float"
            && MathRules.EstimateAdvice(method.Name, single ? "1f" : "1.0", single ? "MathF.Sqrt" : "Math.Sqrt") is { } estimate)
        {
            return estimate;
        }

        return $"it comes from a referenced assembly, so it cannot be marked; write its derivative as a method of yours with [DerivativeOf(typeof({type}), nameof({type}.{method.Name}))], "
            + "or compute it from functions that are differentiated (Math's, or arithmetic), " + Detach;
    }

    private static HashSet<string>? DifferentiableNames(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array
            || attribute.ConstructorArguments[0].Values.Length == 0)
        {
            return null;
        }

        return new HashSet<string>(attribute.ConstructorArguments[0].Values.Select(v => v.Value as string ?? string.Empty));
    }

    /// <summary>An assignment target: a scalar variable, or an element of a local array.</summary>
    private AssignTarget? Target(IOperation target)
    {
        if (ReadsRefusedLocal(target))
        {
            // A write into a local refused at its declaration (a local double[,] or double[][]): that declaration's
            // diagnostic is the one root cause.
            return null;
        }

        if (RefAliasTarget(target, out var aliased))
        {
            return aliased;
        }

        if (LoweredTarget(target, out var lowered))
        {
            return lowered;
        }

        if (StructFieldTarget(target) is { } leaf)
        {
            return leaf;
        }

        if (StructArrayFieldTarget(target, out var elementField))
        {
            return elementField;
        }

        switch (target)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation when Variable(target) is { Storage: StorageKind.Scalar } scalar:
                return new AssignTarget(scalar.Name, scalar.Kind, null);
            case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                return ElementTarget(element.ArrayReference, element.Indices[0], target.Syntax);
            case IArrayElementReferenceOperation element when Unwrap(element.ArrayReference) is IParameterReferenceOperation:
                // w[i, j] = ... into a 2-D (or jagged) parameter: the caller's array, as for a 1-D parameter.
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, target.Syntax.GetLocation(), target.Syntax.ToString()));
                return null;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer when IsSpan(indexer.Property.ContainingType):
                return ElementTarget(instance, indexer.Arguments[0].Value, target.Syntax);
            case IImplicitIndexerReferenceOperation { Instance: { Type: INamedTypeSymbol spanType } span, Argument: var index } when IsSpan(spanType):
                return ElementTarget(span, index, target.Syntax);
            case IFieldReferenceOperation field:
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, target.Syntax.GetLocation(), field.Field.Name));
                return null;
            case IPropertyReferenceOperation property:
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, target.Syntax.GetLocation(), property.Property.Name));
                return null;
            case ILocalReferenceOperation when ExplainedByRefusedLocal(target):
                return null;
            default:
                Unsupported(DiagnosticDescriptors.UnsupportedExpression, target.Syntax, "This assignment target", "assign to local variables, parameters, or elements of local arrays");
                return null;
        }
    }

    private AssignTarget? ElementTarget(IOperation arrayReference, IOperation index, SyntaxNode syntax)
    {
        var array = Variable(Unwrap(arrayReference));
        if (array is null || array.IsParameter && array.Name != _results)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, syntax.GetLocation(), syntax.ToString()));
            return null;
        }

        return IndexOf(array, index) is { } indexExpr ? new AssignTarget(array.Name, array.Kind, indexExpr) : null;
    }

    private static Expr Read(AssignTarget target) =>
        target.Index is null ? new VariableExpr(target.Kind, target.Name) : new ElementExpr(target.Kind, target.Name, target.Index);

    private static Expr Coerce(Expr expr, NumberKind kind)
    {
        if (expr.Kind == kind)
        {
            return expr;
        }

        if (expr is LiteralExpr literal && double.TryParse(literal.Text.TrimEnd('f'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && Literals.Format(value, kind) is { } text && kind.IsFloatingPoint())
        {
            return new LiteralExpr(kind, text);
        }

        return new ConvertExpr(kind, expr, null);
    }

    private static NumberKind Wider(NumberKind left, NumberKind right) =>
        left == NumberKind.Double || right == NumberKind.Double ? NumberKind.Double
        : left == NumberKind.Float || right == NumberKind.Float ? NumberKind.Float
        : left;

    private static BinaryOperator? BinaryOperatorOf(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => BinaryOperator.Add,
        BinaryOperatorKind.Subtract => BinaryOperator.Subtract,
        BinaryOperatorKind.Multiply => BinaryOperator.Multiply,
        BinaryOperatorKind.Divide => BinaryOperator.Divide,
        BinaryOperatorKind.Remainder => BinaryOperator.Remainder,
        _ => null,
    };

    private static IOperation Unwrap(IOperation operation) => operation is IConversionOperation { IsImplicit: true } conversion ? Unwrap(conversion.Operand) : operation;

    private static bool IsSpan(INamedTypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() == "System" && type.Name is "Span" or "ReadOnlySpan";

    /// <summary>
    /// Lambdas, calls through delegates and LINQ are AGD0006 at the construct itself, named for what they are:
    /// checked before a declaration's type and a call's callee, so that <c>Func&lt;double, double&gt; f = v =&gt; v * v</c>
    /// is not reported as a variable of a delegate type, nor <c>a.Sum()</c> as a call without a derivative.
    /// </summary>
    private bool ReportedAsFunctional(IOperation operation)
    {
        var construct = Unwrap(operation);
        if (Functional(construct) is not { } functional
            || construct is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: ILocalReferenceOperation { Local: var held } } && _lambdaLocals.ContainsKey(held))
        {
            // A lambda held in a local is inlined where it is called (BodyParser.Inlining.DelegateLocalCall).
            return false;
        }

        if (construct is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } refusedHolder } && ExplainedByRefusedLocal(refusedHolder))
        {
            // The delegate's declaration was reported already (one root cause, one diagnostic).
            return true;
        }

        Unsupported(DiagnosticDescriptors.UnsupportedExpression, construct.Syntax, functional.Name, functional.Advice);
        return true;
    }

    private static (string Name, string Advice)? Functional(IOperation operation) => operation switch
    {
        IAnonymousFunctionOperation or IDelegateCreationOperation => ("A lambda", "write the function as a [Differentiable] static method and call it"),
        ITranslatedQueryOperation => ("A LINQ query", "write the query as a for loop"),
        IInvocationOperation { TargetMethod.ContainingType: { } type } when type.ToDisplayString() == "System.Linq.Enumerable" && !IsLinqReduction(operation) =>
            ("A LINQ query", "write the query as a for loop over the array or span"),
        IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } =>
            ("A call through a delegate", "call a [Differentiable] static method directly instead"),
        _ => null,
    };

    private static string ExpressionName(IOperation operation) => operation switch
    {
        _ when Functional(operation) is { } functional => functional.Name,
        IAssignmentOperation or IIncrementOrDecrementOperation => "An assignment inside an expression",
        IFieldReferenceOperation field => $"Reading field '{field.Field.Name}'",
        IPropertyReferenceOperation property => $"Reading property '{property.Property.Name}'",
        IObjectCreationOperation or IAnonymousObjectCreationOperation => "Creating an object",
        IArrayCreationOperation => "Creating an array inside an expression",
        IInvocationOperation invocation => $"A call to '{invocation.TargetMethod.ToDisplayString()}' inside a value read as it is",
        IInterpolatedStringOperation => "A string",
        IThrowOperation => "A throw expression",
        IIsPatternOperation => "An 'is' pattern",
        ISwitchExpressionOperation => "A switch expression",
        ITupleOperation => "A tuple",
        IAwaitOperation => "'await'",
        IConditionalAccessOperation => "The '?.' operator",
        ISizeOfOperation or ITypeOfOperation => "'sizeof' or 'typeof'",
        IDefaultValueOperation => "'default'",
        _ => "This expression",
    };

    private static string ExpressionAdvice(IOperation operation) => operation switch
    {
        _ when Functional(operation) is { } functional => functional.Advice,
        IAssignmentOperation or IIncrementOrDecrementOperation => "assign in a statement of its own",
        IObjectCreationOperation or IAnonymousObjectCreationOperation or IArrayCreationOperation => "create it outside the method and pass it as a parameter",
        IInvocationOperation => "call it outside the method and pass its result as a parameter, or read the value into a local of type double, float, int or bool first",
        IConditionalAccessOperation => "test for null with an if statement, then read the member",
        _ => "only arithmetic on double, float, int and bool, Math and MathF functions, and calls to [Differentiable] methods are supported",
    };

    internal sealed record AssignTarget(string Name, NumberKind Kind, Expr? Index);
}
