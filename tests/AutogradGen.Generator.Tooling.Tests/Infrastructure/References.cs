using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tooling.Tests.Infrastructure;

/// <summary>The assemblies an in-memory compilation of user code references: the running framework and the AutogradGen runtime.</summary>
internal static class References
{
    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var framework = trusted.Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                                              || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");
        return framework
            .Append(typeof(DifferentiableAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
