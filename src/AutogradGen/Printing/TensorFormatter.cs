using System.Globalization;
using System.Text;

namespace AutogradGen.Printing;

/// <summary>
/// Turns tensor contents into the exact text PyTorch's <c>repr</c> prints, so that a seed's output can be
/// compared line by line. Pure: it knows nothing of autograd; the caller passes the grad suffixes.
/// </summary>
internal static class TensorFormatter
{
    /// <summary>
    /// Formats a Float32, Float64 or Bool tensor. <paramref name="values"/> holds the elements in row-major
    /// order (float32 widened to double, bool as 0 or 1); <paramref name="shape"/> is empty for a 0-d tensor.
    /// <paramref name="gradSuffixes"/> are the trailing items after the data and the dtype, such as
    /// <c>grad_fn=&lt;AddBackward0&gt;</c> or <c>requires_grad=True</c>.
    /// </summary>
    public static string Format(ReadOnlySpan<double> values, ReadOnlySpan<int> shape, DType dtype, ReadOnlySpan<string> gradSuffixes)
    {
        // Interim rendering (fixed four decimals); the full PyTorch formatter replaces this file.
        var text = new StringBuilder("tensor(");
        AppendNested(text, values, shape, v => dtype == DType.Bool ? (v != 0 ? "True" : "False") : v.ToString("0.0000", CultureInfo.InvariantCulture));
        if (dtype == DType.Float64) text.Append(", dtype=torch.float64");
        foreach (var suffix in gradSuffixes) text.Append(", ").Append(suffix);
        return text.Append(')').ToString();
    }

    /// <summary>Formats an Int64 tensor (exact, no widening to double).</summary>
    public static string Format(ReadOnlySpan<long> values, ReadOnlySpan<int> shape, ReadOnlySpan<string> gradSuffixes)
    {
        var text = new StringBuilder("tensor(");
        var asDouble = new double[values.Length];
        for (int i = 0; i < values.Length; i++) asDouble[i] = values[i];
        AppendNested(text, asDouble, shape, v => ((long)v).ToString(CultureInfo.InvariantCulture));
        foreach (var suffix in gradSuffixes) text.Append(", ").Append(suffix);
        return text.Append(')').ToString();
    }

    private static void AppendNested(StringBuilder text, ReadOnlySpan<double> values, ReadOnlySpan<int> shape, Func<double, string> format)
    {
        if (shape.Length == 0) { text.Append(format(values[0])); return; }
        int stride = 1;
        for (int d = 1; d < shape.Length; d++) stride *= shape[d];
        text.Append('[');
        for (int i = 0; i < shape[0]; i++)
        {
            if (i > 0) text.Append(", ");
            if (shape.Length == 1) text.Append(format(values[i]));
            else AppendNested(text, values.Slice(i * stride, stride), shape[1..], format);
        }
        text.Append(']');
    }
}
