using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Incremental;

/// <summary>
/// Where an attributed declaration is and what its binding can depend on inside its own file: cheap to compute on
/// every compilation, equal exactly when its binding scope (the member itself, or the member enclosing a local
/// function) has the same text starting at the same line and column; the rest of the compilation is
/// <see cref="BindingFingerprint"/>'s.
/// </summary>
/// <remarks>
/// The line and column are compared (the parsers record lines, and diagnostics are located by line and column);
/// the offset from the start of the file is not, so an edit that changes a line's length does not make every later
/// method in the file look changed. <see cref="ScopeStart"/> is carried only to know where the scope was.
/// </remarks>
/// <param name="TreeIndex">The tree's index in the compilation (paths need not be unique).</param>
/// <param name="FilePath">The tree's path.</param>
/// <param name="ScopeStart">Where the binding scope started in the tree it was read from (not compared).</param>
/// <param name="ScopeStartLine">The line and column the binding scope starts at.</param>
/// <param name="ScopeText">The binding scope's text (attributes, signature, body; not its leading trivia).</param>
/// <param name="TargetOffset">Where the declaration starts, from the start of the scope.</param>
/// <param name="TargetLength">The declaration's length.</param>
/// <param name="Name">The declared name (empty for operators and conversions), which calls of it spell.</param>
internal sealed record TargetSite(
    int TreeIndex, string FilePath, int ScopeStart, LinePosition ScopeStartLine, string ScopeText, int TargetOffset, int TargetLength, string Name)
    : ISiteLocation
{
    /// <summary>
    /// The sites already read, by node: a tree that did not change keeps its nodes, and its sites are then found
    /// here instead of copying each method's text again on every compilation.
    /// </summary>
    private static readonly ConditionalWeakTable<SyntaxNode, TargetSite> s_known = new();

    public static TargetSite From(SyntaxNode target, Compilation compilation)
    {
        var treeIndex = CompilationIndex.Of(compilation).TreeIndex(target.SyntaxTree);
        var known = s_known.GetValue(target, node => Read(node, treeIndex));

        // The same tree at another index (a tree was added or removed before it) is read again, not cached.
        return known.TreeIndex == treeIndex ? known : Read(target, treeIndex);
    }

    /// <summary>The declaration's span in <paramref name="tree"/>, whose text has the scope at <see cref="ScopeStartLine"/>.</summary>
    public TextSpan TargetSpanIn(SyntaxTree tree) =>
        new(tree.GetText().Lines.GetPosition(ScopeStartLine) + TargetOffset, TargetLength);

    /// <summary>Where the declaration was, for a diagnostic about it.</summary>
    public TextSpan TargetSpan => new(ScopeStart + TargetOffset, TargetLength);

    public bool Equals(TargetSite? other) =>
        ReferenceEquals(this, other)
        || other is not null && TreeIndex == other.TreeIndex && ScopeStartLine == other.ScopeStartLine && TargetOffset == other.TargetOffset
            && TargetLength == other.TargetLength && FilePath == other.FilePath && Name == other.Name && ScopeText == other.ScopeText;

    public override int GetHashCode() => unchecked((((TreeIndex * 31) + ScopeStartLine.GetHashCode()) * 31) + TargetOffset);

    /// <summary>
    /// The smallest node whose text, with the declaration skeleton, decides how <paramref name="target"/> binds: a
    /// member binds on its own, a local function with the body it sits in.
    /// </summary>
    public static SyntaxNode BindingScope(SyntaxNode target) =>
        target is MemberDeclarationSyntax ? target : target.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? target;

    private static TargetSite Read(SyntaxNode target, int treeIndex)
    {
        var scope = BindingScope(target);
        var tree = target.SyntaxTree;
        return new TargetSite(
            treeIndex,
            tree.FilePath,
            scope.SpanStart,
            tree.GetLineSpan(scope.Span).StartLinePosition,
            scope.ToString(),
            target.SpanStart - scope.SpanStart,
            target.Span.Length,
            target switch
            {
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                LocalFunctionStatementSyntax local => local.Identifier.ValueText,
                _ => string.Empty,
            });
    }
}
