using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AutogradGen.CodeFixes;

/// <summary>
/// What every AutogradGen code fix shares: the document's root and semantic model are read once, each diagnostic is
/// asked for its fixes (none when the diagnostic's shape has no one-edit fix), and a fix that rewrites one node of the
/// document is one call of <see cref="Replace"/>. A provider says only which diagnostics it fixes and how.
/// </summary>
public abstract class DiagnosticCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        var site = new FixSite(context.Document, root, semanticModel, context.CancellationToken);
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var fix in FixesFor(diagnostic, site))
            {
                context.RegisterCodeFix(fix, diagnostic);
            }
        }
    }

    /// <summary>The fixes offered for <paramref name="diagnostic"/>; empty when its shape has no one-edit fix.</summary>
    protected abstract IEnumerable<CodeAction> FixesFor(Diagnostic diagnostic, FixSite site);

    /// <summary>A fix that replaces <paramref name="node"/> by <paramref name="replacement"/> in the document.</summary>
    /// <param name="title">What the light bulb shows.</param>
    /// <param name="site">The document the node is in.</param>
    /// <param name="node">The node to replace.</param>
    /// <param name="replacement">What replaces it.</param>
    /// <param name="key">Tells apart the fixes of one provider (FixAll groups by it); the provider's name by default.</param>
    protected CodeAction Replace(string title, FixSite site, SyntaxNode node, SyntaxNode replacement, string? key = null) =>
        CodeAction.Create(
            title,
            _ => Task.FromResult(site.Document.WithSyntaxRoot(site.Root.ReplaceNode(node, replacement))),
            equivalenceKey: key ?? GetType().Name);

    /// <summary>A fix that may edit other documents (the callee's declaration, every part of a partial type).</summary>
    protected CodeAction EditSolution(string title, System.Func<CancellationToken, Task<Solution>> edit) =>
        CodeAction.Create(title, edit, equivalenceKey: GetType().Name);
}

/// <summary>The document a diagnostic is in, as read once for all the diagnostics of one request.</summary>
public sealed class FixSite
{
    internal FixSite(Document document, SyntaxNode root, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        Document = document;
        Root = root;
        SemanticModel = semanticModel;
        CancellationToken = cancellationToken;
    }

    /// <summary>The document.</summary>
    public Document Document { get; }

    /// <summary>Its syntax root.</summary>
    public SyntaxNode Root { get; }

    /// <summary>Its semantic model.</summary>
    public SemanticModel SemanticModel { get; }

    /// <summary>The request's cancellation.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The innermost node at the diagnostic's span.</summary>
    public SyntaxNode NodeAt(Diagnostic diagnostic) => Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    /// <summary>The parent of the token the diagnostic starts at (a declaration whose identifier carries it).</summary>
    public SyntaxNode? TokenParentAt(Diagnostic diagnostic) => Root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
}
