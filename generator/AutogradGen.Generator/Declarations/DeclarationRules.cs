using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Declarations;

/// <summary>
/// The rules about a [Differentiable] method's declaration that need no body: the containing types are partial
/// (AGD0001), a tensor method is static (AGD0002), the with-respect-to list names parameters (AGD0010), the
/// generated names are free (AGD0011); and a [DerivativeOf] method fits the method it names (AGD0014, whose rule
/// is <see cref="UserDerivativeParser.Check"/>). Written once, here: <see cref="DeclarationAnalyzer"/> reports them (so the IDE
/// shows them as the user types, without waiting for the generator), and the parsers call the same methods only to
/// decide that a method gets no code; the generator does not report them (<see cref="IsAnalyzerId"/>).
/// </summary>
internal static class DeclarationRules
{
    /// <summary>The suffixes of the members generated beside a method, whose names must be free.</summary>
    private static readonly string[] s_generatedSuffixes = ["Gradient", "Derivative", "Pullback"];

    // [Differentiable(SecondOrder = true)] adds these (Emit/SecondOrderEmitter.cs).
    private static readonly string[] s_secondOrderSuffixes = ["HessianVectorProduct", "Hessian", "TangentPullback", "DualValue"];

    /// <summary>
    /// The ids reported by <see cref="DeclarationAnalyzer"/>, which the generator leaves out of its own report: these
    /// rules, and the signature rules read by the parsers' declaration phase (<see cref="SignatureRules"/>).
    /// </summary>
    public static readonly DiagnosticDescriptor[] Descriptors =
    [
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.MethodNotStatic,
        DiagnosticDescriptors.UnknownParameterName,
        DiagnosticDescriptors.GeneratedNameClash,
        DiagnosticDescriptors.InvalidUserDerivative,
        .. SignatureRules.Descriptors,
    ];

    /// <summary>Whether the analyzer reports <paramref name="id"/> (so the generator must not: one diagnostic per cause).</summary>
    public static bool IsAnalyzerId(string id) =>
        id == DiagnosticDescriptors.ContainingTypeNotPartial.Id || id == DiagnosticDescriptors.MethodNotStatic.Id
        || id == DiagnosticDescriptors.UnknownParameterName.Id || id == DiagnosticDescriptors.GeneratedNameClash.Id
        || id == DiagnosticDescriptors.InvalidUserDerivative.Id || SignatureRules.IsSignatureId(id);

    /// <summary>
    /// Every declaration rule for one [Differentiable] method declaration, in the order the parsers apply them. Struct
    /// results with an int or bool field (or doubles and floats mixed) get AGD0001 only: their callers substitute them,
    /// so nothing is generated whose names could clash, and the parser reads no with-respect-to list for them. A tuple
    /// or struct of doubles (or of floats) is vector-valued (StructResults) and checked like any method.
    /// </summary>
    public static List<DiagnosticInfo> Check(IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, Compilation compilation, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var nameLocation = syntax.Identifier.GetLocation();
        var isTensor = TensorMethodParser.IsTensorMethod(method);
        if (isTensor)
        {
            MustBeStatic(method, nameLocation, diagnostics);
        }

        ContainingTypesArePartial(method, nameLocation, diagnostics);
        if (!isTensor && StructClassifier.IsCandidate(method.ReturnType) && StructClassifier.Classify(method.ReturnType, compilation, method.ContainingType).Shape is not null
            && StructResults.UniformShape(method, compilation) is null)
        {
            return diagnostics;
        }

        if (isTensor)
        {
            GeneratedNamesAreFree(method, nameLocation, diagnostics);
            UnknownNames(method, attribute, cancellationToken, diagnostics);
        }
        else
        {
            UnknownNames(method, attribute, cancellationToken, diagnostics);
            GeneratedNamesAreFree(method, nameLocation, diagnostics);
        }

        return diagnostics;
    }

    /// <summary>AGD0002: tensor methods must be static (scalar instance methods are differentiated as instance members).</summary>
    public static void MustBeStatic(IMethodSymbol method, Location nameLocation, List<DiagnosticInfo> diagnostics)
    {
        if (!method.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodNotStatic, nameLocation, method.Name));
        }
    }

    /// <summary>AGD0001 for each containing type with a declaration that is not partial, at the type's first declaration.</summary>
    public static void ContainingTypesArePartial(IMethodSymbol method, Location nameLocation, List<DiagnosticInfo> diagnostics)
    {
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!IsPartial(type))
            {
                // At the type's first declaration (its identifier), found again when reported: see DeclarationId.
                diagnostics.Add(DiagnosticInfo.AtDeclaration(DiagnosticDescriptors.ContainingTypeNotPartial, type, nameLocation, type.Name, method.Name));
            }
        }
    }

    /// <summary>Whether every declaration of <paramref name="type"/> says partial (generated members can join it).</summary>
    public static bool IsPartial(INamedTypeSymbol type)
    {
        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
        return declarations.Count > 0 && declarations.All(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
    }

    /// <summary>
    /// AGD0010 for each name in [Differentiable(...)] that is not a parameter; returns the names, or null for "every
    /// floating-point parameter".
    /// </summary>
    public static HashSet<string>? UnknownNames(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics)
    {
        if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return null;
        }

        var names = attribute.ConstructorArguments[0].Values.Select(v => v.Value as string).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var argumentSyntax = (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments;
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] is not { } name || method.Parameters.All(p => p.Name != name))
            {
                var location = argumentSyntax is { } arguments && i < arguments.Count ? arguments[i].GetLocation() : attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownParameterName, location, names[i] ?? "null", method.Name));
            }
        }

        return new HashSet<string>(names.Where(n => n is not null)!);
    }

    /// <summary>AGD0011 at every member already named as a generated member of <paramref name="method"/> (a void
    /// method is vector-valued: it gets Jvp, Vjp and Jacobian instead, <see cref="VectorResults"/>).</summary>
    public static void GeneratedNamesAreFree(IMethodSymbol method, Location nameLocation, List<DiagnosticInfo> diagnostics)
    {
        // A helper (void, or ref/out parameters) gets no members of its own: it is inlined where it is called (AGD0061).
        // A tuple or struct result makes the method vector-valued too (StructResults; read from the signature alone, so a
        // struct with an int field, which gets no members, is checked as if it had them).
        bool vectorValued = VectorResults.IsVectorValued(method) || !BodyParser.IsByReferenceHelper(method) && StructClassifier.IsCandidate(method.ReturnType);
        if (!vectorValued && BodyParser.IsByReferenceHelper(method))
        {
            return;
        }

        var suffixes = vectorValued ? VectorResults.GeneratedSuffixes : s_generatedSuffixes;
        if (method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName) is { } attribute
            && SecondOrderCheck.IsRequested(attribute))
        {
            suffixes = [.. suffixes, .. s_secondOrderSuffixes];
        }

        foreach (var suffix in suffixes)
        {
            var generated = method.Name + suffix;
            foreach (var member in method.ContainingType.GetMembers(generated))
            {
                diagnostics.Add(DiagnosticInfo.AtDeclaration(DiagnosticDescriptors.GeneratedNameClash, member, nameLocation, method.ContainingType.Name, generated, method.Name));
            }
        }
    }
}
