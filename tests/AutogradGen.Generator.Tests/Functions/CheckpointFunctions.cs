namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Time-stepping loops for per-iteration checkpointing (ARCHITECTURE.md, "Checkpointed loops"): loops whose
/// iterations overwrite whole arrays and read only part of the state from the step before, and near misses that
/// must keep the recording path. <see cref="CheckpointTests"/> checks the gradients against central differences
/// and which loops are checkpointed, from the generated text.
/// </summary>
public static partial class CheckpointFunctions
{
    /// <summary>Classic RK4 on arrays (new double[]) for y' = x·y₋₁ − y²/4: k1…k4 are rewritten each step, y is the live-in state.</summary>
    [Differentiable]
    public static double Rk4Arrays(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        int steps = 6;
        double h = 0.7 / steps;
        var y = new double[n];
        var k1 = new double[n];
        var k2 = new double[n];
        var k3 = new double[n];
        var k4 = new double[n];
        for (int i = 0; i < n; i++) y[i] = 0.5 + 0.1 * i;
        for (int step = 0; step < steps; step++)
        {
            k1[0] = x[0] - y[0] * y[0] / 4;
            for (int i = 1; i < n; i++) k1[i] = x[i] * y[i - 1] - y[i] * y[i] / 4;
            k2[0] = x[0] - (y[0] + h * k1[0] / 2) * (y[0] + h * k1[0] / 2) / 4;
            for (int i = 1; i < n; i++) k2[i] = x[i] * (y[i - 1] + h * k1[i - 1] / 2) - (y[i] + h * k1[i] / 2) * (y[i] + h * k1[i] / 2) / 4;
            k3[0] = x[0] - (y[0] + h * k2[0] / 2) * (y[0] + h * k2[0] / 2) / 4;
            for (int i = 1; i < n; i++) k3[i] = x[i] * (y[i - 1] + h * k2[i - 1] / 2) - (y[i] + h * k2[i] / 2) * (y[i] + h * k2[i] / 2) / 4;
            k4[0] = x[0] - (y[0] + h * k3[0]) * (y[0] + h * k3[0]) / 4;
            for (int i = 1; i < n; i++) k4[i] = x[i] * (y[i - 1] + h * k3[i - 1]) - (y[i] + h * k3[i]) * (y[i] + h * k3[i]) / 4;
            for (int i = 0; i < n; i++) y[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
        }

        double sum = 0;
        for (int i = 0; i < n; i++) sum += y[i] * y[i];
        return sum + k4[n - 1];
    }

    /// <summary>Explicit Euler on stackalloc'ed spans with a live-in scalar (the running energy) read non-linearly.</summary>
    [Differentiable]
    public static double EulerSpans(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> y = stackalloc double[n];
        Span<double> rate = stackalloc double[n];
        for (int i = 0; i < n; i++) y[i] = x[i];
        double energy = 0.1;
        for (int step = 0; step < 8; step++)
        {
            for (int i = 0; i < n; i++) rate[i] = -x[i] * y[i] * y[i] / 4 + 1 - energy * energy / 2;
            for (int i = 0; i < n; i++) y[i] += 0.05 * rate[i] * rate[i] / (1 + rate[i] * rate[i]);
            energy = energy * 0.5 + 0.25 * y[0] * y[n - 1];
        }

        return energy + y[n - 1] * y[0];
    }

    /// <summary>A data-dependent branch in the stage loop: which formula a step uses depends on the state.</summary>
    [Differentiable]
    public static double BranchingStages(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var y = new double[n];
        var slope = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i];
        for (int step = 0; step < 10; step++)
        {
            for (int i = 0; i < n; i++)
            {
                // Both sides and their first three derivatives are 0 at the switch: central differences across it stay accurate.
                if (y[i] > 0.2)
                {
                    double d = y[i] - 0.2;
                    slope[i] = d * d * d * d * x[(i + 1) % n] / 4;
                }
                else
                {
                    double d = y[i] - 0.2;
                    slope[i] = -(1 + y[i] * y[i]) * d * d * d * d / 4;
                }
            }

            for (int i = 0; i < n; i++) y[i] = 0.9 * y[i] + 0.1 * slope[i] / (1 + slope[i] * slope[i]);
        }

        double sum = 0;
        for (int i = 0; i < n; i++) sum += Math.Sin(y[i]);
        return sum;
    }

