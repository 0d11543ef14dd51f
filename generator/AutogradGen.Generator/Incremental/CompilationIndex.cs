using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Incremental;

/// <summary>
/// Per compilation (and dropped with it): each tree's index, and the semantic model of the tree last bound in. A
/// linear search per declaration would cost trees × declarations; a semantic model per declaration would repeat the
/// tree-level work.
/// </summary>
internal sealed class CompilationIndex
{
    private static readonly ConditionalWeakTable<Compilation, CompilationIndex> s_indexes = new();

    private readonly Compilation _compilation;
    private readonly List<SyntaxTree> _trees = new();
    private readonly Dictionary<SyntaxTree, int> _treeIndexes = new();
    private TreeModel? _lastModel;

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

    /// <summary>
    /// The tree's semantic model, shared by the declarations bound one after another in the same tree (as
    /// ForAttributeWithMetadataName shares one per tree) and then let go: a semantic model keeps every body it bound,
    /// and keeping them all for the compilation's lifetime costs more in garbage collection than binding saves.
    /// </summary>
    public SemanticModel SemanticModel(SyntaxTree tree)
    {
        var last = Volatile.Read(ref _lastModel);
        if (last is not null && last.Tree == tree)
        {
            return last.Model;
        }

        var model = _compilation.GetSemanticModel(tree);
        Volatile.Write(ref _lastModel, new TreeModel(tree, model));
        return model;
    }

    private sealed class TreeModel
    {
        public TreeModel(SyntaxTree tree, SemanticModel model)
        {
            Tree = tree;
            Model = model;
        }

        public SyntaxTree Tree { get; }

        public SemanticModel Model { get; }
    }
}
