namespace AutogradGen.Tests.Convolution;

/// <summary>Direct (loop-by-definition) convolution and pooling in double, the references the im2col kernels are held to.</summary>
internal static class ConvolutionReference
{
    /// <summary>y[n, o, i, j] = b[o] + Σ_{c in o's group, a, e} x[n, c, i·sH − pH + a·dH, j·sW − pW + e·dW] · w[o, c − group start, a, e].</summary>
    public static double[] Conv2d(double[] x, int[] xs, double[] w, int[] ws, double[]? b, (int H, int W) s, (int H, int W) p,
        (int H, int W) d, int groups, out int outH, out int outW)
    {
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3], co = ws[0], cg = ws[1], kh = ws[2], kw = ws[3];
        outH = ((h + (2 * p.H) - (d.H * (kh - 1)) - 1) / s.H) + 1;
        outW = ((wd + (2 * p.W) - (d.W * (kw - 1)) - 1) / s.W) + 1;
        var y = new double[n * co * outH * outW];
        int perGroup = co / groups;
        for (int b0 = 0; b0 < n; b0++)
        for (int o = 0; o < co; o++)
        for (int i = 0; i < outH; i++)
        for (int j = 0; j < outW; j++)
        {
            double sum = b is null ? 0 : b[o];
            int g = o / perGroup;
            for (int ci = 0; ci < cg; ci++)
            for (int a = 0; a < kh; a++)
            for (int e = 0; e < kw; e++)
            {
                int iy = (i * s.H) - p.H + (a * d.H), ix = (j * s.W) - p.W + (e * d.W);
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                sum += x[(((b0 * c) + (g * cg) + ci) * h + iy) * wd + ix] * w[(((o * cg) + ci) * kh + a) * kw + e];
            }
            y[(((b0 * co) + o) * outH + i) * outW + j] = sum;
        }
        return y;
    }

    /// <summary>Max (or mean with the divisor rule given) over each window of each plane, by definition.</summary>
    public static double[] Pool2d(double[] x, int planes, int h, int w, int k, int s, int p, int d, int outH, int outW, bool max,
        bool countIncludePad = true)
    {
        var y = new double[planes * outH * outW];
        for (int pl = 0; pl < planes; pl++)
        for (int i = 0; i < outH; i++)
        for (int j = 0; j < outW; j++)
        {
            double best = double.NegativeInfinity, sum = 0;
            int inside = 0;
            for (int a = 0; a < k; a++)
            for (int e = 0; e < k; e++)
            {
                int iy = (i * s) - p + (a * d), ix = (j * s) - p + (e * d);
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                double v = x[(pl * h + iy) * w + ix];
                best = Math.Max(best, v);
                sum += v;
                inside++;
            }
            int hEnd = Math.Min((i * s) - p + k, h + p), wEnd = Math.Min((j * s) - p + k, w + p);
            int poolSize = (hEnd - ((i * s) - p)) * (wEnd - ((j * s) - p));
            y[(pl * outH + i) * outW + j] = max ? best : sum / (countIncludePad ? poolSize : inside);
        }
        return y;
    }
}
