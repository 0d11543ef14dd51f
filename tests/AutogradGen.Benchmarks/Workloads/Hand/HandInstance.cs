using System.Globalization;
using AutogradGen.Benchmarks.Harness;
using AutogradGen.Workloads;

namespace AutogradGen.Benchmarks.Workloads.Hand;

/// <summary>
/// An ADBench hand-tracking instance (tests/Data/adbench/hand, README.md there): the small hand model and one hand
/// file, read as ADBench's reader reads them, flattened for <see cref="HandResiduals.Residuals"/>.
/// </summary>
public sealed class HandInstance
{
    /// <summary>hand1_t26_c100 of the simple variant (one vertex per point).</summary>
    public const string Simple = "simple_small_hand1";

    /// <summary>hand1_t26_c100 of the complicated variant (a triangle and barycentric weights per point).</summary>
    public const string Complicated = "complicated_small_hand1";

    private const char Separator = ':';

    private HandInstance(double[] theta, double[] us, double[] correspondences, double[] targets, double[] parents,
        double[] baseRelatives, double[] inverseBaseAbsolutes, double[] basePositions, double[] weights, double[] triangles, bool complicated)
    {
        Theta = theta;
        Us = us;
        Correspondences = correspondences;
        Targets = targets;
        Parents = parents;
        BaseRelatives = baseRelatives;
        InverseBaseAbsolutes = inverseBaseAbsolutes;
        BasePositions = basePositions;
        Weights = weights;
        Triangles = triangles;
        IsComplicated = complicated;
    }

    public double[] Theta { get; }
    public double[] Us { get; }
    public double[] Correspondences { get; }
    public double[] Targets { get; }
    public double[] Parents { get; }
    public double[] BaseRelatives { get; }
    public double[] InverseBaseAbsolutes { get; }
    public double[] BasePositions { get; }
    public double[] Weights { get; }
    public double[] Triangles { get; }
    public bool IsComplicated { get; }

    /// <summary>Residuals: 3 per point.</summary>
    public int ResidualCount => 3 * Correspondences.Length;

    /// <summary>Columns of the generated Jacobian: the u₀ and u₁ shifts, then θ.</summary>
    public const int JacobianColumns = 28;

    /// <summary>Loads <see cref="Simple"/> or <see cref="Complicated"/>.</summary>
    public static HandInstance Load(string name) => name switch
    {
        Simple => Read(RepositoryPaths.Data("adbench", "hand", "model"), RepositoryPaths.Data("adbench", "hand", "simple_small", "hand1_t26_c100.txt"), false),
        Complicated => Read(RepositoryPaths.Data("adbench", "hand", "model"), RepositoryPaths.Data("adbench", "hand", "complicated_small", "hand1_t26_c100.txt"), true),
        _ => throw new ArgumentException($"There is no hand case '{name}'; the cases are {Simple} and {Complicated}.", nameof(name)),
    };

    /// <summary>Reads a model folder (bones, vertices, triangles) and a hand file, in ADBench's formats.</summary>
    public static HandInstance Read(string modelDirectory, string handFile, bool complicated)
    {
        var bones = File.ReadAllLines(Path.Combine(modelDirectory, "bones.txt")).Where(l => l.Length > 0).Select(l => l.Split(Separator)).ToArray();
        if (bones.Length != HandResiduals.Bones)
        {
            throw new FormatException($"'{modelDirectory}' has {bones.Length} bones; the hand model has {HandResiduals.Bones}.");
        }

        var parents = bones.Select(b => Number(b[1])).ToArray();
        var baseRelatives = bones.SelectMany(b => b.Skip(2).Take(16)).Select(Number).ToArray();
        var inverseBaseAbsolutes = bones.SelectMany(b => b.Skip(18).Take(16)).Select(Number).ToArray();

        var vertices = File.ReadAllLines(Path.Combine(modelDirectory, "vertices.txt")).Where(l => l.Length > 0).Select(l => l.Split(Separator)).ToArray();
        var basePositions = new double[4 * vertices.Length];
        var weights = new double[HandResiduals.Bones * vertices.Length];
        for (int v = 0; v < vertices.Length; v++)
        {
            for (int k = 0; k < 3; k++) basePositions[4 * v + k] = Number(vertices[v][k]);
            basePositions[4 * v + 3] = 1;
            int count = int.Parse(vertices[v][8], CultureInfo.InvariantCulture);
            for (int i = 0; i < count; i++)
            {
                int bone = int.Parse(vertices[v][9 + 2 * i], CultureInfo.InvariantCulture);
                weights[HandResiduals.Bones * v + bone] = Number(vertices[v][10 + 2 * i]);
            }
        }

        var triangles = File.ReadAllLines(Path.Combine(modelDirectory, "triangles.txt")).Where(l => l.Length > 0)
            .SelectMany(l => l.Split(Separator)).Select(Number).ToArray();

        var lines = File.ReadAllLines(handFile).Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Where(l => l.Length > 0).ToArray();
        int points = int.Parse(lines[0][0], CultureInfo.InvariantCulture);
        int thetaCount = int.Parse(lines[0][1], CultureInfo.InvariantCulture);
        var correspondences = new double[points];
        var targets = new double[3 * points];
        for (int i = 0; i < points; i++)
        {
            correspondences[i] = Number(lines[1 + i][0]);
            for (int k = 0; k < 3; k++) targets[3 * i + k] = Number(lines[1 + i][1 + k]);
        }

        int next = 1 + points;
        var us = new double[complicated ? 2 * points : 0];
        if (complicated)
        {
            for (int i = 0; i < points; i++)
            {
                us[2 * i] = Number(lines[next + i][0]);
                us[2 * i + 1] = Number(lines[next + i][1]);
            }

            next += points;
        }

        var theta = lines.Skip(next).Take(thetaCount).Select(l => Number(l[0])).ToArray();
        if (theta.Length != 26)
        {
            throw new FormatException($"'{handFile}' holds {theta.Length} pose parameters; the hand model takes 26.");
        }

        return new HandInstance(theta, us, correspondences, targets, parents, baseRelatives, inverseBaseAbsolutes, basePositions,
            weights, triangles, complicated);
    }

    /// <summary>Every residual into <paramref name="residuals"/> (3N).</summary>
    public void Objective(Span<double> residuals) =>
        HandResiduals.Residuals(0, 0, Theta, Us, Parents, BaseRelatives, InverseBaseAbsolutes, BasePositions, Weights,
            Correspondences, Triangles, Targets, mirrored: false, IsComplicated, residuals);

    /// <summary>The residuals and the 3N × 28 Jacobian (u₀ shift, u₁ shift, θ) from the generated <c>ResidualsJacobian</c>.</summary>
    public void Jacobian(Span<double> residuals, Span<double> jacobian) =>
        HandResiduals.ResidualsJacobian(0, 0, Theta, Us, Parents, BaseRelatives, InverseBaseAbsolutes, BasePositions, Weights,
            Correspondences, Triangles, Targets, mirrored: false, IsComplicated, residuals, jacobian);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
