using System.Linq;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// The name of a method's tape twin. A twin takes a <c>Tensor</c> wherever the method takes a floating-point value,
/// array or span, so two <c>[Differentiable]</c> overloads that differ only there (<c>Sqrt(double)</c> and
/// <c>Sqrt(float)</c>) would get twins with the same parameters. The first declared keeps <c>{Name}Tape</c>; the
/// others are <c>{Name}Tape2</c>, <c>{Name}Tape3</c>, in declaration order. The name is computed from the symbol
/// alone, the same way for the method's own twin and for every call of it, so a caller's twin always calls the twin
/// of the overload the original calls.
/// </summary>
internal static class TwinNames
{
    public static string For(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        var shape = TwinShape(method);
        var clashing = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
            .Where(other => other.IsStatic == method.IsStatic && IsDifferentiable(other) && TwinShape(other) == shape)
            .OrderBy(static other => other.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(static other => other.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)
            .ToList();
        int index = clashing.FindIndex(other => SymbolEqualityComparer.Default.Equals(other, method));
        return index <= 0 ? method.Name + "Tape" : method.Name + "Tape" + (index + 1);
    }

    private static bool IsDifferentiable(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName);

    // Over-approximates the twin's parameter list: every number-like parameter may be a tensor in the twin. Two
    // overloads with the same shape get distinct names even when their twins would not clash, which is harmless.
    private static string TwinShape(IMethodSymbol method) => string.Join(",", method.Parameters.Select(static p =>
        IsNumberLike(p.Type) ? "number" : p.RefKind + " " + p.Type.ToDisplayString()));

    private static bool IsNumberLike(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => IsNumberLike(array.ElementType),
        INamedTypeSymbol { IsGenericType: true, Name: "Span" or "ReadOnlySpan" } span => IsNumberLike(span.TypeArguments[0]),
        _ => type.SpecialType is SpecialType.System_Double or SpecialType.System_Single,
    };
}
