using System.Globalization;

namespace AutogradGen.Printing;

/// <summary>
/// The behaviour of PyTorch's <c>_Formatter</c>: looks at every shown element once to choose one notation and one
/// width for the whole tensor, then writes each element in it, padded on the left.
/// </summary>
internal static class ElementFormatter
{
    /// <summary>The notation a floating-point tensor is printed in.</summary>
    private enum FloatNotation
    {
        /// <summary>Every finite value is a whole number: <c>3.</c>, <c>-27.</c>.</summary>
        Integral,

        /// <summary>Four decimals: <c>1.2630</c>.</summary>
        Fixed,

        /// <summary>Four decimals and an exponent: <c>2.0480e+02</c>.</summary>
        Scientific,
    }

    /// <summary>Formats Float32 (widened) or Float64 values.</summary>
    public static FormattedElements FormatFloats(ReadOnlySpan<double> values)
    {
        var notation = ChooseNotation(values);
        var texts = new string[values.Length];
        int width = 1;
        for (int i = 0; i < values.Length; i++)
        {
            texts[i] = FormatFloat(values[i], notation);
            // The width comes from the nonzero finite values only; zeros and non-finite values are padded to it.
            if (double.IsFinite(values[i]) && values[i] != 0) width = Math.Max(width, texts[i].Length);
        }

        for (int i = 0; i < texts.Length; i++) texts[i] = texts[i].PadLeft(width);
        return new FormattedElements(texts, width);
    }

    /// <summary>Formats Int64 values as Python's <c>str(int)</c>.</summary>
    public static FormattedElements FormatIntegers(ReadOnlySpan<long> values)
    {
        var raw = new string[values.Length];
        for (int i = 0; i < values.Length; i++) raw[i] = values[i].ToString(CultureInfo.InvariantCulture);
        return PadToWidest(raw);
    }

    /// <summary>Formats Bool values (nonzero is true) as Python's <c>True</c> and <c>False</c>.</summary>
    public static FormattedElements FormatBools(ReadOnlySpan<double> values)
    {
        var raw = new string[values.Length];
        for (int i = 0; i < values.Length; i++) raw[i] = values[i] != 0 ? "True" : "False";
        return PadToWidest(raw);
    }

    private static FloatNotation ChooseNotation(ReadOnlySpan<double> values)
    {
        bool anyNonzeroFinite = false;
        bool allIntegral = true;
        double smallest = double.PositiveInfinity;
        double largest = 0;
        foreach (double value in values)
        {
            if (!double.IsFinite(value) || value == 0) continue;
            anyNonzeroFinite = true;
            if (value != Math.Ceiling(value)) allIntegral = false;
            double magnitude = Math.Abs(value);
            smallest = Math.Min(smallest, magnitude);
            largest = Math.Max(largest, magnitude);
        }

        // Nothing but zeros, nan and inf: PyTorch keeps its defaults, integral notation (tensor([0., nan])).
        if (!anyNonzeroFinite) return FloatNotation.Integral;

        bool wideRange = largest / smallest > 1000.0 || largest > 1.0e8;
        if (allIntegral) return wideRange ? FloatNotation.Scientific : FloatNotation.Integral;
        return wideRange || smallest < 1.0e-4 ? FloatNotation.Scientific : FloatNotation.Fixed;
    }

    private static string FormatFloat(double value, FloatNotation notation) => notation switch
    {
        FloatNotation.Scientific => PythonFloatFormat.Scientific(value, PrintOptions.Precision),
        FloatNotation.Fixed => PythonFloatFormat.Fixed(value, PrintOptions.Precision),
        // The trailing point tells a float tensor from an integer one; nan and inf have none.
        _ => double.IsFinite(value) ? PythonFloatFormat.Fixed(value, 0) + "." : PythonFloatFormat.Fixed(value, 0),
    };

    private static FormattedElements PadToWidest(string[] texts)
    {
        int width = 1;
        foreach (var text in texts) width = Math.Max(width, text.Length);
        for (int i = 0; i < texts.Length; i++) texts[i] = texts[i].PadLeft(width);
        return new FormattedElements(texts, width);
    }
}
