namespace AutogradGen.CrossChecks.Harness;

/// <summary>Where a corpus function is checked: every differentiated coordinate is drawn uniformly from [Min, Max].</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DomainAttribute(double min, double max) : Attribute
{
    public double Min { get; } = min;

    public double Max { get; } = max;
}

/// <summary>
/// An extra point checked exactly (one coordinate per differentiated parameter, scalars only): kinks and other
/// conventions. Central differences mean nothing there, so only the three derivatives are compared.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AlsoAtAttribute(params double[] point) : Attribute
{
    public IReadOnlyList<double> Point { get; } = point;
}

/// <summary>The values of a corpus function's parameters that are not differentiated (ints, bools, constants), in order.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WithAttribute(params object[] arguments) : Attribute
{
    public IReadOnlyList<object> Arguments { get; } = arguments;
}

/// <summary>Marks a corpus function that stops derivatives on purpose: no central differences for it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StopsDerivativesAttribute : Attribute
{
}
