namespace AutogradGen;

/// <summary>
/// The outcome of a gradient check: whether it passed, the report, and the error of each compared block, so a test
/// can assert on more than pass or fail. <see cref="ThrowIfFailed"/> turns a failure into a <see cref="GradCheckException"/>.
/// </summary>
public sealed class GradCheckResult
{
    internal GradCheckResult(string? failure, IReadOnlyList<JacobianComparison> jacobians, IReadOnlyList<DirectionalComparison> directions)
    {
        Message = failure ?? string.Empty;
        Jacobians = jacobians;
        Directions = directions;
    }

    /// <summary>Whether every check passed.</summary>
    public bool Passed => Message.Length == 0;

    /// <summary>The report of the first failure, in PyTorch's words where it has them; empty when the check passed.</summary>
    public string Message { get; }

    /// <summary>
    /// One comparison per (differentiable output, differentiable input) pair, outputs first, in PyTorch's order;
    /// for <c>GradCheck.Scalar</c>, one per coordinate of the point.
    /// </summary>
    public IReadOnlyList<JacobianComparison> Jacobians { get; }

    /// <summary>The forward-mode comparisons of <c>GradCheck.Scalar</c>, one per direction; empty for tensor checks.</summary>
    public IReadOnlyList<DirectionalComparison> Directions { get; }

    /// <summary>The largest absolute error between the analytical and numerical Jacobians over every block (0 if none was compared).</summary>
    public double MaxAbsoluteError => Jacobians.Count == 0 ? 0 : Jacobians.Max(static comparison => comparison.MaxAbsoluteError);

    /// <summary>The largest relative error over every block (see <see cref="JacobianComparison.MaxRelativeError"/>).</summary>
    public double MaxRelativeError => Jacobians.Count == 0 ? 0 : Jacobians.Max(static comparison => comparison.MaxRelativeError);

    /// <summary>The block whose worst entry is furthest outside its tolerance (or closest to it, when all passed); null when nothing was compared.</summary>
    public JacobianComparison? Worst => Jacobians.Count == 0 ? null : Jacobians.MaxBy(static comparison => comparison.WorstExcess);

    /// <summary>Throws a <see cref="GradCheckException"/> with <see cref="Message"/> if the check failed; returns this result otherwise.</summary>
    public GradCheckResult ThrowIfFailed() => Passed ? this : throw new GradCheckException(this);

    /// <summary>"passed", or the failure report.</summary>
    public override string ToString() => Passed ? "passed" : Message;
}

/// <summary>
/// The analytical and numerical Jacobians of one output with respect to one input, compared entry by entry as
/// PyTorch's <c>allclose</c>: |analytical − numerical| ≤ atol + rtol·|numerical|.
/// </summary>
/// <param name="OutputIndex">Index among the differentiable outputs (those that require grad), as in PyTorch's message.</param>
/// <param name="InputIndex">Index among the inputs that require grad, as in PyTorch's message.</param>
/// <param name="ArgumentIndex">Position of that input in the array passed to the check.</param>
/// <param name="MaxAbsoluteError">The largest |analytical − numerical| (infinity where one is NaN and the other not).</param>
/// <param name="MaxRelativeError">The largest |analytical − numerical| / |numerical|; infinity where numerical is 0 and analytical not.</param>
/// <param name="Worst">The entry furthest outside (or closest to) its tolerance.</param>
/// <param name="Passed">Whether every entry is within tolerance.</param>
public sealed record JacobianComparison(
    int OutputIndex,
    int InputIndex,
    int ArgumentIndex,
    double MaxAbsoluteError,
    double MaxRelativeError,
    JacobianEntry Worst,
    bool Passed)
{
    /// <summary>The worst entry's error divided by its allowed error (above 1 means it failed).</summary>
    public double WorstExcess { get; init; }
}

/// <summary>One entry of a Jacobian: d output[OutputElement] / d input[InputElement], both as flat row-major indices.</summary>
/// <param name="InputElement">Flat index of the input element (the Jacobian's row, as PyTorch lays it out).</param>
/// <param name="OutputElement">Flat index of the output element (the Jacobian's column).</param>
/// <param name="Numerical">The central-difference value.</param>
/// <param name="Analytical">The value from the backward pass (or the user's gradient).</param>
public readonly record struct JacobianEntry(int InputElement, int OutputElement, double Numerical, double Analytical);

/// <summary>A forward-mode directional derivative compared with ⟨gradient, direction⟩ from reverse mode.</summary>
/// <param name="DirectionIndex">Which of the seeded random directions.</param>
/// <param name="Direction">The direction.</param>
/// <param name="Forward">The derivative the forward-mode function returned.</param>
/// <param name="Reverse">⟨gradient, direction⟩ with the reverse-mode gradient.</param>
/// <param name="AbsoluteError">|forward − reverse|.</param>
/// <param name="Passed">Whether |forward − reverse| ≤ atol + rtol·|reverse|.</param>
public sealed record DirectionalComparison(int DirectionIndex, IReadOnlyList<double> Direction, double Forward, double Reverse, double AbsoluteError, bool Passed);
