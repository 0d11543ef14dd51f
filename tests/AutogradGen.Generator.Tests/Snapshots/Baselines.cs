using System.Runtime.CompilerServices;
using AutogradGen.Generator.Tests.Driver;

namespace AutogradGen.Generator.Tests.Snapshots;

/// <summary>
/// Compares generated files with the baselines in <c>Baselines/{Test}/{HintName}.txt</c> (System.Text.Json's
/// layout). Set AUTOGRADGEN_UPDATE_BASELINES=1 to rewrite them from the current output.
/// </summary>
public static class Baselines
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "AutogradGen.Generator.Tests", "Baselines");

    private static bool Updating => Environment.GetEnvironmentVariable("AUTOGRADGEN_UPDATE_BASELINES") == "1";

    public static void Verify(string source, [CallerMemberName] string test = "")
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Diagnostics);
        var folder = Path.Combine(Folder, test);
        var generated = run.Sources.ToDictionary(s => s.HintName + ".txt", s => Normalize(s.SourceText.ToString()));
        if (Updating)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach (var (name, text) in generated)
            {
                File.WriteAllText(Path.Combine(folder, name), text);
            }
        }

        Assert.True(Directory.Exists(folder), $"No baselines for {test} at {folder}. Run the tests with AUTOGRADGEN_UPDATE_BASELINES=1 to create them, then review them.");
        var expectedFiles = Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles, generated.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var (name, text) in generated)
        {
            var expected = Normalize(File.ReadAllText(Path.Combine(folder, name)));
            if (expected != text)
            {
                Assert.Fail($"{name} differs from its baseline (- baseline, + generated). Set AUTOGRADGEN_UPDATE_BASELINES=1 to accept.\n"
                    + LineDiff.Format(expected.Split('\n'), text.Split('\n')));
            }
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
