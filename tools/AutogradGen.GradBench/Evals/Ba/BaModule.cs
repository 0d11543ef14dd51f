using System.Text.Json;
using AutogradGen.GradBench.Protocol;
using AutogradGen.Workloads;

namespace AutogradGen.GradBench.Evals.Ba;

/// <summary>
/// ba: the <c>objective</c> (every residual of the expanded problem) and the <c>jacobian</c> in GradBench's CSR
/// form, assembled from each observation's generated 2 × 15 block (<c>BaResiduals.ReprojectionResidualJacobian</c>:
/// one sweep forward, one back, for both rows) and each weight's generated derivative. The input is expanded to n cameras, m points and p
/// observations (observation i: camera i mod n, point i mod m), and all of it is computed; only the output is cut
/// to the reference's shape (observation 0's values and the last entry).
/// </summary>
internal sealed class BaModule : IEvalModule
{
    private const int CameraParameters = 11;
    private const int NonzerosPerRow = CameraParameters + 3 + 1;

    public string Name => "ba";

    public IReadOnlyList<string> Functions { get; } = ["objective", "jacobian"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "objective" => Runs.Measure(input, Read, Objective, WriteObjective),
        _ => Runs.Measure(input, Read, Jacobian, WriteJacobian),
    };

    /// <summary>Every reprojection error (2p) and weight error (p).</summary>
    internal static BaInput Objective(BaInput b)
    {
        for (int i = 0; i < b.P; i++)
        {
            BaResiduals.ReprojectionResidual(Camera(b, i), Point(b, i), b.Weights[i], b.Features.AsSpan(2 * i, 2),
                b.ReprojectionErrors.AsSpan(2 * i, 2));
        }

        for (int i = 0; i < b.P; i++) b.WeightErrors[i] = BaResiduals.WeightResidual(b.Weights[i]);
        return b;
    }

    /// <summary>
    /// The (3p) × (11n + 3m + p) Jacobian in CSR form: rows 2i, 2i+1 for observation i, then 2p + i. Observation i's
    /// two rows are its generated 2 × 15 block as it is (its columns, camera, point and weight, ascend).
    /// </summary>
    internal static BaInput Jacobian(BaInput b)
    {
        int entry = 0;
        b.Rows[0] = 0;
        for (int i = 0; i < b.P; i++)
        {
            BaResiduals.ReprojectionResidualJacobian(Camera(b, i), Point(b, i), b.Weights[i], b.Features.AsSpan(2 * i, 2),
                b.ReprojectionErrors.AsSpan(2 * i, 2), b.Values.AsSpan(entry, 2 * NonzerosPerRow));
            for (int coordinate = 0; coordinate < 2; coordinate++)
            {
                for (int j = 0; j < CameraParameters; j++) b.Columns[entry++] = CameraParameters * (i % b.N) + j;
                for (int j = 0; j < 3; j++) b.Columns[entry++] = CameraParameters * b.N + 3 * (i % b.M) + j;
                b.Columns[entry++] = CameraParameters * b.N + 3 * b.M + i;
                b.Rows[2 * i + coordinate + 1] = entry;
            }
        }

        for (int i = 0; i < b.P; i++)
        {
            b.WeightErrors[i] = BaResiduals.WeightResidualGradient(b.Weights[i], out double weightGradient);
            Set(b, entry++, CameraParameters * b.N + 3 * b.M + i, weightGradient);
            b.Rows[2 * b.P + i + 1] = entry;
        }

        return b;
    }

    private static ReadOnlySpan<double> Camera(BaInput b, int i) => b.Cameras.AsSpan((i % b.N) * CameraParameters, CameraParameters);

    private static ReadOnlySpan<double> Point(BaInput b, int i) => b.Points.AsSpan((i % b.M) * 3, 3);

    private static void Set(BaInput b, int entry, int column, double value)
    {
        b.Columns[entry] = column;
        b.Values[entry] = value;
    }

    private static void WriteObjective(Utf8JsonWriter w, BaInput b)
    {
        w.WriteStartObject();
        w.WriteStartObject("reproj_error");
        w.WritePropertyName("elements");
        Json.WriteVector(w, b.ReprojectionErrors.AsSpan(0, 2));
        w.WriteNumber("repeated", b.P);
        w.WriteEndObject();
        w.WriteStartObject("w_err");
        w.WriteNumber("element", b.WeightErrors[0]);
        w.WriteNumber("repeated", b.P);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The reference's cut: each array's first 30 entries (observation 0's two rows), then its last.</summary>
    private static void WriteJacobian(Utf8JsonWriter w, BaInput b)
    {
        const int Kept = 2 * NonzerosPerRow;
        w.WriteStartObject();
        w.WriteStartArray("rows");
        for (int i = 0; i < Kept; i++) w.WriteNumberValue(b.Rows[Math.Min(i, b.Rows.Length - 1)]);
        w.WriteNumberValue(b.Rows[^1]);
        w.WriteEndArray();
        w.WriteStartArray("cols");
        for (int i = 0; i < Kept; i++) w.WriteNumberValue(b.Columns[i]);
        w.WriteNumberValue(b.Columns[^1]);
        w.WriteEndArray();
        w.WriteStartArray("vals");
        for (int i = 0; i < Kept; i++) w.WriteNumberValue(b.Values[i]);
        w.WriteNumberValue(b.Values[^1]);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static BaInput Read(JsonElement input)
    {
        int n = Json.Int(Json.Property(input, "n"), "n");
        int m = Json.Int(Json.Property(input, "m"), "m");
        int p = Json.Int(Json.Property(input, "p"), "p");
        var camera = Json.Vector(Json.Property(input, "cam"), "cam");
        var point = Json.Vector(Json.Property(input, "x"), "x");
        double weight = Json.Number(Json.Property(input, "w"), "w");
        var feature = Json.Vector(Json.Property(input, "feat"), "feat");
        if (n < 1 || m < 1 || p < 1 || camera.Length != CameraParameters || point.Length != 3 || feature.Length != 2)
        {
            throw new EvalInputException("ba input needs n, m, p >= 1, cam[11], x[3], w and feat[2]");
        }

        // The expansion the eval asks for: n equal cameras, m equal points, p equal weights and features.
        var cameras = new double[n * CameraParameters];
        for (int i = 0; i < n; i++) camera.CopyTo(cameras, i * CameraParameters);
        var points = new double[m * 3];
        for (int i = 0; i < m; i++) point.CopyTo(points, i * 3);
        var weights = new double[p];
        Array.Fill(weights, weight);
        var features = new double[p * 2];
        for (int i = 0; i < p; i++) feature.CopyTo(features, i * 2);
        return new BaInput(n, m, p, cameras, points, weights, features);
    }
}

/// <summary>ba's expanded problem and the output buffers the runs reuse.</summary>
internal sealed record BaInput(int N, int M, int P, double[] Cameras, double[] Points, double[] Weights, double[] Features)
{
    public double[] ReprojectionErrors { get; } = new double[2 * P];
    public double[] WeightErrors { get; } = new double[P];
    public int[] Rows { get; } = new int[3 * P + 1];
    public int[] Columns { get; } = new int[31 * P];
    public double[] Values { get; } = new double[31 * P];
}
