using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Nested derivatives (<see cref="NestedCalls"/>): a call of F's generated Gradient or Derivative becomes calls of two
/// scalar functions of F's arguments that the generator knows how to differentiate, written beside F when F is
/// SecondOrder (Emit/NestedCallEmitter.cs):
/// <list type="bullet">
/// <item><c>FNestedValue(p...)</c> = F(p...), differentiated with respect to every double parameter of F;</item>
/// <item><c>FNestedSlope(p..., d...)</c> = ∇F · d over F's differentiated parameters, differentiated with respect to
/// every double parameter and the direction d: its partials are H·d (the Hessian over all of F's double parameters,
/// so the mixed block of a parameter F does not differentiate is kept) and ∇F.</item>
/// </list>
/// <c>y = FGradient(p..., out g1, ..., out gn)</c> is <c>gi = FNestedSlope(p..., eᵢ)</c> for each i, then
/// <c>y = FNestedValue(p...)</c>; <c>FDerivative(p..., d...).Value</c> and <c>.Derivative</c> are the two functions.
/// Both are ordinary <see cref="CallExpr"/>s, so activity, recording and every emitter treat them as any call.
/// </summary>
internal sealed partial class BodyParser
{
    private Dictionary<InvocationExpressionSyntax, NestedCalls.Found> _nestedCalls = new();

    /// <summary><c>FGradient(..., out g1, out g2);</c> as a statement: the gradient only.</summary>
    private bool NestedCallStatement(IOperation operation, List<Stmt> output)
    {
        if (_nestedCalls.Count == 0)
        {
            return false;
        }

        if (operation is IVariableDeclarationGroupOperation && operation.Syntax is LocalDeclarationStatementSyntax declaration
            && declaration.Declaration.Variables.FirstOrDefault(v => v.Initializer?.Value is InvocationExpressionSyntax i
                && _nestedCalls.TryGetValue(i, out var d) && d.Form == NestedCalls.Form.Derivative) is { Initializer.Value: var tuple })
        {
            Refuse(tuple, "it returns a tuple, which is read here whole; read .Value or .Derivative of the call");
            RefuseLocals(operation);
            return true;
        }

        if (operation is IExpressionStatementOperation { Operation: ICompoundAssignmentOperation compound }
            && operation.Syntax is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }
            && IsUntypedNested(compound.Value) && CompoundOperator(assignment) is { } op)
        {
            // x -= FDerivative(...).Derivative: the compiler binds no operator over the untyped value.
            if (Target(compound.Target) is { } target && Expression(compound.Value) is { } operand)
            {
                var line = Line(operation.Syntax);
                var source = SourceText(operation.Syntax);
                target = IndexFixedBeforeWrite(target, line, source, output);
                var kind = Wider(target.Kind, operand.Kind);
                var combined = new BinaryExpr(kind, op, Coerce(Read(target), kind), Coerce(operand, kind));
                output.Add(new AssignStmt(line, source, target.Name, target.Index, Coerce(combined, target.Kind)));
            }

            return true;
        }

