using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Resolution;

/// <summary>A call that carries a derivative, as the resolution sees it: no location, so moving code leaves it equal.</summary>
/// <param name="Callee">The callee's documentation id.</param>
/// <param name="NeedsGeneratedCode">Whether it calls the callee's generated code (else a user derivative).</param>
internal sealed record CallEdge(string Callee, bool NeedsGeneratedCode);

/// <summary>
/// One method as the whole-compilation resolution sees it: its key, whether its own analysis left it a model, and
/// its active calls. An edit that changes none of these (most edits inside a body) leaves the resolution cached.
/// <paramref name="RefusedAtDeclaration"/>: its own refusal is an error the DeclarationAnalyzer reports on its
/// declaration (AGD0001 "type not partial" and the other analyzer ids), so its callers lose their code without an
/// AGD0019 of their own: one root cause, one diagnostic, and the build still fails on that one.
/// </summary>
internal sealed record CallGraphNode(string Key, bool HasModel, EquatableArray<CallEdge> Calls, bool RefusedAtDeclaration = false);

/// <summary>A method that lost its code in the resolution's fixed point, and the callees that had none at that point.</summary>
/// <param name="Key">The method's documentation id.</param>
/// <param name="MissingCallees">Its callees that had no code.</param>
/// <param name="QuietCallees">Those of them refused at their declaration, or lost only for want of such a callee: calls to them get no AGD0019.</param>
internal sealed record LostMethod(string Key, EquatableArray<string> MissingCallees, EquatableArray<string> QuietCallees);
