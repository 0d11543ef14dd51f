using System.Globalization;
using System.Text;

namespace AutogradGen.Printing;

/// <summary>
/// Turns tensor contents into the exact text PyTorch's <c>repr</c> prints with its default print options, so
/// that a seed's output can be compared line by line. Pure: it knows nothing of autograd; the caller passes the
/// grad suffixes.
/// </summary>
/// <remarks>
/// The work is split as in PyTorch's <c>torch/_tensor_str.py</c>: <see cref="Summarization"/> picks the shown
/// elements, <see cref="ElementFormatter"/> chooses one notation and width for them, <see cref="NestedLayout"/>
/// places them in brackets and lines, and <see cref="SuffixLayout"/> appends dtype and grad suffixes.
/// </remarks>
internal static class TensorFormatter
{
    private const string Prefix = "tensor(";

    /// <summary>
    /// Formats a Float32, Float64 or Bool tensor. <paramref name="values"/> holds the elements in row-major
    /// order (float32 widened to double, bool as 0 or 1); <paramref name="shape"/> is empty for a 0-d tensor.
    /// <paramref name="gradSuffixes"/> are the trailing items after the data and the dtype, such as
    /// <c>grad_fn=&lt;AddBackward0&gt;</c> or <c>requires_grad=True</c>.
    /// </summary>
    public static string Format(ReadOnlySpan<double> values, ReadOnlySpan<int> shape, DType dtype, ReadOnlySpan<string> gradSuffixes)
    {
        if (dtype == DType.Int64)
        {
            throw new ArgumentException(
                "Int64 tensors are formatted by the Format(ReadOnlySpan<long>, ...) overload, which keeps every value exact.",
                nameof(dtype));
        }

        long count = CheckedElementCount(values.Length, shape);
        bool summarize = Summarization.IsSummarized(count);
        FormattedElements elements = count == 0 ? Empty : FormatShown(values, shape, dtype, summarize);
        return Compose(elements, shape, dtype, summarize, gradSuffixes);
    }

    /// <summary>Formats an Int64 tensor (exact, no widening to double).</summary>
    public static string Format(ReadOnlySpan<long> values, ReadOnlySpan<int> shape, ReadOnlySpan<string> gradSuffixes)
    {
        long count = CheckedElementCount(values.Length, shape);
        bool summarize = Summarization.IsSummarized(count);
        FormattedElements elements = Empty;
        if (count > 0)
        {
            var shownIndices = Summarization.ShownFlatIndices(shape, summarize);
            var shown = new long[shownIndices.Length];
            for (int i = 0; i < shown.Length; i++) shown[i] = values[shownIndices[i]];
            elements = ElementFormatter.FormatIntegers(shown);
        }

        return Compose(elements, shape, DType.Int64, summarize, gradSuffixes);
    }

    private static FormattedElements Empty { get; } = new([], 1);

    private static FormattedElements FormatShown(ReadOnlySpan<double> values, ReadOnlySpan<int> shape, DType dtype, bool summarize)
    {
        var shownIndices = Summarization.ShownFlatIndices(shape, summarize);
        var shown = new double[shownIndices.Length];
        for (int i = 0; i < shown.Length; i++) shown[i] = values[shownIndices[i]];
        return dtype == DType.Bool ? ElementFormatter.FormatBools(shown) : ElementFormatter.FormatFloats(shown);
    }

    private static string Compose(FormattedElements elements, ReadOnlySpan<int> shape, DType dtype, bool summarize, ReadOnlySpan<string> gradSuffixes)
    {
        var text = new StringBuilder(Prefix);
        var suffixes = new List<string>(gradSuffixes.Length + 2);
        if (elements.Count == 0)
        {
            // An empty tensor shows its shape unless it is (0,), and its dtype unless it is the default, since
            // no element tells them (PyTorch: "tensor([], size=(0, 3))", "tensor([], dtype=torch.int64)").
            text.Append("[]");
            if (shape.Length != 1) suffixes.Add("size=" + ShapeTuple(shape));
            if (dtype != DType.Float32) suffixes.Add("dtype=" + TorchName(dtype));
        }
        else
        {
            NestedLayout.Append(text, shape, Prefix.Length, elements, summarize);
            // Int64 and Bool are recognisable from their elements; Float32 is the default dtype.
            if (dtype == DType.Float64) suffixes.Add("dtype=" + TorchName(dtype));
        }

        foreach (var suffix in gradSuffixes) suffixes.Add(suffix);
        SuffixLayout.Append(text, suffixes, Prefix.Length);
        return text.ToString();
    }

    private static long CheckedElementCount(int valueCount, ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int size in shape)
        {
            if (size < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {size}: {ShapeTuple(shape)}.", nameof(shape));
            count *= size;
        }

        if (count != valueCount)
        {
            throw new ArgumentException(
                $"shape {ShapeTuple(shape)} is invalid for input of size {valueCount.ToString(CultureInfo.InvariantCulture)}: pass one value per element, in row-major order.",
                nameof(shape));
        }

        return count;
    }

    /// <summary>A shape as Python prints a tuple: <c>(0, 3)</c>, <c>(0,)</c>, <c>()</c>.</summary>
    private static string ShapeTuple(ReadOnlySpan<int> shape)
    {
        var text = new StringBuilder("(");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }

        if (shape.Length == 1) text.Append(',');
        return text.Append(')').ToString();
    }

    private static string TorchName(DType dtype) => dtype switch
    {
        DType.Float32 => "torch.float32",
        DType.Float64 => "torch.float64",
        DType.Int64 => "torch.int64",
        DType.Bool => "torch.bool",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype: expected Float32, Float64, Int64 or Bool."),
    };
}
