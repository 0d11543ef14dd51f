using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Generic math (<c>static T F&lt;T&gt;(T x) where T : IFloatingPointIeee754&lt;T&gt;</c>) becomes its double and
/// float instances before anything else sees it: the method is parsed once per instance with its type parameter
/// read as that number type (<see cref="TypeClassifier.Instantiate"/>), so each instance is an ordinary
/// <see cref="MethodModel"/> and the emitters write non-generic overloads (<c>FGradient(double x, out double
/// xGradient)</c> and <c>FGradient(float x, out float xGradient)</c>) that C# picks as it would infer T.
/// </summary>
/// <remarks>
/// Each instance has a key of its own (<see cref="InstanceKey"/>), so calls name the instance they need and a
/// refused instance takes only its own callers' code away. A diagnostic both instances report is reported once.
/// </remarks>
internal static class GenericInstances
{
    private static readonly NumberKind[] s_instances = { NumberKind.Double, NumberKind.Float };

    /// <summary>The key of one instance: the generic method's documentation id and the type argument.</summary>
    public static string InstanceKey(IMethodSymbol method, NumberKind kind) => MethodParser.Key(method) + "[" + kind.Keyword() + "]";

    /// <summary>The instance a call of a [Differentiable] generic method names, or null when its type argument is neither double nor float.</summary>
    public static NumberKind? CalledInstance(IMethodSymbol callee) =>
        callee.TypeArguments.Length == 1 && TypeClassifier.Scalar(callee.TypeArguments[0]) is { } kind && kind.IsFloatingPoint() ? kind : null;

    /// <summary>Parses a generic [Differentiable] method: one <see cref="ParsedMethod"/> per instance, or its refusal.</summary>
    public static EquatableArray<ParsedMethod> Parse(BindingTarget target, IMethodSymbol method, MethodDeclarationSyntax syntax, CancellationToken cancellationToken, bool declarationOnly = false)
    {
        var compilation = target.SemanticModel.Compilation;
        var refusal = Refusal(method, syntax, compilation, out var instances);
        if (refusal is not null)
        {
            // Both instance keys exist, so that callers of either lose their code (AGD0019) instead of calling nothing.
            return s_instances.Select((kind, i) => new ParsedMethod(InstanceKey(method, kind), null,
                i == 0 ? EquatableArray.Of(refusal) : EquatableArray<DiagnosticInfo>.Empty)).ToEquatableArray();
        }

        var typeParameter = method.TypeParameters[0];
        var reported = new HashSet<(string Id, LinePositionSpan Span)>();
        var parsed = new List<ParsedMethod>();
        foreach (var kind in s_instances)
        {
            ParsedMethod instance;
            using (TypeClassifier.Instantiate(typeParameter, kind, compilation))
            {
                instance = instances.Contains(kind) ? MethodParser.Parse(target, cancellationToken, declarationOnly) : new ParsedMethod(string.Empty, null, EquatableArray<DiagnosticInfo>.Empty);
            }

            var diagnostics = instance.Diagnostics.Where(d => !reported.Contains((d.Id, d.LineSpan))).ToEquatableArray();
            reported.UnionWith(diagnostics.Select(d => (d.Id, d.LineSpan)));
            var model = instance.Model is { } m
                ? m with
                {
                    GenericInstance = kind,
                    ReportsActivityWarnings = parsed.All(p => p.Model is null),
                }
                : null;
            var stub = instance.Stub is { } st ? st with { GenericInstance = kind, ReportsActivityWarnings = false } : null;
            parsed.Add(new ParsedMethod(InstanceKey(method, kind), model, diagnostics) { Stub = stub });
        }

        return parsed.ToEquatableArray();
    }

