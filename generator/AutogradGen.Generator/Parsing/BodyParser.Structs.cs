using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Scalar replacement of aggregates: a struct of double/float fields (<see cref="StructClassifier"/>) never reaches
/// the IR. A struct parameter or local is one scalar variable per field (<c>a_X</c>, <c>a_Y</c>, ...); a struct-valued
/// expression is translated to one scalar expression per field (<see cref="StructValue"/>): variables, field reads
/// of nested structs, constructors, object initialisers, <c>with</c>, <c>default</c>, conditionals and the
/// System.Numerics vector operations; reading a field is reading its scalar; assigning a struct assigns each
/// scalar. So every mode (forward, reverse, tape) differentiates struct code without knowing about structs.
/// </summary>
internal sealed partial class BodyParser
{
    private readonly Dictionary<ISymbol, StructVariable> _structs = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, (StructShape? Shape, string? Why)> _shapes = new(SymbolEqualityComparer.Default);

    /// <summary>A struct parameter or local: its shape and one scalar variable per leaf.</summary>
    private sealed record StructVariable(StructShape Shape, IReadOnlyList<VariableModel> Leaves);

    private void RegisterStructParameters(IReadOnlyList<StructParameter> structParameters)
    {
        foreach (var parameter in structParameters)
        {
            var symbol = _method.Parameters.First(p => p.Name == parameter.Name);
            var leaves = parameter.LeafVariables.Select(name => _variables.First(v => v.Name == name)).ToList();
            _structs[symbol] = new StructVariable(parameter.Shape, leaves);
        }
    }

    /// <summary>The shape of a struct type, or null with the reason (also null for types that are no struct candidates).</summary>
    private (StructShape? Shape, string? Why) Shape(ITypeSymbol? type)
    {
        if (type is null || !StructClassifier.IsCandidate(type))
        {
            return (null, null);
        }

        if (!_shapes.TryGetValue(type, out var shape))
        {
            shape = StructClassifier.Classify(type, _semanticModel.Compilation, _method.ContainingType);
            _shapes[type] = shape;
        }

        return shape;
    }

    private StructVariable? StructVariableOf(IOperation reference) => reference switch
    {
        ILocalReferenceOperation local => _structs.TryGetValue(local.Local, out var l) ? l : null,
        IParameterReferenceOperation parameter => _structs.TryGetValue(parameter.Parameter, out var p) ? p : null,
        _ => null,
    };

    /// <summary>
    /// Scalar expressions about structs: a field read (<c>a.X</c>, <c>a.Position.X</c>) and the System.Numerics
    /// functions returning a number (<c>Vector3.Dot</c>, <c>v.Length()</c>). False when the operation is none of these.
    /// </summary>
    private bool TryStructScalar(IOperation operation, out Expr? result)
    {
        result = null;
        if (TrySeenThrough(operation, out var seen))
        {
            result = seen as Expr;
            if (seen is List<Expr>)
            {
                Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax, "A struct value", "use one of its fields");
            }

            return true;
        }

        var read = operation switch
        {
            IFieldReferenceOperation field => field.Instance,
            IPropertyReferenceOperation property => property.Instance,
            _ => null,
        };
        if (read is not null && ReadsOwnReceiver(read))
        {
            // The method's own receiver carries no derivative (an instance [Differentiable] method): its fields pass through.
            return false;
        }

        if (TryComplexScalar(operation, out result))
        {
            return true;
        }

        switch (operation)
        {
            case IParameterReferenceOperation parameter when InlinedScalar(parameter.Parameter) is { } argument:
                result = argument;
                return true;
            case IFieldReferenceOperation { Field.IsStatic: false, Instance: { } instance } field when Shape(instance.Type).Shape is not null:
                result = Member(instance, field.Field.Name, operation.Syntax);
                return true;
            case IPropertyReferenceOperation { Property.IsStatic: false, Property.IsIndexer: false, Instance: { } instance } property when Shape(instance.Type).Shape is not null:
                result = Member(instance, property.Property.Name, operation.Syntax);
                return true;
            case IInvocationOperation invocation when NumericsVectors.IsVectorType(invocation.TargetMethod.ContainingType) && TypeClassifier.Scalar(invocation.Type) is not null:
                result = NumericsScalar(invocation);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="instance"/> is <c>this</c> of the method being differentiated (not of a member seen through
    /// at a call), or a field or property of it.
    /// </summary>
    private bool ReadsOwnReceiver(IOperation instance)
    {
        while (true)
        {
            switch (instance)
            {
                case IInstanceReferenceOperation:
                    return Frame?.This is null;
                case IFieldReferenceOperation { Instance: { } inner }:
                    instance = inner;
                    continue;
                case IPropertyReferenceOperation { Instance: { } inner }:
                    instance = inner;
                    continue;
                default:
                    return false;
            }
        }
    }

    /// <summary>A scalar field of a struct value.</summary>
    private Expr? Member(IOperation instance, string member, SyntaxNode syntax)
    {
        var shape = Shape(instance.Type).Shape!;
        var index = shape.Leaves.ToList().FindIndex(l => l.Access == member);
        if (index < 0)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, $"Reading '{member}' of '{instance.Type!.ToDisplayString()}'",
                "only fields and auto-properties of a struct are read as values; compute it in the method, or in a [Differentiable] static method that takes the struct");
            return null;
        }

        return StructValue(instance) is { } leaves ? leaves[index] : null;
    }

