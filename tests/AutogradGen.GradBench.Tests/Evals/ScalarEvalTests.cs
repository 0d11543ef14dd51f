using AutogradGen.GradBench.Evals.Det;
using AutogradGen.GradBench.Evals.Hello;
using AutogradGen.GradBench.Evals.Llsq;
using AutogradGen.GradBench.Evals.Lse;

namespace AutogradGen.GradBench.Tests.Evals;

public class ScalarEvalTests
{
    [Theory]
    [InlineData(3.0)]
    [InlineData(-0.5)]
    public void Hello_double_is_twice_the_input(double x)
    {
        Assert.Equal(x * x, HelloFunctions.Square(x));
        Assert.Equal(2 * x, HelloModule.Derivative(x));
    }

    [Fact]
    public void Llsq_primal_is_the_fit_written_out_and_its_gradient_matches_central_differences()
    {
        double[] x = [0.3, -1.2, 0.7, 0.05];
        const int n = 7;
        double expected = 0;
        for (int i = 0; i < n; i++)
        {
            double t = -1 + 2.0 * i / (n - 1);
            double fit = x[0] + x[1] * t + x[2] * t * t + x[3] * t * t * t;
            expected += 0.5 * Math.Pow(Math.Sign(t) - fit, 2);
        }

        Assert.Equal(expected, LlsqFunctions.Primal(x, n), 12);
        var gradient = LlsqModule.Gradient(new LlsqInput(x, n, new double[x.Length]));
        CentralDifferences.AssertClose(CentralDifferences.Gradient(v => LlsqFunctions.Primal(v, n), x), gradient);
    }

    [Fact]
    public void Lse_gradient_is_the_softmax_and_the_primal_survives_large_inputs()
    {
        double[] x = [1.0, 2.0, -3.0, 0.5];
        double sum = x.Sum(Math.Exp);
        Assert.Equal(Math.Log(sum), LseFunctions.Primal(x), 12);
        var gradient = LseModule.Gradient(new LseInput(x, new double[x.Length]));
        CentralDifferences.AssertClose(x.Select(v => Math.Exp(v) / sum).ToArray(), gradient, 1e-12);

        Assert.Equal(1000 + Math.Log(2), LseFunctions.Primal([1000.0, 1000.0]), 10);
    }

    [Fact]
    public void Det_matches_the_rule_of_sarrus_and_gaussian_elimination()
    {
        double[] a3 = [2, -1, 0.5, 1, 3, -2, 0, 4, 1];
        double sarrus = a3[0] * (a3[4] * a3[8] - a3[5] * a3[7]) - a3[1] * (a3[3] * a3[8] - a3[5] * a3[6])
            + a3[2] * (a3[3] * a3[7] - a3[4] * a3[6]);
        Assert.Equal(sarrus, DetFunctions.Primal(a3, 3), 12);

        var random = new Random(5);
        double[] a6 = Enumerable.Range(0, 36).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        Assert.Equal(GaussianDeterminant(a6, 6), DetFunctions.Primal(a6, 6), 12);
        Assert.Equal(7.0, DetFunctions.Primal([7.0], 1));
    }

    [Fact]
    public void Det_gradient_is_the_cofactor_matrix()
    {
        var random = new Random(11);
        double[] a = Enumerable.Range(0, 16).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var gradient = DetModule.Gradient(new DetInput(a, 4, new double[16]));
        // ∂det/∂Aᵢⱼ is the (i, j) cofactor, the determinant of the minor without row i and column j, signed.
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                var minor = new List<double>();
                for (int r = 0; r < 4; r++)
                {
                    for (int c = 0; c < 4; c++)
                    {
                        if (r != i && c != j) minor.Add(a[r * 4 + c]);
                    }
                }

                double cofactor = ((i + j) % 2 == 0 ? 1 : -1) * GaussianDeterminant(minor.ToArray(), 3);
                Assert.Equal(cofactor, gradient[i * 4 + j], 12);
            }
        }
    }

    private static double GaussianDeterminant(double[] matrix, int n)
    {
        var a = (double[])matrix.Clone();
        double det = 1;
        for (int column = 0; column < n; column++)
        {
            int pivot = column;
            for (int r = column + 1; r < n; r++)
            {
                if (Math.Abs(a[r * n + column]) > Math.Abs(a[pivot * n + column])) pivot = r;
            }

            if (pivot != column)
            {
                for (int c = 0; c < n; c++) (a[column * n + c], a[pivot * n + c]) = (a[pivot * n + c], a[column * n + c]);
                det = -det;
            }

            det *= a[column * n + column];
            for (int r = column + 1; r < n; r++)
            {
                double factor = a[r * n + column] / a[column * n + column];
                for (int c = column; c < n; c++) a[r * n + c] -= factor * a[column * n + c];
            }
        }

        return det;
    }
}
