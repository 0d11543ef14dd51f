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
/// Nested calls of a SecondOrder method F with <c>ReadOnlySpan&lt;double&gt;</c> parameters:
/// <c>y = FGradient(x, s, g, out double gs)</c>, x a span or array of the caller, g a local array of the caller that
/// receives ∇ₓF. The IR has no call with several results, so the gradient is one scalar function per component,
/// written beside F (Emit/NestedSpanCallEmitter.cs):
/// <list type="bullet">
/// <item><c>FNestedComponent(x, s, parameter, element)</c> = ∂F/∂(parameter's element), for the differentiated
/// parameters numbered in order (a scalar's element is 0), differentiated with respect to every double argument:
/// its partials are a row of the Hessian (also the mixed block of a double scalar F does not differentiate).</item>
/// </list>
/// So the call becomes <c>if (g.Length != x.Length) throw ...; for (k...) g[k] += FNestedComponent(x, s, 0, k);
/// gs = FNestedComponent(x, s, 1, 0); y = FNestedValue(x, s);</c>. Each component's derivative is one run of F's
/// dual pullback: the outer derivative costs one Hessian-vector product per gradient component (documented).
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>A span argument of a nested call: an array or span parameter or local array of this method, passed whole.</summary>
    private Expr? NestedSpanArgument(ArgumentSyntax argument, IParameterSymbol parameter, IOperation operation)
    {
        if (Variable(Unwrap(operation)) is not { Storage: not StorageKind.Scalar, Kind: NumberKind.Double } array)
        {
            Refuse(argument, $"the argument for the span '{parameter.Name}' must be a double span or array parameter or a local array of this method, passed whole");
            return null;
        }

        if (array.Name == _results)
        {
            Refuse(argument, $"the argument for '{parameter.Name}' is this method's results span, whose elements may not be written yet; copy them into a local array first");
            return null;
        }

        return new ArrayArgumentExpr(array.Kind, array.Name);
    }

    private Expr? NestedSpanGradient(InvocationExpressionSyntax invocation, IMethodSymbol callee, List<Expr> arguments, List<CallParameter> parameters, List<Stmt> output)
    {
        var differentiated = NestedCalls.DifferentiatedParameters(callee);
        var statement = invocation.FirstAncestorOrSelf<StatementSyntax>() ?? (SyntaxNode)invocation;
        var line = Line(invocation);
        var source = SourceText(statement);

        // Where each gradient goes: a local array for a span parameter, an out double (or a discard) for a scalar.
        var outputs = new List<string?>();
        for (var k = 0; k < differentiated.Count; k++)
        {
            var argument = invocation.ArgumentList.Arguments[callee.Parameters.Length + k];
            var target = TypeClassifier.Classify(differentiated[k].Type) is { Storage: not StorageKind.Scalar }
                ? SpanGradientTarget(argument, differentiated[k], arguments)
                : OutTarget(argument, differentiated[k]);
            if (target is null)
            {
                RefuseOutLocals(invocation);
                return null;
            }

            outputs.Add(target.Length == 0 ? null : target);
        }

        // Scalar arguments are computed once, into locals, before any gradient is written (C#'s order).
        var written = new HashSet<string>(outputs.Where(o => o is not null)!);
        arguments = arguments.Select((a, i) => a is PassThroughExpr or ArrayArgumentExpr ? a
            : MaterializeInto(a, callee.Parameters[i].Name + "Argument", line, source, output, force: a is VariableExpr v && written.Contains(v.Name))).ToList();
        var component = ComponentTarget(callee, parameters);
        for (var k = 0; k < differentiated.Count; k++)
        {
            if (outputs[k] is not { } target)
            {
                continue;
            }

            var parameter = new LiteralExpr(NumberKind.Int, k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var position = callee.Parameters.IndexOf(differentiated[k]);
            if (arguments[position] is not ArrayArgumentExpr span)
            {
                output.Add(new AssignStmt(line, source, target, null, NestedCall(invocation, component, arguments.Concat(new Expr[] { parameter, new LiteralExpr(NumberKind.Int, "0") }))));
                continue;
            }

            // The generated Gradient throws when the gradient's length is not the span's: so does its nested form.
            var lengthDiffers = new BinaryExpr(NumberKind.Bool, BinaryOperator.NotEqual, new LengthExpr(target), new LengthExpr(span.Array));
            var message = "The gradient '" + target + "' must have the same length as '" + span.Array + "'.";
            var guard = new PassThroughExpr(NumberKind.Int, EquatableArray.Of("throw new global::System.ArgumentException(" + SymbolDisplay.FormatLiteral(message, quote: true) + ")"), EquatableArray<Expr>.Empty, "void");
            output.Add(new IfStmt(line, source, lengthDiffers, EquatableArray.Of<Stmt>(new GuardStmt(line, source, guard)), EquatableArray<Stmt>.Empty));

            // for (int k = 0; k < x.Length; k++) g[k] += FNestedComponent(x, ..., parameter, k): a generated Gradient
            // adds into a span (as .grad accumulates), and so does its nested form.
            var index = DeclareSynthetic(target + "Index", NumberKind.Int);
            var indexExpr = new VariableExpr(NumberKind.Int, index);
            output.Add(new AssignStmt(line, source, index, null, new LiteralExpr(NumberKind.Int, "0")));
            var added = new BinaryExpr(NumberKind.Double, BinaryOperator.Add, new ElementExpr(NumberKind.Double, target, indexExpr),
                NestedCall(invocation, component, arguments.Concat(new Expr[] { parameter, indexExpr })));
            var body = EquatableArray.Of<Stmt>(new AssignStmt(line, source, target, indexExpr, added));
            var step = new AssignStmt(line, source, index, null, new BinaryExpr(NumberKind.Int, BinaryOperator.Add, indexExpr, new LiteralExpr(NumberKind.Int, "1")));
            var condition = new BinaryExpr(NumberKind.Bool, BinaryOperator.Less, indexExpr, new LengthExpr(span.Array));
            output.Add(new LoopStmt(line, source, condition, body, EquatableArray.Of<Stmt>(step), false, index, 1, "0"));
        }

        return NestedCall(invocation, ValueTarget(callee, parameters), arguments);
    }

    /// <summary>The local array a span gradient is written into (passed as <c>g</c>, not <c>out</c>), or null (reported).</summary>
    private string? SpanGradientTarget(ArgumentSyntax argument, IParameterSymbol parameter, List<Expr> arguments)
    {
        if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.NameColon is not null)
        {
            Refuse(argument, $"the gradient with respect to '{parameter.Name}' is a span, passed by value and in order");
            return null;
        }

        if (ArgumentOperation(argument) is not { } operation
            || Variable(Unwrap(operation)) is not { Storage: not StorageKind.Scalar, Kind: NumberKind.Double, IsParameter: false } array)
        {
            Refuse(argument, $"the gradient with respect to '{parameter.Name}' goes into a local double array of this method, passed whole (double[] g = new double[n], or Span<double> g = stackalloc double[n])");
            return null;
        }

        if (arguments.OfType<ArrayArgumentExpr>().Any(a => a.Array == array.Name))
        {
            Refuse(argument, $"the gradient is written into '{array.Name}', which is also an argument of the call; write it into another local array");
            return null;
        }

        return array.Name;
    }

    private static CallTarget ComponentTarget(IMethodSymbol callee, List<CallParameter> parameters) =>
        Target(callee, "NestedComponent", parameters
            .Append(new CallParameter("parameter", NumberKind.Int, StorageKind.Scalar, Differentiated: false))
            .Append(new CallParameter("element", NumberKind.Int, StorageKind.Scalar, Differentiated: false))
            .ToList());
}
