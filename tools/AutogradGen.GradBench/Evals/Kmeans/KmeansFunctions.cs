namespace AutogradGen.GradBench.Evals.Kmeans;

/// <summary>GradBench's kmeans eval (<c>cpp/gradbench/evals/kmeans.hpp</c>).</summary>
public static partial class KmeansFunctions
{
    /// <summary>
    /// Σᵢ minⱼ ‖pointᵢ − centroidⱼ‖² for points (n × d) and centroids (k × d), with the squared distances
    /// expanded as ‖p‖² − 2 p·c + ‖c‖² so that they are one matrix product. Written over tensors: its Hessian is
    /// needed, which takes a derivative of a derivative, and only the tape nests derivatives today (the generated
    /// gradient of this method is the first derivative; under createGraph its node runs this body on the tape).
    /// </summary>
    [Differentiable(nameof(centroids))]
    public static Tensor Cost(Tensor points, Tensor centroids)
    {
        var pointNorms = (points * points).Sum(1, keepDim: true);
        var centroidNorms = (centroids * centroids).Sum(1);
        var distances = pointNorms - 2 * points.MatMul(centroids.T()) + centroidNorms;
        return distances.Min(1, keepDim: false).Values.Sum();
    }
}
