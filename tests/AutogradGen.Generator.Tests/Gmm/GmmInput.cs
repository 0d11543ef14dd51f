using System.Globalization;

namespace AutogradGen.Generator.Tests.Gmm;

/// <summary>An ADBench GMM input file: <c>d k n</c>, alphas, means, icf, points, then <c>gamma m</c>.</summary>
public sealed class GmmInput
{
    public required int D { get; init; }

    public required int K { get; init; }

    public required int N { get; init; }

    public required double[] Alphas { get; init; }

    public required double[] Means { get; init; }

    public required double[] Icf { get; init; }

    public required double[] X { get; init; }

    public required double Gamma { get; init; }

    public required int M { get; init; }

    /// <summary>C = n'·d·(log γ − ½ log 2) − log Γ_d(n'/2), with n' = d + m + 1.</summary>
    public double WishartConstant
    {
        get
        {
            var nPrime = D + M + 1;
            return nPrime * D * (Math.Log(Gamma) - 0.5 * Math.Log(2)) - LogMultivariateGamma(0.5 * nPrime, D);
        }
    }

    public static GmmInput Read(string path)
    {
        var tokens = File.ReadAllText(path).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var position = 0;
        double Next() => double.Parse(tokens[position++], CultureInfo.InvariantCulture);
        double[] Take(int count) => Enumerable.Range(0, count).Select(_ => Next()).ToArray();
        var d = (int)Next();
        var k = (int)Next();
        var n = (int)Next();
        return new GmmInput
        {
            D = d,
            K = k,
            N = n,
            Alphas = Take(k),
            Means = Take(k * d),
            Icf = Take(k * d * (d + 1) / 2),
            X = Take(n * d),
            Gamma = Next(),
            M = (int)Next(),
        };
    }

    /// <summary>log Γ_d(a) = d(d−1)/4 · log π + Σ_{j=1..d} log Γ(a + (1 − j)/2).</summary>
    private static double LogMultivariateGamma(double a, int d)
    {
        var result = d * (d - 1) * 0.25 * Math.Log(Math.PI);
        for (var j = 1; j <= d; j++)
        {
            result += LogGamma(a + 0.5 * (1 - j));
        }

        return result;
    }

    /// <summary>log Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, nine coefficients; about 15 digits).</summary>
    private static double LogGamma(double x)
    {
        double[] coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            sum += coefficients[i] / (x + i);
        }

        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
