using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Nested;

/// <summary>
/// particle and saddle: Pearlmutter and Siskind's nested-derivative evals, whose four functions (rr, ff, fr, rf)
/// differentiate a function that itself takes a derivative, in each combination of forward and reverse mode. The
/// generator cannot differentiate a method that calls a generated derivative (nested derivatives are issue 11), and
/// the tape has no forward mode, so the tool declines the module at define, as GradBench's own tools without an
/// eval do, with the reason.
/// </summary>
internal sealed class NestedDerivativeModule(string name) : IEvalModule
{
    public string Name => name;

    public string? Unsupported =>
        $"{name} needs nested derivatives (a [Differentiable] function that calls a generated derivative, in forward " +
        "and reverse mode), which AutogradGen's generator does not have yet (issue 11)";

    public IReadOnlyList<string> Functions { get; } = ["rr", "ff", "fr", "rf"];

    public Evaluation Evaluate(string function, JsonElement input) => throw new EvalInputException(Unsupported!);
}
