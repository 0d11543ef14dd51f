namespace AutogradGen.Tests.Support;

/// <summary>Value assertions on tensors.</summary>
internal static class TensorAssert
{
    /// <summary>Asserts the shape and every element to <paramref name="precision"/> decimal places.</summary>
    public static void Equal(double[] expected, Tensor? actual, int precision = 4, int[]? shape = null)
    {
        Assert.NotNull(actual);
        if (shape is not null) Assert.Equal(shape, actual.Shape);
        var values = actual.ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], values[i], precision);
    }
}
