namespace AutogradGen.Tests.Support;

/// <summary>Comparisons with numbers PyTorch computed (see pytorch_reference.py), at float32's precision.</summary>
internal static class ReferenceAssert
{
    /// <summary>Every element within <c>1e-6 + 1e-5 · |expected|</c>: float32 rounding, not a different formula.</summary>
    public static void Close(double[] expected, Tensor? actual, string what)
    {
        Assert.NotNull(actual);
        var values = actual.ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-6 + (1e-5 * Math.Abs(expected[i])),
                $"{what}, element {i}: PyTorch {expected[i]}, ours {values[i]}");
        }
    }
}
