using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Resolution;

/// <summary>A call that carries a derivative, as the resolution sees it: no location, so moving code leaves it equal.</summary>
/// <param name="Callee">The callee's documentation id.</param>
/// <param name="NeedsGeneratedCode">Whether it calls the callee's generated code (else a user derivative).</param>
internal sealed record CallEdge(string Callee, bool NeedsGeneratedCode);

/// <summary>
/// One method as the whole-compilation resolution sees it: its key, whether its own analysis left it a model, and
/// its active calls. An edit that changes none of these (most edits inside a body) leaves the resolution cached.
/// </summary>
internal sealed record CallGraphNode(string Key, bool HasModel, EquatableArray<CallEdge> Calls);

/// <summary>A method that lost its code in the resolution's fixed point, and the callees that had none at that point.</summary>
internal sealed record LostMethod(string Key, EquatableArray<string> MissingCallees);
