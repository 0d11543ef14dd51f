using AutogradGen.GradBench.Evals.Ht;

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
        for (int coordinate = 0; coordinate < 3; coordinate++)
        {
            double residual = HtFunctions.Residual(theta, 1, 0, Enumerable.Repeat(-1.0, Bones).ToArray(), Identities(),
                Identities(), position, weights, Bones, false, 0, 0, 0, 4.0, coordinate);
            Assert.Equal(4.0 - (position[coordinate] + theta[3 + coordinate]), residual, 13);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ht_jacobian_rows_match_central_differences(bool complicated)
    {
        var hand = RandomHand(complicated, complicated ? 4 : 8);
        HtModule.Jacobian(hand);
        var errors = HtModule.Objective(hand);
        for (int i = 0; i < hand.Points; i++)
        {
            int a = complicated ? 0 : hand.Correspondences[i];
            int b = complicated ? 1 : a;
            int c = complicated ? 2 : a;
            for (int j = 0; j < 3; j++)
            {
                double Residual(double[] v) => HtFunctions.Residual(v.AsSpan(2), v[0], v[1], hand.Parents, hand.BaseRelatives,
                    hand.InverseBaseAbsolutes, hand.BasePositions, hand.Weights, Bones, false, a, b, c, hand.Targets[3 * i + j], j);
                double[] at = complicated ? [hand.Us[2 * i], hand.Us[2 * i + 1], .. hand.Theta] : [1, 0, .. hand.Theta];
                Assert.Equal(Residual(at), errors[3 * i + j], 14);
                var expected = CentralDifferences.Gradient(Residual, at);
                if (!complicated) expected = expected[2..];
                var row = hand.Jacobian.AsSpan((3 * i + j) * hand.Columns, hand.Columns).ToArray();
                CentralDifferences.AssertClose(expected, row, 1e-7);
            }
        }
    }
}
