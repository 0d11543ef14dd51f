using System.Text.Json;
using AutogradGen.GradBench.Protocol;
using AutogradGen.Workloads;

namespace AutogradGen.GradBench.Evals.Ht;

/// <summary>
/// ht: the <c>objective</c> (3 residuals per correspondence, all of them from one posing of the bones:
/// <c>HandResiduals.Residuals</c>) and the <c>jacobian</c>, the generated <c>ResidualsJacobian</c> of the same method:
/// 28 columns (∂/∂u₀, ∂/∂u₁, then θ) in the complicated variant, the 26 of θ in the simple one.
/// </summary>
internal sealed class HtModule : IEvalModule
{
    public string Name => "ht";

    public IReadOnlyList<string> Functions { get; } = ["objective", "jacobian"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "objective" => Runs.Measure(input, Read, Objective, (w, e) => Json.WriteVector(w, e)),
        _ => Runs.Measure(input, Read, Jacobian, (w, h) => Json.WriteMatrix(w, h.Complicated ? h.Jacobian : h.ThetaJacobian, 3 * h.Points)),
    };

    internal static double[] Objective(HtInput h)
    {
        HandResiduals.Residuals(0, 0, h.Theta, h.Us, h.Parents, h.BaseRelatives, h.InverseBaseAbsolutes, h.BasePositions,
            h.Weights, h.CorrespondenceNumbers, h.TriangleNumbers, h.Targets, h.Mirrored, h.Complicated, h.Errors);
        return h.Errors;
    }

    /// <summary>
    /// The 3N × 28 Jacobian (u₀ and u₁ shifts, then θ: <c>HandResiduals.Residuals</c>' remarks), and for the simple
    /// variant, whose u is fixed, its θ columns.
    /// </summary>
    internal static HtInput Jacobian(HtInput h)
    {
        HandResiduals.ResidualsJacobian(0, 0, h.Theta, h.Us, h.Parents, h.BaseRelatives, h.InverseBaseAbsolutes, h.BasePositions,
            h.Weights, h.CorrespondenceNumbers, h.TriangleNumbers, h.Targets, h.Mirrored, h.Complicated, h.Errors, h.Jacobian);
        if (!h.Complicated)
        {
            for (int row = 0; row < 3 * h.Points; row++)
            {
                h.Jacobian.AsSpan(row * 28 + 2, 26).CopyTo(h.ThetaJacobian.AsSpan(row * 26, 26));
            }
        }

        return h;
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

    /// <summary>The correspondences and triangles as the [Differentiable] method reads them (doubles holding integers).</summary>
    public double[] CorrespondenceNumbers { get; } = Correspondences.Select(c => (double)c).ToArray();

    /// <inheritdoc cref="CorrespondenceNumbers"/>
    public double[] TriangleNumbers { get; } = Triangles.Select(t => (double)t).ToArray();

    public double[] Errors { get; } = new double[3 * Correspondences.Length];

    /// <summary>The generated Jacobian, 3N × 28 (u₀, u₁, θ) in both variants.</summary>
    public double[] Jacobian { get; } = new double[3 * Correspondences.Length * 28];

    /// <summary>The simple variant's output: the θ columns of <see cref="Jacobian"/>, 3N × 26.</summary>
    public double[] ThetaJacobian { get; } = new double[Complicated ? 0 : 3 * Correspondences.Length * 26];
}
