using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Decides whether a struct can be replaced by its scalars (scalar replacement of aggregates): every instance
/// field is double, float, int or bool, or a nested such struct, readable from the generated code, and at least
/// one is floating-point; and a value can be built back from the fields, through a constructor known to set each
/// field from one of its parameters, or an object initialiser when every field can be set.
/// </summary>
internal static class StructClassifier
{
    private const int MaximumDepth = 6;

    /// <summary>Whether <paramref name="type"/> is a struct this classifier should speak about (not a number, span, enum or nullable).</summary>
    public static bool IsCandidate(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None, IsRefLikeType: false } named
        && named.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
        && !(named.ContainingNamespace?.ToDisplayString() == "System" && named.Name is "Decimal" or "DateTime" or "TimeSpan" or "Guid" or "Half" or "Int128" or "UInt128");

    /// <summary>The struct's shape, or why it has none (a sentence fragment: "field 'Steps' is long").</summary>
    public static (StructShape? Shape, string? Why) Classify(ITypeSymbol type, Compilation compilation, ISymbol within)
    {
        var leaves = new List<StructLeaf>();
        var rebuild = Template(type, string.Empty, string.Empty, leaves, compilation, within, 0, out var why);
        if (rebuild is null)
        {
            return (null, why);
        }

        if (!leaves.Any(l => l.Kind.IsFloatingPoint()))
        {
            return (null, "it has no double or float field");
        }

        return (new StructShape(TypeText(type), rebuild, leaves.ToEquatableArray()), null);
    }

    public static string TypeText(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>
    /// The struct's fields in declaration order, named as C# reads them (an auto-property by its property's name).
    /// System.Numerics.Complex keeps its two doubles private; it is read through <c>Real</c> and <c>Imaginary</c>,
    /// which return them as they are, in the order they lie in memory (BodyParser.Complex.cs has its operations).
    /// </summary>
    public static List<(string Name, ISymbol Member, ITypeSymbol Type)> Members(ITypeSymbol type) =>
        ComplexNumbers.IsComplex(type)
            ? type.GetMembers().OfType<IPropertySymbol>().Where(p => p.Name is "Real" or "Imaginary").OrderBy(p => p.Name == "Imaginary")
                .Select(p => (p.Name, (ISymbol)p, p.Type)).ToList()
            : type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst)
                .Select(f => (f.AssociatedSymbol?.Name ?? f.Name, f.AssociatedSymbol ?? f, f.Type))
                .ToList();

    /// <summary>
    /// For a constructor that sets every field from one of its parameters (and does nothing else), the field each
    /// parameter goes to; null for any other constructor. Trusted: records' positional constructors,
    /// System.Numerics vectors, and constructors in source whose body is only <c>Field = parameter;</c> statements.
    /// </summary>
    public static int[]? ConstructorMapping(IMethodSymbol constructor)
    {
        var type = constructor.ContainingType;
        var members = Members(type);
        if (constructor.Parameters.Length != members.Count || members.Count == 0)
        {
            return null;
        }

        int[]? ByName(StringComparison comparison)
        {
            var mapping = new int[constructor.Parameters.Length];
            for (var i = 0; i < mapping.Length; i++)
            {
                var parameter = constructor.Parameters[i];
                mapping[i] = members.FindIndex(m => string.Equals(m.Name, parameter.Name, comparison) && SymbolEqualityComparer.Default.Equals(m.Type, parameter.Type));
                if (mapping[i] < 0)
                {
                    return null;
                }
            }

            return mapping.Distinct().Count() == mapping.Length ? mapping : null;
        }

        if (type.ContainingNamespace?.ToDisplayString() == "System.Numerics" && type.Name is "Vector2" or "Vector3" or "Vector4" || ComplexNumbers.IsComplex(type))
        {
            return ByName(StringComparison.OrdinalIgnoreCase);
        }

        var syntax = constructor.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).FirstOrDefault();
        if (type.IsRecord && syntax is RecordDeclarationSyntax)
        {
            return ByName(StringComparison.Ordinal);
        }

        if (syntax is not ConstructorDeclarationSyntax { Initializer: null } declaration)
        {
            return null;
        }

        var assignments = new List<ExpressionSyntax>();
        if (declaration.ExpressionBody is { } arrow)
        {
            assignments.Add(arrow.Expression);
        }
        else if (declaration.Body is { } body)
        {
            foreach (var statement in body.Statements)
            {
                if (statement is not ExpressionStatementSyntax expression)
                {
                    return null;
                }

                assignments.Add(expression.Expression);
            }
        }

        var result = Enumerable.Repeat(-1, constructor.Parameters.Length).ToArray();
        var assigned = new HashSet<int>();
        foreach (var assignment in assignments)
        {
            if (assignment is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } simple)
            {
                return null;
            }

