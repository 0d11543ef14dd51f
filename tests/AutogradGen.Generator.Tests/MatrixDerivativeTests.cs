using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Issue 10 item 4: a <c>double[,]</c> parameter is differentiated like a span, its gradient a 2-D array of its
/// shape that is added to, its tangent a 2-D array too; checked against central differences and between modes.
/// </summary>
public class MatrixDerivativeTests
{
    private const int Calls = 50;

    private static readonly double[,] s_a = { { 1.5, -0.5, 0.25 }, { 0.75, 2.0, -1.0 }, { 0.1, 0.3, -0.7 } };

    private static readonly double[] s_x = [0.4, -1.2, 0.9];

    [Fact]
    public void Gradient_of_a_quadratic_form_matches_central_differences_and_the_closed_form()
    {
        var gradientA = new double[3, 3];
        var gradientX = new double[3];
        var value = MatrixFunctions.QuadraticFormGradient(s_a, s_x, gradientA, gradientX);

        Assert.Equal(MatrixFunctions.QuadraticForm(s_a, s_x), value, 1e-14);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                // ∂(xᵀAx)/∂a[i, j] = x[i] x[j]; by central differences too, so that the closed form is not all we trust.
                Assert.Equal(s_x[i] * s_x[j], gradientA[i, j], 1e-14);
                var central = Central(h => MatrixFunctions.QuadraticForm(Shifted(s_a, i, j, h), s_x));
                Assert.Equal(central, gradientA[i, j], 1e-8);
            }

            // ∂/∂x[i] = ((A + Aᵀ) x)[i].
            var expected = 0.0;
            for (var j = 0; j < 3; j++)
            {
                expected += (s_a[i, j] + s_a[j, i]) * s_x[j];
            }

            Assert.Equal(expected, gradientX[i], 1e-13);
        }
    }

    [Fact]
    public void Forward_mode_along_a_2D_tangent_is_the_gradient_dotted_with_it()
    {
        var tangentA = new double[,] { { 0.3, -0.1, 0.7 }, { 1.0, 0.2, -0.4 }, { -0.6, 0.5, 0.05 } };
        double[] tangentX = [0.25, -0.5, 1.5];
        var gradientA = new double[3, 3];
        var gradientX = new double[3];
        MatrixFunctions.QuadraticFormGradient(s_a, s_x, gradientA, gradientX);

        var expected = 0.0;
        for (var i = 0; i < 3; i++)
        {
            expected += gradientX[i] * tangentX[i];
            for (var j = 0; j < 3; j++)
            {
                expected += gradientA[i, j] * tangentA[i, j];
            }
        }

        var (value, derivative) = MatrixFunctions.QuadraticFormDerivative(s_a, s_x, tangentA, tangentX);
        Assert.Equal(MatrixFunctions.QuadraticForm(s_a, s_x), value, 1e-14);
        Assert.Equal(expected, derivative, 1e-13);
    }

    [Fact]
    public void Rectangular_arrays_and_Length_are_differentiated_element_by_element()
    {
        var w = new double[,] { { 0.5, -1.0, 0.25 }, { 1.5, 0.0, -0.75 } };
        var gradient = new double[2, 3];
        MatrixFunctions.RegularisedGradient(w, 0.3, gradient, out var scaleGradient);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(Central(h => MatrixFunctions.Regularised(Shifted(w, i, j, h), 0.3)), gradient[i, j], 1e-8);
                Assert.Equal(2 * 0.3 * w[i, j] + Math.Exp(w[i, j]) / 6, gradient[i, j], 1e-13);
            }
        }

        Assert.Equal(Central(h => MatrixFunctions.Regularised(w, 0.3 + h)), scaleGradient, 1e-8);
    }

    [Fact]
    public void Float_2D_arrays_have_float_gradients()
    {
        var a = new float[,] { { 1.5f, 2f }, { -0.5f, 0.25f } };
        var gradient = new float[2, 2];
        var value = MatrixFunctions.SquaredTraceGradient(a, gradient);
        Assert.Equal(1.75f * 1.75f, value, 1e-5f);
        Assert.Equal(new float[,] { { 3.5f, 0f }, { 0f, 3.5f } }, gradient);
    }

    [Fact]
    public void The_gradient_is_added_to_as_for_spans()
    {
        var gradientA = new double[3, 3];
        var gradientX = new double[3];
        MatrixFunctions.QuadraticFormGradient(s_a, s_x, gradientA, gradientX);
        var once = (double[,])gradientA.Clone();
        MatrixFunctions.QuadraticFormGradient(s_a, s_x, gradientA, gradientX);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(2 * once[i, j], gradientA[i, j], 1e-14);
            }
        }
    }

    [Fact]
    public void A_gradient_or_tangent_of_another_shape_is_rejected_under_its_name()
    {
        var w = new double[2, 3];
        var transposed = Assert.Throws<ArgumentException>(() => MatrixFunctions.RegularisedGradient(w, 1.0, new double[3, 2], out _));
        Assert.Equal("wGradient", transposed.ParamName);
        Assert.Contains("same shape as 'w' (2×3), but is 3×2", transposed.Message, StringComparison.Ordinal);

        var tangent = Assert.Throws<ArgumentException>(() => MatrixFunctions.RegularisedDerivative(w, 1.0, new double[2, 2], 0.0));
        Assert.Equal("wTangent", tangent.ParamName);
    }

    [Fact]
    public void An_empty_2D_array_has_an_empty_gradient()
    {
        var value = MatrixFunctions.QuadraticFormGradient(new double[0, 0], [], new double[0, 0], []);
        Assert.Equal(0.0, value);
        Assert.Equal(0.0, MatrixFunctions.QuadraticFormDerivative(new double[0, 0], [], new double[0, 0], []).Derivative);
    }

    [Fact]
    public void Differentiating_2D_arrays_allocates_nothing()
    {
        var gradientA = new double[3, 3];
        var gradientX = new double[3];
        var tangentA = new double[3, 3];
        var floats = new float[,] { { 1f, 2f }, { 3f, 4f } };
        var floatGradient = new float[2, 2];
        AssertNoAllocation(() => MatrixFunctions.QuadraticFormGradient(s_a, s_x, gradientA, gradientX));
        AssertNoAllocation(() => MatrixFunctions.QuadraticFormDerivative(s_a, s_x, tangentA, s_x).Derivative);
        AssertNoAllocation(() => MatrixFunctions.RegularisedGradient(s_a, 0.5, gradientA, out _));
        AssertNoAllocation(() => MatrixFunctions.SquaredTraceGradient(floats, floatGradient));
    }

    private static double Central(Func<double, double> f, double h = 1e-6) => (f(h) - f(-h)) / (2 * h);

    private static double[,] Shifted(double[,] a, int i, int j, double h)
    {
        var copy = (double[,])a.Clone();
        copy[i, j] += h;
        return copy;
    }

    private static void AssertNoAllocation(Func<double> call)
    {
        for (var i = 0; i < Calls; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < Calls; i++)
        {
            sum += call();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(sum));
    }
}
