using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Nested derivatives: calls, inside a [Differentiable] method G, of the generated <c>FGradient</c> or
/// <c>FDerivative</c> of another [Differentiable] method F. The generator reads G's body in the compilation before
/// generation, where those members do not exist yet: such a call does not bind (CS0103, CS0117). It is found here
/// by its syntax: a name ending in Gradient or Derivative whose stem names a [Differentiable] method of the type it
/// is called on, with the arity of the generated member. The compiler errors on the call's name are then expected
/// (<see cref="OnlyNestedCallErrors"/>), and <see cref="BodyParser"/> translates the call itself.
/// </summary>
/// <remarks>
/// Differentiating such a call needs F's second derivatives: F must be <c>[Differentiable(SecondOrder = true)]</c>
/// (AGD0090), whose dual-number pullback (<c>FTangentPullback</c>) gives the gradient with its tangent, and from it
/// the nested-call helpers (Emit/NestedCallEmitter.cs, Emit/NestedSpanCallEmitter.cs). Scalar parameters and
/// differentiated double spans are supported (AGD0092 for the rest), and one level of nesting (AGD0093).
/// </remarks>
internal static class NestedCalls
{
    /// <summary>Which generated member is called.</summary>
    internal enum Form
    {
        /// <summary><c>FGradient(x..., out gx...)</c>: the value, the gradient into out parameters.</summary>
        Gradient,

        /// <summary><c>FDerivative(x..., dx...)</c>: (Value, Derivative), the derivative along dx.</summary>
        Derivative,
    }

    /// <summary>A nested call found in a body: its callee, form, and the refusal to report instead of translating it.</summary>
    internal sealed record Found(IMethodSymbol Callee, Form Form, DiagnosticInfo? Refusal);

    public static Dictionary<InvocationExpressionSyntax, Found> Find(IMethodSymbol method, SyntaxNode body, SemanticModel model, bool callerIsSecondOrder, CancellationToken cancellationToken)
    {
        var found = new Dictionary<InvocationExpressionSyntax, Found>();
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Recognize(method, invocation, model, cancellationToken) is not { } call)
            {
                continue;
            }

