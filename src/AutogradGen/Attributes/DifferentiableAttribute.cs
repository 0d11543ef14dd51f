namespace AutogradGen;

/// <summary>
/// Marks a static method of a partial type for compile-time differentiation. The AutogradGen source
/// generator emits <c>{Name}Gradient</c> (reverse mode) and <c>{Name}Derivative</c> (forward mode)
/// into the same partial type.
/// </summary>
/// <remarks>
/// With no arguments every floating-point parameter (scalars, spans and arrays of <see cref="double"/>
/// or <see cref="float"/>) is differentiated. Name parameters with <c>nameof</c> to differentiate only
/// those: <c>[Differentiable(nameof(w), nameof(b))]</c>. Other parameters pass through untouched.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
    /// <summary>Differentiates with respect to every floating-point parameter.</summary>
    public DifferentiableAttribute() => WithRespectTo = [];

    /// <summary>Differentiates with respect to the named parameters only.</summary>
    /// <param name="withRespectTo">Parameter names, written with <c>nameof</c>.</param>
    public DifferentiableAttribute(params string[] withRespectTo) => WithRespectTo = withRespectTo;

    /// <summary>The parameters to differentiate with respect to; empty means all floating-point parameters.</summary>
    public IReadOnlyList<string> WithRespectTo { get; }

    /// <summary>
    /// Also generate second-order members: <c>{Name}HessianVectorProduct</c> and <c>{Name}Hessian</c> (forward over
    /// reverse). For <c>double</c> methods whose calls are of other <c>SecondOrder</c> methods with scalar
    /// parameters; anything else is reported (AGD0075–AGD0077).
    /// </summary>
    public bool SecondOrder { get; set; }
}
