using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Incremental;

/// <summary>Where a site is: enough to find its node again in any compilation whose tree has the same text there.</summary>
internal interface ISiteLocation
{
    int TreeIndex { get; }

    /// <summary>The site's span in <paramref name="tree"/> (the tree at <see cref="TreeIndex"/> of the compilation to bind in).</summary>
    TextSpan TargetSpanIn(SyntaxTree tree);
}

/// <summary>
/// A request to bind one site: equal to the previous run's request exactly when the site (its own text and place)
/// and the <see cref="BindingFingerprint"/> (everything outside bodies) are, so the expensive binding step after it
/// re-runs only for sites whose meaning can have changed.
/// </summary>
/// <remarks>
/// <see cref="Compilation"/> is carried but NOT compared: it is the compilation of the run that made the request,
/// which is the current one whenever the request differs from the previous run's (and only then does the binding
/// step read it). A request that compares equal is served from the cache together with the older compilation it
/// holds; that compilation is not read again, only kept alive until the site or the fingerprint next changes.
/// </remarks>
internal sealed class BindRequest<TSite> : IEquatable<BindRequest<TSite>>
    where TSite : class, ISiteLocation, IEquatable<TSite>
{
    public BindRequest(TSite site, BindingFingerprint fingerprint, Compilation compilation)
    {
        Site = site;
        Fingerprint = fingerprint;
        Compilation = compilation;
    }

    public TSite Site { get; }

    public BindingFingerprint Fingerprint { get; }

    /// <summary>The compilation to bind in (not compared; see remarks).</summary>
    public Compilation Compilation { get; }

    /// <summary>
    /// The site's node in <see cref="Compilation"/> (the site may come from an earlier run's tree: same text at the
    /// same place) and the semantic model of its tree.
    /// </summary>
    public (SyntaxNode Node, SemanticModel SemanticModel) Locate(Func<SyntaxNode, bool> isTarget, CancellationToken cancellationToken)
    {
        var tree = CompilationIndex.Of(Compilation).Tree(Site.TreeIndex);
        var span = Site.TargetSpanIn(tree);
        var node = tree.GetRoot(cancellationToken).FindNode(span, getInnermostNodeForTie: true)
            .AncestorsAndSelf().FirstOrDefault(n => n.Span == span && isTarget(n))
            ?? throw new InvalidOperationException($"The declaration at {span} of '{tree.FilePath}' moved without its site changing.");
        return (node, CompilationIndex.Of(Compilation).SemanticModel(tree));
    }

    public bool Equals(BindRequest<TSite>? other) =>
        ReferenceEquals(this, other) || other is not null && Site.Equals(other.Site) && Fingerprint.Equals(other.Fingerprint);

    public override bool Equals(object? obj) => Equals(obj as BindRequest<TSite>);

    public override int GetHashCode() => unchecked((Site.GetHashCode() * 31) + Fingerprint.GetHashCode());
}
