namespace AutogradGen.GradBench.Evals.Particle;

/// <summary>
/// GradBench's particle eval (<c>evals/particle/README.md</c>, <c>cpp/gradbench/evals/particle.hpp</c>, the finite
/// tool's <c>Outer::objective</c>): a unit charge starts at (0, 8) with velocity (0.75, 0), pulled by unit charges at
/// (10, 10 − w) and (10, 0); naive Euler steps of 0.1 until it crosses the x axis, linear interpolation to where it
/// lands, and the objective is that x squared. The force is minus the gradient of the potential: a derivative inside
/// the function, taken by the generated <c>PotentialGradient</c> or <c>PotentialDerivative</c> (the inner mode), and
/// the objective is differentiated again by its own generated Gradient or Derivative (the outer mode).
/// </summary>
public static partial class ParticleFunctions
{
    /// <summary>
    /// The potential at (x, y) of the two fixed charges, p(x; w) = 1/‖x − (10, 10 − w)‖ + 1/‖x − (10, 0)‖, as a
    /// function of the position only (w is not differentiated: the force is −∇ₓp), with the second derivatives that
    /// nesting needs, including those in w, which the objective's derivative flows through.
    /// </summary>
    [Differentiable(nameof(x), nameof(y), SecondOrder = true)]
    public static double Potential(double x, double y, double w) =>
        1 / Distance(10, 10 - w, x, y) + 1 / Distance(10, 0, x, y);

    /// <summary><c>dist</c>: the Euclidean distance of two points (second order too, as the potential's second derivatives go through it).</summary>
    [Differentiable(SecondOrder = true)]
    public static double Distance(double ux, double uy, double vx, double vy) => Math.Sqrt((ux - vx) * (ux - vx) + (uy - vy) * (uy - vy));

    /// <summary>x₀(t_f)², the acceleration by the inner reverse mode (PotentialGradient): the rr and fr objective.</summary>
    [Differentiable]
    public static double Landing(double w)
    {
        double x = 0.0, y = 8.0;
        double vx = 0.75, vy = 0.0;
        double dt = 0.1;
        while (true)
        {
            PotentialGradient(x, y, w, out double gx, out double gy);
            double ax = -gx;
            double ay = -gy;
            x += dt * vx;
            y += dt * vy;
            if (y <= 0)
            {
                double tf = -y / vy;
                double xf = x + tf * vx;
                return xf * xf;
            }

            vx += dt * ax;
            vy += dt * ay;
        }
    }

    /// <summary>x₀(t_f)², the acceleration by the inner forward mode (PotentialDerivative along each axis): the ff and rf objective.</summary>
    [Differentiable]
    public static double LandingByDerivatives(double w)
    {
        double x = 0.0, y = 8.0;
        double vx = 0.75, vy = 0.0;
        double dt = 0.1;
        while (true)
        {
            double ax = -PotentialDerivative(x, y, w, 1.0, 0.0).Derivative;
            double ay = -PotentialDerivative(x, y, w, 0.0, 1.0).Derivative;
            x += dt * vx;
            y += dt * vy;
            if (y <= 0)
            {
                double tf = -y / vy;
                double xf = x + tf * vx;
                return xf * xf;
            }

            vx += dt * ax;
            vy += dt * ay;
        }
    }
}
