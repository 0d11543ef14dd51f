namespace AutogradGen;

/// <summary>
/// A gradient check failed (PyTorch's <c>GradcheckError</c>). The message is the check's report, in PyTorch's words
/// where PyTorch has them: <c>Jacobian mismatch for output 0 with respect to input 1,</c> then the numerical and
/// analytical Jacobians.
/// </summary>
public class GradCheckException : AutogradException
{
    /// <summary>Creates the exception with the failed check's result, whose message it carries.</summary>
    public GradCheckException(GradCheckResult result) : base(result?.Message ?? string.Empty) => Result = result;

    /// <summary>Creates the exception with a message.</summary>
    public GradCheckException(string message) : base(message) { }

    /// <summary>Creates the exception with no message.</summary>
    public GradCheckException() { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public GradCheckException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The result of the check that failed, with its per-input errors; null when built from a message alone.</summary>
    public GradCheckResult? Result { get; }
}
