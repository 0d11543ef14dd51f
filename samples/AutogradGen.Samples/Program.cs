using AutogradGen.Samples.Seeds;
using AutogradGen.Samples.StaticGradients;

namespace AutogradGen.Samples;

/// <summary>
/// Runs the samples: every snippet of the five seed tutorials, printing what each printed, and a gradient-descent
/// example. <c>dotnet run --project samples/AutogradGen.Samples</c> runs them all; a sample's name as the argument
/// runs that one (<c>-- seed003</c>); <c>-- --list</c> lists the names.
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
    ];

    private static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] is "--list" or "-l" or "--help" or "-h")
        {
            PrintUsage(Console.Out);
            return 0;
        }
        if (args.Length > 1)
        {
            Console.Error.WriteLine("Give at most one sample name.");
            PrintUsage(Console.Error);
            return 1;
        }
        var selected = args.Length == 0 ? Samples : Samples.Where(sample => sample.Name == args[0]).ToArray();
        if (selected.Length == 0)
        {
            Console.Error.WriteLine($"There is no sample named '{args[0]}'.");
            PrintUsage(Console.Error);
            return 1;
        }
        for (int i = 0; i < selected.Length; i++)
        {
            if (i > 0) Console.WriteLine();
            Show.Header(Console.Out, selected[i]);
            selected[i].Run(Console.Out);
        }
        return 0;
    }

    private static void PrintUsage(TextWriter output)
    {
        output.WriteLine("usage: dotnet run --project samples/AutogradGen.Samples [-- <sample>]");
        output.WriteLine("samples:");
        foreach (var sample in Samples) output.WriteLine($"  {sample.Name,-20} {sample.Title}");
    }
}
