using System.Linq;
using Microsoft.CodeAnalysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Methods returning several numbers at once: a tuple <c>(double, double)</c> or a struct of doubles (a user struct,
/// <c>System.Numerics.Vector3</c>, a record struct), every leaf double, or every leaf float. Such a method is
/// vector-valued: the parser gives it a results span of its own (<see cref="ResultsName"/>, one element per leaf,
/// in the shape's leaf order, nested structs depth first) and each <c>return e</c> writes e's leaves into it, so the
/// emitters of span results (Jvp, Vjp, Jacobian) serve it unchanged; Emit/StructResultEmitter.cs adds the members
/// that take and return the tuple or struct. A struct with an int or bool leaf, or doubles and floats mixed, keeps
/// the older rule (a one-expression body is seen through where it is called, AGD0051 otherwise).
/// </summary>
internal static class StructResults
{
    /// <summary>The shape of a method's tuple or struct result when every leaf is the same floating-point kind; else null.</summary>
    public static StructShape? UniformShape(IMethodSymbol method, Compilation compilation)
    {
        // A generic method's (T, T) would print T in the generated signatures of its double and float instances: such
        // results keep the older rule (a one-expression body substituted at its calls).
        if (method.ReturnsVoid || method.IsGenericMethod || method.ContainingType.IsGenericType || !StructClassifier.IsCandidate(method.ReturnType))
        {
            return null;
        }

        if (method.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return TupleShape(tuple);
        }

        var shape = StructClassifier.Classify(method.ReturnType, compilation, method.ContainingType).Shape;
        if (shape is null || shape.Leaves.Count == 0 || !shape.Leaves[0].Kind.IsFloatingPoint() || shape.Leaves.Any(l => l.Kind != shape.Leaves[0].Kind))
        {
            return null;
        }

        return shape;
    }

    /// <summary>
    /// A tuple of numbers, its elements left to right (read as Item1, Item2, ... whatever their names), built back from a
    /// tuple literal, which converts to the named tuple. Elements that are tuples or structs are not taken apart: null.
    /// </summary>
    private static StructShape? TupleShape(INamedTypeSymbol tuple)
    {
        var elements = tuple.TupleElements;
        if (elements.Length < 2 || elements.Any(e => TypeClassifier.Scalar(e.Type) is not { } kind || !kind.IsFloatingPoint())
            || elements.Any(e => !SymbolEqualityComparer.Default.Equals(e.Type, elements[0].Type)))
        {
            return null;
        }

        var kind = TypeClassifier.Scalar(elements[0].Type)!.Value;
        var leaves = elements.Select((_, i) => new StructLeaf("Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), kind));
        var rebuild = "(" + string.Join(", ", elements.Select((_, i) => "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}")) + ")";
        return new StructShape(StructClassifier.TypeText(tuple), rebuild, leaves.ToEquatableArray());
    }

    /// <summary>The results span's name: <c>results</c>, unless a parameter is named so.</summary>
    public static string ResultsName(IMethodSymbol method)
    {
        var name = "results";
        for (var suffix = 2; method.Parameters.Any(p => p.Name == name || p.Name.StartsWith(name + "_", System.StringComparison.Ordinal)); suffix++)
        {
            name = "results" + suffix;
        }

        return name;
    }
}
