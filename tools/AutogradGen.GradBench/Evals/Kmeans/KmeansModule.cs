using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Kmeans;

/// <summary>
/// kmeans: the <c>cost</c> and <c>dir</c> = J·H⁻¹, the Newton step of the cost with its Hessian's diagonal (the
/// Hessian is diagonal: each centroid coordinate's second derivative is twice its cluster's size). J is the
/// gradient and diag H the Hessian-vector product with the ones vector, both reverse mode on the tape, the second
/// differentiating the first (createGraph).
/// </summary>
internal sealed class KmeansModule : IEvalModule
{
    public string Name => "kmeans";

    public IReadOnlyList<string> Functions { get; } = ["cost", "dir"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "cost" => Runs.Measure(input, Read, Cost, (w, y) => w.WriteNumberValue(y)),
        _ => Runs.Measure(input, Read, Direction, (w, dir) => Json.WriteMatrix(w, dir.Values, dir.Rows)),
    };

    internal static double Cost(KmeansInput i)
    {
        using (Autograd.NoGrad()) return KmeansFunctions.Cost(i.Points, i.Centroids).Item();
    }

    /// <summary>J·H⁻¹, row-major k × d.</summary>
    internal static (double[] Values, int Rows) Direction(KmeansInput i)
    {
        var centroids = i.Centroids.Detach().RequiresGrad_();
        var cost = KmeansFunctions.Cost(i.Points, centroids);
        var gradient = Autograd.Grad(cost, centroids, createGraph: true)[0]!;
        var hessianDiagonal = Autograd.Grad([gradient], [centroids], gradOutputs: [Tensor.OnesLike(gradient)])[0]!;
        using (Autograd.NoGrad()) return ((gradient.Detach() / hessianDiagonal).ToArray(), centroids.Size(0));
    }

    private static KmeansInput Read(JsonElement input)
    {
        var points = Json.Matrix(Json.Property(input, "points"), "points", out int n, out int d);
        var centroids = Json.Matrix(Json.Property(input, "centroids"), "centroids", out int k, out int centroidColumns);
        if (n < 1 || k < 1 || centroidColumns != d) throw new EvalInputException("kmeans needs points [n][d] and centroids [k][d]");
        return new KmeansInput(Tensor.From(points, [n, d]), Tensor.From(centroids, [k, d]));
    }
}

/// <summary>kmeans' points and centroids as Float64 tensors.</summary>
internal sealed record KmeansInput(Tensor Points, Tensor Centroids);
