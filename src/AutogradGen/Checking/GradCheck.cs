using AutogradGen.Checking;

namespace AutogradGen;

/// <summary>
/// Checks gradients against central differences, as PyTorch's <c>torch.autograd.gradcheck</c>: for tape functions
/// (<see cref="Check(Func{Tensor[], Tensor}, Tensor[], double, double, double, double)"/>) and, through delegates, for
/// scalar functions with a hand-written or generated gradient and directional derivative (<c>Scalar</c>).
/// <c>Check</c> returns a <see cref="GradCheckResult"/>; <c>Assert</c> throws a <see cref="GradCheckException"/> on failure.
/// </summary>
/// <remarks>
/// Inputs that require grad are differentiated; the others are passed through unchanged and not checked. The
/// numerical Jacobian is computed on float64 copies of the differentiated inputs, so float32 inputs are checked
/// against accurate central differences; the function must then compute in float64 (it is told if it does not).
/// Indices in messages count only differentiated inputs and outputs that require grad, as PyTorch's do.
/// </remarks>
public static partial class GradCheck
{
    /// <summary>PyTorch's default finite-difference step.</summary>
    public const double DefaultEps = 1e-6;

    /// <summary>PyTorch's default absolute tolerance.</summary>
    public const double DefaultAtol = 1e-5;

    /// <summary>PyTorch's default relative tolerance.</summary>
    public const double DefaultRtol = 1e-3;

    /// <summary>Checks the Jacobian of a single-output tape function (<c>torch.autograd.gradcheck(func, inputs)</c>).</summary>
    /// <param name="function">The function; it receives the inputs in order (float64 copies of the differentiated ones for the numerical part).</param>
    /// <param name="inputs">The arguments; those that require grad are checked.</param>
    /// <param name="eps">The central-difference step.</param>
    /// <param name="atol">Absolute tolerance: an entry passes when |analytical − numerical| ≤ atol + rtol·|numerical|.</param>
    /// <param name="rtol">Relative tolerance (see <paramref name="atol"/>).</param>
    /// <param name="nondetTol">How far two backward passes with the same grad_output may differ (0: bit for bit).</param>
    public static GradCheckResult Check(Func<Tensor[], Tensor> function, Tensor[] inputs,
        double eps = DefaultEps, double atol = DefaultAtol, double rtol = DefaultRtol, double nondetTol = 0)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Check(arguments => [function(arguments)], inputs, eps, atol, rtol, nondetTol);
    }

    /// <summary>Checks every output's Jacobian of a multi-output tape function; see the single-output overload.</summary>
    public static GradCheckResult Check(Func<Tensor[], Tensor[]> function, Tensor[] inputs,
        double eps = DefaultEps, double atol = DefaultAtol, double rtol = DefaultRtol, double nondetTol = 0)
    {
        ValidateSettings(eps, atol, rtol, nondetTol);
        return TensorGradChecker.Run(function, inputs, eps, new Tolerance(atol, rtol), nondetTol);
    }

    /// <summary>As <see cref="Check(Func{Tensor[], Tensor}, Tensor[], double, double, double, double)"/>, throwing a <see cref="GradCheckException"/> on failure: for test suites.</summary>
    public static GradCheckResult Assert(Func<Tensor[], Tensor> function, Tensor[] inputs,
        double eps = DefaultEps, double atol = DefaultAtol, double rtol = DefaultRtol, double nondetTol = 0) =>
        Check(function, inputs, eps, atol, rtol, nondetTol).ThrowIfFailed();

    /// <summary>As <see cref="Check(Func{Tensor[], Tensor[]}, Tensor[], double, double, double, double)"/>, throwing a <see cref="GradCheckException"/> on failure.</summary>
    public static GradCheckResult Assert(Func<Tensor[], Tensor[]> function, Tensor[] inputs,
        double eps = DefaultEps, double atol = DefaultAtol, double rtol = DefaultRtol, double nondetTol = 0) =>
        Check(function, inputs, eps, atol, rtol, nondetTol).ThrowIfFailed();

    internal static void ValidateSettings(double eps, double atol, double rtol, double nondetTol)
    {
        if (!(eps > 0) || double.IsInfinity(eps)) throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be a positive finite step, such as 1e-6.");
        if (!(atol >= 0)) throw new ArgumentOutOfRangeException(nameof(atol), atol, "atol must be zero or positive.");
        if (!(rtol >= 0)) throw new ArgumentOutOfRangeException(nameof(rtol), rtol, "rtol must be zero or positive.");
        if (!(nondetTol >= 0)) throw new ArgumentOutOfRangeException(nameof(nondetTol), nondetTol, "nondetTol must be zero or positive.");
    }
}
