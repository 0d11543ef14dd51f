using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>Maps Roslyn types to the IR's scalar kinds and storages.</summary>
internal static class TypeClassifier
{
    // The instance being parsed of a generic-math method (GenericInstances): its type parameter reads as this
    // kind everywhere the parser classifies a type. Parsing one method runs on one thread from start to end, so
    // the scope is per thread; it is set and cleared around that one parse.
    [ThreadStatic]
    private static ITypeParameterSymbol? t_typeParameter;

    [ThreadStatic]
    private static NumberKind t_typeArgument;

    [ThreadStatic]
    private static Compilation? t_compilation;

    /// <summary>Until disposed, <paramref name="typeParameter"/> is classified (and spelled) as <paramref name="kind"/>.</summary>
    public static IDisposable Instantiate(ITypeParameterSymbol typeParameter, NumberKind kind, Compilation compilation)
    {
        var scope = new InstanceScope(t_typeParameter, t_typeArgument, t_compilation);
        t_typeParameter = typeParameter;
        t_typeArgument = kind;
        t_compilation = compilation;
        return scope;
    }

    /// <summary>The kind the type parameter being instantiated stands for, when <paramref name="type"/> is it.</summary>
    public static NumberKind? TypeArgument(ITypeSymbol? type) =>
        type is ITypeParameterSymbol parameter && t_typeParameter is { } current && SymbolEqualityComparer.Default.Equals(parameter, current)
            ? t_typeArgument
            : null;

    public static NumberKind? Scalar(ITypeSymbol? type) => TypeArgument(type) ?? type?.SpecialType switch
    {
        SpecialType.System_Double => NumberKind.Double,
        SpecialType.System_Single => NumberKind.Float,
        SpecialType.System_Int32 => NumberKind.Int,
        SpecialType.System_Boolean => NumberKind.Bool,
        _ => null,
    };

    /// <summary>double, float, int, bool as scalars; arrays, spans and read-only spans of double or float.</summary>
    public static (NumberKind Kind, StorageKind Storage)? Classify(ITypeSymbol? type)
    {
        if (Scalar(type) is { } scalar)
        {
            return (scalar, StorageKind.Scalar);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array && FloatingElement(array.ElementType) is { } arrayElement)
        {
            return (arrayElement, StorageKind.Array);
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.ContainingNamespace?.ToDisplayString() == "System"
            && FloatingElement(named.TypeArguments[0]) is { } spanElement)
        {
            if (named.Name == "Span")
            {
                return (spanElement, StorageKind.Span);
            }

            if (named.Name == "ReadOnlySpan")
            {
                return (spanElement, StorageKind.ReadOnlySpan);
            }
        }

        return null;
    }

    /// <summary>
    /// A type as a message names it, in the user's words: <c>double[,]</c>, not Roslyn's <c>double[*,*]?</c> for the
    /// type a <c>var</c> infers from <c>new double[2, 2]</c>.
    /// </summary>
    public static string DisplayName(ITypeSymbol type)
    {
        var text = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
        return type is IArrayTypeSymbol ? text.Replace("*", string.Empty) : text;
    }

    /// <summary>The element kind of a 2-D array of double or float (<c>double[,]</c>, <c>T[,]</c> in a generic instance).</summary>
    public static NumberKind? MatrixElement(ITypeSymbol? type) =>
        type is IArrayTypeSymbol { Rank: 2 } array ? FloatingElement(array.ElementType) : null;

    /// <summary>The element kind of a jagged array of double or float (<c>double[][]</c>, <c>T[][]</c> in a generic instance).</summary>
    public static NumberKind? JaggedElement(ITypeSymbol? type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType: IArrayTypeSymbol { Rank: 1 } row } ? FloatingElement(row.ElementType) : null;

    /// <summary>A type as generated code spells it: <c>global::</c> qualified, with its nullable annotations.</summary>
    public static string FullName(ITypeSymbol type) => Instantiated(type).ToDisplayString(FullyQualifiedWithNullability);

    /// <summary>
    /// The type with the type parameter being instantiated replaced by its number type (<c>IReadOnlyList&lt;T&gt;</c>
    /// is <c>IReadOnlyList&lt;double&gt;</c> in the double instance), so that generated code never names T.
    /// </summary>
    private static ITypeSymbol Instantiated(ITypeSymbol type)
    {
        if (t_typeParameter is null || t_compilation is not { } compilation)
        {
            return type;
        }

        if (TypeArgument(type) is { } kind)
        {
            return compilation.GetSpecialType(kind == NumberKind.Float ? SpecialType.System_Single : SpecialType.System_Double);
        }

        return type switch
        {
            IArrayTypeSymbol array => compilation.CreateArrayTypeSymbol(Instantiated(array.ElementType), array.Rank, array.ElementNullableAnnotation),
            INamedTypeSymbol { IsGenericType: true } named => named.OriginalDefinition.Construct(
                named.TypeArguments.Select(Instantiated).ToImmutableArray(), named.TypeArgumentNullableAnnotations),
            _ => type,
        };
    }

    private static readonly SymbolDisplayFormat FullyQualifiedWithNullability = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The C# spelling of a variable's type in generated code: its own for a pass-through parameter.</summary>
    public static string TypeText(VariableModel variable) => variable.PassThroughType ?? TypeText(variable.Kind, variable.Storage);

    /// <summary>The C# spelling of a variable's type in generated code.</summary>
    public static string TypeText(NumberKind kind, StorageKind storage) => storage switch
    {
        StorageKind.Scalar => kind.Keyword(),
        StorageKind.Array => kind.Keyword() + "[]",
        StorageKind.Span => "global::System.Span<" + kind.Keyword() + ">",
        _ => "global::System.ReadOnlySpan<" + kind.Keyword() + ">",
    };

    private static NumberKind? FloatingElement(ITypeSymbol type) => Scalar(type) is { } kind && kind.IsFloatingPoint() ? kind : null;

    private sealed class InstanceScope(ITypeParameterSymbol? previousParameter, NumberKind previousArgument, Compilation? previousCompilation) : IDisposable
    {
        public void Dispose()
        {
            t_typeParameter = previousParameter;
            t_typeArgument = previousArgument;
            t_compilation = previousCompilation;
        }
    }
}