            var refusal = Refusal(method, invocation, call.Callee, call.Form, callerIsSecondOrder);
            found[invocation] = call with { Refusal = refusal };
        }

        return found;
    }

    /// <summary>
    /// Whether every compiler error in the body is one a nested call causes before its member is generated: the
    /// unknown name itself. Any other error leaves the method to the compiler, as for any body that does not compile.
    /// </summary>
    public static bool OnlyNestedCallErrors(SyntaxNode body, SemanticModel model, Dictionary<InvocationExpressionSyntax, Found> found, CancellationToken cancellationToken)
    {
        var names = found.Keys.Select(i => i.Expression.Span).ToList();
        return model.GetDiagnostics(body.Span, cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .All(d => names.Any(n => n.Contains(d.Location.SourceSpan)));
    }

    private static Found? Recognize(IMethodSymbol method, InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(invocation, cancellationToken);
        if (info.Symbol is not null || info.CandidateSymbols.Length > 0)
        {
            return null;
        }

        string name;
        IEnumerable<INamedTypeSymbol> types;
        switch (invocation.Expression)
        {
            case IdentifierNameSyntax identifier:
                name = identifier.Identifier.ValueText;
                types = Enclosing(method.ContainingType);
                break;
            case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } access:
                name = member.Identifier.ValueText;
                var qualifier = access.Expression is ThisExpressionSyntax
                    ? method.ContainingType
                    : model.GetSymbolInfo(access.Expression, cancellationToken).Symbol as INamedTypeSymbol;
                if (qualifier is null)
                {
                    return null;
                }

                types = new[] { qualifier };
                break;
            default:
                return null;
        }

        var form = name.EndsWith("Gradient", System.StringComparison.Ordinal) ? Form.Gradient
            : name.EndsWith("Derivative", System.StringComparison.Ordinal) ? Form.Derivative
            : (Form?)null;
        if (form is not { } f)
        {
            return null;
        }

        var stem = name.Substring(0, name.Length - (f == Form.Gradient ? "Gradient" : "Derivative").Length);
        var arguments = invocation.ArgumentList.Arguments.Count;
        foreach (var type in types)
        {
            var callee = type.GetMembers(stem).OfType<IMethodSymbol>()
                .Where(IsDifferentiable)
                .FirstOrDefault(m => m.Parameters.Length + DifferentiatedParameters(m).Count == arguments);
            if (callee is not null)
            {
                return new Found(callee, f, null);
            }
        }

        return null;
    }

    private static DiagnosticInfo? Refusal(IMethodSymbol method, InvocationExpressionSyntax invocation, IMethodSymbol callee, Form form, bool callerIsSecondOrder)
    {
        var location = invocation.GetLocation();
        var called = callee.Name + (form == Form.Gradient ? "Gradient" : "Derivative");
        if (callerIsSecondOrder)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.NestedDepth, location, method.Name, called);
        }

        var attribute = callee.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName);
        if (!SecondOrderCheck.IsRequested(attribute))
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.NestedCalleeNotSecondOrder, location, method.Name, called, callee.Name);
        }

        var why = CalleeShape(callee);
        if (why is null && form == Form.Derivative && HasSpanParameter(callee))
        {
            why = "has span parameters, and the Derivative of such a method (span tangents) is not read nested yet; call its Gradient into a local array and dot it with the direction";
        }

        return why is null ? null : DiagnosticInfo.Create(DiagnosticDescriptors.NestedCalleeShape, location, called, callee.Name, why);
    }

    /// <summary>Whether the callee takes a ReadOnlySpan&lt;double&gt; or Span&lt;double&gt; (its gradient then goes into a local array: BodyParser.NestedSpanCalls).</summary>
    public static bool HasSpanParameter(IMethodSymbol callee) =>
        callee.Parameters.Any(p => TypeClassifier.Classify(p.Type) is { Storage: StorageKind.Span or StorageKind.ReadOnlySpan });

    /// <summary>
    /// Why the callee cannot be called nested, or null: scalar double, int and bool parameters, data passed through,
    /// and <c>ReadOnlySpan&lt;double&gt;</c>/<c>Span&lt;double&gt;</c> parameters it differentiates.
    /// </summary>
    private static string? CalleeShape(IMethodSymbol callee)
    {
        var differentiated = new HashSet<string>(DifferentiatedParameters(callee).Select(p => p.Name));
        if (callee.IsGenericMethod)
        {
            return "it is generic; write the called method for double";
        }

        if (!callee.IsStatic)
        {
            return "it is an instance method; nested derivatives call static methods";
        }

        foreach (var parameter in callee.Parameters)
        {
            if (parameter.RefKind is not (RefKind.None or RefKind.In))
            {
                return $"its parameter '{parameter.Name}' is passed by reference";
            }

            var classified = TypeClassifier.Classify(parameter.Type);
            if (classified is { Storage: StorageKind.Array })
            {
                return $"its parameter '{parameter.Name}' is an array, and nested derivatives take scalar double parameters and spans only; make it a ReadOnlySpan<double>";
            }

            if (classified is { Storage: StorageKind.Span or StorageKind.ReadOnlySpan, Kind: not NumberKind.Float } span
                && (span.Kind != NumberKind.Double || !differentiated.Contains(parameter.Name)))
            {
                return $"its span parameter '{parameter.Name}' is not a span of double the method differentiates, and nested derivatives take only those spans (the mixed second derivatives of other spans are not computed); differentiate it too, or pass the data another way (a field, a list)";
            }

            if (classified is { Kind: NumberKind.Float })
            {
                return $"its parameter '{parameter.Name}' is a float, and second derivatives are computed in double; make it a double";
            }

            if (classified is null && (StructClassifier.IsCandidate(parameter.Type) || TypeClassifier.MatrixElement(parameter.Type) is not null))
            {
                return $"its parameter '{parameter.Name}' is a struct or a 2-D array, and nested derivatives take scalar double parameters only; pass its fields as double parameters";
            }
        }

        return null;
    }

    /// <summary>The parameters the generated Gradient and Derivative of <paramref name="method"/> take a gradient or tangent for.</summary>
    public static List<IParameterSymbol> DifferentiatedParameters(IMethodSymbol method)
    {
        var attribute = method.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName);
        var named = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
            && attribute.ConstructorArguments[0].Values.Length > 0
            ? new HashSet<string>(attribute.ConstructorArguments[0].Values.Select(v => v.Value as string ?? string.Empty))
            : null;
        return method.Parameters
            .Where(p => TypeClassifier.Classify(p.Type) is { } c && c.Kind.IsFloatingPoint() && (named is null || named.Contains(p.Name)))
            .ToList();
    }

    /// <summary>
    /// The twin a nested call runs on the tape: the callee's own when it differentiates every double parameter, else
    /// <c>{Name}NestedTape</c>, its twin with a tensor for every double parameter (Emit/SourceEmitter), so that the
    /// derivative through a parameter it does not differentiate (the mixed second derivatives) is recorded too.
    /// </summary>
    public static string NestedTwinName(IMethodSymbol callee)
    {
        var differentiated = new HashSet<string>(DifferentiatedParameters(callee).Select(p => p.Name));
        return callee.Parameters.Any(p => TypeClassifier.Classify(p.Type) is { Storage: StorageKind.Scalar, Kind: NumberKind.Double } && !differentiated.Contains(p.Name))
            ? callee.Name + "NestedTape"
            : TwinNames.For(callee);
    }

    private static bool IsDifferentiable(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName);

    private static IEnumerable<INamedTypeSymbol> Enclosing(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            yield return t;
        }
    }
}
