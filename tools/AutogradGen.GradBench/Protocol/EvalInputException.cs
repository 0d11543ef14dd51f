namespace AutogradGen.GradBench.Protocol;

/// <summary>An input or function name the tool cannot work with; its message becomes the response's <c>error</c>.</summary>
internal sealed class EvalInputException(string message) : Exception(message);
