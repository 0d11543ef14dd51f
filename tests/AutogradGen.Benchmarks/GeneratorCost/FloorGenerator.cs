using Microsoft.CodeAnalysis;

namespace AutogradGen.Benchmarks.GeneratorCost;

/// <summary>
/// The least an attribute-driven generator can do: find every <c>[Differentiable]</c> method with
/// <c>ForAttributeWithMetadataName</c> and add one tiny file for each. Timed on the same edit as the real
/// generator, it shows the part of an incremental re-run that is Roslyn's driver (a new compilation's attribute
/// binding, the cached outputs re-added) and not AutogradGen's own work. Not marked [Generator]: the benchmark
/// hands it to its own driver, and nothing else should load it.
/// </summary>
public sealed class FloorGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "AutogradGen.DifferentiableAttribute",
            static (_, _) => true,
            static (target, _) => target.TargetSymbol.ContainingType.Name + "." + target.TargetSymbol.Name);
        context.RegisterSourceOutput(names, static (output, name) =>
            output.AddSource(name + ".g.cs", "// " + name + "\n"));
    }
}
