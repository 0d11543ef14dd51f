namespace AutogradGen.Tests.AutogradFunctional;

/// <summary>
/// Jacobians and Hessians by central differences in float64, independent of the engine: the reference the
/// functional API's products are checked against.
/// </summary>
internal static class CentralDifferences
{
    private const double Step = 1e-6;

    /// <summary>∂f(x)ᵢ/∂xⱼ as a [outputs, inputs] array over the flattened output and input.</summary>
    public static double[,] Jacobian(Func<Tensor, Tensor> function, Tensor x)
    {
        var point = x.ToArray();
        int[] shape = [.. x.Shape];
        double[] Evaluate(double[] at)
        {
            using var noGrad = Autograd.NoGrad();
            return function(Tensor.From(at, shape)).ToArray();
        }

        int outputs = Evaluate(point).Length;
        var jacobian = new double[outputs, point.Length];
        for (int j = 0; j < point.Length; j++)
        {
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[j] += Step;
            minus[j] -= Step;
            var fPlus = Evaluate(plus);
            var fMinus = Evaluate(minus);
            for (int i = 0; i < outputs; i++) jacobian[i, j] = (fPlus[i] - fMinus[i]) / (2 * Step);
        }
        return jacobian;
    }

    /// <summary>The Hessian of a one-element function: the central-difference Jacobian of its tape gradient.</summary>
    public static double[,] Hessian(Func<Tensor, Tensor> function, Tensor x) =>
        Jacobian(at =>
        {
            using var grad = Autograd.EnableGrad();
            var leaf = at.Detach().RequiresGrad_();
            return Autograd.Grad(function(leaf), leaf)[0]!.Detach();
        }, x);

    /// <summary>Asserts that <paramref name="actual"/>, flattened to [rows, columns], matches <paramref name="expected"/>.</summary>
    public static void AssertClose(double[,] expected, Tensor actual, double tolerance = 1e-6)
    {
        var values = actual.ToArray();
        int rows = expected.GetLength(0), columns = expected.GetLength(1);
        Assert.Equal(rows * columns, values.Length);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double e = expected[i, j], a = values[(i * columns) + j];
                Assert.True(Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e)), $"[{i}, {j}]: central differences {e}, computed {a}");
            }
        }
    }
}