    /// <summary>Two stages where the second overwrites the stage array the first wrote (each stage reads the last one's values).</summary>
    [Differentiable]
    public static double RewrittenTwice(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var y = new double[n];
        var stage = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i] * 0.5;
        for (int step = 0; step < 5; step++)
        {
            for (int i = 0; i < n; i++) stage[i] = y[i] * x[i];
            for (int i = 0; i < n; i++) stage[i] = stage[i] * stage[i] + y[(i + 1) % n];
            for (int i = 0; i < n; i++) y[i] = (y[i] + 0.2 * stage[i]) / (1 + y[i] * y[i]);
        }

        return y[0] * y[n - 1] + stage[1];
    }

    /// <summary>
    /// Near miss: the stage array is rewritten from index 1 only, so its element 0 is live-in: both arrays would be
    /// saved per step against the two values a step records per element, and the loop keeps recording.
    /// </summary>
    [Differentiable]
    public static double PartlyRewrittenStage(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var y = new double[n];
        var stage = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i];
        stage[0] = 0.3;
        for (int step = 0; step < 6; step++)
        {
            for (int i = 1; i < n; i++) stage[i] = Math.Tanh(y[i] * y[i - 1]) + stage[i - 1] * 0.1;
            for (int i = 0; i < n; i++) y[i] = y[i] - 0.05 * stage[i] * y[i];
            stage[0] = Math.Tanh(stage[0] * y[0]);
        }

        return y[n - 1] + stage[0];
    }

    /// <summary>Near miss: code before the loop reads back, in its reverse, the stage array the loop overwrites.</summary>
    [Differentiable]
    public static double StageReadBeforeLoop(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var y = new double[n];
        var stage = new double[n];
        for (int i = 0; i < n; i++) stage[i] = x[i] * x[i];
        double before = stage[0] * stage[n - 1];
        for (int i = 0; i < n; i++) y[i] = x[i];
        for (int step = 0; step < 4; step++)
        {
            for (int i = 0; i < n; i++) stage[i] = y[i] * y[i];
            for (int i = 0; i < n; i++) y[i] = y[i] - 0.1 * stage[i];
        }

        return before + y[0] * y[n - 1];
    }

    /// <summary>
    /// Second order through a checkpointed loop: the Hessian-vector product is the pullback's own code on dual
    /// numbers, checkpoints and re-runs included. A midpoint step with a live-in int counter read as a coefficient.
    /// </summary>
    [Differentiable(SecondOrder = true)]
    public static double MidpointSecondOrder(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        Span<double> y = stackalloc double[n];
        Span<double> half = stackalloc double[n];
        for (int i = 0; i < n; i++) y[i] = x[i] * 0.5;
        int parity = 0;
        for (int step = 0; step < 4; step++)
        {
            for (int i = 0; i < n; i++) half[i] = y[i] + 0.05 * (x[i] - y[i] * y[i]);
            for (int i = 0; i < n; i++) y[i] = y[i] + 0.1 * (x[i] * (1 + parity) - half[i] * half[i]);
            parity = 1 - parity;
        }

        return y[0] * y[n - 1] + y[1] * y[1];
    }

    /// <summary>Near miss: the step computes transcendental functions, which a re-run would compute again: it keeps recording.</summary>
    [Differentiable]
    public static double TranscendentalStages(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var y = new double[n];
        var stage = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i];
        for (int step = 0; step < 5; step++)
        {
            for (int i = 0; i < n; i++) stage[i] = Math.Tanh(y[i]) * x[i];
            for (int i = 0; i < n; i++) y[i] = y[i] + 0.1 * stage[i] * stage[i];
        }

        return y[0] + y[n - 1];
    }

    /// <summary>Near miss: the step's records are scalars only (no nested loop), so recording them is cheaper than saving the state.</summary>
    [Differentiable]
    public static double ScalarRecurrence(ReadOnlySpan<double> x)
    {
        double a = x[0];
        double b = x[1];
        for (int step = 0; step < 20; step++)
        {
            double next = a * Math.Cos(b) + 0.1 * x[step % x.Length];
            b = Math.Sin(a) * b;
            a = next;
        }

        return a + b;
    }
}
