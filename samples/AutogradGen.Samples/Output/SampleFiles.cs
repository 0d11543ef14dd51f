using System.Diagnostics;
using AutogradGen.Samples.Plots;

namespace AutogradGen.Samples.Output;

/// <summary>
/// The files the samples write besides what they print: the seeds' graphs (Graphviz .dot, and .svg when Graphviz's
/// <c>dot</c> is on the PATH) and the training samples' loss curves (.png). Nothing is written until
/// <see cref="Folder"/> is set (the program sets it; the tests that compare printed output leave it unset), and what
/// was written is reported through <see cref="TakeWritten"/> rather than printed by the sample, so a sample's printed
/// output is the same whether or not files are written.
/// </summary>
internal static class SampleFiles
{
    // Per thread: the tests run samples on several threads at once, some with a folder and most without.
    [ThreadStatic] private static List<string>? t_written;
    [ThreadStatic] private static string? t_folder;
    private static bool? s_graphvizFound;

    private static List<string> Written => t_written ??= [];

    /// <summary>Where the files go (on this thread), or null to write none.</summary>
    public static string? Folder
    {
        get => t_folder;
        set => t_folder = value;
    }

    /// <summary>The notes about the files written since the last call (one line each), to print after the sample.</summary>
    public static IReadOnlyList<string> TakeWritten()
    {
        var written = Written.ToArray();
        Written.Clear();
        return written;
    }

    /// <summary>The graph behind <paramref name="output"/> (<see cref="Autograd.ToDot(Tensor, IReadOnlyDictionary{string, Tensor}?)"/>), as name.dot and name.svg.</summary>
    public static void Graph(string name, Tensor output, IReadOnlyDictionary<string, Tensor>? names = null)
    {
        if (Folder is null) return;
        Directory.CreateDirectory(Folder);
        var dotPath = Path.Combine(Folder, name + ".dot");
        File.WriteAllText(dotPath, Autograd.ToDot(output, names));
        var svgPath = Path.ChangeExtension(dotPath, ".svg");
        Written.Add(RenderSvg(dotPath, svgPath) switch
        {
            null => $"graph: {Relative(dotPath)} and {Relative(svgPath)}",
            var why => $"graph: {Relative(dotPath)} ({why})",
        });
    }

    /// <summary>A training run's loss curves as name.png (<see cref="LossChart"/>).</summary>
    public static void LossCurves(string name, string title, string stepName, params LossCurve[] curves)
    {
        if (Folder is null) return;
        Directory.CreateDirectory(Folder);
        var pngPath = Path.Combine(Folder, name + ".png");
        LossChart.WritePng(pngPath, title, stepName, curves);
        Written.Add($"loss curve: {Relative(pngPath)}");
    }

    /// <returns>Null when the SVG was written; otherwise why not, in words for the user.</returns>
    private static string? RenderSvg(string dotPath, string svgPath)
    {
        if (s_graphvizFound == false) return "no SVG: Graphviz's 'dot' is not on the PATH; install Graphviz to get one";
        var start = new ProcessStartInfo("dot") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-Tsvg");
        start.ArgumentList.Add(dotPath);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(svgPath);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            s_graphvizFound = true;
            return process.ExitCode == 0 ? null : $"no SVG: dot failed: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            s_graphvizFound = false;
            return RenderSvg(dotPath, svgPath);
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);
}
