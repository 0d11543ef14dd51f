using System.Globalization;
using AutogradGen.Benchmarks.Harness;

namespace AutogradGen.Benchmarks.Workloads.Ba;

/// <summary>
/// An ADBench bundle-adjustment instance, expanded as ADBench's reader expands it: n equal cameras, m equal points,
/// p equal weights and features, observation i joining camera i mod n with point i mod m.
/// </summary>
public sealed class BaInstance
{
    /// <summary>Parameters per camera.</summary>
    public const int CameraParameters = 11;

    private BaInstance(int n, int m, int p, double[] cameras, double[] points, double[] weights, double[] features)
    {
        CameraCount = n;
        PointCount = m;
        ObservationCount = p;
        Cameras = cameras;
        Points = points;
        Weights = weights;
        Features = features;
        CameraOf = new int[p];
        PointOf = new int[p];
        for (int i = 0; i < p; i++)
        {
            CameraOf[i] = i % n;
            PointOf[i] = i % m;
        }
    }

    /// <summary>ADBench's ba/test.txt: n = 2, m = 10, p = 10.</summary>
    public const string Test = "test";

    /// <summary>ADBench's ba/ba1_n49_m7776_p31843.txt.</summary>
    public const string Ba1 = "ba1_n49_m7776_p31843";

    public int CameraCount { get; }
    public int PointCount { get; }
    public int ObservationCount { get; }
    public double[] Cameras { get; }
    public double[] Points { get; }
    public double[] Weights { get; }
    public double[] Features { get; }
    public int[] CameraOf { get; }
    public int[] PointOf { get; }

    /// <summary>Residuals: 2p reprojection, then p weight residuals.</summary>
    public int ResidualCount => 3 * ObservationCount;

    /// <summary>Columns of the Jacobian: 11n camera, 3m point, then p weight parameters.</summary>
    public int ParameterCount => CameraParameters * CameraCount + 3 * PointCount + ObservationCount;

    /// <summary>Loads <see cref="Test"/> or <see cref="Ba1"/> from tests/Data/adbench/ba.</summary>
    public static BaInstance Load(string name) => name switch
    {
        Test or Ba1 => Read(RepositoryPaths.Data("adbench", "ba", name + ".txt")),
        _ => throw new ArgumentException($"There is no BA case '{name}'; the cases are {Test} and {Ba1}.", nameof(name)),
    };

    /// <summary>Reads ADBench's format: "n m p", one camera (11), one point (3), one weight, one feature (2).</summary>
    public static BaInstance Read(string path)
    {
        var numbers = File.ReadAllText(path)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
        if (numbers.Length < 3 + CameraParameters + 3 + 1 + 2)
        {
            throw new FormatException($"'{path}' holds {numbers.Length} numbers; an ADBench BA file holds n m p, a camera (11), a point (3), a weight and a feature (2).");
        }

        int n = (int)numbers[0], m = (int)numbers[1], p = (int)numbers[2];
        var cameras = new double[CameraParameters * n];
        for (int i = 0; i < n; i++) Array.Copy(numbers, 3, cameras, CameraParameters * i, CameraParameters);
        var points = new double[3 * m];
        for (int i = 0; i < m; i++) Array.Copy(numbers, 3 + CameraParameters, points, 3 * i, 3);
        var weights = new double[p];
        Array.Fill(weights, numbers[3 + CameraParameters + 3]);
        var features = new double[2 * p];
        for (int i = 0; i < p; i++) Array.Copy(numbers, 3 + CameraParameters + 4, features, 2 * i, 2);
        return new BaInstance(n, m, p, cameras, points, weights, features);
    }
}
