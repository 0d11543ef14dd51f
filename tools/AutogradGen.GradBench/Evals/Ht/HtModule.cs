using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Ht;

/// <summary>
/// ht: the <c>objective</c> (3 residuals per correspondence) and the <c>jacobian</c>, one generated gradient per
/// residual row: 28 columns (∂/∂u₀, ∂/∂u₁, then θ) in the complicated variant, 26 (θ) in the simple one.
/// </summary>
internal sealed class HtModule : IEvalModule
{
    public string Name => "ht";

    public IReadOnlyList<string> Functions { get; } = ["objective", "jacobian"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "objective" => Runs.Measure(input, Read, Objective, (w, e) => Json.WriteVector(w, e)),
        _ => Runs.Measure(input, Read, Jacobian, (w, h) => Json.WriteMatrix(w, h.Jacobian, 3 * h.Points)),
    };

    internal static double[] Objective(HtInput h)
    {
        for (int i = 0; i < h.Points; i++)
        {
            for (int j = 0; j < 3; j++) h.Errors[3 * i + j] = Residual(h, i, j);
        }

        return h.Errors;
    }

    internal static HtInput Jacobian(HtInput h)
    {
        int columns = h.Columns;
        int offset = h.Complicated ? 2 : 0;
        var thetaGradient = new double[h.Theta.Length];
        for (int i = 0; i < h.Points; i++)
        {
            var (a, b, c, u0, u1) = Vertices(h, i);
            for (int j = 0; j < 3; j++)
            {
                Array.Clear(thetaGradient);
                HtFunctions.ResidualGradient(h.Theta, u0, u1, h.Parents, h.BaseRelatives, h.InverseBaseAbsolutes,
                    h.BasePositions, h.Weights, h.Bones, h.Mirrored, a, b, c, h.Targets[3 * i + j], j,
                    thetaGradient, out double du0, out double du1);
                var row = h.Jacobian.AsSpan((3 * i + j) * columns, columns);
                if (h.Complicated)
                {
                    row[0] = du0;
                    row[1] = du1;
                }

                thetaGradient.CopyTo(row[offset..]);
            }
        }

        return h;
    }

    private static double Residual(HtInput h, int i, int j)
    {
        var (a, b, c, u0, u1) = Vertices(h, i);
        return HtFunctions.Residual(h.Theta, u0, u1, h.Parents, h.BaseRelatives, h.InverseBaseAbsolutes, h.BasePositions,
            h.Weights, h.Bones, h.Mirrored, a, b, c, h.Targets[3 * i + j], j);
    }

    /// <summary>Correspondence i's vertices and barycentric weights; the simple variant's vertex three times, u = (1, 0).</summary>
    private static (int A, int B, int C, double U0, double U1) Vertices(HtInput h, int i)
    {
        int correspondence = h.Correspondences[i];
        if (!h.Complicated) return (correspondence, correspondence, correspondence, 1, 0);
        return (h.Triangles[3 * correspondence], h.Triangles[3 * correspondence + 1], h.Triangles[3 * correspondence + 2],
            h.Us[2 * i], h.Us[2 * i + 1]);
    }

    private static HtInput Read(JsonElement input)
    {
        var theta = Json.Vector(Json.Property(input, "theta"), "theta");
        var us = Json.Matrix(Json.Property(input, "us"), "us", out int usRows, out _);
        var data = Json.Property(input, "data");
        var correspondences = Json.Vector(Json.Property(data, "correspondences"), "correspondences").Select(v => (int)v).ToArray();
        var points = Json.Matrix(Json.Property(data, "points"), "points", out int pointRows, out int pointColumns);
        var model = Json.Property(data, "model");
        var parents = Json.Vector(Json.Property(model, "parents"), "parents");
        int bones = parents.Length;
        var baseRelatives = Matrices(Json.Property(model, "base_relatives"), "base_relatives", bones);
        var inverseBaseAbsolutes = Matrices(Json.Property(model, "inverse_base_absolutes"), "inverse_base_absolutes", bones);
        var basePositions = Json.Matrix(Json.Property(model, "base_positions"), "base_positions", out int vertices, out int positionColumns);
        var weights = Json.Matrix(Json.Property(model, "weights"), "weights", out int weightRows, out int weightColumns);
        var triangles = Json.Matrix(Json.Property(model, "triangles"), "triangles", out _, out _).Select(v => (int)v).ToArray();
        var mirrored = Json.Property(model, "is_mirrored");
        bool complicated = usRows > 0;
        int n = correspondences.Length;
        if (theta.Length != 26 || bones != 22 || pointRows != n || pointColumns != 3 || positionColumns != 4
            || weightRows != vertices || weightColumns != bones || (complicated && usRows != n))
        {
            throw new EvalInputException("ht input shapes do not match theta[26], 22 bones, points [N][3], base_positions [V][4], weights [V][22], us [N][2] or []");
        }

        return new HtInput(theta, us, correspondences, points, parents, baseRelatives, inverseBaseAbsolutes, basePositions,
            weights, triangles, bones, mirrored.ValueKind == JsonValueKind.True, complicated);
    }

    private static double[] Matrices(JsonElement value, string what, int count)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != count) throw new EvalInputException($"'{what}' must hold {count} matrices");
        var result = new double[count * 16];
        int i = 0;
        foreach (var matrix in value.EnumerateArray())
        {
            var flat = Json.Matrix(matrix, what, out int rows, out int columns);
            if (rows != 4 || columns != 4) throw new EvalInputException($"'{what}' must hold 4 × 4 matrices");
            flat.CopyTo(result, 16 * i++);
        }

        return result;
    }
}

/// <summary>ht's input, flattened row-major, and the output buffers the runs reuse.</summary>
internal sealed record HtInput(double[] Theta, double[] Us, int[] Correspondences, double[] Targets, double[] Parents,
    double[] BaseRelatives, double[] InverseBaseAbsolutes, double[] BasePositions, double[] Weights, int[] Triangles,
    int Bones, bool Mirrored, bool Complicated)
{
    public int Points => Correspondences.Length;
    public int Columns => Complicated ? 28 : 26;
    public double[] Errors { get; } = new double[3 * Correspondences.Length];
    public double[] Jacobian { get; } = new double[3 * Correspondences.Length * (Complicated ? 28 : 26)];
}
