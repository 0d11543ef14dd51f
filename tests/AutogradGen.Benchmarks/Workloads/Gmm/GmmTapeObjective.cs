namespace AutogradGen.Benchmarks.Workloads.Gmm;

/// <summary>
/// ADBench's GMM objective written with whole-tensor operations for the tape engine, as PyTorch code would write
/// it: all components and points at once, Q_c built from icf by a gather into a zero-padded copy of the lower
/// parts plus exp(q_c) on the diagonal, Q_c (x_i - μ_c) as one batched matrix product, and the log-sum-exps with
/// a detached maximum. The constant tensors (points, the gather index, the identity) are made once per instance.
/// </summary>
public sealed class GmmTapeObjective
{
    private readonly int _d;
    private readonly int _k;
    private readonly int _n;
    private readonly double _gamma;
    private readonly int _m;
    private readonly double _constant;
    private readonly Tensor _points;
    private readonly Tensor _lowerIndex;
    private readonly Tensor _identity;
    private readonly Tensor _zeroColumn;

    /// <summary>Prepares the constant tensors of <paramref name="instance"/>.</summary>
    public GmmTapeObjective(GmmInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _d = instance.Dimension;
        _k = instance.ComponentCount;
        _n = instance.PointCount;
        _gamma = instance.WishartGamma;
        _m = instance.WishartM;
        _constant = -0.5 * _n * _d * Math.Log(2.0 * Math.PI) - _k * GmmObjective.WishartConstant(_d, _gamma, _m);
        _points = Tensor.From(instance.Points.ToArray(), [_n, _d]);
        _lowerIndex = Tensor.From(LowerIndex(_d, _k), [_k, _d * _d]);
        _identity = Tensor.Eye(_d, dtype: DType.Float64);
        _zeroColumn = Tensor.Zeros([_k, 1], dtype: DType.Float64);
    }

    /// <summary>The objective of the packed parameters (alphas, means, icf), recorded on the tape.</summary>
    public Tensor Value(Tensor parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int icfLength = GmmInstance.IcfLengthFor(_d);
        Tensor alphas = parameters.Narrow(0, 0, _k);
        Tensor means = parameters.Narrow(0, _k, _k * _d).View([_k, _d]);
        Tensor icf = parameters.Narrow(0, _k + _k * _d, _k * icfLength).View([_k, icfLength]);
        Tensor q = icf.Narrow(1, 0, _d);
        Tensor lower = icf.Narrow(1, _d, icfLength - _d);
        Tensor expQ = q.Exp();

        // Q[c, r, s] = exp(q[c, r]) if r == s, the packed lower entry if r > s, and 0 above the diagonal.
        Tensor diagonal = expQ.Unsqueeze(2) * _identity;
        Tensor strictlyLower = Tensor.Cat([_zeroColumn, lower], dim: 1).Gather(1, _lowerIndex).View([_k, _d, _d]);
        Tensor transform = diagonal + strictlyLower;

        Tensor centered = _points.Unsqueeze(0) - means.Unsqueeze(1);            // [k, n, d]
        Tensor transformed = centered.Bmm(transform.Transpose(1, 2));           // [k, n, d]
        Tensor squaredNorms = (transformed * transformed).Sum(2);               // [k, n]
        Tensor mainTerms = alphas.Unsqueeze(1) + q.Sum(1, keepDim: true) - 0.5 * squaredNorms;

        Tensor pointMax = mainTerms.Max(0, keepDim: true).Values.Detach();      // [1, n]
        Tensor logSumExps = (mainTerms - pointMax).Exp().Sum(0).Log() + pointMax.Squeeze(0);
        Tensor alphaMax = alphas.Max().Detach();
        Tensor alphasLogSumExp = (alphas - alphaMax).Exp().Sum().Log() + alphaMax;

        Tensor frobenius = (expQ * expQ).Sum() + (lower * lower).Sum();
        Tensor prior = 0.5 * _gamma * _gamma * frobenius - _m * q.Sum();
        return logSumExps.Sum() - _n * alphasLogSumExp + prior + _constant;
    }

    /// <summary>
    /// For every component, the d × d positions of Q in row-major order: 1 + the position of entry (r, s), r &gt; s,
    /// among the strictly lower entries stored column by column, and 0 (the zero column) elsewhere.
    /// </summary>
    private static long[] LowerIndex(int d, int k)
    {
        var one = new long[d * d];
        int packed = 1;
        for (int column = 0; column < d; column++)
        {
            for (int row = column + 1; row < d; row++)
            {
                one[row * d + column] = packed++;
            }
        }

        var all = new long[k * d * d];
        for (int c = 0; c < k; c++)
        {
            one.CopyTo(all, c * d * d);
        }

        return all;
    }
}
