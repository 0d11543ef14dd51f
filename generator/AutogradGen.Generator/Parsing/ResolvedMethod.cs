using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>A parsed method whose calls have found their derivatives: what the emitter receives.</summary>
internal sealed record ResolvedMethod(MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<UserDerivativeModel> UserDerivatives)
{
    /// <summary>For a method that gets no code (<see cref="Model"/> null) but whose signatures are known: its throwing members (<see cref="RefusedStubs"/>).</summary>
    public MethodModel? Stub { get; init; }
}

/// <summary>One [DerivativeOf] method: its model when its shape is right, and diagnostics.</summary>
internal sealed record ParsedUserDerivative(UserDerivativeModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What the emitter needs for one method: its model and the user derivatives its calls use.</summary>
internal sealed record EmitRequest(MethodModel Model, EquatableArray<UserDerivativeModel> UserDerivatives)
{
    /// <summary>The model is a refused method's stub: its members throw, and it reports nothing of its own.</summary>
    public bool IsStub { get; init; }
}
