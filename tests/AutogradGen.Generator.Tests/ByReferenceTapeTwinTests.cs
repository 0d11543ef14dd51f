using R = AutogradGen.Generator.Tests.Functions.RefHelperFunctions;
using T = AutogradGen.Generator.Tests.Functions.ByReferenceTwinFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Tape twins of by-reference helpers (<c>StepTape(ref Tensor x, Tensor dt)</c>, <c>SplitTape(Tensor x, out Tensor y)</c>):
/// the ref and out tensors the twin rebinds, differentiated on the tape, against the helper's generated Gradient.
/// </summary>
public class ByReferenceTapeTwinTests
{
    [Theory]
    [InlineData(1.3, 0.7, 0.1)]
    [InlineData(-0.4, 2.0, 0.25)]
    public void A_ref_twin_rebinds_its_tensor_and_matches_the_gradient(double x0, double rate, double h)
    {
        var x = x0;
        var xGradient = 1.0;
        R.Rk4StepGradient(ref x, rate, h, ref xGradient, out var rateGradient, out var hGradient);
        var (xLeaf, rateLeaf, hLeaf) = (Leaf(x0), Leaf(rate), Leaf(h));
        var xt = xLeaf;
        R.Rk4StepTape(ref xt, rateLeaf, hLeaf);
        Assert.NotSame(xLeaf, xt);
        Assert.Equal(x, xt.Item(), 14);
        xt.Backward();
        Assert.Equal(xGradient, xLeaf.Grad!.Item(), 12);
        Assert.Equal(rateGradient, rateLeaf.Grad!.Item(), 12);
        Assert.Equal(hGradient, hLeaf.Grad!.Item(), 12);
    }

    [Theory]
    [InlineData(1.5, 0.6, 0.3, -2.0)]
    [InlineData(0.8, -1.1, 1.0, 0.5)]
    public void Out_twins_hand_back_tensors_whose_weighted_sum_matches_the_gradient(double r, double t, double xAdjoint, double yAdjoint)
    {
        R.PolarToCartesianGradient(r, t, out var x, out var y, out var rGradient, out var tGradient, xAdjoint, yAdjoint);
        var (rLeaf, tLeaf) = (Leaf(r), Leaf(t));
        R.PolarToCartesianTape(rLeaf, tLeaf, out var xt, out var yt);
        Assert.Equal((x, y), (xt.Item(), yt.Item()));
        (xt * xAdjoint + yt * yAdjoint).Backward();
        Assert.Equal(rGradient, rLeaf.Grad!.Item(), 12);
        Assert.Equal(tGradient, tLeaf.Grad!.Item(), 12);
    }

    [Theory]
    [InlineData(0.9, 0.4, -0.7)]
    [InlineData(-1.2, 2.0, 1.5)]
    public void A_twin_returning_a_value_and_an_out_tensor_matches_the_gradient(double x, double s, double yAdjoint)
    {
        var value = T.SplitGradient(x, s, out var y, out var xGradient, out var sGradient, yAdjoint);
        var (xLeaf, sLeaf) = (Leaf(x), Leaf(s));
        var result = T.SplitTape(xLeaf, sLeaf, out var yt);
        Assert.Equal(value, result.Item(), 14);
        Assert.Equal(y, yt.Item(), 14);
        (result + yt * yAdjoint).Backward();
        Assert.Equal(xGradient, xLeaf.Grad!.Item(), 12);
        Assert.Equal(sGradient, sLeaf.Grad!.Item(), 12);
    }

    [Fact]
    public void Swap_twins_exchange_the_tensors_themselves()
    {
        var (aLeaf, bLeaf) = (Leaf(0.5), Leaf(-2.0));
        var (a, b) = (aLeaf, bLeaf);
        R.SwapTape(ref a, ref b);
        Assert.Same(bLeaf, a);
        Assert.Same(aLeaf, b);
        double ga = 3.0, gb = 5.0, va = 0.5, vb = -2.0;
        R.SwapGradient(ref va, ref vb, ref ga, ref gb);
        (a * 3.0 + b * 5.0).Backward();
        Assert.Equal(ga, aLeaf.Grad!.Item());
        Assert.Equal(gb, bLeaf.Grad!.Item());
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.5)]
    public void A_ref_int_stays_a_ref_int_beside_a_ref_tensor(double x)
    {
        var (sum, count) = (0.25, 2);
        var sumGradient = 1.0;
        T.AccumulateGradient(ref sum, ref count, x, ref sumGradient, out var xGradient);
        var (sumLeaf, xLeaf) = (Leaf(0.25), Leaf(x));
        var st = sumLeaf;
        var n = 2;
        T.AccumulateTape(ref st, ref n, xLeaf);
        Assert.Equal((sum, count), (st.Item(), n));
        st.Backward();
        Assert.Equal(sumGradient, sumLeaf.Grad!.Item(), 12);
        Assert.Equal(xGradient, xLeaf.Grad!.Item(), 12);
    }

    [Fact]
    public void A_float_ref_twin_runs_on_float32_tensors()
    {
        var x = 1.5f;
        var xGradient = 1f;
        T.DecayFGradient(ref x, 0.8f, 0.5f, ref xGradient, out var rateGradient, out _);
        var (xLeaf, rateLeaf, hLeaf) = (Tensor.Scalar(1.5f, requiresGrad: true, dtype: DType.Float32), Tensor.Scalar(0.8f, requiresGrad: true, dtype: DType.Float32), Tensor.Scalar(0.5f, requiresGrad: true, dtype: DType.Float32));
        var xt = xLeaf;
        T.DecayFTape(ref xt, rateLeaf, hLeaf);
        Assert.Equal(DType.Float32, xt.DType);
        xt.Backward();
        Assert.Equal(xGradient, xLeaf.Grad!.Item(), 5);
        Assert.Equal(rateGradient, rateLeaf.Grad!.Item(), 5);
    }

    private static Tensor Leaf(double value) => Tensor.Scalar(value, requiresGrad: true, dtype: DType.Float64);
}
