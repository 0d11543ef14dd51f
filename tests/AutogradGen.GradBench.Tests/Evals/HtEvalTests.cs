using AutogradGen.GradBench.Evals.Ht;
using AutogradGen.Workloads;

namespace AutogradGen.GradBench.Tests.Evals;

public class HtEvalTests
{
    private const int Bones = 22;

    private static double[] Identities() =>
        Enumerable.Range(0, Bones * 16).Select(e => e % 16 % 5 == 0 ? 1.0 : 0.0).ToArray();

    /// <summary>A chain of 22 bones (each the previous one's child) over 3 vertices, with random bases and weights.</summary>
    private static HtInput RandomHand(bool complicated, int seed)
    {
        var random = new Random(seed);
        double R() => random.NextDouble() * 2 - 1;
        var parents = Enumerable.Range(0, Bones).Select(b => b - 1.0).ToArray();
        var relatives = Identities();
        var inverses = Identities();
        for (int e = 0; e < relatives.Length; e++)
        {
            if (e % 16 < 12) relatives[e] += 0.1 * R();
            if (e % 16 < 12) inverses[e] += 0.1 * R();
        }

        var positions = Enumerable.Range(0, 12).Select(e => e % 4 == 3 ? 1.0 : R()).ToArray();
        var weights = Enumerable.Range(0, 3 * Bones).Select(_ => random.NextDouble() / Bones).ToArray();
        var theta = Enumerable.Range(0, 26).Select(_ => 0.3 * R()).ToArray();
        int[] correspondences = complicated ? [0, 0] : [0, 2];
        return new HtInput(theta, complicated ? [0.2, 0.3, 0.5, 0.1] : [], correspondences, [R(), R(), R(), R(), R(), R()],
            parents, relatives, inverses, positions, weights, [0, 1, 2], Bones, false, complicated);
    }

    /// <summary>Every residual of <paramref name="hand"/> with its θ and u replaced.</summary>
    private static double[] Residuals(HtInput hand, double[] theta, double[] us)
    {
        var r = new double[3 * hand.Points];
        HandResiduals.Residuals(0, 0, theta, us, hand.Parents, hand.BaseRelatives, hand.InverseBaseAbsolutes, hand.BasePositions,
            hand.Weights, hand.CorrespondenceNumbers, hand.TriangleNumbers, hand.Targets, hand.Mirrored, hand.Complicated, r);
        return r;
    }

    [Fact]
    public void Ht_with_zero_angles_and_identity_bones_is_the_target_minus_the_translated_vertex()
    {
        double[] theta = new double[26];
        theta[3] = 0.5;
        theta[4] = -1;
        theta[5] = 2;
        var weights = new double[Bones];
        weights[7] = 1;   // the vertex follows bone 7 alone
        double[] position = [0.1, 0.2, 0.3, 1];
        var hand = new HtInput(theta, [], [0], [4.0, 4.0, 4.0], Enumerable.Repeat(-1.0, Bones).ToArray(), Identities(),
            Identities(), position, weights, [0, 0, 0], Bones, false, false);
        var residuals = HtModule.Objective(hand);
        for (int coordinate = 0; coordinate < 3; coordinate++)
        {
            Assert.Equal(4.0 - (position[coordinate] + theta[3 + coordinate]), residuals[coordinate], 13);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ht_jacobian_columns_match_central_differences(bool complicated)
    {
        var hand = RandomHand(complicated, complicated ? 4 : 8);
        HtModule.Jacobian(hand);
        var jacobian = complicated ? hand.Jacobian : hand.ThetaJacobian;
        var errors = HtModule.Objective(hand);
        Assert.Equal(Residuals(hand, hand.Theta, hand.Us), errors);
        int offset = complicated ? 2 : 0;
        int rows = 3 * hand.Points;
        for (int t = 0; t < 26; t++)
        {
            int column = t;
            var expected = Enumerable.Range(0, rows).Select(row =>
                CentralDifferences.Gradient(v => Residuals(hand, v, hand.Us)[row], hand.Theta)[column]).ToArray();
            var actual = Enumerable.Range(0, rows).Select(row => jacobian[row * hand.Columns + offset + column]).ToArray();
            CentralDifferences.AssertClose(expected, actual, 1e-7);
        }

        if (!complicated) return;

        // The u columns: row 3i + j against central differences in point i's own u₀ and u₁ (the generated Jacobian
        // takes them as one shift of every point's u; this checks that each row sees its own u only).
        for (int i = 0; i < hand.Points; i++)
        {
            for (int k = 0; k < 2; k++)
            {
                int at = 2 * i + k;
                var du = CentralDifferences.Gradient(v => { var us = (double[])hand.Us.Clone(); us[at] = v[0]; return Residuals(hand, hand.Theta, us)[3 * i]; }, [hand.Us[at]]);
                var dv = CentralDifferences.Gradient(v => { var us = (double[])hand.Us.Clone(); us[at] = v[0]; return Residuals(hand, hand.Theta, us)[3 * i + 1]; }, [hand.Us[at]]);
                var dw = CentralDifferences.Gradient(v => { var us = (double[])hand.Us.Clone(); us[at] = v[0]; return Residuals(hand, hand.Theta, us)[3 * i + 2]; }, [hand.Us[at]]);
                CentralDifferences.AssertClose([du[0], dv[0], dw[0]],
                    [jacobian[3 * i * 28 + k], jacobian[(3 * i + 1) * 28 + k], jacobian[(3 * i + 2) * 28 + k]], 1e-7);
            }
        }
    }
}
