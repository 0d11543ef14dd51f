using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Reads a [DerivativeOf(typeof(T), nameof(T.M))] method and checks that it is shaped like M's generated
/// Gradient: M's parameters, then <c>out T</c> per scalar floating-point parameter and <c>Span&lt;T&gt;</c> per
/// array or span, returning M's value.
/// </summary>
internal static class UserDerivativeParser
{
    public const string DerivativeOfAttributeName = "AutogradGen.DerivativeOfAttribute";

    public static ParsedUserDerivative Parse(BindingTarget target, CancellationToken cancellationToken)
    {
        if (target.TargetSymbol is not IMethodSymbol derivative || target.TargetNode is not MethodDeclarationSyntax syntax)
        {
            return new ParsedUserDerivative(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        // A derivative that does not compile yet (as while typing) is the compiler's to report; callers then
        // report that they have no derivative.
        if (!MethodParser.HasValidNames(derivative)
            || target.SemanticModel.GetDiagnostics(syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new ParsedUserDerivative(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        return Check(derivative, target.Attributes[0], syntax.Identifier.GetLocation()) is { } problem
            ? new ParsedUserDerivative(null, EquatableArray.Of(problem))
            : new ParsedUserDerivative(Model(derivative, target.Attributes[0]), EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// AGD0014 for a [DerivativeOf] method that does not fit the method it names, or null when it fits: the one
    /// rule the parser and <see cref="Declarations.DeclarationAnalyzer"/> (which reports it) share.
    /// </summary>
    internal static DiagnosticInfo? Check(IMethodSymbol derivative, AttributeData attribute, Location location)
    {
        if (attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol type
            || attribute.ConstructorArguments[1].Value is not string name)
        {
            return Invalid(location, derivative.Name, "?", "name the original method as [DerivativeOf(typeof(T), nameof(T.Method))]");
        }

        if (!AccessibleInAssembly(derivative))
        {
            return Invalid(location, derivative.Name, type.Name + "." + name, "generated code must be able to call it: make it (and the types containing it) internal or public");
        }

        var candidates = type.GetMembers(name).OfType<IMethodSymbol>().ToList();
        if (candidates.Count == 0)
        {
            return Invalid(location, derivative.Name, type.Name + "." + name, $"'{type.ToDisplayString()}' has no method named '{name}'");
        }

        string? problem = null;
        foreach (var original in candidates)
        {
            problem = ShapeProblem(original, derivative);
            if (problem is null)
            {
                return null;
            }
        }

        return Invalid(location, derivative.Name, candidates[0].ToDisplayString(), problem!);
    }

    /// <summary>The derivative of the first candidate it fits (<see cref="Check"/> returned null).</summary>
    internal static UserDerivativeModel Model(IMethodSymbol derivative, AttributeData attribute)
    {
        var type = (INamedTypeSymbol)attribute.ConstructorArguments[0].Value!;
        var original = type.GetMembers((string)attribute.ConstructorArguments[1].Value!).OfType<IMethodSymbol>().First(o => ShapeProblem(o, derivative) is null);
        var key = original.OriginalDefinition.GetDocumentationCommentId() ?? original.ToDisplayString();
        return new UserDerivativeModel(key, derivative.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), derivative.Name);
    }

    private static string? ShapeProblem(IMethodSymbol original, IMethodSymbol derivative)
    {
        var expected = Expected(original);
        if (expected is null)
        {
            return "only methods over double, float, int, bool and arrays or spans of double or float can have a derivative";
        }

        var shape = "expected a static method returning " + original.ReturnType.ToDisplayString() + " with parameters (" + string.Join(", ", expected.Select(e => e.Display)) + ")";
        if (!derivative.IsStatic || !SymbolEqualityComparer.Default.Equals(derivative.ReturnType, original.ReturnType)
            || derivative.Parameters.Length != expected.Count)
        {
            return shape;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var parameter = derivative.Parameters[i];
            if (parameter.RefKind != expected[i].RefKind || TypeClassifier.Classify(parameter.Type) is not { } actual
                || actual.Kind != expected[i].Kind || actual.Storage != expected[i].Storage)
            {
                return shape;
            }
        }

        return null;
    }

    private static List<(NumberKind Kind, StorageKind Storage, RefKind RefKind, string Display)>? Expected(IMethodSymbol original)
    {
        var parameters = new List<(NumberKind, StorageKind, RefKind, string)>();
        var partials = new List<(NumberKind, StorageKind, RefKind, string)>();
        foreach (var parameter in original.Parameters)
        {
            if (TypeClassifier.Classify(parameter.Type) is not { } classified || parameter.RefKind != RefKind.None)
            {
                return null;
            }

            parameters.Add((classified.Kind, classified.Storage, RefKind.None, parameter.Type.ToDisplayString() + " " + parameter.Name));
            if (classified.Kind.IsFloatingPoint())
            {
                partials.Add(classified.Storage == StorageKind.Scalar
                    ? (classified.Kind, StorageKind.Scalar, RefKind.Out, "out " + classified.Kind.Keyword() + " d" + parameter.Name)
                    : (classified.Kind, StorageKind.Span, RefKind.None, "Span<" + classified.Kind.Keyword() + "> d" + parameter.Name));
            }
        }

        return parameters.Concat(partials).ToList();
    }

    private static DiagnosticInfo Invalid(Location location, string derivative, string original, string problem) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InvalidUserDerivative, location, derivative, original, problem);

    private static bool AccessibleInAssembly(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }
}
