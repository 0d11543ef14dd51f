using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>The parser's output for one [Differentiable] method.</summary>
/// <param name="Key">The method's documentation id, which its callers' <see cref="PendingCall"/>s name.</param>
/// <param name="Model">The model to emit, or null when an error forbids generating code.</param>
/// <param name="Diagnostics">What the parser found wrong.</param>
internal sealed record ParsedMethod(string Key, MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>When an error in the body refused the method: the members its callers see instead (<see cref="RefusedStubs"/>).</summary>
    public MethodModel? Stub { get; init; }
}
