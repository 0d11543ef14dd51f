using AutogradGen.Printing;

namespace AutogradGen.Tests.Printing;

/// <summary>Builds the formatter's inputs the way the Tensor class does: float32 values widened to double.</summary>
internal static class Printed
{
    public static string Float32(float[] values, int[] shape, params string[] suffixes)
    {
        var widened = new double[values.Length];
        for (int i = 0; i < values.Length; i++) widened[i] = values[i];
        return TensorFormatter.Format(widened, shape, DType.Float32, suffixes);
    }

    public static string Float32Scalar(float value, params string[] suffixes) => Float32([value], [], suffixes);

    public static string Float64(double[] values, int[] shape, params string[] suffixes) =>
        TensorFormatter.Format(values, shape, DType.Float64, suffixes);

    public static string Bool(bool[] values, int[] shape)
    {
        var asNumbers = new double[values.Length];
        for (int i = 0; i < values.Length; i++) asNumbers[i] = values[i] ? 1 : 0;
        return TensorFormatter.Format(asNumbers, shape, DType.Bool, []);
    }

    public static string Int64(long[] values, int[] shape, params string[] suffixes) =>
        TensorFormatter.Format(values, shape, suffixes);

    /// <summary>0, 1, 2, ... as float32, like <c>torch.arange(count, dtype=torch.float)</c>.</summary>
    public static float[] Arange(int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = i;
        return values;
    }
}
