using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutogradGen.CodeFixes;

/// <summary>
/// Reading and editing a method's <c>[Differentiable(...)]</c> as written: its with-respect-to names (the positional
/// arguments) and its <c>SecondOrder</c> named argument. Edits keep the user's spelling of everything else.
/// </summary>
internal static class DifferentiableAttributes
{
    public const string MetadataName = "AutogradGen.DifferentiableAttribute";

    private const string SecondOrder = "SecondOrder";

    /// <summary>The [Differentiable] written on <paramref name="method"/>, bound to AutogradGen's attribute; null without one.</summary>
    public static AttributeSyntax? Find(MethodDeclarationSyntax method, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        method.AttributeLists.SelectMany(list => list.Attributes).FirstOrDefault(attribute =>
            semanticModel.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
            && constructor.ContainingType.ToDisplayString() == MetadataName);

    /// <summary>Whether the method symbol carries [Differentiable(SecondOrder = true)].</summary>
    public static bool IsSecondOrder(AttributeData attribute) =>
        attribute.NamedArguments.Any(a => a.Key == SecondOrder && a.Value.Value is true);

    /// <summary>The positional arguments: the names the method is differentiated with respect to.</summary>
    public static AttributeArgumentSyntax[] Names(AttributeSyntax attribute) =>
        attribute.ArgumentList is { } list ? list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToArray() : [];

    /// <summary>The argument naming <paramref name="name"/> (<c>"x"</c> or <c>nameof(x)</c>), or null.</summary>
    public static AttributeArgumentSyntax? Naming(AttributeSyntax attribute, string name, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        Names(attribute).FirstOrDefault(a => semanticModel.GetConstantValue(a.Expression, cancellationToken) is { HasValue: true, Value: string value } && value == name);

    /// <summary><c>[Differentiable(..., SecondOrder = true)]</c>: the named argument set to true, or added last.</summary>
    public static AttributeSyntax WithSecondOrder(AttributeSyntax attribute)
    {
        var existing = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == SecondOrder);
        if (existing is not null)
        {
            return attribute.ReplaceNode(existing.Expression, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(existing.Expression));
        }

        var secondOrder = SyntaxFactory.ParseAttributeArgumentList("(SecondOrder = true)")!;
        return attribute.ArgumentList is { } list && list.Arguments.Count > 0
            ? attribute.WithArgumentList(list.AddArguments(secondOrder.Arguments[0].WithLeadingTrivia(SyntaxFactory.Space)))
            : attribute.WithArgumentList(secondOrder);
    }

    /// <summary>The attribute without <paramref name="argument"/>; without parentheses when nothing is left.</summary>
    public static AttributeSyntax Without(AttributeSyntax attribute, AttributeArgumentSyntax argument)
    {
        var list = attribute.ArgumentList!;
        var arguments = list.Arguments;
        var index = arguments.IndexOf(argument);
        var remaining = arguments.Remove(argument);
        if (remaining.Count == 0)
        {
            return attribute.WithArgumentList(null);
        }

        // The argument that becomes first loses the space that followed the removed comma.
        if (index == 0)
        {
            remaining = remaining.Replace(remaining[0], remaining[0].WithLeadingTrivia());
        }

        return attribute.WithArgumentList(list.WithArguments(remaining));
    }

    /// <summary>The attribute without its SecondOrder argument (it is unchanged when it has none).</summary>
    public static AttributeSyntax WithoutSecondOrder(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == SecondOrder) is { } argument
            ? Without(attribute, argument)
            : attribute;
}
