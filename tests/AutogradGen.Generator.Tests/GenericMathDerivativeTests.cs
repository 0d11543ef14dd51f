using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Generic math's double and float instances against closed forms, forward against reverse, and 0 B per call
/// (the originals allocate nothing).
/// </summary>
public class GenericMathDerivativeTests
{
    private const int Calls = 50;

    private static readonly double[] s_values = Enumerable.Range(0, 40).Select(i => Math.Sin(i * 0.37) * 0.8).ToArray();
    private static readonly float[] s_floatValues = s_values.Select(v => (float)v).ToArray();
    private static readonly double[] s_gradient = new double[40];
    private static readonly float[] s_floatGradient = new float[40];

    [Theory]
    [InlineData(-1.3)]
    [InlineData(0.4)]
    [InlineData(2.0)]
    public void Both_instances_of_a_polynomial_give_its_closed_form_derivative(double x)
    {
        var expected = (3 * x * x) - 3;
        var value = GenericFunctions.CubeGradient(x, out var dx);
        Assert.Equal((x * x * x) - (3 * x), value, 12);
        Assert.Equal(expected, dx, 12);
        Assert.Equal(expected, GenericFunctions.CubeDerivative(x, 1.0).Derivative, 12);

        GenericFunctions.CubeGradient((float)x, out float fx);
        Assert.Equal(expected, fx, 4);
        Assert.Equal(expected, GenericFunctions.CubeDerivative((float)x, 1f).Derivative, 4);
    }

    [Fact]
    public void The_gaussian_density_has_its_closed_form_gradient_in_both_instances()
    {
        const double x = 0.7, sigma = 1.3;
        var density = Math.Exp(-x * x / (2 * sigma * sigma)) / (sigma * Math.Sqrt(2 * Math.PI));
        var value = GenericFunctions.GaussianGradient(x, sigma, out var dx, out var dsigma);
        Assert.Equal(density, value, 12);
        Assert.Equal(-x / (sigma * sigma) * density, dx, 12);
        Assert.Equal(density * (((x * x) / (sigma * sigma * sigma)) - (1 / sigma)), dsigma, 12);

        GenericFunctions.GaussianGradient((float)x, (float)sigma, out float fdx, out float fdsigma);
        Assert.Equal(dx, fdx, 5);
        Assert.Equal(dsigma, fdsigma, 5);
    }

    [Theory]
    [InlineData(0.3, -0.7)]
    [InlineData(-1.1, 0.4)]
    public void SecondOrder_on_a_generic_method_gives_the_double_instance_its_hessian_and_the_float_one_its_gradient(double x, double y)
    {
        // f = log(1 + exp(xy)) + sin x, s = sigmoid(xy): the Hessian by hand.
        var s = 1 / (1 + Math.Exp(-x * y));
        var (fxx, fxy, fyy) = (y * y * s * (1 - s) - Math.Sin(x), s + x * y * s * (1 - s), x * x * s * (1 - s));
        var (vx, vy) = (0.6, -1.3);
        var value = GenericFunctions.SoftplusOfProductHessianVectorProduct(x, y, vx, vy, out var hx, out var hy);
        Assert.Equal(Math.Log(1 + Math.Exp(x * y)) + Math.Sin(x), value, 1e-14);
        Assert.Equal(fxx * vx + fxy * vy, hx, 1e-12);
        Assert.Equal(fxy * vx + fyy * vy, hy, 1e-12);

        var floatValue = GenericFunctions.SoftplusOfProductGradient((float)x, (float)y, out float gx, out float gy);
        Assert.Equal((float)value, floatValue, 1e-5f);
        Assert.Equal((float)(y * s + Math.Cos(x)), gx, 1e-5f);
        Assert.Equal((float)(x * s), gy, 1e-5f);
    }

    [Fact]
    public void A_span_instance_adds_its_gradient_to_a_span_of_its_own_element_type()
    {
        double[] a = [1, 2, 3], b = [0.5, -1, 4], ga = [10, 10, 10], gb = new double[3];
        Assert.Equal(10.5, GenericFunctions.DotGradient(a, b, ga, gb), 12);
        Assert.Equal([10.5, 9, 14], ga);
        Assert.Equal(a, gb);

        float[] fa = [1, 2, 3], fb = [0.5f, -1, 4], fga = new float[3], fgb = new float[3];
        Assert.Equal(10.5f, GenericFunctions.DotGradient(fa, fb, fga, fgb));
        Assert.Equal(fb, fga);
    }

    [Fact]
    public void A_double_method_calling_both_spellings_of_a_generic_one_is_differentiated()
    {
        const double x = 0.9;
        var expected = (3 * x * x) - 3 + (2 * ((3 * 4 * x * x) - 3));
        GenericFunctions.CubeOfDoubleGradient(x, out var dx);
        Assert.Equal(expected, dx, 12);
        Assert.Equal(expected, GenericFunctions.CubeOfDoubleDerivative(x, 1).Derivative, 12);
    }

    [Fact]
    public void The_float_instance_of_a_recording_loop_agrees_with_the_double_instance()
    {
        var v = s_values.AsSpan(0, 8);
        var g = new double[8];
        var value = GenericFunctions.ProductOfSinesGradient(v, g);
        var fg = new float[8];
        var floatValue = GenericFunctions.ProductOfSinesGradient(s_floatValues.AsSpan(0, 8), fg);
        Assert.Equal(value, floatValue, 5);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(g[i], fg[i], 4);
        }

        var tangent = Enumerable.Range(0, 8).Select(i => Math.Cos(i)).ToArray();
        Assert.Equal(g.Zip(tangent).Sum(p => p.First * p.Second), GenericFunctions.ProductOfSinesDerivative(v, tangent).Derivative, 12);
    }

    [Fact]
    public void Generic_instances_allocate_nothing_per_call()
    {
        AssertNoAllocation(() => GenericFunctions.GaussianGradient(0.3, 1.1, out _, out _));
        AssertNoAllocation(() => GenericFunctions.GaussianGradient(0.3f, 1.1f, out _, out _));
        AssertNoAllocation(() => GenericFunctions.GaussianDerivative(0.3f, 1.1f, 1f, 0f).Derivative);
        AssertNoAllocation(() => GenericFunctions.DotGradient(s_values, s_values, s_gradient, s_gradient));
        AssertNoAllocation(() => GenericFunctions.ProductOfSinesGradient(s_values, s_gradient));
        AssertNoAllocation(() => GenericFunctions.ProductOfSinesGradient(s_floatValues, s_floatGradient));
        AssertNoAllocation(() => GenericFunctions.ProductOfSinesDerivative(s_floatValues, s_floatValues).Derivative);
    }

    private static void AssertNoAllocation(Func<double> call)
    {
        var sink = 0.0;
        for (var i = 0; i < 5; i++)
        {
            sink += call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            sink += call();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(double.IsNaN(sink));
        Assert.Equal(0, allocated);
    }
}
