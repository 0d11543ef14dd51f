using System.Text.Json;

namespace AutogradGen.GradBench.Protocol;

/// <summary>One GradBench eval (the protocol's module): its functions and how to evaluate them.</summary>
internal interface IEvalModule
{
    /// <summary>The module name GradBench's define and evaluate messages use (<c>gmm</c>, <c>ba</c>, ...).</summary>
    string Name { get; }

    /// <summary>
    /// Null when every function can be evaluated; otherwise why the module cannot be, which the define response
    /// carries as its error (the eval then stops, as it does for GradBench's own tools that lack an eval).
    /// </summary>
    string? Unsupported => null;

    /// <summary>The function names this module answers.</summary>
    IReadOnlyList<string> Functions { get; }

    /// <summary>Runs <paramref name="function"/> on <paramref name="input"/> as the input's runs ask.</summary>
    Evaluation Evaluate(string function, JsonElement input);
}
