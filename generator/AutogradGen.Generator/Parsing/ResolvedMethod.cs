using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>A parsed method whose calls have found their derivatives: what the emitter receives.</summary>
internal sealed record ResolvedMethod(MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<UserDerivativeModel> UserDerivatives);

/// <summary>One [DerivativeOf] method: its model when its shape is right, and diagnostics.</summary>
internal sealed record ParsedUserDerivative(UserDerivativeModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What the emitter needs for one method: its model and the user derivatives its calls use.</summary>
internal sealed record EmitRequest(MethodModel Model, EquatableArray<UserDerivativeModel> UserDerivatives);