    /// <summary>The leaves of a struct-valued expression, in the order of its shape's leaves; null when reported.</summary>
    private List<Expr>? StructValue(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var syntax = operation.Syntax;
        var (shape, why) = Shape(operation.Type);
        if (shape is null)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, $"This value of type '{operation.Type?.ToDisplayString()}'",
                why ?? "only structs whose fields are double, float, int or bool can be used here");
            return null;
        }

        if (TrySeenThrough(operation, out var seen))
        {
            return seen as List<Expr>;
        }

        if (StructArrayElementValue(operation, shape, out var element))
        {
            return element;
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return StructValue(parenthesized.Operand);
            case IParameterReferenceOperation parameter when Frame is { } frame && frame.Structs.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument):
                return argument;
            case IInstanceReferenceOperation when Frame?.This is { } self:
                return self;
            case IConversionOperation { Conversion.IsIdentity: true } conversion:
                return StructValue(conversion.Operand);
            case ILocalReferenceOperation or IParameterReferenceOperation:
                if (StructVariableOf(operation) is not { } variable)
                {
                    return null;
                }

                return variable.Leaves.Select(l => (Expr)new VariableExpr(l.Kind, l.Name)).ToList();
            case IFieldReferenceOperation { Field.IsStatic: false, Instance: { } instance } field when Shape(instance.Type).Shape is not null:
                return NestedMember(instance, field.Field.Name, shape, syntax);
            case IPropertyReferenceOperation { Property.IsStatic: false, Property.IsIndexer: false, Instance: { } instance } property when Shape(instance.Type).Shape is not null:
                return NestedMember(instance, property.Property.Name, shape, syntax);
            case IDefaultValueOperation:
                return Zeros(shape);
            case IObjectCreationOperation creation:
                return Creation(creation, shape);
            case IWithOperation with:
                return StructValue(with.Operand) is { } copied ? Initialize(copied, shape, with.Initializer) : null;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                var condition = Expression(conditional.Condition);
                // Only one branch runs: nothing either needs (a complex operand's local, say) can go before the statement.
                _conditionalDepth++;
                var whenTrue = GuardedStructValue(conditional.WhenTrue);
                var otherwise = GuardedStructValue(whenFalse);
                _conditionalDepth--;
                return condition is null || whenTrue is null || otherwise is null
                    ? null
                    : whenTrue.Select((t, i) => (Expr)new ConditionalExpr(t.Kind, condition, t, otherwise[i])).ToList();
            case var _ when NumericsVectors.IsVectorType(operation.Type):
                return NumericsVector(operation, shape);
            case var _ when ComplexNumbers.IsComplex(operation.Type):
                return ComplexValue(operation);
            default:
                Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, StructConstructName(operation),
                    "a struct value can be a variable, a field, new, with, default, a conditional, or a System.Numerics vector operation; call a [Differentiable] method returning a number instead");
                return null;
        }
    }

    private List<Expr>? GuardedStructValue(IOperation operation)
    {
        var saved = _hoistTarget;
        _hoistTarget = null;
        try
        {
            return StructValue(operation);
        }
        finally
        {
            _hoistTarget = saved;
        }
    }

    private static string StructConstructName(IOperation operation) => operation switch
    {
        IBinaryOperation { OperatorMethod: { } op } => $"The operator '{op.ToDisplayString()}'",
        IUnaryOperation { OperatorMethod: { } op } => $"The operator '{op.ToDisplayString()}'",
        IInvocationOperation invocation => $"A call to '{invocation.TargetMethod.ToDisplayString()}' returning a struct",
        _ => $"This struct expression ({operation.Kind})",
    };

    private List<Expr>? NestedMember(IOperation instance, string member, StructShape memberShape, SyntaxNode syntax)
    {
        var outer = Shape(instance.Type).Shape!;
        var start = outer.Leaves.ToList().FindIndex(l => l.Access.StartsWith(member + ".", System.StringComparison.Ordinal));
        if (start < 0)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, $"Reading '{member}' of '{instance.Type!.ToDisplayString()}'",
                "only fields and auto-properties of a struct are read as values");
            return null;
        }

        return StructValue(instance) is { } leaves ? leaves.GetRange(start, memberShape.Leaves.Count) : null;
    }

    private static List<Expr> Zeros(StructShape shape) =>
        shape.Leaves.Select(l => (Expr)new LiteralExpr(l.Kind, l.Kind == NumberKind.Bool ? "false" : Literals.Zero(l.Kind))).ToList();

    private List<Expr>? Creation(IObjectCreationOperation creation, StructShape shape)
    {
        List<Expr>? leaves;
        if (creation.Constructor is null || creation.Arguments.Length == 0)
        {
            leaves = Zeros(shape);
        }
        else if (NumericsVectors.IsVectorType(creation.Type) && creation.Arguments.Length == 1)
        {
            // new Vector3(s): every component is s.
            leaves = Expression(creation.Arguments[0].Value) is { } value ? shape.Leaves.Select(l => Coerce(value, l.Kind)).ToList() : null;
        }
        else if (StructClassifier.ConstructorMapping(creation.Constructor) is { } mapping)
        {
            leaves = Zeros(shape);
            var members = StructClassifier.Members(creation.Type!);
            var arguments = creation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
            for (var i = 0; i < arguments.Count; i++)
            {
                if (!AssignMember(leaves, shape, members[mapping[i]].Name, arguments[i].Value))
                {
                    return null;
                }
            }
        }
        else
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, creation.Syntax, $"The constructor '{creation.Constructor.ToDisplayString()}'",
                "only a constructor whose body sets each field from one of its parameters ('X = x;') can be seen through; use one, or an object initialiser");
            return null;
        }

        return leaves is null ? null : Initialize(leaves, shape, creation.Initializer);
    }

    /// <summary>Applies <c>{ X = ..., Position = ... }</c> (of <c>new</c> or <c>with</c>) to the leaves.</summary>
    private List<Expr>? Initialize(List<Expr> leaves, StructShape shape, IObjectOrCollectionInitializerOperation? initializer)
    {
        if (initializer is null)
        {
            return leaves;
        }

        foreach (var item in initializer.Initializers)
        {
            if (item is not ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment)
            {
                Unsupported(DiagnosticDescriptors.UnsupportedExpression, item.Syntax, "This initializer", "set fields with 'Field = value'");
                return null;
            }

            if (!AssignMember(leaves, shape, member.Member.Name, assignment.Value))
            {
                return null;
            }
        }

        return leaves;
    }

    /// <summary>Sets the leaves of one top-level member (a scalar, or a nested struct) to a value.</summary>
    private bool AssignMember(List<Expr> leaves, StructShape shape, string member, IOperation value)
    {
        var scalar = shape.Leaves.ToList().FindIndex(l => l.Access == member);
        if (scalar >= 0)
        {
            if (Expression(value) is not { } translated)
            {
                return false;
            }

            leaves[scalar] = Coerce(translated, shape.Leaves[scalar].Kind);
            return true;
        }

        var start = shape.Leaves.ToList().FindIndex(l => l.Access.StartsWith(member + ".", System.StringComparison.Ordinal));
        if (start < 0 || StructValue(value) is not { } nested)
        {
            if (start < 0)
            {
                Unsupported(DiagnosticDescriptors.UnsupportedExpression, value.Syntax, $"Setting '{member}'", "only fields and auto-properties of a struct can be set");
            }

            return false;
        }

        for (var i = 0; i < nested.Count; i++)
        {
            leaves[start + i] = nested[i];
        }

        return true;
    }

    /// <summary>A local of struct type: one local per leaf (<c>d_X</c>, ...), assigned from the initializer's leaves.</summary>
    private void StructLocal(ILocalSymbol local, IOperation? initializer, SyntaxNode syntax, SyntaxNode statementSyntax, List<Stmt> output)
    {
        var (shape, why) = Shape(local.Type);
        if (shape is null)
        {
            var at = syntax is VariableDeclaratorSyntax declarator ? declarator.Identifier.GetLocation() : syntax.GetLocation();
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructNotDifferentiable, at, local.Name, local.Type.ToDisplayString(), why!));
            _refusedLocals.Add(local);
            return;
        }

        if (!_structs.TryGetValue(local, out var variable))
        {
            var leaves = shape.Leaves.Select(l =>
            {
                var name = DeclareSynthetic(local.Name + "_" + l.Suffix, l.Kind);
                return _variables.First(v => v.Name == name);
            }).ToList();
            variable = new StructVariable(shape, leaves);
            _structs[local] = variable;
        }

        var values = initializer is null ? Zeros(shape) : HoistingStructValue(initializer, output);
        if (values is not null)
        {
            AssignLeaves(variable, values, Line(statementSyntax), SourceText(statementSyntax), output);
        }
    }

    /// <summary>
    /// <c>s = value</c> for a struct variable: each leaf in turn, through temporaries when a leaf's value reads a leaf
    /// that an earlier leaf assignment has already changed (<c>a = new Vec3(a.Y, a.X, a.Z)</c>).
    /// </summary>
    private void AssignLeaves(StructVariable variable, List<Expr> values, int line, string source, List<Stmt> output)
    {
        // Leaf by leaf is exact unless a value reads a leaf assigned before it (v = v + a * dt is fine, a swap is not).
        var overlapping = false;
        for (var i = 1; i < values.Count && !overlapping; i++)
        {
            var reads = ExprWalker.Variables(values[i]);
            overlapping = variable.Leaves.Take(i).Any(l => reads.Contains(l.Name));
        }

        if (overlapping)
        {
            var temporaries = new List<Expr>();
            for (var i = 0; i < values.Count; i++)
            {
                var leaf = variable.Leaves[i];
                var temporary = DeclareSynthetic(leaf.Name + "New", leaf.Kind);
                output.Add(new AssignStmt(line, source, temporary, null, Coerce(values[i], leaf.Kind)));
                temporaries.Add(new VariableExpr(leaf.Kind, temporary));
            }

            values = temporaries;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var leaf = variable.Leaves[i];
            if (values[i] is VariableExpr same && same.Name == leaf.Name)
            {
                continue;
            }

            output.Add(new AssignStmt(line, source, leaf.Name, null, Coerce(values[i], leaf.Kind)));
        }
    }

    /// <summary>An assignment whose target is a struct variable (<c>p = q</c>, <c>p += v</c>); false when it is not one.</summary>
    private bool TryStructAssignment(IOperation operation, SyntaxNode syntax, List<Stmt> output)
    {
        IOperation target;
        IOperation value;
        switch (operation)
        {
            case ISimpleAssignmentOperation simple when Shape(simple.Target.Type).Shape is not null:
                target = simple.Target;
                value = simple.Value;
                break;
            case ICompoundAssignmentOperation compound when Shape(compound.Target.Type).Shape is not null:
                target = compound.Target;
                value = compound;
                break;
            default:
                return false;
        }

        if (StructArrayElementAssignment(target, value, syntax, output))
        {
            return true;
        }

        if (StructVariableOf(target) is not { } variable)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, target.Syntax, "This assignment target", "assign structs to local variables, parameters or elements of local arrays");
            return true;
        }

        var values = HoistingStructValue(value, output);
        if (values is not null)
        {
            AssignLeaves(variable, values, Line(syntax), SourceText(syntax), output);
        }

        return true;
    }

    /// <summary>A field of a struct variable as an assignment target (<c>p.X = 1</c> for a mutable struct).</summary>
    private AssignTarget? StructFieldTarget(IOperation target)
    {
        var (instance, member) = target switch
        {
            IFieldReferenceOperation { Field.IsStatic: false, Instance: { } i } f => (i, f.Field.Name),
            IPropertyReferenceOperation { Property.IsStatic: false, Property.IsIndexer: false, Instance: { } i } p => (i, p.Property.Name),
            _ => (null, null),
        };
        if (instance is null || StructVariableOf(instance) is not { } variable)
        {
            return null;
        }

        var index = variable.Shape.Leaves.ToList().FindIndex(l => l.Access == member);
        return index < 0 ? null : new AssignTarget(variable.Leaves[index].Name, variable.Leaves[index].Kind, null);
    }

    /// <summary>
    /// A struct argument of a [Differentiable] callee: one scalar argument per leaf, each marked with where it sits,
    /// so that the call sites build the struct back (<see cref="Model.StructArgument"/>).
    /// </summary>
    private bool StructArgument(IArgumentOperation argument, IParameterSymbol parameter, HashSet<string>? withRespectTo, List<CallParameter> parameters, List<Expr> translated)
    {
        var (shape, why) = Shape(parameter.Type);
        if (shape is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructNotDifferentiable, argument.Syntax.GetLocation(), parameter.Name, parameter.Type.ToDisplayString(), why!));
            return false;
        }

        if (StructValue(argument.Value) is not { } leaves)
        {
            return false;
        }

        var differentiated = withRespectTo is null || withRespectTo.Contains(parameter.Name);
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = shape.Leaves[i];
            parameters.Add(new CallParameter(parameter.Name + "_" + leaf.Suffix, leaf.Kind, StorageKind.Scalar, differentiated && leaf.Kind.IsFloatingPoint())
            {
                Struct = new StructArgument(parameter.Ordinal, shape, i),
            });
            translated.Add(Coerce(leaves[i], leaf.Kind));
        }

        return true;
    }
}
