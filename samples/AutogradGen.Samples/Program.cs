using AutogradGen.Samples.Seeds;
using AutogradGen.Samples.StaticGradients;

namespace AutogradGen.Samples;

/// <summary>
/// Runs the samples: every snippet of the five seed tutorials, printing what each printed, and a gradient-descent
/// example. <c>dotnet run --project samples/AutogradGen.Samples</c> runs them all; samples' names as arguments
/// run those (<c>-- seed003</c>); <c>-- --help</c> lists the options and the names (<see cref="SampleOptions"/>).
/// </summary>
internal static class Program
{
    /// <summary>Every sample, in the order they run. New samples (such as the generator's static gradients) are added here.</summary>
    internal static readonly Sample[] Samples =
    [
        new("seed000", "경사하강 (gradient descent: computing gradients with autograd)", Seed000GradientDescent.Run),
        new("seed001", "AUTOGRAD: 자동 미분 (the 60-minute blitz autograd tutorial)", Seed001AutogradTutorial.Run),
        new("seed002", "[Pytorch] - Autograd", Seed002Autograd.Run),
        new("seed003", "Automatic Differentiation with torch.autograd (the quickstart)", Seed003AutogradQuickstart.Run),
        new("seed004", "Tensor Autograd (자동미분)", Seed004TensorAutograd.Run),
        new("logistic-regression", "gradient descent: logistic regression with SGD", LogisticRegression.Run),
        new("static-gradients", "compile-time gradients: the README example and a curve fit, generated vs tape", Static.StaticGradients.Run),
        new("static-seed003", "seed 003's network trained with its generated gradient, and as one node on the tape", SingleLayerNetwork.Run),
        new("static-two-moons", "a two-layer classifier on two moons: generated gradient and tape, side by side", TwoMoonsClassifier.Run),
        new("glyph-classifier", "an image classifier end to end: a Module, AdamW groups, OneCycleLR, clipping, a saved model", Models.GlyphClassifier.Run),
    ];

    private static int Main(string[] args)
    {
        // On a terminal, progress bars are drawn while a sample trains; redirected output gets only what the samples print.
        bool interactive = !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive;
        return Run(args, Console.Out, Console.Error, interactive);
    }

    /// <summary>The program, with its writers given (for tests). Exit codes: 0 ran, 1 wrong arguments.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, bool interactive)
    {
        var options = SampleOptions.Parse(args, out var problem);
        if (problem is not null)
        {
            error.WriteLine(problem);
            PrintUsage(error);
            return 1;
        }
        if (options.Help)
        {
            PrintUsage(output);
            return 0;
        }
        var unknown = options.Names.Where(name => Samples.All(sample => sample.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"There is no sample named '{unknown[0]}'.");
            PrintUsage(error);
            return 1;
        }

        var selected = options.Names.Count == 0 ? Samples : [.. Samples.Where(sample => options.Names.Contains(sample.Name))];
        Output.SampleFiles.Folder = options.FilesFolder;
        Progress.TrainingProgress.Enabled = interactive && options.Progress;
        output.WriteLine(options.FilesFolder is null
            ? $"Running {selected.Length} sample(s); no files written (--no-files). --help lists the options."
            : $"Running {selected.Length} sample(s); graphs and loss curves go to {options.FilesFolder}. --help lists the options.");
        for (int i = 0; i < selected.Length; i++)
        {
            output.WriteLine();
            Show.Header(output, selected[i]);
            RunOne(selected[i], output, buffered: Progress.TrainingProgress.Enabled);
            foreach (var note in Output.SampleFiles.TakeWritten()) output.WriteLine($"-> {note}");
        }
        return 0;
    }

    // While a progress bar is drawn on the terminal, what the sample prints waits in a buffer, so the two do not interleave.
    private static void RunOne(Sample sample, TextWriter output, bool buffered)
    {
        if (!buffered)
        {
            sample.Run(output);
            return;
        }
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            sample.Run(buffer);
        }
        finally
        {
            output.Write(buffer.ToString());
        }
    }

    private static void PrintUsage(TextWriter output)
    {
        foreach (var line in SampleOptions.Usage) output.WriteLine(line);
        output.WriteLine();
        output.WriteLine("samples:");
        foreach (var sample in Samples) output.WriteLine($"  {sample.Name,-20} {sample.Title}");
    }
}
