using AutogradGen.Checking;

namespace AutogradGen;

public static partial class GradCheck
{
    /// <summary>Default finite-difference step for float functions, whose rounding would swamp a step of 1e-6.</summary>
    public const double DefaultFloatEps = 1e-3;

    /// <summary>Default absolute tolerance for float functions.</summary>
    public const double DefaultFloatAtol = 1e-3;

    /// <summary>Default relative tolerance for float functions.</summary>
    public const double DefaultFloatRtol = 1e-2;

    /// <summary>
    /// Checks the derivatives of a scalar function of a point, such as a generated <c>{Name}Gradient</c> and
    /// <c>{Name}Derivative</c> or hand-written ones, without any tensor: the gradient against central differences (and
    /// its returned value against the function, and a second call against the first), and the forward-mode derivative
    /// against ⟨gradient, direction⟩ along <paramref name="directions"/> seeded random directions.
    /// <code>
    /// GradCheck.Scalar(
    ///     x =&gt; Objectives.Rosenbrock(x[0], x[1]),
    ///     (x, g) =&gt; Objectives.RosenbrockGradient(x[0], x[1], out g[0], out g[1]),
    ///     (x, t) =&gt; Objectives.RosenbrockDerivative(x[0], x[1], t[0], t[1]).Derivative,
    ///     [-1.2, 1.0]);
    /// </code>
    /// </summary>
    /// <param name="function">The function.</param>
    /// <param name="gradient">Writes the gradient and returns the value.</param>
    /// <param name="derivative">The directional derivative, or null to check the gradient only.</param>
    /// <param name="point">Where to check.</param>
    /// <param name="eps">The central-difference step.</param>
    /// <param name="atol">Absolute tolerance: a value passes when |analytical − reference| ≤ atol + rtol·|reference|.</param>
    /// <param name="rtol">Relative tolerance.</param>
    /// <param name="directions">How many random directions the forward-mode derivative is checked along.</param>
    /// <param name="seed">Seed of the generator that draws the directions (standard normal).</param>
    public static GradCheckResult Scalar(ScalarFunction<double> function, GradientFunction<double> gradient, ForwardFunction<double>? derivative, double[] point,
        double eps = DefaultEps, double atol = DefaultAtol, double rtol = DefaultRtol, int directions = 3, ulong seed = 0) =>
        RunScalar(function, gradient, derivative, point, eps, atol, rtol, directions, seed);

    /// <summary>The float version of <see cref="Scalar(ScalarFunction{double}, GradientFunction{double}, ForwardFunction{double}, double[], double, double, double, int, ulong)"/>, with a larger step and looser tolerances by default.</summary>
    public static GradCheckResult Scalar(ScalarFunction<float> function, GradientFunction<float> gradient, ForwardFunction<float>? derivative, float[] point,
        double eps = DefaultFloatEps, double atol = DefaultFloatAtol, double rtol = DefaultFloatRtol, int directions = 3, ulong seed = 0) =>
        RunScalar(function, gradient, derivative, point, eps, atol, rtol, directions, seed);

    /// <summary>As <see cref="Scalar(ScalarFunction{double}, GradientFunction{double}, ForwardFunction{double}, double[], double, double, double, int, ulong)"/>, throwing a <see cref="GradCheckException"/> on failure.</summary>
    public static GradCheckResult AssertScalar(ScalarFunction<double> function, GradientFunction<double> gradient, ForwardFunction<double>? derivative, double[] point,
        double eps = DefaultEps, double atol = DefaultAtol, double rtol = DefaultRtol, int directions = 3, ulong seed = 0) =>
        Scalar(function, gradient, derivative, point, eps, atol, rtol, directions, seed).ThrowIfFailed();

    /// <summary>As the float <c>Scalar</c>, throwing a <see cref="GradCheckException"/> on failure.</summary>
    public static GradCheckResult AssertScalar(ScalarFunction<float> function, GradientFunction<float> gradient, ForwardFunction<float>? derivative, float[] point,
        double eps = DefaultFloatEps, double atol = DefaultFloatAtol, double rtol = DefaultFloatRtol, int directions = 3, ulong seed = 0) =>
        Scalar(function, gradient, derivative, point, eps, atol, rtol, directions, seed).ThrowIfFailed();

    private static GradCheckResult RunScalar<T>(ScalarFunction<T> function, GradientFunction<T> gradient, ForwardFunction<T>? derivative, T[] point,
        double eps, double atol, double rtol, int directions, ulong seed)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(point);
        ValidateSettings(eps, atol, rtol, nondetTol: 0);
        ArgumentOutOfRangeException.ThrowIfNegative(directions);
        return new ScalarGradChecker<T>(function, new Tolerance(atol, rtol)).Run(gradient, derivative, point, eps, directions, seed);
    }
}
