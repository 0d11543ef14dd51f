using System.IO.Compression;
using System.Xml.Linq;

namespace AutogradGen.Packaging.Tests;

[Collection(CleanCopyCollection.Name)]
public class PackageTests(CleanCopy copy)
{
    private PackedPackage Package => copy.Package;

    [Fact]
    public void The_package_carries_the_runtime_in_lib_and_the_generator_and_code_fixes_in_analyzers()
    {
        using var archive = ZipFile.OpenRead(Package.PackagePath);
        var assemblies = archive.Entries.Select(entry => entry.FullName).Where(name => name.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["analyzers/dotnet/cs/AutogradGen.CodeFixes.dll", "analyzers/dotnet/cs/AutogradGen.Generator.dll", "lib/net10.0/AutogradGen.dll"],
            assemblies);
    }

    [Fact]
    public void The_package_depends_on_System_Numerics_Tensors_and_not_on_Roslyn()
    {
        using var archive = ZipFile.OpenRead(Package.PackagePath);
        using var nuspec = archive.GetEntry("AutogradGen.nuspec")!.Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(element => element.Name.LocalName == "dependency")
            .Select(element => element.Attribute("id")!.Value);

        Assert.Equal(["System.Numerics.Tensors"], dependencies);
    }

    [Fact]
    public void A_console_project_that_references_the_package_builds_and_prints_the_generated_gradient()
    {
        var consumer = Path.Combine(Package.Root, "consumer");
        ConsumerProject.Write(consumer, Package.Feed, Package.Version);
        var isolatedCache = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Package.Root, "packages") };

        DotnetCli.Run(consumer, isolatedCache, "build", "-c", "Release", "--disable-build-servers");
        var output = DotnetCli.Run(consumer, isolatedCache, "run", "-c", "Release", "--no-build");

        // Rosenbrock at (1.5, 2): a = -0.5, b = -0.25, f = 0.25 + 6.25; ∂f/∂x = -2a - 400xb = 151; ∂f/∂y = 200b = -50.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("gradient 6.5 151 -50", lines);
        Assert.Contains("derivative 6.5 151", lines);
    }
}
