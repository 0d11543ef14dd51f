using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Incremental;

/// <summary>
/// Per compilation (and dropped with it): each tree's index, and one semantic model per tree shared by every
/// declaration bound in it, as ForAttributeWithMetadataName shares one. A linear search per declaration would
/// cost trees × declarations; a semantic model per declaration would repeat the tree-level work.
/// </summary>
internal sealed class CompilationIndex
{
    private static readonly ConditionalWeakTable<Compilation, CompilationIndex> s_indexes = new();

    private readonly Compilation _compilation;
    private readonly List<SyntaxTree> _trees = new();
    private readonly Dictionary<SyntaxTree, int> _treeIndexes = new();
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _semanticModels = new();

    private CompilationIndex(Compilation compilation)
    {
        _compilation = compilation;
        var index = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            _trees.Add(tree);
            _treeIndexes[tree] = index++;
        }
    }

    public static CompilationIndex Of(Compilation compilation) => s_indexes.GetValue(compilation, static c => new CompilationIndex(c));

    /// <summary>The tree's index in <see cref="Compilation.SyntaxTrees"/>, or -1 when it is not one of them.</summary>
    public int TreeIndex(SyntaxTree tree) => _treeIndexes.TryGetValue(tree, out var index) ? index : -1;

    /// <summary>The tree at <paramref name="index"/> in <see cref="Compilation.SyntaxTrees"/>.</summary>
    public SyntaxTree Tree(int index) => _trees[index];

    public SemanticModel SemanticModel(SyntaxTree tree) => _semanticModels.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
}
