using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// A <c>[DerivativeOf]</c> method at second order: the user's derivative is C# the generator can read, so it is
/// differentiated itself, by the rewrite second-order code uses (<c>double</c> → <c>Dual</c>, <c>Math</c> →
/// <c>DualMath</c>). The result is a local function <c>{Derivative}OnDuals</c> that the caller's
/// <c>{Name}TangentPullback</c> declares (Emit/SecondOrderEmitter.cs): its partials' tangents are the callee's
/// second derivatives along the arguments' tangents. The caller's forward sweep calls the original, whose value on
/// dual numbers is <c>{Original}OnDuals</c>: the value and first derivatives from the user's derivative at the plain
/// values, the tangent their dot product with the arguments' tangents. A call of the original inside the user's
/// derivative (the usual way to return the value) goes there too.
/// </summary>
/// <remarks>
/// Only what has a dual form is rewritten: scalar <c>double</c>, <c>int</c> and <c>bool</c> parameters; reads of
/// parameters, locals and constants; arithmetic; <c>Math</c> functions that <c>DualMath</c> has; calls of the
/// original method. Anything else (another method, a field, a span) gives the reason, reported as AGD0077 by the
/// second-order callers only: first-order callers call the user's derivative as it is.
/// </remarks>
internal static class DualUserDerivative
{
    private const string DualType = "global::AutogradGen.CompilerServices.Dual";
    private const string DualMathType = "global::AutogradGen.CompilerServices.DualMath";

    /// <summary>
    /// The dual form of the user derivative of <paramref name="target"/>, or null and the reason it has none.
    /// <paramref name="taken"/> holds the names the local functions must not take (the caller's names), and
    /// receives theirs.
    /// </summary>
    public static (DualUserDerivativeModel? Model, string? Reason) ForCall(CallTarget target, Compilation compilation, HashSet<string> taken, CancellationToken cancellationToken)
    {
        var original = DocumentationCommentId.GetFirstSymbolForDeclarationId(target.Key, compilation) as IMethodSymbol;
        var found = original is null ? null : FindDerivative(target.Key, compilation, cancellationToken);
        if (original is null || found is null)
        {
            return (null, "a call no derivative flows through, or whose [DerivativeOf] derivative is not source of this compilation, would receive dual numbers, and its second derivatives are unknown; write the callee as a [Differentiable(SecondOrder = true)] method, or compute its arguments from data only");
        }

        var (derivative, syntax) = found.Value;
        var originalLocal = Fresh(original.Name + "OnDuals", taken);
        var derivativeLocal = Fresh(derivative.Name + "OnDuals", taken);
        var (text, reason) = Rewrite(derivative, original, syntax, compilation.GetSemanticModel(syntax.SyntaxTree), originalLocal, derivativeLocal, cancellationToken);
        if (text is null)
        {
            taken.Remove(originalLocal);
            taken.Remove(derivativeLocal);
            return (null, reason);
        }

        var derivativeCall = derivative.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + derivative.Name;
        var value = OriginalOnDuals(original, derivativeCall, originalLocal);
        return (new DualUserDerivativeModel(target.Qualifier + "." + target.Name, originalLocal, derivativeCall, derivativeLocal, value + "\n\n" + text), null);
    }

