using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Incremental;

/// <summary>
/// An invocation, read from syntax alone: where it is and the name it calls. Only the few whose name is a
/// [Differentiable] method's are bound (<see cref="CallSite"/>); a call can only reach a method of that name.
/// </summary>
/// <param name="Tree">The tree, compared by identity: an unchanged tree is the same object in the next compilation.</param>
/// <param name="TargetSpan">The invocation.</param>
/// <param name="Name">The invoked name, or null when the syntax does not say (then the call is always bound).</param>
internal sealed record CallCandidate(SyntaxTree Tree, TextSpan TargetSpan, string? Name)
{
    public static bool IsInvocation(SyntaxNode node) => node is InvocationExpressionSyntax;

    /// <summary>
    /// Every invocation of <paramref name="tree"/>, read once per tree (the step over a compilation's trees is
    /// cached for trees that did not change), not once per invocation and compilation.
    /// </summary>
    public static EquatableArray<CallCandidate> AllIn(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>().Select(invocation => new CallCandidate(
            tree,
            invocation.Span,
            invocation.Expression switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText,
                GenericNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            })).ToEquatableArray();
}

/// <summary>
/// A call of a [Differentiable] method's name, as its binding sees it: the call and the text of its whole file,
/// by content hash. The file is part of it because the interceptor's location data is a checksum of the file: any
/// edit of the file changes it, while edits elsewhere reach the call only through the <see cref="BindingFingerprint"/>.
/// </summary>
/// <remarks>Made on every compilation for the few candidates that pass the name filter, with that compilation.</remarks>
internal sealed record CallSite(int TreeIndex, string FilePath, TextSpan TargetSpan, EquatableArray<byte> FileContentHash) : ISiteLocation
{
    /// <summary>The file's content is part of the site, so the span is the same in every tree the site matches.</summary>
    public TextSpan TargetSpanIn(SyntaxTree tree) => TargetSpan;

    public static CallSite From(CallCandidate candidate, Compilation compilation)
    {
        var tree = candidate.Tree;
        return new CallSite(CompilationIndex.Of(compilation).TreeIndex(tree), tree.FilePath, candidate.TargetSpan, new EquatableArray<byte>(tree.GetText().GetContentHash()));
    }
}
