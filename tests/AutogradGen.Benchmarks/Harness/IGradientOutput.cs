namespace AutogradGen.Benchmarks.Harness;

/// <summary>
/// A benchmark class whose gradient methods leave their result in a buffer (their return value is the
/// objective): the smoke run checks that every entry of it is finite as well.
/// </summary>
public interface IGradientOutput
{
    /// <summary>The gradient written by the last gradient call.</summary>
    ReadOnlySpan<double> LastGradient { get; }
}
