namespace AutogradGen.Benchmarks.Workloads.Gmm;

/// <summary>
/// One ADBench GMM problem: the data (n points of dimension d, the Wishart prior's γ and m) and the
/// starting parameters, packed in the order the gradient uses: k alphas, then k·d means (component by
/// component), then k·d(d+1)/2 inverse-covariance factors (per component: d log-diagonal entries q, then
/// the strictly lower triangle l column by column).
/// </summary>
public sealed class GmmInstance
{
    private readonly double[] _parameters;
    private readonly double[] _points;

    /// <summary>Creates an instance, checking that the arrays have the lengths d, k and n imply.</summary>
    /// <exception cref="ArgumentException">A length or a size does not fit.</exception>
    public GmmInstance(int dimension, int componentCount, double[] parameters, double[] points, double wishartGamma, int wishartM)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(componentCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(wishartM);
        if (!(wishartGamma > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(wishartGamma), wishartGamma, "The Wishart prior's gamma must be positive.");
        }

        int expectedParameters = ParameterCountFor(dimension, componentCount);
        if (parameters.Length != expectedParameters)
        {
            throw new ArgumentException(
                $"d = {dimension} and k = {componentCount} need {expectedParameters} parameters (k + k·d + k·d(d+1)/2), but {parameters.Length} were given.",
                nameof(parameters));
        }

        if (points.Length == 0 || points.Length % dimension != 0)
        {
            throw new ArgumentException(
                $"The points must be n ≥ 1 rows of d = {dimension} values, but {points.Length} values were given.", nameof(points));
        }

        Dimension = dimension;
        ComponentCount = componentCount;
        PointCount = points.Length / dimension;
        WishartGamma = wishartGamma;
        WishartM = wishartM;
        _parameters = parameters;
        _points = points;
    }

    /// <summary>d, the dimension of every point.</summary>
    public int Dimension { get; }

    /// <summary>k, the number of mixture components.</summary>
    public int ComponentCount { get; }

    /// <summary>n, the number of points.</summary>
    public int PointCount { get; }

    /// <summary>γ of the Wishart prior.</summary>
    public double WishartGamma { get; }

    /// <summary>m of the Wishart prior (degrees of freedom beyond d + 1).</summary>
    public int WishartM { get; }

    /// <summary>d(d+1)/2: the inverse-covariance factors of one component.</summary>
    public int IcfLength => IcfLengthFor(Dimension);

    /// <summary>k + k·d + k·d(d+1)/2: the length of the parameter vector and of the gradient.</summary>
    public int ParameterCount => _parameters.Length;

    /// <summary>Offset of the first mean in the parameter vector (the alphas come first).</summary>
    public int MeansOffset => ComponentCount;

    /// <summary>Offset of the first inverse-covariance factor in the parameter vector.</summary>
    public int IcfOffset => ComponentCount + ComponentCount * Dimension;

    /// <summary>The starting parameters, packed as the class summary describes.</summary>
    public ReadOnlySpan<double> Parameters => _parameters;

    /// <summary>The n points, row-major (point i is entries i·d to i·d + d - 1).</summary>
    public ReadOnlySpan<double> Points => _points;

    /// <summary>d(d+1)/2.</summary>
    public static int IcfLengthFor(int dimension) => dimension * (dimension + 1) / 2;

    /// <summary>k + k·d + k·d(d+1)/2.</summary>
    public static int ParameterCountFor(int dimension, int componentCount) =>
        componentCount * (1 + dimension + IcfLengthFor(dimension));
}
