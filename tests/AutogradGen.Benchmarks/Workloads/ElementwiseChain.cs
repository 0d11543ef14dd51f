namespace AutogradGen.Benchmarks.Workloads;

/// <summary>
/// A chain of element-wise operations on three Float64 vectors and its gradient:
/// f(a, b, c) = Σ (tanh(a·b + c) · sigmoid(a))², written by hand as one fused loop (the baseline the tape's
/// ElementwiseChain row is compared with). With u = a·b + c, t = tanh u, s = sigmoid a, w = t·s:
/// ∂f/∂w = 2w, ∂f/∂u = 2w·s·(1 - t²), ∂f/∂a = ∂f/∂u·b + 2w·t·s·(1 - s), ∂f/∂b = ∂f/∂u·a, ∂f/∂c = ∂f/∂u.
/// </summary>
public static class ElementwiseChain
{
    /// <summary>f(a, b, c).</summary>
    public static double Value(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double w = Math.Tanh((a[i] * b[i]) + c[i]) / (1.0 + Math.Exp(-a[i]));
            sum += w * w;
        }
        return sum;
    }

    /// <summary>f(a, b, c), with its gradient written (not added) into the three gradient spans.</summary>
    public static double ValueAndGradient(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        Span<double> aGradient, Span<double> bGradient, Span<double> cGradient)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double t = Math.Tanh((a[i] * b[i]) + c[i]);
            double s = 1.0 / (1.0 + Math.Exp(-a[i]));
            double w = t * s;
            sum += w * w;
            double wBar = 2.0 * w;
            double uBar = wBar * s * (1.0 - (t * t));
            aGradient[i] = (uBar * b[i]) + (wBar * t * s * (1.0 - s));
            bGradient[i] = uBar * a[i];
            cGradient[i] = uBar;
        }
        return sum;
    }
}
