using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Gmm;

/// <summary>gmm: the <c>objective</c> and its generated <c>jacobian</c> (the gradient, nested like the input).</summary>
internal sealed class GmmModule : IEvalModule
{
    public string Name => "gmm";

    public IReadOnlyList<string> Functions { get; } = ["objective", "jacobian"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "objective" => Runs.Measure(input, Read, Objective, (w, y) => w.WriteNumberValue(y)),
        _ => Runs.Measure(input, Read, Jacobian, WriteJacobian),
    };

    internal static double Objective(GmmInput i) =>
        GmmFunctions.Objective(i.Alpha, i.Mu, i.Q, i.L, i.X, i.D, i.K, i.N, i.Gamma, i.M, i.WishartConstant);

    internal static GmmInput Jacobian(GmmInput i)
    {
        Array.Clear(i.DAlpha);
        Array.Clear(i.DMu);
        Array.Clear(i.DQ);
        Array.Clear(i.DL);
        GmmFunctions.ObjectiveGradient(i.Alpha, i.Mu, i.Q, i.L, i.X, i.D, i.K, i.N, i.Gamma, i.M, i.WishartConstant,
            i.DAlpha, i.DMu, i.DQ, i.DL);
        return i;
    }

    private static void WriteJacobian(Utf8JsonWriter writer, GmmInput i)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("alpha");
        Json.WriteVector(writer, i.DAlpha);
        writer.WritePropertyName("mu");
        Json.WriteMatrix(writer, i.DMu, i.K);
        writer.WritePropertyName("q");
        Json.WriteMatrix(writer, i.DQ, i.K);
        writer.WritePropertyName("l");
        Json.WriteMatrix(writer, i.DL, i.K);
        writer.WriteEndObject();
    }

    private static GmmInput Read(JsonElement input)
    {
        int d = Json.Int(Json.Property(input, "d"), "d");
        int k = Json.Int(Json.Property(input, "k"), "k");
        int n = Json.Int(Json.Property(input, "n"), "n");
        int m = Json.Int(Json.Property(input, "m"), "m");
        double gamma = Json.Number(Json.Property(input, "gamma"), "gamma");
        var alpha = Json.Vector(Json.Property(input, "alpha"), "alpha");
        var mu = Json.Matrix(Json.Property(input, "mu"), "mu", out int muRows, out int muColumns);
        var q = Json.Matrix(Json.Property(input, "q"), "q", out int qRows, out int qColumns);
        var l = Json.Matrix(Json.Property(input, "l"), "l", out int lRows, out int lColumns);
        var x = Json.Matrix(Json.Property(input, "x"), "x", out int xRows, out int xColumns);
        if (d < 1 || k < 1 || alpha.Length != k || muRows != k || muColumns != d || qRows != k || qColumns != d
            || lRows != k || (k > 0 && lColumns != d * (d - 1) / 2 && d > 1) || xRows != n || xColumns != d)
        {
            throw new EvalInputException($"gmm input shapes do not match d = {d}, k = {k}, n = {n}");
        }

        return new GmmInput(d, k, n, m, gamma, GmmFunctions.WishartConstant(d, m, gamma), alpha, mu, q, l, x);
    }
}

/// <summary>gmm's input, flattened row-major, and the gradient buffers the runs reuse.</summary>
internal sealed record GmmInput(int D, int K, int N, int M, double Gamma, double WishartConstant,
    double[] Alpha, double[] Mu, double[] Q, double[] L, double[] X)
{
    public double[] DAlpha { get; } = new double[Alpha.Length];
    public double[] DMu { get; } = new double[Mu.Length];
    public double[] DQ { get; } = new double[Q.Length];
    public double[] DL { get; } = new double[L.Length];
}
