namespace AutogradGen.Benchmarks.Workloads.Gmm;

/// <summary>
/// Scratch memory for the GMM objective and its gradient, allocated once per problem size so that
/// a call allocates nothing.
/// </summary>
public sealed class GmmWorkspace
{
    /// <summary>Allocates scratch for dimension d and k components.</summary>
    public GmmWorkspace(int dimension, int componentCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(componentCount, 1);
        Dimension = dimension;
        ComponentCount = componentCount;
        ExpDiagonals = new double[componentCount * dimension];
        DiagonalSums = new double[componentCount];
        MainTerms = new double[componentCount];
        Centered = new double[componentCount * dimension];
        Transformed = new double[componentCount * dimension];
    }

    /// <summary>Allocates scratch that fits <paramref name="instance"/>.</summary>
    public GmmWorkspace(GmmInstance instance)
        : this((instance ?? throw new ArgumentNullException(nameof(instance))).Dimension, instance.ComponentCount)
    {
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>k.</summary>
    public int ComponentCount { get; }

    /// <summary>exp(q_c) for every component c: the diagonal of Q_c (k·d).</summary>
    internal double[] ExpDiagonals { get; }

    /// <summary>Σ_j q_cj = log det Q_c for every component (k).</summary>
    internal double[] DiagonalSums { get; }

    /// <summary>alpha_c + Σ q_c - ½‖Q_c (x - μ_c)‖² for the current point (k).</summary>
    internal double[] MainTerms { get; }

    /// <summary>x - μ_c for the current point and every component (k·d).</summary>
    internal double[] Centered { get; }

    /// <summary>Q_c (x - μ_c) for the current point and every component (k·d).</summary>
    internal double[] Transformed { get; }
}