            var pairs = new List<(ExpressionSyntax Left, ExpressionSyntax Right)>();
            if (simple.Left is TupleExpressionSyntax leftTuple && simple.Right is TupleExpressionSyntax rightTuple && leftTuple.Arguments.Count == rightTuple.Arguments.Count)
            {
                pairs.AddRange(leftTuple.Arguments.Zip(rightTuple.Arguments, (l, r) => (l.Expression, r.Expression)));
            }
            else
            {
                pairs.Add((simple.Left, simple.Right));
            }

            foreach (var (left, right) in pairs)
            {
                var fieldName = left switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
                    _ => null,
                };
                var parameterIndex = right is IdentifierNameSyntax source ? constructor.Parameters.IndexOf(constructor.Parameters.FirstOrDefault(p => p.Name == source.Identifier.ValueText)!) : -1;
                var member = members.FindIndex(m => m.Name == fieldName);
                if (member < 0 || parameterIndex < 0 || !assigned.Add(member) || result[parameterIndex] >= 0
                    || !SymbolEqualityComparer.Default.Equals(members[member].Type, constructor.Parameters[parameterIndex].Type))
                {
                    return null;
                }

                result[parameterIndex] = member;
            }
        }

        return assigned.Count == members.Count ? result : null;
    }

    /// <summary>A struct of a referenced assembly with private fields: the user cannot change it, so say what to write instead.</summary>
    private static string FromAnotherAssembly(string display) =>
        $"'{display}' comes from a referenced assembly and keeps its fields private, so its numbers cannot be read; pass the numbers it holds as double or float parameters instead";

    private static string? Template(
        ITypeSymbol type, string accessPrefix, string suffixPrefix, List<StructLeaf> leaves, Compilation compilation, ISymbol within, int depth, out string? why)
    {
        why = null;
        var display = type.ToDisplayString();
        if (depth > MaximumDepth)
        {
            why = $"'{display}' nests structs too deeply";
            return null;
        }

        var members = Members(type);
        if (members.Count == 0)
        {
            why = $"'{display}' has no fields";
            return null;
        }

        var memberTemplates = new List<string>();
        foreach (var (name, member, memberType) in members)
        {
            if (!compilation.IsSymbolAccessibleWithin(member, within)
                || member is IPropertySymbol { GetMethod: { } getter } && !compilation.IsSymbolAccessibleWithin(getter, within))
            {
                why = type.DeclaringSyntaxReferences.IsEmpty
                    ? FromAnotherAssembly(display)
                    : $"field '{name}' of '{display}' cannot be read from here (make it public or internal)";
                return null;
            }

            if (member is IFieldSymbol { IsFixedSizeBuffer: true })
            {
                why = $"field '{name}' of '{display}' is a fixed buffer";
                return null;
            }

            if (TypeClassifier.Scalar(memberType) is { } kind)
            {
                memberTemplates.Add("{" + leaves.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}");
                leaves.Add(new StructLeaf(accessPrefix + name, suffixPrefix + name, kind));
            }
            else if (IsCandidate(memberType))
            {
                var nested = Template(memberType, accessPrefix + name + ".", suffixPrefix + name + "_", leaves, compilation, within, depth + 1, out why);
                if (nested is null)
                {
                    return null;
                }

                memberTemplates.Add(nested);
            }
            else
            {
                why = $"field '{name}' of '{display}' is {memberType.ToDisplayString()} (fields must be double, float, int, bool or such structs)";
                return null;
            }
        }

        var typeText = TypeText(type);
        foreach (var constructor in ((INamedTypeSymbol)type).InstanceConstructors)
        {
            if (compilation.IsSymbolAccessibleWithin(constructor, within) && ConstructorMapping(constructor) is { } mapping)
            {
                return "new " + typeText + "(" + string.Join(", ", mapping.Select(m => memberTemplates[m])) + ")";
            }
        }

        var settable = members.All(m => m.Member switch
        {
            IFieldSymbol field => !field.IsReadOnly,
            IPropertySymbol { SetMethod: { } setter } => compilation.IsSymbolAccessibleWithin(setter, within),
            _ => false,
        });
        if (settable)
        {
            return "new " + typeText + " { " + string.Join(", ", members.Select((m, i) => m.Name + " = " + memberTemplates[i])) + " }";
        }

        why = $"'{display}' cannot be built back from its fields: give it a constructor that sets each field from a parameter ('{members[0].Name} = {char.ToLowerInvariant(members[0].Name[0]) + members[0].Name.Substring(1)};'), or make its fields settable";
        return null;
    }
}
