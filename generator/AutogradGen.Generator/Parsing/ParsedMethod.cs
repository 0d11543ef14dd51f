using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>The parser's output for one [Differentiable] method: a model to emit (null when an error forbids it) and diagnostics.</summary>
internal sealed record ParsedMethod(MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
