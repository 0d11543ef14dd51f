using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Members seen through at their call: a struct's own operators, methods and computed properties, and
/// [Differentiable] methods returning a struct, when their body is one expression (<c>=&gt; new Vec3(...)</c> or a
/// lone <c>return</c>). The body is translated in place of the call, with the call's arguments (already translated,
/// struct arguments as their leaves) in place of the parameters, so its derivative is the caller's own and a struct
/// result needs no Jacobian. Side-effect-free expressions make the substitution exact. A struct member whose body is a
/// block is inlined as statements instead (BodyParser.BlockMembers.cs).
/// </summary>
internal sealed partial class BodyParser
{
    private const int MaximumInlineDepth = 8;

    private readonly List<InlineFrame> _frames = new();

    /// <summary>The parameters (and receiver) of a member being seen through.</summary>
    private sealed class InlineFrame
    {
        public InlineFrame(IMethodSymbol method) => Method = method;

        public IMethodSymbol Method { get; }

        public Dictionary<IParameterSymbol, Expr> Scalars { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<IParameterSymbol, List<Expr>> Structs { get; } = new(SymbolEqualityComparer.Default);

        public List<Expr>? This { get; set; }
    }

    private InlineFrame? Frame => _frames.Count == 0 ? null : _frames[_frames.Count - 1];

    /// <summary>
    /// Whether calls of <paramref name="method"/> are seen through: a member of a struct of numbers (its receiver and
    /// struct arguments are differentiated like any value; a [Differentiable] static one has code of its own and is
    /// called), or a [Differentiable] method returning such a struct.
    /// </summary>
    private bool IsSeenThrough(IMethodSymbol method) =>
        !NumericsVectors.IsVectorType(method.ContainingType) && !ComplexNumbers.IsComplex(method.ContainingType)
        && (Shape(method.ContainingType).Shape is not null && (!IsDifferentiable(method) || !method.IsStatic)
            || IsDifferentiable(method) && Shape(method.ReturnType).Shape is not null);

    private static bool IsDifferentiable(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName);

    /// <summary>The one expression a member's body returns, or null.</summary>
    internal static ExpressionSyntax? SingleExpressionBody(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        var (arrow, block) = syntax switch
        {
            BaseMethodDeclarationSyntax m => (m.ExpressionBody, m.Body),
            AccessorDeclarationSyntax a => (a.ExpressionBody, a.Body),
            ArrowExpressionClauseSyntax e => (e, null),
            _ => (null, (BlockSyntax?)null),
        };
        if (arrow is not null)
        {
            return arrow.Expression;
        }

        return block is { Statements.Count: 1 } && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null;
    }

    /// <summary>Whether the member's body is a block (a method, operator or accessor with <c>{ ... }</c>).</summary>
    private bool HasBlockBody(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) switch
        {
            BaseMethodDeclarationSyntax m => m.Body is not null,
            AccessorDeclarationSyntax a => a.Body is not null,
            _ => false,
        };

    /// <summary>
    /// Translates the call of a seen-through member: a scalar <see cref="Expr"/> or a struct's leaves
    /// (<see cref="List{Expr}"/>), or null when reported (one diagnostic, at the call).
    /// </summary>
    private object? InlineMember(IMethodSymbol method, IOperation? receiver, IReadOnlyList<IOperation> arguments, SyntaxNode call, string what)
    {
        string? why = null;
        var body = SingleExpressionBody(method, _cancellationToken);
        if (body is null && method.IsStatic && IsDifferentiable(method) && StructResults.UniformShape(method, _semanticModel.Compilation) is not null)
        {
            // A [Differentiable] method returning a struct of numbers from a block: its statements run before the use.
            return InlineStructResult(method, arguments, call, _hoistTarget);
        }

        if (body is null && !method.IsAbstract && HasBlockBody(method) && Shape(method.ContainingType).Shape is not null)
        {
            // A struct's own member written as statements: inlined before the statement that uses it (BodyParser.BlockMembers.cs).
            return InlineBlockMember(method, receiver, arguments, call, what);
        }

        if (method.IsAbstract || body is null)
        {
            why = "its body is not in this compilation (it is abstract, or compiled into another assembly), so it cannot be differentiated where it is called; write the computation in the method, or in a [Differentiable] static method returning a number";
        }
        else if (_frames.Count >= MaximumInlineDepth || _frames.Any(f => SymbolEqualityComparer.Default.Equals(f.Method, method.OriginalDefinition)))
        {
            why = "it calls itself";
        }
        else if (method.Parameters.Any(p => p.RefKind is RefKind.Ref or RefKind.Out))
        {
            why = "it takes a ref or out parameter";
        }

