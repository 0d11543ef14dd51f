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
/// The signature rules: a parameter named in the [Differentiable] list that cannot carry a derivative (AGD0003), a
/// result that cannot be differentiated (AGD0004), and a method shape the generator does not take (AGD0017: no body,
/// a <c>ref readonly</c> parameter, a generic tensor method, a tensor parameter by reference or <c>params</c>, a local
/// function, operator, conversion or constructor). All of them are decided from the declaration, by the parsers'
/// declaration phase (<see cref="MethodParser.ParseAll"/> and <see cref="TensorMethodParser.Parse"/> with
/// <c>declarationOnly</c>): the analyzer runs that phase and reports these ids, the generator runs it to decide that
/// a method gets no code and leaves these ids out of its report (<see cref="DeclarationRules.IsAnalyzerId"/>).
/// </summary>
/// <remarks>
/// Running the parsers' own phase, rather than a copy of its checks, keeps the two in step where the rules depend on
/// one another: a helper with a <c>ref</c> parameter is inlined (AGD0061) and gets no AGD0003; a struct result with an
/// int field is substituted at its calls and gets no AGD0004; a generic method refused as generic math (AGD0065,
/// AGD0066) gets neither; a generic method's double and float instances report a diagnostic once.
/// </remarks>
internal static class SignatureRules
{
    /// <summary>The ids reported from the parsers' declaration phase.</summary>
    public static readonly DiagnosticDescriptor[] Descriptors =
    [
        DiagnosticDescriptors.ParameterNotDifferentiable,
        DiagnosticDescriptors.ReturnTypeNotDifferentiable,
        DiagnosticDescriptors.UnsupportedMethod,
    ];

    /// <summary>The declarations the generator looks for [Differentiable] on (<see cref="DifferentiableGenerator.IsDifferentiableTarget"/>).</summary>
    public static readonly SyntaxKind[] TargetKinds =
    [
        SyntaxKind.MethodDeclaration, SyntaxKind.ConstructorDeclaration, SyntaxKind.DestructorDeclaration,
        SyntaxKind.OperatorDeclaration, SyntaxKind.ConversionOperatorDeclaration, SyntaxKind.LocalFunctionStatement,
    ];

    public static bool IsSignatureId(string id) =>
        id == DiagnosticDescriptors.ParameterNotDifferentiable.Id || id == DiagnosticDescriptors.ReturnTypeNotDifferentiable.Id
        || id == DiagnosticDescriptors.UnsupportedMethod.Id;

    /// <summary>
    /// AGD0003, AGD0004 and AGD0017 for one declaration, when [Differentiable] is written on it (as the generator's
    /// ForAttributeWithMetadataName finds it: the attribute in the declaration's own attribute lists, so the part of
    /// a partial method without it is not a target).
    /// </summary>
    public static IEnumerable<DiagnosticInfo> Check(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        // No attribute list, nothing to bind: most methods of a compilation stop here.
        var attributeLists = node switch
        {
            BaseMethodDeclarationSyntax declaration => declaration.AttributeLists.Count,
            LocalFunctionStatementSyntax local => local.AttributeLists.Count,
            _ => 0,
        };
        if (attributeLists == 0
            || semanticModel.GetDeclaredSymbol(node, cancellationToken) is not IMethodSymbol method
            || !method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName
                && a.ApplicationSyntaxReference?.SyntaxTree == node.SyntaxTree && node.Span.Contains(a.ApplicationSyntaxReference.Span)))
        {
            return [];
        }

        // Both parsers see every target, as in the generator: each leaves the other's methods alone.
        var target = BindingTarget.Of(node, method, semanticModel, MethodParser.DifferentiableAttributeName);
        var scalar = MethodParser.ParseAll(target, cancellationToken, declarationOnly: true).SelectMany(m => m.Diagnostics);
        var tensor = TensorMethodParser.Parse(target, cancellationToken, declarationOnly: true).Diagnostics;
        return scalar.Concat(tensor).Where(d => IsSignatureId(d.Id)).Distinct().ToList();
    }
}
