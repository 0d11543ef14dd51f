using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// A call of a small [Differentiable] function of numbers of the caller's own type (<c>Sigmoid(x)</c>: a few
/// <c>double</c> locals and a <c>return</c>, of arithmetic and <c>Math</c> calls) is inlined before differentiation, as a
/// local function is. Called
/// as itself, the caller's reverse sweep would call its pullback, which runs its forward again (LSTM's three sigmoids a
/// cell: one <c>Math.Exp</c> each, as many as the primal); inlined, its intermediates are the caller's, recorded or read
/// back like any other, and the reverse sweep computes no function the forward sweep already computed. A body of
/// arithmetic alone (<c>Square</c>) stays a call: its pullback recomputes nothing costly.
/// </summary>
/// <remarks>
/// Only bodies that cannot report anything are inlined (every construct in them is one the parser takes): a diagnostic
/// belongs at the callee's own declaration, once, and the callee is still generated on its own.
/// </remarks>
internal sealed partial class BodyParser
{
    /// <summary>Statements (locals and the return) a callee may have to be inlined.</summary>
    private const int SmallCalleeStatements = 4;

    private Expr? InlineSmallCallee(IInvocationOperation invocation, IMethodSymbol method)
    {
        if (_hoistTarget is null || SmallCalleeBody(method) is not { } body)
        {
            return null;
        }

        var what = $"The call to '{method.ToDisplayString()}'";
        return InlineArguments(invocation, what) is { } arguments ? Inline(method.OriginalDefinition, body, arguments, invocation.Syntax, what) : null;
    }

    /// <summary>The callee's body when it is small and made only of what inlines without a diagnostic; else null.</summary>
    private IBlockOperation? SmallCalleeBody(IMethodSymbol method)
    {
        // Beside its caller, so that what refuses the callee at its declaration (its type not partial) refuses the
        // caller too; and first order both, so that a second-order caller still reports a first-order callee (AGD0076).
        if (!method.IsStatic || method.IsGenericMethod || SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _method.OriginalDefinition)
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _method.ContainingType)
            || _method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName && !a.NamedArguments.IsEmpty)
            || _inlining.Any(f => SymbolEqualityComparer.Default.Equals(f, method.OriginalDefinition))
            || method.ReturnType.SpecialType != SpecialType.System_Double || method.Parameters.Length == 0
            || method.Parameters.Any(p => p.RefKind != RefKind.None || p.Type.SpecialType != SpecialType.System_Double || p.IsParams || p.HasExplicitDefaultValue)
            || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not MethodDeclarationSyntax declaration)
        {
            return null;
        }

        var model = declaration.SyntaxTree == _semanticModel.SyntaxTree ? _semanticModel : _semanticModel.Compilation.GetSemanticModel(declaration.SyntaxTree);
        if (declaration.Body is { } block)
        {
            var statements = block.Statements;
            if (statements.Count == 0 || statements.Count > SmallCalleeStatements || statements.Last() is not ReturnStatementSyntax { Expression: not null })
            {
                return null;
            }

            foreach (var statement in statements.Take(statements.Count - 1))
            {
                if (statement is not LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } local
                    || local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) || local.Modifiers.Count > 0
                    || variables[0].Initializer is null
                    || model.GetDeclaredSymbol(variables[0], _cancellationToken) is not ILocalSymbol { Type.SpecialType: SpecialType.System_Double })
                {
                    return null;
                }
            }
        }
        else if (declaration.ExpressionBody is null)
        {
            return null;
        }

        // The initializers and the returned value (not the declarations' type names).
        var values = declaration.Body is { } statementsBlock
            ? statementsBlock.Statements.Select(s => s is ReturnStatementSyntax r ? r.Expression! : ((LocalDeclarationStatementSyntax)s).Declaration.Variables[0].Initializer!.Value)
            : new[] { declaration.ExpressionBody!.Expression };
        // Only a body that calls a Math function gains (its pullback would call it again); arithmetic alone stays a
        // call, which reads better (Square(x * y)) and costs the reverse sweep nothing it had not computed.
        if (!values.All(v => v.DescendantNodesAndSelf().OfType<ExpressionSyntax>().All(e => Inlinable(e, model)))
            || !values.Any(v => v.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any()))
        {
            return null;
        }

        return model.GetOperation(declaration, _cancellationToken) switch
        {
            IMethodBodyOperation { BlockBody: { } blockBody } => blockBody,
            IMethodBodyOperation { ExpressionBody: { } expressionBody } => expressionBody,
            _ => null,
        };
    }

    /// <summary>Arithmetic of doubles, parameters and locals, and the <c>Math</c> functions the rule table knows.</summary>
    private bool Inlinable(ExpressionSyntax expression, SemanticModel model)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.NumericLiteralExpression);
            case ParenthesizedExpressionSyntax:
                return true;
            case BinaryExpressionSyntax binary:
                return binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression
                    && model.GetTypeInfo(binary, _cancellationToken).Type?.SpecialType == SpecialType.System_Double;
            case PrefixUnaryExpressionSyntax unary:
                return unary.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression;
            case InvocationExpressionSyntax call:
                return model.GetSymbolInfo(call, _cancellationToken).Symbol is IMethodSymbol { IsStatic: true } function
                    && function.ContainingType?.ToDisplayString() == "System.Math"
                    && function.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double && p.RefKind == RefKind.None)
                    && MathRules.IsKnown(function.Name, function.Parameters.Length) && !MathRules.HasZeroDerivative(function.Name);
            case MemberAccessExpressionSyntax access:
                // Math.Exp: the invocation above decides; the member access and the type name are its parts.
                return access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access;
            case IdentifierNameSyntax name:
                return name.Parent is MemberAccessExpressionSyntax
                    || model.GetSymbolInfo(name, _cancellationToken).Symbol is IParameterSymbol or ILocalSymbol;
            default:
                return false;
        }
    }
}