        if (operation is not IExpressionStatementOperation
            || operation.Syntax is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation }
            || !_nestedCalls.TryGetValue(invocation, out var found))
        {
            return false;
        }

        if (found.Form == NestedCalls.Form.Derivative)
        {
            Refuse(invocation, "its value is not used; read .Value or .Derivative of it");
            return true;
        }

        NestedGradient(invocation, found, output);
        return true;
    }

    /// <summary>The value of a nested call: <c>FGradient(...)</c>, <c>FDerivative(...).Value</c> or <c>.Derivative</c>.</summary>
    private bool NestedCallExpression(IOperation operation, out Expr? lowered)
    {
        lowered = null;
        if (_nestedCalls.Count == 0)
        {
            return false;
        }

        if (operation.Syntax is InvocationExpressionSyntax invocation && _nestedCalls.TryGetValue(invocation, out var found))
        {
            if (found.Form == NestedCalls.Form.Derivative)
            {
                Refuse(invocation, "it returns a tuple, which is read here whole; read .Value or .Derivative of the call");
                return true;
            }

            if (_hoistTarget is null)
            {
                Refuse(invocation, "it writes its out arguments, and it is called where no statement can run before it (a loop condition, a branch of ?:, the right of && or ||); call it in a statement of its own");
                RefuseOutLocals(invocation);
                return true;
            }

            lowered = NestedGradient(invocation, found, _hoistTarget);
            return true;
        }

        if (OperatorOverNestedCall(operation, out lowered))
        {
            return true;
        }

        if (operation.Syntax is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner, Name: var member }
            && _nestedCalls.TryGetValue(inner, out var derivative) && derivative.Form == NestedCalls.Form.Derivative)
        {
            var part = member.Identifier.ValueText;
            if (part is not ("Value" or "Item1" or "Derivative" or "Item2"))
            {
                Refuse(inner, $"'{part}' is not one of its results; read .Value or .Derivative");
                return true;
            }

            lowered = NestedDerivative(inner, derivative, part is "Value" or "Item1");
            return true;
        }

        return false;
    }

    /// <summary>
    /// An operator applied to a nested call's result (<c>-FDerivative(...).Derivative</c>): before generation the
    /// result has no type, so the compiler binds no operator and the operation tree has none; it is read from the syntax.
    /// </summary>
    private bool OperatorOverNestedCall(IOperation operation, out Expr? lowered)
    {
        lowered = null;
        if (operation is IConversionOperation { Operand: var converted } conversion && IsUntypedNested(converted) && TypeClassifier.Scalar(conversion.Type) is { } target)
        {
            // double d = -FDerivative(...).Derivative: the conversion from the untyped operator to the declared type.
            lowered = Expression(converted) is { } value ? Coerce(value, target) : null;
            return true;
        }

        if (!IsUntypedNested(operation))
        {
            return false;
        }

        switch (operation.Syntax)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                lowered = SyntaxExpression(parenthesized.Expression);
                return true;
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression):
                lowered = SyntaxExpression(unary.Operand) is { } operand
                    ? new UnaryExpr(operand.Kind, unary.IsKind(SyntaxKind.UnaryMinusExpression) ? UnaryOperator.Negate : UnaryOperator.Plus, operand)
                    : null;
                return true;
            case BinaryExpressionSyntax binary when SyntaxOperator(binary) is { } op:
                var left = SyntaxExpression(binary.Left);
                var right = left is null ? null : SyntaxExpression(binary.Right);
                if (left is null || right is null)
                {
                    return true;
                }

                var kind = Wider(left.Kind, right.Kind);
                lowered = new BinaryExpr(op >= BinaryOperator.Less ? NumberKind.Bool : kind, op, Coerce(left, kind), Coerce(right, kind));
                return true;
            case InvocationExpressionSyntax or MemberAccessExpressionSyntax:
                return false;
            default:
                Refuse(operation.Syntax, "its result is used in an expression the generator cannot read before the call's member is generated; assign .Derivative or .Value to a double local first");
                return true;
        }
    }

    /// <summary>An operation over a nested call's result, which the compiler types as object (or not at all) before generation.</summary>
    private bool IsUntypedNested(IOperation operation) =>
        (operation is IInvalidOperation || operation.Type is null or { TypeKind: TypeKind.Error } or { SpecialType: SpecialType.System_Object })
        && operation.Syntax.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(_nestedCalls.ContainsKey);

    /// <summary>
    /// The operation of a nested call's argument. The call does not bind before generation, and C# has no operation
    /// for parentheses, so <c>FGradient((a - b), ...)</c> or <c>FGradient(x > y ? x : y, ...)</c> would read as no
    /// operation at all: the expression inside the parentheses is the operation.
    /// </summary>
    private IOperation? ArgumentOperation(ArgumentSyntax argument)
    {
        var syntax = argument.Expression;
        while (syntax is ParenthesizedExpressionSyntax parenthesized)
        {
            syntax = parenthesized.Expression;
        }

        return _semanticModel.GetOperation(syntax, _cancellationToken);
    }

    private Expr? SyntaxExpression(ExpressionSyntax syntax)
    {
        // C# has no operation for parentheses: the expression inside is the operation.
        while (syntax is ParenthesizedExpressionSyntax parenthesized)
        {
            syntax = parenthesized.Expression;
        }

        if (_semanticModel.GetOperation(syntax, _cancellationToken) is { } operation)
        {
            return Expression(operation);
        }

        Refuse(syntax, "this operand could not be read");
        return null;
    }

    private static BinaryOperator? CompoundOperator(AssignmentExpressionSyntax assignment) => assignment.Kind() switch
    {
        SyntaxKind.AddAssignmentExpression => BinaryOperator.Add,
        SyntaxKind.SubtractAssignmentExpression => BinaryOperator.Subtract,
        SyntaxKind.MultiplyAssignmentExpression => BinaryOperator.Multiply,
        SyntaxKind.DivideAssignmentExpression => BinaryOperator.Divide,
        _ => null,
    };

    /// <summary>The locals a refused statement declares: their later uses are explained by the refusal.</summary>
    private void RefuseLocals(IOperation operation)
    {
        foreach (var local in operation.Syntax.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()
            .Select(d => _semanticModel.GetDeclaredSymbol(d, _cancellationToken))
            .Concat(operation.Syntax.DescendantNodesAndSelf().OfType<VariableDeclaratorSyntax>().Select(d => _semanticModel.GetDeclaredSymbol(d, _cancellationToken)))
            .OfType<ILocalSymbol>())
        {
            _refusedLocals.Add(local);
        }
    }

    private static BinaryOperator? SyntaxOperator(BinaryExpressionSyntax binary) => binary.Kind() switch
    {
        SyntaxKind.AddExpression => BinaryOperator.Add,
        SyntaxKind.SubtractExpression => BinaryOperator.Subtract,
        SyntaxKind.MultiplyExpression => BinaryOperator.Multiply,
        SyntaxKind.DivideExpression => BinaryOperator.Divide,
        SyntaxKind.LessThanExpression => BinaryOperator.Less,
        SyntaxKind.LessThanOrEqualExpression => BinaryOperator.LessOrEqual,
        SyntaxKind.GreaterThanExpression => BinaryOperator.Greater,
        SyntaxKind.GreaterThanOrEqualExpression => BinaryOperator.GreaterOrEqual,
        _ => null,
    };

    private Expr? NestedGradient(InvocationExpressionSyntax invocation, NestedCalls.Found found, List<Stmt> output)
    {
        var (arguments, parameters, ok) = NestedArguments(invocation, found);
        if (!ok)
        {
            RefuseOutLocals(invocation);
            return null;
        }

        var callee = found.Callee;
        if (NestedCalls.HasSpanParameter(callee))
        {
            // Span gradients go into the caller's local arrays, component by component (BodyParser.NestedSpanCalls).
            return NestedSpanGradient(invocation, callee, arguments, parameters, output);
        }

        var differentiated = NestedCalls.DifferentiatedParameters(callee);
        var statement = invocation.FirstAncestorOrSelf<StatementSyntax>() ?? (SyntaxNode)invocation;
        var line = Line(invocation);
        var source = SourceText(statement);
        var outputs = new List<string?>();
        for (var k = 0; k < differentiated.Count; k++)
        {
            var argument = invocation.ArgumentList.Arguments[callee.Parameters.Length + k];
            if (OutTarget(argument, differentiated[k]) is not { } target)
            {
                RefuseOutLocals(invocation);
                return null;
            }

            outputs.Add(target.Length == 0 ? null : target);
        }

        // Each argument is computed once, into a local, for the n + 1 calls below; and it is read before the call writes
        // its out arguments (C#'s order), so a variable that is also an out target is copied first.
        var written = new HashSet<string>(outputs.Where(o => o is not null)!);
        arguments = arguments.Select((a, i) => a is PassThroughExpr ? a
            : MaterializeInto(a, callee.Parameters[i].Name + "Argument", line, source, output, force: a is VariableExpr v && written.Contains(v.Name))).ToList();
        var slope = SlopeTarget(callee, parameters, differentiated);
        for (var k = 0; k < differentiated.Count; k++)
        {
            if (outputs[k] is not { } target)
            {
                continue;
            }

            // The k-th component of the gradient is the slope along the k-th unit vector.
            var unit = differentiated.Select((_, j) => (Expr)new LiteralExpr(NumberKind.Double, j == k ? "1.0" : "0.0"));
            output.Add(new AssignStmt(line, source, target, null, NestedCall(invocation, slope, arguments.Concat(unit))));
        }

        return NestedCall(invocation, ValueTarget(callee, parameters), arguments);
    }

    private Expr? NestedDerivative(InvocationExpressionSyntax invocation, NestedCalls.Found found, bool value)
    {
        var callee = found.Callee;
        var differentiated = NestedCalls.DifferentiatedParameters(callee);
        var (arguments, parameters, ok) = NestedArguments(invocation, found);
        if (!ok)
        {
            return null;
        }

        if (value)
        {
            return NestedCall(invocation, ValueTarget(callee, parameters), arguments);
        }

        var directions = new List<Expr>();
        for (var k = 0; k < differentiated.Count; k++)
        {
            var argument = invocation.ArgumentList.Arguments[callee.Parameters.Length + k];
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.NameColon is not null)
            {
                Refuse(argument, "the tangents are passed by value and in order");
                return null;
            }

            if (ArgumentOperation(argument) is not { } operation || Expression(operation) is not { } direction)
            {
                return null;
            }

            directions.Add(Coerce(direction, NumberKind.Double));
        }

        // NestedSlope by another name, so that a forward-mode caller nests forward over forward here (NestedCallEmitter).
        return NestedCall(invocation, SlopeTarget(callee, parameters, differentiated) with { Name = callee.Name + "NestedDirectional" }, arguments.Concat(directions));
    }

    /// <summary>The arguments for F's own parameters, translated, and F's parameters as a callee's.</summary>
    private (List<Expr> Arguments, List<CallParameter> Parameters, bool Ok) NestedArguments(InvocationExpressionSyntax invocation, NestedCalls.Found found)
    {
        var arguments = new List<Expr>();
        var parameters = new List<CallParameter>();
        var callee = found.Callee;
        if (found.Refusal is { } refusal)
        {
            _diagnostics.Add(refusal);
            return (arguments, parameters, false);
        }

        for (var i = 0; i < callee.Parameters.Length; i++)
        {
            var parameter = callee.Parameters[i];
            var argument = invocation.ArgumentList.Arguments[i];
            if (argument.NameColon is not null || argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
            {
                Refuse(argument, $"the argument for '{parameter.Name}' must be passed by value and in order");
                return (arguments, parameters, false);
            }

            if (ArgumentOperation(argument) is not { } operation)
            {
                Refuse(argument, $"the argument for '{parameter.Name}' could not be read");
                return (arguments, parameters, false);
            }

            if (TypeClassifier.Classify(parameter.Type) is not { } classified)
            {
                if (PassThroughArgument(operation) is not { } passed)
                {
                    return (arguments, parameters, false);
                }

                parameters.Add(new CallParameter(parameter.Name, NumberKind.Int, StorageKind.Scalar, Differentiated: false, IsPassThrough: true));
                arguments.Add(passed);
                continue;
            }

            if (classified.Storage != StorageKind.Scalar)
            {
                if (NestedSpanArgument(argument, parameter, operation) is not { } span)
                {
                    return (arguments, parameters, false);
                }

                parameters.Add(new CallParameter(parameter.Name, classified.Kind, classified.Storage, Differentiated: true));
                arguments.Add(span);
                continue;
            }

            if (Expression(operation) is not { } value)
            {
                return (arguments, parameters, false);
            }

            // Every double parameter carries a derivative into the nested call, whether or not F differentiates it:
            // G's derivative flows through all of F's inputs (the mixed second derivatives).
            parameters.Add(new CallParameter(parameter.Name, classified.Kind, StorageKind.Scalar, Differentiated: classified.Kind == NumberKind.Double));
            arguments.Add(Coerce(value, classified.Kind));
        }

        return (arguments, parameters, true);
    }

    /// <summary>The variable an <c>out</c> gradient argument writes, "" for a discard, or null (reported).</summary>
    private string? OutTarget(ArgumentSyntax argument, IParameterSymbol parameter)
    {
        if (!argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) || argument.NameColon is not null)
        {
            Refuse(argument, $"the gradient with respect to '{parameter.Name}' is an out argument, passed in order");
            return null;
        }

        switch (argument.Expression)
        {
            case DeclarationExpressionSyntax { Designation: DiscardDesignationSyntax }:
            case IdentifierNameSyntax { Identifier.ValueText: "_" } when _semanticModel.GetSymbolInfo(argument.Expression, _cancellationToken).Symbol is null or IDiscardSymbol:
                return string.Empty;
            case DeclarationExpressionSyntax { Type: var type, Designation: SingleVariableDesignationSyntax designation }:
                if (type.IsVar)
                {
                    Refuse(argument, $"'out var {designation.Identifier.ValueText}' cannot be read: the generator reads this body before the called member is generated, so the type cannot be inferred yet; write 'out double {designation.Identifier.ValueText}'");
                    return null;
                }

                if (_semanticModel.GetDeclaredSymbol(designation, _cancellationToken) is not ILocalSymbol { Type.SpecialType: SpecialType.System_Double } declared)
                {
                    Refuse(argument, "the gradient is a double; declare it 'out double'");
                    return null;
                }

                return DeclareLocal(declared, NumberKind.Double, StorageKind.Scalar);
            case IdentifierNameSyntax identifier:
                if (_semanticModel.GetSymbolInfo(identifier, _cancellationToken).Symbol is ILocalSymbol local
                    && _bySymbol.TryGetValue(local, out var variable) && variable is { Kind: NumberKind.Double, Storage: StorageKind.Scalar })
                {
                    return variable.Name;
                }

                Refuse(argument, "the gradient goes into a double local of this method; declare one with 'out double name'");
                return null;
            default:
                Refuse(argument, "the gradient goes into a double local of this method; declare one with 'out double name'");
                return null;
        }
    }

    /// <summary>The locals a refused nested call declares (<c>out double g</c>): their later uses are explained by the refusal.</summary>
    private void RefuseOutLocals(InvocationExpressionSyntax invocation)
    {
        foreach (var designation in invocation.ArgumentList.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
        {
            if (_semanticModel.GetDeclaredSymbol(designation, _cancellationToken) is ILocalSymbol local && !_bySymbol.ContainsKey(local))
            {
                _refusedLocals.Add(local);
            }
        }
    }

    private CallExpr NestedCall(InvocationExpressionSyntax invocation, CallTarget target, IEnumerable<Expr> arguments)
    {
        var site = _pendingCalls.Count;
        _pendingCalls.Add(new PendingCall(target.Key, DiagnosticInfo.Create(DiagnosticDescriptors.CalleeHasErrors, invocation.GetLocation(), target.Key), NeedsGeneratedCode: true, site));
        return new CallExpr(NumberKind.Double, target, arguments.ToEquatableArray(), EquatableArray<ArgumentWarning>.Empty, site);
    }

    private static CallTarget ValueTarget(IMethodSymbol callee, List<CallParameter> parameters) => Target(callee, "NestedValue", parameters);

    private static CallTarget SlopeTarget(IMethodSymbol callee, List<CallParameter> parameters, List<IParameterSymbol> differentiated) =>
        Target(callee, "NestedSlope", parameters.Concat(differentiated.Select(p => new CallParameter(p.Name + "Direction", NumberKind.Double, StorageKind.Scalar, Differentiated: true))).ToList());

    private static CallTarget Target(IMethodSymbol callee, string suffix, List<CallParameter> parameters) =>
        new(callee.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), callee.Name + suffix, MethodParser.Key(callee), parameters.ToEquatableArray(), IsDifferentiable: true,
            TwinName: NestedCalls.NestedTwinName(callee))
        {
            IsNested = true,
            NestedDifferentiated = NestedCalls.DifferentiatedParameters(callee).Select(p => p.Ordinal).ToEquatableArray(),
        };

    private void Refuse(SyntaxNode syntax, string why)
    {
        var call = syntax.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NestedCallShape, syntax.GetLocation(), call?.Expression.ToString() ?? syntax.ToString(), why));
    }
}
