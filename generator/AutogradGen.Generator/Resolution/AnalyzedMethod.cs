using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Resolution;

/// <summary>
/// A parsed method after the analysis that needs nothing but the method itself (activity): its model (null when
/// parsing or the analysis failed), its diagnostics so far, and the calls that carry a derivative.
/// </summary>
internal sealed record AnalyzedMethod(string Key, MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<PendingCall> ActiveCalls)
{
    /// <summary>The parser's stub of a refused method, carried to the emitter.</summary>
    public MethodModel? Stub { get; init; }
}
