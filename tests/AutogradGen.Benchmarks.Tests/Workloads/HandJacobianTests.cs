using AutogradGen.Benchmarks.Tests.Support;
using AutogradGen.Benchmarks.Workloads.Hand;

namespace AutogradGen.Benchmarks.Tests.Workloads;

/// <summary>
/// The hand-tracking benchmark's Jacobian (the generated <c>HandResiduals.ResidualsJacobian</c>, 3N × 28) against
/// central differences of the objective on both hand1 files: every θ column, and in the complicated variant the u₀
/// and u₁ columns of sampled points against differences in that point's own u.
/// </summary>
public class HandJacobianTests
{
    [Theory]
    [InlineData(HandInstance.Simple)]
    [InlineData(HandInstance.Complicated)]
    public void Theta_columns_match_central_differences(string name)
    {
        var hand = HandInstance.Load(name);
        var (residuals, jacobian) = Jacobian(hand);
        var objective = new double[hand.ResidualCount];
        hand.Objective(objective);
        Assert.Equal(objective, residuals);
        for (int t = 0; t < 26; t++)
        {
            double[] numeric = CentralDifferenceColumn(hand, hand.Theta, t);
            for (int row = 0; row < hand.ResidualCount; row++)
            {
                Tolerance.AssertClose(numeric[row], jacobian[row * HandInstance.JacobianColumns + 2 + t], 1e-6, $"∂r[{row}]/∂θ[{t}]");
            }
        }
    }

    [Fact]
    public void U_columns_match_central_differences_in_each_points_own_u()
    {
        var hand = HandInstance.Load(HandInstance.Complicated);
        var (_, jacobian) = Jacobian(hand);
        int points = hand.ResidualCount / 3;
        foreach (int i in new[] { 0, 1, points / 2, points - 1 })
        {
            for (int k = 0; k < 2; k++)
            {
                double[] numeric = CentralDifferenceColumn(hand, hand.Us, 2 * i + k);
                for (int row = 0; row < hand.ResidualCount; row++)
                {
                    if (row / 3 == i)
                    {
                        Tolerance.AssertClose(numeric[row], jacobian[row * HandInstance.JacobianColumns + k], 1e-6, $"∂r[{row}]/∂u{k} of point {i}");
                    }
                    else
                    {
                        // Only point i's rows see its u: what lets one shift of every u stand for all of them.
                        Tolerance.AssertClose(0, numeric[row], 1e-9, $"∂r[{row}]/∂u{k} of point {i}, another point's row");
                    }
                }
            }
        }
    }

    [Fact]
    public void The_simple_variants_u_columns_are_zero()
    {
        var hand = HandInstance.Load(HandInstance.Simple);
        var (_, jacobian) = Jacobian(hand);
        for (int row = 0; row < hand.ResidualCount; row++)
        {
            Assert.Equal(0, jacobian[row * HandInstance.JacobianColumns]);
            Assert.Equal(0, jacobian[row * HandInstance.JacobianColumns + 1]);
        }
    }

    private static (double[] Residuals, double[] Jacobian) Jacobian(HandInstance hand)
    {
        var residuals = new double[hand.ResidualCount];
        var jacobian = new double[hand.ResidualCount * HandInstance.JacobianColumns];
        hand.Jacobian(residuals, jacobian);
        return (residuals, jacobian);
    }

    /// <summary>The five-point derivative of every residual in <paramref name="array"/>[<paramref name="index"/>].</summary>
    private static double[] CentralDifferenceColumn(HandInstance hand, double[] array, int index)
    {
        double original = array[index];
        double h = Math.Pow(2.220446049250313e-16, 0.2) * Math.Max(1.0, Math.Abs(original));
        var result = new double[hand.ResidualCount];
        var r = new double[hand.ResidualCount];
        foreach ((double offset, double coefficient) in new[] { (-2 * h, 1.0), (-h, -8.0), (h, 8.0), (2 * h, -1.0) })
        {
            array[index] = original + offset;
            hand.Objective(r);
            for (int k = 0; k < r.Length; k++) result[k] += coefficient * r[k] / (12 * h);
        }

        array[index] = original;
        return result;
    }
}
