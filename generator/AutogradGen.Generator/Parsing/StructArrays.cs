using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Arrays and spans of structs (<c>Vec3[]</c>, <c>ReadOnlySpan&lt;Vector3&gt;</c>, <c>Span&lt;Particle&gt;</c>): which can be
/// differentiated as the span of the numbers in them (<see cref="StructArrayParameter"/>). That needs the struct's
/// fields to be the whole of its memory, in the order the shape lists them: every field of one floating-point type
/// (so no padding), declared in one place (a partial struct's field order across files is not defined), and no
/// explicit layout. The generated code reinterprets the memory (MemoryMarshal.Cast), and checks the size once more at
/// run time (<c>CompilerServices.StructElements</c>).
/// </summary>
internal static class StructArrays
{
    /// <summary>The element type of a one-dimensional array, span or read-only span of structs; null for anything else.</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol? type)
    {
        var element = type switch
        {
            IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
            INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Span" or "ReadOnlySpan" } span
                when span.ContainingNamespace?.ToDisplayString() == "System" => span.TypeArguments[0],
            _ => null,
        };
        return StructClassifier.IsCandidate(element) ? element : null;
    }

    /// <summary>Whether the type is an array (not a span) of structs.</summary>
    public static bool IsArray(ITypeSymbol? type) => type is IArrayTypeSymbol;

    /// <summary>
    /// The element struct's shape when its elements can be read as numbers, or why not (a sentence fragment), or
    /// (null, null) when the struct has no floating-point field at all (the array carries no derivative: it passes through).
    /// </summary>
    public static (StructShape? Shape, string? Why) Classify(ITypeSymbol element, Compilation compilation, ISymbol within)
    {
        var (shape, why) = StructClassifier.Classify(element, compilation, within);
        if (shape is null)
        {
            return why == "it has no double or float field" ? (null, null) : (null, why);
        }

        var kinds = shape.Leaves.Select(l => l.Kind).Distinct().ToList();
        if (kinds.Count != 1)
        {
            var first = shape.Leaves.First(l => l.Kind != shape.Leaves[0].Kind);
            return (null, $"its fields are not all of one type ('{shape.Leaves[0].Access}' is {shape.Leaves[0].Kind.Keyword()}, '{first.Access}' is {first.Kind.Keyword()}), and an array of structs is differentiated as the numbers in it; "
                + "keep the non-floating fields in an array of their own, or make every field double (or every field float)");
        }

        foreach (var type in Types(element))
        {
            if (type.DeclaringSyntaxReferences.Length > 1)
            {
                return (null, $"'{type.ToDisplayString()}' is declared in several parts, whose field order in memory C# does not define; declare its fields in one part");
            }

            if (type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>()
                .SelectMany(d => d.AttributeLists).SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Split('.').Last() is "StructLayout" or "StructLayoutAttribute"))
            {
                return (null, $"'{type.ToDisplayString()}' sets its own layout ([StructLayout]), so its fields may not lie one after another; remove the attribute");
            }
        }

        return (shape, null);
    }

    /// <summary>The struct and every struct nested in it.</summary>
    private static System.Collections.Generic.IEnumerable<ITypeSymbol> Types(ITypeSymbol type)
    {
        yield return type;
        foreach (var member in StructClassifier.Members(type))
        {
            if (StructClassifier.IsCandidate(member.Type))
            {
                foreach (var nested in Types(member.Type))
                {
                    yield return nested;
                }
            }
        }
    }
}
