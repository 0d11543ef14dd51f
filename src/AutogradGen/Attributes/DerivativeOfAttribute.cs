namespace AutogradGen;

/// <summary>
/// Registers the method it is placed on as the derivative of another method, for methods the generator
/// cannot see into (library calls) or should not (a numerically better formula). In the spirit of Swift's
/// <c>@derivative(of:)</c> and Clad's custom derivatives.
/// </summary>
/// <remarks>
/// The derivative is shaped like a generated <c>{Name}Gradient</c>: the original parameters in order, then
/// one partial per floating-point parameter (<c>out T</c> for a scalar, <c>Span&lt;T&gt;</c> for a span or
/// array, added to), returning the original value. Both modes use it: forward mode takes the dot product of
/// the partials with the tangents, reverse mode scales them by the adjoint.
/// <code>
/// [DerivativeOf(typeof(Lib), nameof(Lib.Softplus))]
/// static double SoftplusGradient(double x, out double dx) { dx = 1 / (1 + Math.Exp(-x)); return Lib.Softplus(x); }
/// </code>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class DerivativeOfAttribute : Attribute
{
    /// <summary>Names the method this derivative belongs to.</summary>
    /// <param name="type">The type that declares the original method.</param>
    /// <param name="methodName">The original method's name, written with <c>nameof</c>.</param>
    public DerivativeOfAttribute(Type type, string methodName)
    {
        Type = type;
        MethodName = methodName;
    }

    /// <summary>The type that declares the original method.</summary>
    public Type Type { get; }

    /// <summary>The original method's name.</summary>
    public string MethodName { get; }
}
