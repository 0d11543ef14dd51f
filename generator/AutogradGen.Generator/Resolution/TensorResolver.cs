using System.Linq;
using AutogradGen.Generator.Declarations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Emit;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Resolution;

/// <summary>A parsed tensor method and whether its result depends on a differentiated parameter (for AGD0012).</summary>
internal sealed record AnalyzedTensorMethod(ParsedTensorMethod Parsed, bool ResultIsVaried);

/// <summary>
/// Resolves calls between tensor methods like <see cref="MethodResolver"/>: per method <see cref="Analyze"/>, one
/// <see cref="CallResolution.Solve"/> over keys (a method whose tensor callee got no code gets none, with AGD0019),
/// then per method <see cref="Apply"/>.
/// </summary>
internal static class TensorResolver
{
    public static AnalyzedTensorMethod Analyze(ParsedTensorMethod parsed) =>
        new(parsed, parsed.Model is not { } model || ResultIsVaried(model));

    public static CallGraphNode Node(AnalyzedTensorMethod method) => new(
        method.Parsed.Key,
        method.Parsed.Model is not null,
        (method.Parsed.Model?.Callees ?? EquatableArray<string>.Empty).Select(c => new CallEdge(c, NeedsGeneratedCode: true)).ToEquatableArray(),
        method.Parsed.Model is null && method.Parsed.Diagnostics.Any(d => DeclarationRules.IsAnalyzerId(d.Id)));

    public static ParsedTensorMethod Apply(AnalyzedTensorMethod method, CallResolution resolution)
    {
        var parsed = method.Parsed;
        if (parsed.Model is not { } model)
        {
            return parsed;
        }

        if (resolution.MissingCallees(parsed.Key, model.Callees) is { } missing)
        {
            return parsed with
            {
                Model = null,
                Diagnostics = parsed.Diagnostics.Concat(model.Callees.Where(c => missing.Contains(c) && !resolution.QuietCallees(parsed.Key).Contains(c)).Select(c => new DiagnosticInfo(
                    DiagnosticDescriptors.CalleeHasErrors.Id, string.Empty, default, default, EquatableArray.Of(c)))).ToEquatableArray(),
            };
        }

        return method.ResultIsVaried ? parsed : parsed with
        {
            Diagnostics = parsed.Diagnostics.Append(new DiagnosticInfo(DiagnosticDescriptors.ResultDoesNotDependOnParameters.Id,
                model.NameLocation.FilePath, model.NameLocation.Span, model.NameLocation.LineSpan, EquatableArray.Of(model.Name))).ToEquatableArray(),
        };
    }

    /// <summary>AGD0012: whether the returned tensor depends on a differentiated parameter at all.</summary>
    private static bool ResultIsVaried(TensorMethodModel model)
    {
        var (varied, _) = TensorLowering.Analyze(model);
        return model.Body.OfType<TensorReturn>().Any(r => TensorLowering.IsVaried(r.Value, varied));
    }
}
