using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Incremental;

/// <summary>
/// Everything the binding of one method body can depend on outside that body: the declaration skeleton of every
/// tree (<see cref="TreeDeclarations"/>: declarations, usings and global usings, attributes, initializers,
/// directives, parse options), the references, the compilation options and the assembly name. Equal fingerprints
/// and equal body text mean equal binding, so a body is re-bound only when one of them changed.
/// </summary>
internal sealed record BindingFingerprint(
    EquatableArray<TreeDeclarations> Trees,
    string? AssemblyName,
    CompilationOptions Options,
    EquatableArray<ReferenceIdentity> References)
{
    /// <summary>
    /// Every tree of every compilation, as values: a step after it runs only for trees that are new (an unchanged
    /// tree is the same object in the next compilation, and trees compare by identity).
    /// </summary>
    public static IncrementalValuesProvider<SyntaxTree> SyntaxTrees(IncrementalGeneratorInitializationContext context) =>
        context.CompilationProvider.SelectMany(static (compilation, _) => compilation.SyntaxTrees);

    /// <summary>
    /// The fingerprint of every compilation. A tree's skeleton is computed only when the tree is new (unchanged
    /// trees are the same objects in the next compilation, so their step is cached); the rest is cheap.
    /// </summary>
    public static IncrementalValueProvider<BindingFingerprint> Create(
        IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<SyntaxTree> syntaxTrees)
    {
        var trees = syntaxTrees
            .Select(static (tree, cancellationToken) => TreeDeclarations.Of(tree, cancellationToken))
            .Collect();
        return context.CompilationProvider
            .Combine(trees)
            .Select(static (input, _) => new BindingFingerprint(
                input.Right.ToEquatableArray(),
                input.Left.AssemblyName,
                input.Left.Options,
                input.Left.References.Select(static reference => new ReferenceIdentity(reference)).ToEquatableArray()));
    }
}

/// <summary>
/// A metadata reference compared as the compiler's own caches compare it (by identity, or by value where the
/// reference type defines one): the same assembly file loaded once stays the same object between compilations.
/// </summary>
internal sealed record ReferenceIdentity(MetadataReference Reference);
