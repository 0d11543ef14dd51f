using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Issue 10 item 4: a <c>double[][]</c> parameter is differentiated like a span of its elements, its gradient a
/// jagged array of its shape that is added to, its tangent a jagged array too; checked against central differences,
/// between modes, and for the exceptions the original throws.
/// </summary>
public class JaggedDerivativeTests
{
    private const int Calls = 50;

    // Rows of different lengths, one of them empty.
    private static readonly double[][] s_a = [[1.5, -0.5, 0.25], [0.75], [], [0.1, 0.3]];

    private static readonly double[] s_x = [0.4, -1.2, 0.9];

    [Fact]
    public void Gradient_of_row_products_matches_central_differences_and_the_closed_form()
    {
        var gradientA = ZerosLike(s_a);
        var gradientX = new double[3];
        var value = JaggedFunctions.RowProductsGradient(s_a, s_x, gradientA, gradientX);

        Assert.Equal(JaggedFunctions.RowProducts(s_a, s_x), value, 1e-14);
        var expectedX = new double[3];
        for (var i = 0; i < s_a.Length; i++)
        {
            var dot = 0.0;
            for (var j = 0; j < s_a[i].Length; j++)
            {
                dot += s_a[i][j] * s_x[j];
            }

            for (var j = 0; j < s_a[i].Length; j++)
            {
                // ∂/∂a[i][j] = 2 dotᵢ xⱼ, and by central differences too.
                Assert.Equal(2 * dot * s_x[j], gradientA[i][j], 1e-14);
                Assert.Equal(Central(h => JaggedFunctions.RowProducts(Shifted(s_a, i, j, h), s_x)), gradientA[i][j], 1e-8);
                expectedX[j] += 2 * dot * s_a[i][j];
            }
        }

        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(expectedX[j], gradientX[j], 1e-13);
        }
    }

    [Theory]
    [InlineData(nameof(JaggedFunctions.LogSumExpRows))]
    [InlineData(nameof(JaggedFunctions.NeighbourRows))]
    [InlineData(nameof(JaggedFunctions.Weighted))]
    [InlineData(nameof(JaggedFunctions.Guarded))]
    public void Gradients_over_foreach_row_locals_generic_math_and_guards_match_central_differences(string name)
    {
        double[][] a = [[0.3, -0.7, 1.1], [0.5, 0.2], [-0.4], [0.9, -1.3, 0.05, 0.6]];
        var (value, gradient, derivative) = Functions(name);
        var (result, aGradient, scalarGradient) = gradient(a, 0.8);
        Assert.Equal(value(a, 0.8), result, 1e-13);
        var tangent = ZerosLike(a);
        var expected = scalarGradient * 0.5;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < a[i].Length; j++)
            {
                Assert.Equal(Central(h => value(Shifted(a, i, j, h), 0.8)), aGradient[i][j], 1e-7);
                tangent[i][j] = 0.1 * (i + 1) - 0.2 * j;
                expected += aGradient[i][j] * tangent[i][j];
            }
        }

        Assert.Equal(Central(h => value(a, 0.8 + h)), scalarGradient, 1e-7);
        var forward = derivative(a, 0.8, tangent, 0.5);
        Assert.Equal(value(a, 0.8), forward.Value, 1e-13);
        Assert.Equal(expected, forward.Derivative, 1e-12);
    }

    [Fact]
    public void A_row_handed_to_a_Differentiable_method_gets_the_gradient_of_the_row()
    {
        double[][] a = [[0.3, -0.7, 1.1], [0.5, 0.2], [-0.4, 0.8, 0.1]];
        double[] w = [0.5, -1.5, 2.0];
        var gradientA = ZerosLike(a);
        var gradientW = new double[3];
        var value = JaggedFunctions.RowsToCallsGradient(a, w, gradientA, gradientW);
        Assert.Equal(JaggedFunctions.RowsToCalls(a, w), value, 1e-13);
        var tangentA = ZerosLike(a);
        double[] tangentW = [0.3, 0.1, -0.2];
        var expected = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < a[i].Length; j++)
            {
                Assert.Equal(Central(h => JaggedFunctions.RowsToCalls(Shifted(a, i, j, h), w)), gradientA[i][j], 1e-7);
                tangentA[i][j] = 0.2 * i - 0.1 * j + 0.05;
                expected += gradientA[i][j] * tangentA[i][j];
            }
        }

        for (var j = 0; j < 3; j++)
        {
            var shifted = (double[])w.Clone();
            Assert.Equal(Central(h => { shifted[j] = w[j] + h; return JaggedFunctions.RowsToCalls(a, shifted); }), gradientW[j], 1e-7);
            expected += gradientW[j] * tangentW[j];
        }

        Assert.Equal(expected, JaggedFunctions.RowsToCallsDerivative(a, w, tangentA, tangentW).Derivative, 1e-12);
        AssertNoAllocation(() => JaggedFunctions.RowsToCallsGradient(a, w, gradientA, gradientW));
        AssertNoAllocation(() => JaggedFunctions.RowsToCallsDerivative(a, w, tangentA, tangentW).Derivative);
    }

    [Fact]
    public void Data_handed_to_a_differentiated_array_parameter_has_no_derivative()
    {
        double[][] data = [[0.3, -0.7], [0.5]];
        var value = JaggedFunctions.DataToCalleeGradient(data, 0.6, out var dx);
        Assert.Equal(JaggedFunctions.DataToCallee(data, 0.6), value, 1e-14);
        Assert.Equal(Central(h => JaggedFunctions.DataToCallee(data, 0.6 + h)), dx, 1e-8);
        Assert.Equal(dx * 0.5, JaggedFunctions.DataToCalleeDerivative(data, 0.6, 0.5).Derivative, 1e-13);

        var w = new double[,] { { 0.5, -1.0 }, { 0.25, 2.0 } };
        MatrixFunctions.DataToCalleeGradient(w, 0.3, out var dscale);
        Assert.Equal(Central(h => MatrixFunctions.DataToCallee(w, 0.3 + h)), dscale, 1e-8);
        Assert.Equal(dscale * 2, MatrixFunctions.DataToCalleeDerivative(w, 0.3, 2).Derivative, 1e-13);
        AssertNoAllocation(() => JaggedFunctions.DataToCalleeGradient(data, 0.6, out _));
        AssertNoAllocation(() => MatrixFunctions.DataToCalleeGradient(w, 0.3, out _));
        AssertNoAllocation(() => MatrixFunctions.DataToCalleeDerivative(w, 0.3, 2).Derivative);
    }

    [Fact]
    public void A_differentiated_array_handed_whole_to_a_differentiating_callee_gets_its_gradient()
    {
        double[][] a = [[0.3, -0.7, 1.1], [0.5, 0.2], [-0.4]];
        var gradient = ZerosLike(a);
        var value = JaggedFunctions.WholeToCalleesGradient(a, 0.8, gradient, out var dx);
        Assert.Equal(JaggedFunctions.WholeToCallees(a, 0.8), value, 1e-13);
        var tangent = ZerosLike(a);
        var expected = dx * 0.5;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < a[i].Length; j++)
            {
                Assert.Equal(Central(h => JaggedFunctions.WholeToCallees(Shifted(a, i, j, h), 0.8)), gradient[i][j], 1e-7);
                tangent[i][j] = 0.3 - 0.1 * i + 0.2 * j;
                expected += gradient[i][j] * tangent[i][j];
            }
        }

        Assert.Equal(Central(h => JaggedFunctions.WholeToCallees(a, 0.8 + h)), dx, 1e-7);
        Assert.Equal(expected, JaggedFunctions.WholeToCalleesDerivative(a, 0.8, tangent, 0.5).Derivative, 1e-12);

        var w = new double[,] { { 0.5, -1.0 }, { 0.25, 2.0 } };
        var dw = new double[2, 2];
        MatrixFunctions.WholeToCalleeGradient(w, 0.3, dw, out var dscale);
        var matrixTangent = new double[,] { { 0.1, 0.2 }, { -0.3, 0.4 } };
        var matrixExpected = dscale * 0.7;
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                var shifted = (double[,])w.Clone();
                Assert.Equal(Central(h => { shifted[i, j] = w[i, j] + h; return MatrixFunctions.WholeToCallee(shifted, 0.3); }), dw[i, j], 1e-7);
                matrixExpected += dw[i, j] * matrixTangent[i, j];
            }
        }

        Assert.Equal(matrixExpected, MatrixFunctions.WholeToCalleeDerivative(w, 0.3, matrixTangent, 0.7).Derivative, 1e-12);
        AssertNoAllocation(() => JaggedFunctions.WholeToCalleesGradient(a, 0.8, gradient, out _));
        AssertNoAllocation(() => MatrixFunctions.WholeToCalleeGradient(w, 0.3, dw, out _));
    }

    [Fact]
    public void Float_jagged_arrays_get_float_gradients()
    {
        float[][] a = [[1f, -2f], [0.5f]];
        float[][] gradient = [new float[2], new float[1]];
        Assert.Equal(5.25f, JaggedFunctions.SquaredNormGradient(a, gradient));
        Assert.Equal([2f, -4f], gradient[0]);
        Assert.Equal([1f], gradient[1]);
        Assert.Equal(2f * 0.5f + 2f * -2f * 0.25f + 2f * 0.5f * 1f, JaggedFunctions.SquaredNormDerivative(a, [[0.5f, 0.25f], [1f]]).Derivative, 1e-6f);
    }

    [Fact]
    public void A_jagged_gradient_is_added_to()
    {
        var gradientA = ZerosLike(s_a);
        var gradientX = new double[3];
        JaggedFunctions.RowProductsGradient(s_a, s_x, gradientA, gradientX);
        var once = gradientA.Select(r => (double[])r.Clone()).ToArray();
        JaggedFunctions.RowProductsGradient(s_a, s_x, gradientA, gradientX);
        for (var i = 0; i < s_a.Length; i++)
        {
            for (var j = 0; j < s_a[i].Length; j++)
            {
                Assert.Equal(2 * once[i][j], gradientA[i][j], 1e-14);
            }
        }
    }

    [Fact]
    public void A_gradient_or_tangent_of_another_shape_is_rejected_under_its_name()
    {
        double[][] a = [[1.0, 2.0], [3.0]];
        var rows = Assert.Throws<ArgumentException>(() => JaggedFunctions.LogSumExpRowsGradient(a, 1.0, [new double[2]], out _));
        Assert.Equal("rowsGradient", rows.ParamName);
        Assert.Contains("same shape as 'rows' (2 rows), but has 1 rows", rows.Message, StringComparison.Ordinal);

        var row = Assert.Throws<ArgumentException>(() => JaggedFunctions.LogSumExpRowsDerivative(a, 1.0, [new double[2], new double[2]], 0.0));
        Assert.Equal("rowsTangent", row.ParamName);
        Assert.Contains("its row 1 must have 1 elements, but is 2 elements", row.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => JaggedFunctions.LogSumExpRowsGradient(a, 1.0, null!, out _));
    }

    [Fact]
    public void Derivatives_throw_where_the_original_throws()
    {
        // A column past the end of its row reads no element of the next row: it throws, as the original does.
        double[][] shortRow = [[1.0], [2.0, 3.0]];
        Assert.Throws<IndexOutOfRangeException>(() => JaggedFunctions.Guarded(shortRow, 0.5));
        Assert.Throws<IndexOutOfRangeException>(() => JaggedFunctions.GuardedGradient(shortRow, 0.5, ZerosLike(shortRow), out _));
        Assert.Throws<IndexOutOfRangeException>(() => JaggedFunctions.GuardedDerivative(shortRow, 0.5, ZerosLike(shortRow), 1.0));

        // A null row throws where it is read; a null array where the guard checks it.
        double[][] nullRow = [[1.0, 2.0], null!];
        Assert.Throws<NullReferenceException>(() => JaggedFunctions.Guarded(nullRow, 0.5));
        Assert.Throws<NullReferenceException>(() => JaggedFunctions.GuardedGradient(nullRow, 0.5, [new double[2], null!], out _));
        Assert.Throws<ArgumentNullException>(() => JaggedFunctions.GuardedGradient(null!, 0.5, null!, out _));
        Assert.Throws<ArgumentException>(() => JaggedFunctions.GuardedDerivative([[1.0, 2.0]], 0.5, [[0.0, 0.0]], 1.0));

        // One row: the loop that reads a row and the next never runs.
        Assert.Equal(0.0, JaggedFunctions.NeighbourRowsGradient([[1.0]], [new double[1]]));
    }

    [Fact]
    public void Empty_jagged_arrays_and_empty_rows_have_empty_gradients()
    {
        Assert.Equal(0.0, JaggedFunctions.RowProductsGradient([], [], [], []));
        Assert.Equal(0.0, JaggedFunctions.RowProductsDerivative([[], []], [], [[], []], []).Derivative);
    }

    [Fact]
    public void A_jagged_array_left_out_of_the_list_is_data()
    {
        double[][] a = [[2.0]];
        Assert.Equal(2 * 2.0 * 3.0, JaggedFunctions.DataOnlyGradient(a, 3.0, out var dx) is var v ? dx : 0, 1e-14);
    }

    [Fact]
    public void Differentiating_jagged_arrays_allocates_nothing()
    {
        var gradientA = ZerosLike(s_a);
        var gradientX = new double[3];
        var tangentA = ZerosLike(s_a);
        float[][] floats = [[1f, 2f], [3f]];
        float[][] floatGradient = [new float[2], new float[1]];
        double[][] rows = [[0.3, -0.7], [0.5]];
        var rowsGradient = ZerosLike(rows);
        AssertNoAllocation(() => JaggedFunctions.RowProductsGradient(s_a, s_x, gradientA, gradientX));
        AssertNoAllocation(() => JaggedFunctions.RowProductsDerivative(s_a, s_x, tangentA, s_x).Derivative);
        AssertNoAllocation(() => JaggedFunctions.LogSumExpRowsGradient(rows, 0.5, rowsGradient, out _));
        AssertNoAllocation(() => JaggedFunctions.NeighbourRowsGradient(rows, rowsGradient));
        AssertNoAllocation(() => JaggedFunctions.SquaredNormGradient(floats, floatGradient));
    }

    private delegate (double Value, double[][] Gradient, double Scalar) GradientOf(double[][] a, double t);

    private static (Func<double[][], double, double> Value, GradientOf Gradient, Func<double[][], double, double[][], double, (double Value, double Derivative)> Derivative) Functions(string name) => name switch
    {
        nameof(JaggedFunctions.LogSumExpRows) => (JaggedFunctions.LogSumExpRows,
            (a, t) => { var g = ZerosLike(a); var v = JaggedFunctions.LogSumExpRowsGradient(a, t, g, out var dt); return (v, g, dt); },
            (a, t, da, dt) => JaggedFunctions.LogSumExpRowsDerivative(a, t, da, dt)),
        nameof(JaggedFunctions.NeighbourRows) => ((a, t) => JaggedFunctions.NeighbourRows(a),
            (a, t) => { var g = ZerosLike(a); var v = JaggedFunctions.NeighbourRowsGradient(a, g); return (v, g, 0.0); },
            (a, t, da, dt) => JaggedFunctions.NeighbourRowsDerivative(a, da)),
        nameof(JaggedFunctions.Weighted) => (JaggedFunctions.Weighted,
            (a, t) => { var g = ZerosLike(a); var v = JaggedFunctions.WeightedGradient(a, t, g, out var dt); return (v, g, dt); },
            (a, t, da, dt) => JaggedFunctions.WeightedDerivative(a, t, da, dt)),
        _ => (JaggedFunctions.Guarded,
            (a, t) => { var g = ZerosLike(a); var v = JaggedFunctions.GuardedGradient(a, t, g, out var dt); return (v, g, dt); },
            (a, t, da, dt) => JaggedFunctions.GuardedDerivative(a, t, da, dt)),
    };

    private static double[][] ZerosLike(double[][] a) => [.. a.Select(r => new double[r.Length])];

    private static double Central(Func<double, double> f, double h = 1e-6) => (f(h) - f(-h)) / (2 * h);

    private static double[][] Shifted(double[][] a, int i, int j, double h)
    {
        var copy = a.Select(r => (double[])r.Clone()).ToArray();
        copy[i][j] += h;
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
