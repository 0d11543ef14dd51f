using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Benchmarks.GeneratorCost;

/// <summary>
/// <see cref="FloorGenerator"/> with AutogradGen's output shape: the same attribute search, then one tiny file per
/// containing type, as AutogradGen writes them (docs/ARCHITECTURE.md, "One file per type"). The per-method floor adds
/// ten times as many files to the synthetic project as AutogradGen does, and the driver's cost grows with the file
/// count, so this is the floor to read AutogradGen's re-run against.
/// </summary>
public sealed class FloorPerTypeGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var typeNames = context.SyntaxProvider.ForAttributeWithMetadataName(
            "AutogradGen.DifferentiableAttribute",
            static (_, _) => true,
            static (target, _) => target.TargetSymbol.ContainingType.Name);
        context.RegisterSourceOutput(typeNames.Collect(), static (output, names) =>
        {
            foreach (string name in names.Distinct())
                output.AddSource(name + ".g.cs", "// " + name + "\n");
        });
    }
}

/// <summary>
/// The least any <c>ForAttributeWithMetadataName</c> generator can cost: the same attribute search and one file in
/// all, whatever the project holds. What is left in its re-run is Roslyn binding the attribute of every attributed
/// method again in the new compilation, which no generator built on that API can avoid.
/// </summary>
public sealed class FloorSingleFileGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "AutogradGen.DifferentiableAttribute",
            static (_, _) => true,
            static (target, _) => target.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (output, all) =>
            output.AddSource("AttributedMethods.g.cs", "// " + all.Length + " attributed methods\n"));
    }
}
