using System.Globalization;

namespace AutogradGen.Samples;

/// <summary>Small helpers the samples share to print what Python's <c>print</c> and PyTorch's checks would.</summary>
internal static class Show
{
    /// <summary>A sample's header line.</summary>
    public static void Header(TextWriter output, Sample sample) => output.WriteLine($"=== {sample.Name}: {sample.Title} ===");

    /// <summary>A caption before a snippet, naming the notebook cell or the code it runs.</summary>
    public static void Snippet(TextWriter output, string caption) => output.WriteLine($"# {caption}");

    /// <summary>An exception as Python shows a raised error: its type, a colon, its message.</summary>
    public static void Error(TextWriter output, Exception error) => output.WriteLine($"{error.GetType().Name}: {error.Message}");

    /// <summary>
    /// <c>torch.allclose(actual, expected)</c>: the same shape and every element within
    /// <c>1e-8 + 1e-5 · |expected|</c> (PyTorch's default tolerances).
    /// </summary>
    public static bool AllClose(Tensor? actual, Tensor expected)
    {
        if (actual is null || !actual.Shape.SequenceEqual(expected.Shape)) return false;
        var a = actual.ToArray();
        var e = expected.ToArray();
        for (int i = 0; i < a.Length; i++)
        {
            if (!(Math.Abs(a[i] - e[i]) <= 1e-8 + (1e-5 * Math.Abs(e[i])))) return false;
        }
        return true;
    }

    /// <summary>A number with four decimals, as the training loops print losses.</summary>
    public static string Fixed(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
