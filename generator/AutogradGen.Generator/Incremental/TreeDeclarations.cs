using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutogradGen.Generator.Incremental;

/// <summary>
/// One syntax tree's declaration skeleton: the text of every token outside member bodies, and every preprocessor
/// directive (in bodies too), in order. Binding a method body depends on the rest of the compilation only through
/// this (the declarations, attributes, usings, field initializers and constants it can see, and the directives
/// that select what is compiled), so an edit inside a body leaves it equal.
/// </summary>
/// <param name="FilePath">The tree's path.</param>
/// <param name="Options">The tree's parse options (language version, preprocessor symbols), compared by value.</param>
/// <param name="Skeleton">The skeleton: token texts, length-prefixed so that no two token sequences spell the same.</param>
internal sealed record TreeDeclarations(string FilePath, ParseOptions Options, string Skeleton)
{
    public static TreeDeclarations Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var skeleton = new StringBuilder();
        foreach (var item in tree.GetRoot(cancellationToken).DescendantNodesAndTokens(static node => !IsMemberBody(node)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.IsToken)
            {
                var token = item.AsToken();
                if (token.ContainsDirectives)
                {
                    AppendDirectives(token.LeadingTrivia, skeleton);
                }

                Append(token.Text, skeleton);
            }
            else if (item.AsNode() is { } node && IsMemberBody(node))
            {
                // The body's text stays out (that is the point), but not whether there is one, nor its directives:
                // a #define or #nullable in one body changes what later code means.
                Append(node is BlockSyntax ? "{}" : "=>", skeleton);
                if (node.ContainsDirectives)
                {
                    AppendDirectives(node.DescendantTrivia(), skeleton);
                }
            }
        }

        return new TreeDeclarations(tree.FilePath, tree.Options, skeleton.ToString());
    }

    /// <summary>
    /// The body of a method, constructor, operator, conversion, destructor or accessor, or the expression of an
    /// expression-bodied property or indexer: what no other member's binding can depend on (their types are declared).
    /// </summary>
    internal static bool IsMemberBody(SyntaxNode node) => node switch
    {
        // Bodies other methods are differentiated through belong to the fingerprint, so editing one rebinds its
        // users: a struct's members (its constructors say which field each parameter sets, its operators, methods and
        // properties are substituted where they are called) and [Differentiable] methods returning a struct.
        _ when IsSeenThrough(node) => false,
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax } => true,
        ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax } => true,
        _ => false,
    };

    private static bool IsSeenThrough(SyntaxNode body)
    {
        var member = body.Parent is AccessorDeclarationSyntax { Parent: AccessorListSyntax { Parent: { } property } } ? property : body.Parent;
        if (member?.Parent is StructDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.ValueText: "struct" })
        {
            return body is BlockSyntax or ArrowExpressionClauseSyntax;
        }

        // Void helpers and helpers with ref/out parameters are inlined at their calls too (BodyParser.RefArguments).
        return member is MethodDeclarationSyntax method
            && (method.ReturnType is not PredefinedTypeSyntax || method.ReturnType is PredefinedTypeSyntax { Keyword.ValueText: "void" }
                || method.ParameterList.Parameters.Any(p => p.Modifiers.Any(m => m.ValueText is "ref" or "out")))
            && (body is BlockSyntax or ArrowExpressionClauseSyntax)
            && !method.ReturnType.ToString().EndsWith("Tensor", System.StringComparison.Ordinal)
            && method.AttributeLists.Any(list => list.Attributes.Any(a => a.Name.ToString() is var name && (name.EndsWith("Differentiable", System.StringComparison.Ordinal) || name.EndsWith("DifferentiableAttribute", System.StringComparison.Ordinal))));
    }

    private static void AppendDirectives(IEnumerable<SyntaxTrivia> trivia, StringBuilder skeleton)
    {
        foreach (var item in trivia)
        {
            if (item.IsDirective)
            {
                Append(item.ToString(), skeleton);
            }
        }
    }

    private static void Append(string text, StringBuilder skeleton) =>
        skeleton.Append(text.Length).Append(':').Append(text);
}