        if (why is not null)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, call, what, why);
            return null;
        }

        var frame = new InlineFrame(method.OriginalDefinition);
        if (!method.IsStatic)
        {
            if (receiver is null || StructValue(receiver) is not { } self)
            {
                return null;
            }

            frame.This = self;
        }

        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (Shape(parameter.Type).Shape is not null)
            {
                if (StructValue(arguments[i]) is not { } leaves)
                {
                    return null;
                }

                frame.Structs[parameter.OriginalDefinition] = leaves;
            }
            else if (TypeClassifier.Scalar(parameter.Type) is { } kind && Expression(arguments[i]) is { } value)
            {
                frame.Scalars[parameter.OriginalDefinition] = Coerce(value, kind);
            }
            else
            {
                if (TypeClassifier.Scalar(parameter.Type) is null)
                {
                    Unsupported(DiagnosticDescriptors.UnsupportedExpression, call, what, $"its parameter '{parameter.Name}' is {parameter.Type.ToDisplayString()}");
                }

                return null;
            }
        }

        var operation = _semanticModel.Compilation.GetSemanticModel(body!.SyntaxTree).GetOperation(body, _cancellationToken);
        if (operation is null)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, call, what, "its body does not compile");
            return null;
        }

        // What fails inside the body is reported at this call, in one diagnostic: the body is the user's other code.
        var reported = _diagnostics.Count;
        _frames.Add(frame);
        object? result = Shape(method.ReturnType).Shape is { } shape
            ? StructValue(operation)
            : TypeClassifier.Scalar(method.ReturnType) is { } resultKind && Expression(operation) is { } scalar ? Coerce(scalar, resultKind) : null;
        _frames.RemoveAt(_frames.Count - 1);
        if (result is null)
        {
            var inner = _diagnostics.Skip(reported).FirstOrDefault();
            _diagnostics.RemoveRange(reported, _diagnostics.Count - reported);
            var reason = inner is null ? "its body cannot be differentiated"
                : "in its body, " + string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticDescriptors.ById(inner.Id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), inner.Arguments.Cast<object>().ToArray());
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, call, what, reason);
        }

        return result;
    }

    private static string MemberName(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.UserDefinedOperator => $"The operator '{method.ToDisplayString()}'",
        MethodKind.PropertyGet => $"The property '{method.AssociatedSymbol?.ToDisplayString()}'",
        _ => $"The call to '{method.ToDisplayString()}'",
    };

    /// <summary>A parameter of the member being seen through, as a scalar.</summary>
    private Expr? InlinedScalar(IParameterSymbol parameter) =>
        Frame is { } frame && frame.Scalars.TryGetValue(parameter.OriginalDefinition, out var value) ? value : null;

    /// <summary>Calls, operators and computed properties of seen-through members, whatever their result; false when the operation is none.</summary>
    private bool TrySeenThrough(IOperation operation, out object? result)
    {
        result = null;
        switch (operation)
        {
            case IInvocationOperation invocation when IsSeenThrough(invocation.TargetMethod):
                var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
                result = InlineMember(invocation.TargetMethod, invocation.Instance, arguments, operation.Syntax, MemberName(invocation.TargetMethod));
                return true;
            case IBinaryOperation { OperatorMethod: { } op } binary when IsSeenThrough(op):
                result = InlineMember(op, null, new[] { binary.LeftOperand, binary.RightOperand }, operation.Syntax, MemberName(op));
                return true;
            case IUnaryOperation { OperatorMethod: { } op } unary when IsSeenThrough(op):
                result = InlineMember(op, null, new[] { unary.Operand }, operation.Syntax, MemberName(op));
                return true;
            case IPropertyReferenceOperation { Property.GetMethod: { } getter, Property.IsIndexer: false } property
                when IsSeenThrough(getter) && !StructClassifier.Members(getter.ContainingType).Any(m => m.Name == property.Property.Name):
                result = InlineMember(getter, property.Instance, System.Array.Empty<IOperation>(), operation.Syntax, MemberName(getter));
                return true;
            default:
                return false;
        }
    }
}
