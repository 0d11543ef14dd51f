namespace AutogradGen.Tests.Checking;

/// <summary>
/// Hand-written derivatives in the shapes the generator emits: <c>{Name}Gradient(args, out dx...)</c> returning the
/// value and <c>{Name}Derivative(args, tangents...)</c> returning (Value, Derivative); plus planted mistakes.
/// </summary>
internal static class Objectives
{
    public static double Rosenbrock(double x, double y) => ((1 - x) * (1 - x)) + (100 * (y - (x * x)) * (y - (x * x)));

    public static double RosenbrockGradient(double x, double y, out double dx, out double dy)
    {
        double inner = y - (x * x);
        dx = (-2 * (1 - x)) - (400 * x * inner);
        dy = 200 * inner;
        return Rosenbrock(x, y);
    }

    public static (double Value, double Derivative) RosenbrockDerivative(double x, double y, double tx, double ty)
    {
        RosenbrockGradient(x, y, out double dx, out double dy);
        return (Rosenbrock(x, y), (dx * tx) + (dy * ty));
    }

    /// <summary>The planted mistake: ∂/∂y written as 100·(y − x²), half the true value.</summary>
    public static double RosenbrockWrongGradient(double x, double y, out double dx, out double dy)
    {
        double value = RosenbrockGradient(x, y, out dx, out _);
        dy = 100 * (y - (x * x));
        return value;
    }

    /// <summary>The planted mistake: the forward-mode derivative drops the tangent of y.</summary>
    public static (double Value, double Derivative) RosenbrockWrongDerivative(double x, double y, double tx, double ty)
    {
        _ = ty;
        RosenbrockGradient(x, y, out double dx, out _);
        return (Rosenbrock(x, y), dx * tx);
    }

    public static float RosenbrockF(float x, float y) => ((1 - x) * (1 - x)) + (100 * (y - (x * x)) * (y - (x * x)));

    public static float RosenbrockFGradient(float x, float y, out float dx, out float dy)
    {
        float inner = y - (x * x);
        dx = (-2 * (1 - x)) - (400 * x * inner);
        dy = 200 * inner;
        return RosenbrockF(x, y);
    }

    public static (float Value, float Derivative) RosenbrockFDerivative(float x, float y, float tx, float ty)
    {
        RosenbrockFGradient(x, y, out float dx, out float dy);
        return (RosenbrockF(x, y), (dx * tx) + (dy * ty));
    }

    /// <summary>A span-parameter method: the logistic loss log(1 + exp(−⟨w, f⟩)) for fixed features f.</summary>
    public static double LogisticLoss(ReadOnlySpan<double> weights)
    {
        double margin = 0;
        for (int i = 0; i < weights.Length; i++) margin += weights[i] * Feature(i);
        return Math.Log(1 + Math.Exp(-margin));
    }

    public static double LogisticLossGradient(ReadOnlySpan<double> weights, Span<double> gradient)
    {
        double margin = 0;
        for (int i = 0; i < weights.Length; i++) margin += weights[i] * Feature(i);
        double scale = -1 / (1 + Math.Exp(margin));
        for (int i = 0; i < weights.Length; i++) gradient[i] = scale * Feature(i);
        return Math.Log(1 + Math.Exp(-margin));
    }

    /// <summary>
    /// A span and a scalar, with the generator's convention that a span gradient is added to (as .grad accumulates):
    /// the loss log(1 + exp(−(⟨w, f⟩ + b))).
    /// </summary>
    public static double BiasedLogisticLossGradient(ReadOnlySpan<double> weights, double bias, Span<double> weightGradient, out double biasGradient)
    {
        double margin = bias;
        for (int i = 0; i < weights.Length; i++) margin += weights[i] * Feature(i);
        double scale = -1 / (1 + Math.Exp(margin));
        for (int i = 0; i < weights.Length; i++) weightGradient[i] += scale * Feature(i);
        biasGradient = scale;
        return Math.Log(1 + Math.Exp(-margin));
    }

    public static double BiasedLogisticLoss(ReadOnlySpan<double> weights, double bias)
    {
        double margin = bias;
        for (int i = 0; i < weights.Length; i++) margin += weights[i] * Feature(i);
        return Math.Log(1 + Math.Exp(-margin));
    }

    private static double Feature(int i) => 0.5 + (0.3 * i) - (0.1 * i * i);
}
