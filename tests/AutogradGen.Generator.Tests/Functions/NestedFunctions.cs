namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Nested derivatives: [Differentiable] methods that call another method's generated Gradient or Derivative, in the
/// four combinations of GradBench's particle and saddle (outer Gradient or Derivative over inner Gradient or
/// Derivative). Checked by <c>NestedDerivativeTests</c> against central differences of the outer method and closed forms.
/// </summary>
public static partial class NestedFunctions
{
    /// <summary>f(x, y; w), differentiated with respect to x and y only: w is a parameter the gradient does not cover.</summary>
    [Differentiable(nameof(x), nameof(y), SecondOrder = true)]
    public static double Inner(double x, double y, double w) => w * x * x * y + Math.Sin(x * y) + Math.Exp(0.1 * w * x);

    /// <summary>Every parameter differentiated.</summary>
    [Differentiable(SecondOrder = true)]
    public static double Bowl(double x, double y) => (x * x + 3 * y * y) * Math.Exp(0.1 * x * y);

    /// <summary>The inner gradient's value and both components, with arguments that depend on a and b (w too).</summary>
    [Differentiable]
    public static double OfGradient(double a, double b)
    {
        double v = InnerGradient(a * b, a + b, b, out double gx, out double gy);
        return v * gx + gy * gy;
    }

    /// <summary>The inner Derivative along unit vectors and along a direction that depends on the inputs.</summary>
    [Differentiable]
    public static double OfDerivative(double a, double b)
    {
        double dx = InnerDerivative(a * b, a + b, b, 1.0, 0.0).Derivative;
        double dy = InnerDerivative(a * b, a + b, b, 0.0, a).Derivative;
        double v = InnerDerivative(a * b, a + b, b, 0.0, 0.0).Value;
        return v * dx + dy * dy;
    }

    /// <summary>
    /// OfGradient with each argument written in parentheses, as a conditional and negated, and a Derivative's
    /// direction in parentheses: the call does not bind before generation, and C# has no operation for parentheses.
    /// </summary>
    [Differentiable]
    public static double OfParenthesizedArguments(double a, double b)
    {
        double v = InnerGradient((a * b), (a > b ? a : b), (-(b)), out double gx, out double gy);
        double d = InnerDerivative((a - b), b, a, (a * a), 1.0).Derivative;
        return v * gx + gy * gy + d;
    }

    /// <summary>A gradient step inside a loop: the iterate depends on the inner gradient, as in gradient descent.</summary>
    [Differentiable]
    public static double Descent(double a, double b)
    {
        double x = a;
        double y = b;
        for (int i = 0; i < 5; i++)
        {
            BowlGradient(x, y, out double gx, out double gy);
            x -= 0.05 * gx;
            y -= 0.05 * gy;
        }

        return Bowl(x, y) + x * y;
    }

    /// <summary>
    /// particle in small: Euler steps of a particle pulled by the inner gradient of a potential whose second charge
    /// sits at w, until it crosses the x axis (a while (true) loop with an early return).
    /// </summary>
    [Differentiable]
    public static double Particle(double w)
    {
        double x = 0.0;
        double y = 8.0;
        double vx = 0.75;
        double vy = 0.0;
        double dt = 0.1;
        while (true)
        {
            PotentialGradient(x, y, w, out double ax, out double ay);
            x += dt * vx;
            y += dt * vy;
            if (y <= 0)
            {
                double tf = -y / vy;
                double xf = x + tf * vx;
                return xf * xf;
            }

            vx -= dt * ax;
            vy -= dt * ay;
        }
    }

    /// <summary>The same trajectory with the accelerations from the inner Derivative along the axes.</summary>
    [Differentiable]
    public static double ParticleByDerivatives(double w)
    {
        double x = 0.0;
        double y = 8.0;
        double vx = 0.75;
        double vy = 0.0;
        double dt = 0.1;
        while (true)
        {
            double ax = PotentialDerivative(x, y, w, 1.0, 0.0).Derivative;
            double ay = PotentialDerivative(x, y, w, 0.0, 1.0).Derivative;
            x += dt * vx;
            y += dt * vy;
            if (y <= 0)
            {
                double tf = -y / vy;
                double xf = x + tf * vx;
                return xf * xf;
            }

            vx -= dt * ax;
            vy -= dt * ay;
        }
    }

    /// <summary>particle's potential of two unit charges at (10, 10 - w) and (10, 0).</summary>
    [Differentiable(nameof(x), nameof(y), SecondOrder = true)]
    public static double Potential(double x, double y, double w) =>
        1 / Math.Sqrt((x - 10) * (x - 10) + (y - (10 - w)) * (y - (10 - w))) + 1 / Math.Sqrt((x - 10) * (x - 10) + y * y);
}