    /// <summary>The [DerivativeOf] method of this compilation's source that fits the method of documentation id <paramref name="key"/>.</summary>
    private static (IMethodSymbol Derivative, MethodDeclarationSyntax Syntax)? FindDerivative(string key, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var candidates = tree.GetRoot(cancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("DerivativeOf")))
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var syntax in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (model.GetDeclaredSymbol(syntax, cancellationToken) is not { } derivative
                    || derivative.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == UserDerivativeParser.DerivativeOfAttributeName) is not { } attribute
                    || UserDerivativeParser.Check(derivative, attribute, syntax.Identifier.GetLocation()) is not null)
                {
                    continue;
                }

                if (UserDerivativeParser.Model(derivative, attribute).Key == key)
                {
                    return (derivative, syntax);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <c>{Original}OnDuals</c>: the original's value on dual numbers, from the user's derivative at the values (the
    /// first derivatives are exact, so the tangent is their dot product with the arguments' tangents).
    /// </summary>
    private static string OriginalOnDuals(IMethodSymbol original, string derivativeCall, string local)
    {
        var names = new HashSet<string>(original.Parameters.Select(p => p.Name));
        var value = Fresh("value", names);
        var parameters = original.Parameters.Select(p => (p.Type.SpecialType == SpecialType.System_Double ? DualType : p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)) + " " + Escaped(p.Name));
        var floating = original.Parameters.Where(p => p.Type.SpecialType == SpecialType.System_Double).ToList();
        var partials = floating.ToDictionary(p => p.Name, p => Fresh(p.Name + "Partial", names));
        var arguments = original.Parameters.Select(p => Escaped(p.Name) + (p.Type.SpecialType == SpecialType.System_Double ? ".Value" : string.Empty))
            .Concat(floating.Select(p => "out double " + partials[p.Name]));
        var tangent = floating.Count == 0 ? "0.0" : string.Join(" + ", floating.Select(p => partials[p.Name] + " * " + Escaped(p.Name) + ".Tangent"));
        return "// " + original.Name + " on dual numbers: its value and first derivatives from " + derivativeCall.Substring(derivativeCall.LastIndexOf('.') + 1) + " at the values.\n"
            + "static " + DualType + " " + local + "(" + string.Join(", ", parameters) + ")\n{\n"
            + "    double " + value + " = " + derivativeCall + "(" + string.Join(", ", arguments) + ");\n"
            + "    return new " + DualType + "(" + value + ", " + tangent + ");\n}";
    }

    private static string Escaped(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Fresh(string stem, HashSet<string> taken)
    {
        var name = stem;
        for (var i = 2; !taken.Add(name); i++)
        {
            name = stem + i;
        }

        return name;
    }

    /// <summary>The local function's text, or null and the reason it has no dual form.</summary>
    private static (string? Text, string? Reason) Rewrite(IMethodSymbol derivative, IMethodSymbol original, MethodDeclarationSyntax syntax, SemanticModel model, string originalLocal, string derivativeLocal, CancellationToken cancellationToken)
    {
        if (original.Parameters.Any(p => p.Type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Int32 or SpecialType.System_Boolean))
            || original.ReturnType.SpecialType != SpecialType.System_Double || original.IsGenericMethod || derivative.IsGenericMethod)
        {
            return (null, "its derivative '" + derivative.Name + "' is differentiated again at second order only for non-generic methods of double, int and bool parameters returning double; write the callee as a [Differentiable(SecondOrder = true)] method instead");
        }

        var dualMath = model.Compilation.GetTypeByMetadataName("AutogradGen.CompilerServices.DualMath");
        var body = (SyntaxNode?)syntax.Body ?? syntax.ExpressionBody;
        if (body is null)
        {
            return (null, "its derivative '" + derivative.Name + "' has no body to differentiate");
        }

        foreach (var node in body.DescendantNodesAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.FloatKeyword })
            {
                return (null, "its derivative '" + derivative.Name + "' computes with float, which has no dual form; compute in double");
            }

            if (node is not SimpleNameSyntax name || name is IdentifierNameSyntax { IsVar: true })
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            var allowed = symbol switch
            {
                IParameterSymbol or ILocalSymbol or IRangeVariableSymbol or INamespaceSymbol => true,
                INamedTypeSymbol type => type.ToDisplayString() == "System.Math",
                IFieldSymbol { IsConst: true } => true,
                IMethodSymbol method when SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, original.OriginalDefinition) => true,
                IMethodSymbol method when method.ContainingType?.ToDisplayString() == "System.Math" => dualMath is not null && dualMath.GetMembers(method.Name).Any(),
                _ => false,
            };
            if (!allowed)
            {
                return (null, "its derivative '" + derivative.Name + "' is differentiated again at second order, and it uses '" + name + "', which has no dual form (it may read parameters, locals, constants, Math functions and '" + original.Name + "' itself); write the callee as a [Differentiable(SecondOrder = true)] method instead");
            }
        }

        var rewritten = (MethodDeclarationSyntax)new Rewriter(model, original, originalLocal).Visit(syntax)!;
        var local = SyntaxFactory.LocalFunctionStatement(
                SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.StaticKeyword)),
                rewritten.ReturnType.WithoutTrivia(),
                SyntaxFactory.Identifier(derivativeLocal),
                null,
                rewritten.ParameterList,
                default,
                rewritten.Body,
                rewritten.ExpressionBody)
            .WithSemicolonToken(rewritten.SemicolonToken);
        return ("// " + derivative.Name + " differentiated again: its partials' tangents are " + original.Name + "'s second derivatives along the arguments' tangents.\n"
            + local.NormalizeWhitespace("    ", "\n").ToFullString(), null);
    }

    /// <summary>double → Dual, Math.F → DualMath.F (constants fully qualified), the original → its OnDuals local function.</summary>
    private sealed class Rewriter : CSharpSyntaxRewriter
    {
        private readonly SemanticModel _model;
        private readonly IMethodSymbol _original;
        private readonly string _originalLocal;

        public Rewriter(SemanticModel model, IMethodSymbol original, string originalLocal)
        {
            _model = model;
            _original = original;
            _originalLocal = originalLocal;
        }

        public override SyntaxNode? VisitAttributeList(AttributeListSyntax node) => null;

        // A const local keeps its type: it is a constant, which converts to a Dual where one is needed.
        public override SyntaxNode? VisitPredefinedType(PredefinedTypeSyntax node) =>
            !node.Keyword.IsKind(SyntaxKind.DoubleKeyword) || node.Parent is MemberAccessExpressionSyntax access && access.Expression == node
                || node.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is { IsConst: true }
                ? node
                : SyntaxFactory.ParseTypeName(DualType).WithTriviaFrom(node);

        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            var symbol = _model.GetSymbolInfo(node).Symbol as IMethodSymbol;
            var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
            if (symbol is null)
            {
                return visited;
            }

            if (SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, _original.OriginalDefinition))
            {
                return visited.WithExpression(SyntaxFactory.IdentifierName(_originalLocal).WithTriviaFrom(visited.Expression));
            }

            return symbol.ContainingType?.ToDisplayString() == "System.Math"
                ? visited.WithExpression(SyntaxFactory.ParseExpression(DualMathType + "." + symbol.Name).WithTriviaFrom(visited.Expression))
                : visited;
        }

        public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node) =>
            _model.GetSymbolInfo(node).Symbol is IFieldSymbol { IsConst: true } constant
                ? Qualified(constant).WithTriviaFrom(node)
                : base.VisitMemberAccessExpression(node);

        public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node) =>
            node.Parent is not MemberAccessExpressionSyntax && _model.GetSymbolInfo(node).Symbol is IFieldSymbol { IsConst: true } constant
                ? Qualified(constant).WithTriviaFrom(node)
                : base.VisitIdentifierName(node);

        /// <summary>A constant read from anywhere (the local function is declared in another type): Math.PI, double.Epsilon, the user's own.</summary>
        /// <remarks>
        /// A private constant is written as its value, which keeps its type (a double literal keeps its 'd').
        /// </remarks>
        private static ExpressionSyntax Qualified(IFieldSymbol constant)
        {
            if (!Visible(constant))
            {
                switch (constant.ConstantValue)
                {
                    case double d when !double.IsNaN(d) && !double.IsInfinity(d):
                        return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d", d));
                    case int i:
                        return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(i));
                }
            }

            return SyntaxFactory.ParseExpression(constant.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + constant.Name);
        }

        private static bool Visible(ISymbol symbol)
        {
            for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
