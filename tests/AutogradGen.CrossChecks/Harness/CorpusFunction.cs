namespace AutogradGen.CrossChecks.Harness;

/// <summary>
/// One corpus function seen through flat vectors of its differentiated coordinates, in its four forms: the
/// original method, the generated reverse mode ({Name}Gradient), the tape twin ({Name}Tape, then Backward) and
/// the generated forward mode ({Name}Derivative).
/// </summary>
/// <param name="Name">The method's name, as test rows and failure messages print it.</param>
/// <param name="IsFloat">float code (Float32 tensors, float tolerances).</param>
/// <param name="Dimension">How many differentiated coordinates (span lengths count element by element).</param>
/// <param name="Value">The original method.</param>
/// <param name="Gradient">The generated gradient: value and ∇f.</param>
/// <param name="Tape">The tape twin after Backward: value and the leaves' gradients.</param>
/// <param name="Directional">The generated forward mode along a tangent: value and ⟨∇f, v⟩.</param>
/// <param name="Domain">Where random points are drawn, per coordinate.</param>
/// <param name="ExactPoints">Points checked exactly (kinks): no central differences there.</param>
public sealed record CorpusFunction(
    string Name,
    bool IsFloat,
    int Dimension,
    Func<double[], double> Value,
    Func<double[], (double Value, double[] Gradient)> Gradient,
    Func<double[], (double Value, double[] Gradient)> Tape,
    Func<double[], double[], (double Value, double Derivative)> Directional,
    (double Min, double Max) Domain,
    IReadOnlyList<double[]> ExactPoints)
{
    /// <summary>
    /// The function stops derivatives on purpose (<c>Differentiation.WithoutDerivative</c>): its gradient is not the
    /// slope central differences see, so only the generated gradient, the tape and forward mode are compared.
    /// </summary>
    public bool StopsDerivatives { get; init; }

    public override string ToString() => Name;
}