    /// <summary>
    /// Why the method cannot be instantiated (AGD0065, AGD0066), or null; <paramref name="instances"/> are the
    /// number types its constraints admit.
    /// </summary>
    private static DiagnosticInfo? Refusal(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, out List<NumberKind> instances)
    {
        instances = new List<NumberKind>();
        var typeParameters = syntax.TypeParameterList!;
        if (method.TypeParameters.Length != 1)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.GenericShapeNotSupported, typeParameters.GetLocation(), method.Name,
                $"it has {method.TypeParameters.Length} type parameters, and a generic method is differentiated as its double and float instances, which needs exactly one; keep one type parameter for the number type and give the others fixed types");
        }

        var typeParameter = method.TypeParameters[0];
        foreach (var kind in s_instances)
        {
            var type = compilation.GetSpecialType(kind == NumberKind.Double ? SpecialType.System_Double : SpecialType.System_Single);
            if (Admits(typeParameter, type))
            {
                instances.Add(kind);
            }
        }

        if (instances.Count == 0)
        {
            var constraints = typeParameter.ConstraintTypes.Select(c => c.ToDisplayString()).ToList();
            if (typeParameter.HasReferenceTypeConstraint)
            {
                constraints.Insert(0, "class");
            }

            var why = constraints.Count == 0 ? "it has no constraint that gives it arithmetic" : "its constraints are " + string.Join(", ", constraints.Select(c => "'" + c + "'"));
            return DiagnosticInfo.Create(DiagnosticDescriptors.TypeParameterNotFloatingPoint, typeParameters.GetLocation(), typeParameter.Name, method.Name, why);
        }

        // Overloads differ only in their parameters: a type parameter no parameter mentions would give two
        // instances with one signature.
        if (!method.Parameters.Any(p => Mentions(p.Type, typeParameter)))
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.GenericShapeNotSupported, typeParameters.GetLocation(), method.Name,
                $"no parameter's type mentions '{typeParameter.Name}', so its double and float instances would have the same parameters; give a parameter the type '{typeParameter.Name}' (or a span or array of it), or write the method for double");
        }

        // A [Differentiable] overload written for double or float would get the same generated members as that instance.
        foreach (var kind in instances)
        {
            var type = compilation.GetSpecialType(kind == NumberKind.Double ? SpecialType.System_Double : SpecialType.System_Single);
            var instance = method.Construct(type);
            var twin = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().FirstOrDefault(other =>
                !other.IsGenericMethod && other.Parameters.Length == instance.Parameters.Length
                && other.Parameters.Select(p => p.Type).SequenceEqual(instance.Parameters.Select(p => p.Type), SymbolEqualityComparer.Default)
                && other.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName));
            if (twin is not null)
            {
                return DiagnosticInfo.Create(DiagnosticDescriptors.GenericShapeNotSupported, typeParameters.GetLocation(), method.Name,
                    $"its {kind.Keyword()} instance would have the same parameters as '{twin.ToDisplayString()}', which is [Differentiable] too, so their generated members would clash; remove one of them or rename it");
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> satisfies every constraint of <paramref name="typeParameter"/>, read with it in place of the parameter.</summary>
    private static bool Admits(ITypeParameterSymbol typeParameter, INamedTypeSymbol type)
    {
        if (typeParameter.HasReferenceTypeConstraint)
        {
            return false;
        }

        foreach (var constraint in typeParameter.ConstraintTypes)
        {
            if (constraint is not INamedTypeSymbol named || Substitute(named, typeParameter, type) is not { } substituted)
            {
                return false;
            }

            var satisfied = SymbolEqualityComparer.Default.Equals(substituted, type)
                || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, substituted))
                || InheritsFrom(type, substituted);
            if (!satisfied)
            {
                return false;
            }
        }

        return true;
    }

    private static INamedTypeSymbol? Substitute(INamedTypeSymbol constraint, ITypeParameterSymbol typeParameter, INamedTypeSymbol type)
    {
        if (!constraint.IsGenericType)
        {
            return constraint;
        }

        var arguments = new ITypeSymbol[constraint.TypeArguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = constraint.TypeArguments[i];
            if (SymbolEqualityComparer.Default.Equals(argument, typeParameter))
            {
                arguments[i] = type;
            }
            else if (Mentions(argument, typeParameter))
            {
                return null;
            }
            else
            {
                arguments[i] = argument;
            }
        }

        return constraint.OriginalDefinition.Construct(arguments);
    }

    private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(ITypeSymbol type, ITypeParameterSymbol typeParameter) => type switch
    {
        ITypeParameterSymbol parameter => SymbolEqualityComparer.Default.Equals(parameter, typeParameter),
        IArrayTypeSymbol array => Mentions(array.ElementType, typeParameter),
        INamedTypeSymbol named => named.TypeArguments.Any(a => Mentions(a, typeParameter)),
        _ => false,
    };
}
