using System.Globalization;

namespace AutogradGen.Benchmarks.Workloads.Gmm;

/// <summary>
/// Reads ADBench's GMM input format (whitespace separated): <c>d k n</c>, k alphas, k rows of d means,
/// k rows of d + d(d-1)/2 inverse-covariance factors, n rows of d points, then <c>gamma m</c>.
/// </summary>
public static class GmmFileReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">The file is not in the format above.</exception>
    public static GmmInstance Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The GMM file '{path}' does not exist. ADBench's GMM files live under tests/Data/adbench/gmm in the repository.", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses the text of a GMM file; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="FormatException">The text is not in the format above.</exception>
    public static GmmInstance Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var reader = new TokenReader(tokens, source);

        int d = reader.NextCount("d");
        int k = reader.NextCount("k");
        int n = reader.NextCount("n");
        int icfLength = GmmInstance.IcfLengthFor(d);
        int expectedTokens = 3 + GmmInstance.ParameterCountFor(d, k) + n * d + 2;
        if (tokens.Length != expectedTokens)
        {
            throw new FormatException(
                $"{source}: d = {d}, k = {k}, n = {n} call for {expectedTokens} numbers (d k n, k alphas, k·d means, "
                + $"k·{icfLength} icf, n·d points, gamma m), but the file holds {tokens.Length}.");
        }

        var parameters = new double[GmmInstance.ParameterCountFor(d, k)];
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = reader.NextDouble();
        }

        var points = new double[n * d];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = reader.NextDouble();
        }

        double gamma = reader.NextDouble();
        int m = reader.NextCount("m", minimum: 0);
        return new GmmInstance(d, k, parameters, points, gamma, m);
    }

    private sealed class TokenReader(string[] tokens, string source)
    {
        private int _position;

        public double NextDouble()
        {
            string token = Next();
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new FormatException($"{source}: token {_position} ('{token}') is not a number.");
            }

            return value;
        }

        public int NextCount(string name, int minimum = 1)
        {
            string token = Next();
            if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < minimum)
            {
                throw new FormatException($"{source}: {name} must be an integer ≥ {minimum}, but token {_position} is '{token}'.");
            }

            return value;
        }

        private string Next()
        {
            if (_position >= tokens.Length)
            {
                throw new FormatException($"{source}: the file ends after {tokens.Length} numbers, before its header is complete.");
            }

            return tokens[_position++];
        }
    }
}
