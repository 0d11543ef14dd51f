namespace AutogradGen.Tests.Regressions;

/// <summary>
/// Issue 13, item 6: where a gradient is masked out (relu, clamp, max, min, maximum, minimum), libtorch writes +0
/// (a selection), not the -0 a product of a negative gradient with a 0/1 mask gives.
/// </summary>
public class MaskedGradientZeroTests
{
    public static TheoryData<string> Operations => [.. Cases.Keys];

    private static readonly Dictionary<string, Func<Tensor, Tensor>> Cases = new()
    {
        ["relu"] = x => x.Relu(),
        ["clamp"] = x => x.Clamp(0, 1),
        ["clamp min"] = x => x.Clamp(min: 0),
        ["clamp max"] = x => x.Clamp(max: 0),
        ["max"] = x => x.Max(),
        ["min"] = x => x.Min(),
        ["maximum"] = x => x.Maximum(Tensor.Zeros([3], dtype: DType.Float64)),
        ["minimum"] = x => x.Minimum(Tensor.Zeros([3], dtype: DType.Float64)),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Masked_out_elements_get_positive_zero(string operation)
    {
        var x = Tensor.From(new[] { -1.5, 2.0, 0.5 }, requiresGrad: true);
        (Cases[operation](x) * -1).Sum().Backward();
        foreach (double g in x.Grad!.ToArray())
        {
            if (g == 0) Assert.False(double.IsNegative(g), $"{operation}: masked gradient is -0");
        }
        Assert.Contains(x.Grad!.ToArray(), g => g == 0);
    }

    [Fact]
    public void Maximum_with_a_nan_sends_the_whole_gradient_to_both_inputs_as_pytorch()
    {
        var x = Tensor.From(new[] { double.NaN }, requiresGrad: true);
        var y = Tensor.From(new[] { 1.0 }, requiresGrad: true);
        x.Maximum(y).Sum().Backward();
        Assert.Equal(1, x.Grad!.Item());
        Assert.Equal(1, y.Grad!.Item());
    }
}
