using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Interceptors;

/// <summary>
/// A call site of a [Differentiable] tensor method in the user's code, to redirect to the bridge: where it is (the
/// compiler's interceptable location, version and data) and the callee's signature. Equatable: strings only.
/// </summary>
/// <param name="Key">The callee's documentation id (it must have generated code).</param>
/// <param name="Version">The InterceptsLocation version.</param>
/// <param name="Data">The InterceptsLocation data: an encoded checksum and position of the call.</param>
/// <param name="Target">The callee, fully qualified (<c>global::Ns.Type.Method</c>).</param>
/// <param name="Parameters">The callee's parameters as <c>type name</c>.</param>
/// <param name="Names">The parameter names.</param>
/// <param name="Differentiated">Names of the differentiated tensor parameters.</param>
/// <param name="Undifferentiated">Names of the other tensor parameters.</param>
internal sealed record InterceptedCall(
    string Key,
    int Version,
    string Data,
    string Target,
    EquatableArray<string> Parameters,
    EquatableArray<string> Names,
    EquatableArray<string> Differentiated,
    EquatableArray<string> Undifferentiated)
{
    /// <summary>The namespace of the generated interceptors, which consumers list in InterceptorsNamespaces.</summary>
    public const string Namespace = "AutogradGen.Interceptors";

    public static InterceptedCall? Parse(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax invocation
            || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || !method.IsStatic || method.IsGenericMethod || !TensorMethodParser.IsTensor(method.ReturnType)
            || !method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName)
            || !IsReachable(method))
        {
            return null;
        }

#pragma warning disable RSEXPERIMENTAL002 // GetInterceptableLocation is the documented way to locate an interceptor.
        var location = semanticModel.GetInterceptableLocation(invocation, cancellationToken);
#pragma warning restore RSEXPERIMENTAL002
        if (location is null)
        {
            return null;
        }

        var attribute = method.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName);
        var named = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
            ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string).ToList() : new System.Collections.Generic.List<string?>();
        var tensors = method.Parameters.Where(p => TensorMethodParser.IsTensor(p.Type)).ToList();
        return new InterceptedCall(
            MethodParser.Key(method),
            location.Version,
            location.Data,
            method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name,
            method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " " + Escape(p.Name)).ToEquatableArray(),
            method.Parameters.Select(p => Escape(p.Name)).ToEquatableArray(),
            tensors.Where(p => named.Count == 0 || named.Contains(p.Name)).Select(p => Escape(p.Name)).ToEquatableArray(),
            tensors.Where(p => named.Count != 0 && !named.Contains(p.Name)).Select(p => Escape(p.Name)).ToEquatableArray());
    }

    /// <summary>The generated interceptors, in another class, can only call methods that are public or internal all the way out.</summary>
    private static bool IsReachable(IMethodSymbol method)
    {
        for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
