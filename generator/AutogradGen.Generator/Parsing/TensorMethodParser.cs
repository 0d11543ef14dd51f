using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Turns a [Differentiable] method over <c>Tensor</c>s into a <see cref="TensorMethodModel"/>: the same shape
/// checks as scalar methods (static, partial containing types, a valid with-respect-to list, no clashing names),
/// then <see cref="TensorBodyParser"/> for the body.
/// </summary>
internal static class TensorMethodParser
{
    public const string TensorTypeName = "AutogradGen.Tensor";

    /// <summary>Whether <paramref name="type"/> is the runtime's Tensor.</summary>
    public static bool IsTensor(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Tensor", ContainingNamespace: { Name: "AutogradGen", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>A tensor method returns a Tensor or takes one: the scalar parser leaves those to this one.</summary>
    public static bool IsTensorMethod(IMethodSymbol method) => IsTensor(method.ReturnType) || method.Parameters.Any(p => IsTensor(p.Type));

    /// <summary>Parses a tensor method; with <paramref name="declarationOnly"/>, only its declaration (see <see cref="MethodParser.ParseAll"/>).</summary>
    public static ParsedTensorMethod Parse(BindingTarget target, CancellationToken cancellationToken, bool declarationOnly = false)
    {
        if (target.TargetSymbol is not IMethodSymbol method || target.TargetNode is not MethodDeclarationSyntax syntax || !IsTensorMethod(method))
        {
            return new ParsedTensorMethod(string.Empty, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        var nameLocation = syntax.Identifier.GetLocation();
        var shape = MethodParser.CheckCommonShape(method, syntax, nameLocation, diagnostics);
        if (!IsTensor(method.ReturnType))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ReturnTypeNotDifferentiable, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString()));
        }

        var withRespectTo = MethodParser.WithRespectTo(method, target.Attributes[0], cancellationToken, diagnostics);
        var parameters = new List<TensorParameter>();
        foreach (var parameter in method.Parameters)
        {
            var location = parameter.Locations.FirstOrDefault();
            var isTensor = IsTensor(parameter.Type);
            var named = withRespectTo?.Contains(parameter.Name) == true;
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedMethod, location, method.Name, parameter.IsParams ? $"parameter '{parameter.Name}' is a params array; declare it as a plain array or span" : $"parameter '{parameter.Name}' is passed by reference ({MethodParser.RefKeyword(parameter.RefKind)}); pass it by value"));
            }
            else if (named && !isTensor)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterNotDifferentiable, location, parameter.Name, parameter.Type.ToDisplayString()));
            }

            parameters.Add(new TensorParameter(
                parameter.Name, parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), isTensor, isTensor && (withRespectTo is null || named)));
        }

        if (declarationOnly || diagnostics.Count > 0 || syntax.Body is null && syntax.ExpressionBody is null || !shape.NamesAreValid
            || target.SemanticModel.GetDiagnostics(syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // Code that does not compile yet (as while typing) is the compiler's to report, not ours; the declaration
            // alone (declarationOnly) ends here too.
            return new ParsedTensorMethod(MethodParser.Key(method), null, diagnostics.ToEquatableArray());
        }

        var body = TensorBodyParser.Parse(method, syntax, target.SemanticModel, cancellationToken);
        diagnostics.AddRange(body.Diagnostics);
        if (body.Diagnostics.Count > 0)
        {
            return new ParsedTensorMethod(MethodParser.Key(method), null, diagnostics.ToEquatableArray());
        }

        var model = new TensorMethodModel(
            HintName: MethodParser.HintName(method),
            Namespace: method.ContainingNamespace.IsGlobalNamespace ? null : method.ContainingNamespace.ToDisplayString(),
            Usings: Usings(syntax),
            ContainingTypes: shape.ContainingTypes,
            Accessibility: MethodParser.AccessibilityKeyword(method.DeclaredAccessibility),
            Name: method.Name,
            DocumentationId: MethodParser.Cref(method),
            NameLocation: LocationInfo.From(nameLocation),
            Parameters: parameters.ToEquatableArray(),
            Body: body.Statements,
            Callees: body.Callees);
        return new ParsedTensorMethod(MethodParser.Key(method), model, diagnostics.ToEquatableArray());
    }

    /// <summary>The using directives in scope at the method (file level and enclosing namespaces), as written.</summary>
    private static EquatableArray<string> Usings(SyntaxNode syntax)
    {
        var usings = new List<string>();
        foreach (var ancestor in syntax.Ancestors())
        {
            var directives = ancestor switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                _ => default,
            };
            usings.InsertRange(0, directives.Where(u => u.GlobalKeyword.RawKind == 0).Select(u => u.WithoutTrivia().ToString()));
        }

        return usings.Distinct().ToEquatableArray();
    }
}
