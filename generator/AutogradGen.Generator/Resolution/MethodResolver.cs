using System;
using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Declarations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Resolution;

/// <summary>
/// Resolves the calls of scalar [Differentiable] methods in two per-method steps around one whole-compilation step:
/// <see cref="Analyze"/> (activity: which calls carry a derivative, AGD0012/13/16), then
/// <see cref="CallResolution.Solve"/> over the <see cref="CallGraphNode"/>s, then <see cref="Apply"/>: calls find
/// their user-supplied derivative (or AGD0007) and callees' generated code (or AGD0019).
/// </summary>
internal static class MethodResolver
{
    public static AnalyzedMethod Analyze(ParsedMethod parsed)
    {
        if (parsed.Model is not { } model)
        {
            return new AnalyzedMethod(parsed.Key, null, parsed.Diagnostics, EquatableArray<PendingCall>.Empty) { Stub = parsed.Stub };
        }

        var (activeSites, warnings) = AnalyzeActivity(model);
        var reported = model.ReportsActivityWarnings ? warnings : warnings.Where(w => w.Id == DiagnosticDescriptors.InternalError.Id);
        var diagnostics = parsed.Diagnostics.Concat(reported).ToEquatableArray();
        return activeSites is null
            ? new AnalyzedMethod(parsed.Key, null, diagnostics, EquatableArray<PendingCall>.Empty)
            : new AnalyzedMethod(parsed.Key, model, diagnostics, model.PendingCalls.Where(c => c.NeedsGeneratedCode || activeSites.Contains(c.Site)).ToEquatableArray());
    }

    /// <summary>What the whole-compilation step needs of a method: keys, no locations.</summary>
    public static CallGraphNode Node(AnalyzedMethod method) => new(
        method.Key,
        method.Model is not null,
        method.ActiveCalls.Select(c => new CallEdge(c.Key, c.NeedsGeneratedCode)).ToEquatableArray(),
        method.Model is null && method.Diagnostics.Any(d => DeclarationRules.IsAnalyzerId(d.Id)));

    /// <summary>
    /// The method's code and diagnostics once its calls are resolved: a call that needs a user derivative and finds
    /// none costs the method its code (AGD0007 on the call); so does a callee that lost its own (AGD0019).
    /// </summary>
    public static ResolvedMethod Apply(AnalyzedMethod method, CallResolution resolution)
    {
        if (method.Model is not { } model)
        {
            return new ResolvedMethod(null, method.Diagnostics, EquatableArray<UserDerivativeModel>.Empty) { Stub = method.Stub };
        }

        var withoutDerivative = method.ActiveCalls.Where(c => !c.NeedsGeneratedCode && resolution.Derivative(c.Key) is null).ToList();
        if (withoutDerivative.Count > 0)
        {
            return Lost(method, withoutDerivative);
        }

        if (resolution.MissingCallees(method.Key, method.ActiveCalls.Where(c => c.NeedsGeneratedCode).Select(c => c.Key)) is { } missing)
        {
            // A callee refused at its declaration already has its error (from the DeclarationAnalyzer): no AGD0019 here.
            var quiet = resolution.QuietCallees(method.Key);
            return Lost(method, method.ActiveCalls.Where(c => c.NeedsGeneratedCode && missing.Contains(c.Key) && !quiet.Contains(c.Key)),
                method.ActiveCalls.FirstOrDefault(c => quiet.Contains(c.Key))?.IfMissing.Arguments.FirstOrDefault());
        }

        var used = method.ActiveCalls.Where(c => !c.NeedsGeneratedCode).Select(c => resolution.Derivative(c.Key)!).Distinct();
        return new ResolvedMethod(model, method.Diagnostics, used.ToEquatableArray());
    }

    private static ResolvedMethod Lost(AnalyzedMethod method, IEnumerable<PendingCall> calls, string? quietCallee = null)
    {
        // Its callers still compile against the members it would have had (RefusedStubs), so AGD0007/AGD0019 stay the one error.
        var diagnostics = method.Diagnostics.Concat(calls.Select(c => c.IfMissing)).ToEquatableArray();
        return new(null, diagnostics, EquatableArray<UserDerivativeModel>.Empty) { Stub = RefusedStubs.For(method.Model!, diagnostics, quietCallee) };
    }

    /// <summary>
    /// Which calls carry a derivative (the sites of active calls), and the warnings that depend on activity:
    /// AGD0012, AGD0013, AGD0016. Null sites when the analysis failed (then the warnings hold AGD0018).
    /// </summary>
    private static (HashSet<int>? ActiveSites, List<DiagnosticInfo> Warnings) AnalyzeActivity(MethodModel model)
    {
        try
        {
            var lowered = ControlFlowLowering.Lower(model);
            var activity = Activity.Analyze(lowered);
            var warnings = activity.Warnings(lowered).Distinct().ToList();
            if (!activity.ResultIsVaried(lowered))
            {
                warnings.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.ResultDoesNotDependOnParameters.Id, model.NameLocation.FilePath, model.NameLocation.Span, model.NameLocation.LineSpan, EquatableArray.Of(model.Name)));
            }

            return (new HashSet<int>(activity.ActiveCalls(lowered).Select(c => c.Site)), warnings);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort, as in DifferentiableGenerator's parse: a bug in the analysis must not fail the user's build.
            return (null, new List<DiagnosticInfo> { InternalError(model, exception) });
        }
    }

    public static DiagnosticInfo InternalError(MethodModel model, Exception exception) => new(
        DiagnosticDescriptors.InternalError.Id, model.NameLocation.FilePath, model.NameLocation.Span, model.NameLocation.LineSpan,
        EquatableArray.Of(model.Name, exception.GetType().Name + ": " + exception.Message));
}
