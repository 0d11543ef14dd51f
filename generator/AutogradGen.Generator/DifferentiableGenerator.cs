using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Emit;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator;

/// <summary>
/// Generates forward-mode (<c>{Name}Derivative</c>) and fused reverse-mode (<c>{Name}Gradient</c>,
/// <c>{Name}Pullback</c>) derivatives of every <c>[Differentiable]</c> method.
/// </summary>
/// <remarks>
/// The pipeline, as a table of contents:
/// <list type="number">
/// <item><see cref="MethodParser"/> and <see cref="BodyParser"/>: symbols and operations to an equatable IR (with diagnostics as data).</item>
/// <item><see cref="UserDerivativeParser"/>: every [DerivativeOf] method of the compilation, checked against the method it differentiates.</item>
/// <item><see cref="Resolve"/>: calls find their user-supplied derivative (or AGD0007) and callees' generated code (or AGD0019); activity warnings.</item>
/// <item><see cref="ControlFlowLowering"/>, <see cref="Activity"/>: one exit, then which values carry derivatives.</item>
/// <item><see cref="ForwardEmitter"/> and <see cref="ReverseEmitter"/>: the two modes, written by <see cref="SourceEmitter"/>.</item>
/// </list>
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental caching tests.</summary>
    public static class TrackingNames
    {
        public const string Methods = nameof(Methods);
        public const string UserDerivatives = nameof(UserDerivatives);
        public const string Resolved = nameof(Resolved);
        public const string EmitRequests = nameof(EmitRequests);

        /// <summary>
        /// Combines the diagnostics with the Compilation, to locate them in its own trees (so that suppressions
        /// apply): by design this step re-runs whenever the compilation changes; reporting is all it does.
        /// </summary>
        public const string Diagnostics = nameof(Diagnostics);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        TensorPipeline.Register(context);
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MethodParser.DifferentiableAttributeName,
                static (node, _) => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax,
                static (context, cancellationToken) => ParseSafely(context, cancellationToken))
            .WithTrackingName(TrackingNames.Methods);

        var userDerivatives = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                UserDerivativeParser.DerivativeOfAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => ParseUserDerivativeSafely(context, cancellationToken))
            .WithTrackingName(TrackingNames.UserDerivatives);

        var resolved = methods
            .Collect()
            .Combine(userDerivatives.Collect())
            .SelectMany(static (pair, _) => Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Resolved);

        var requests = resolved
            .Where(static method => method.Model is not null)
            .Select(static (method, _) => new EmitRequest(method.Model!, method.UserDerivatives))
            .WithTrackingName(TrackingNames.EmitRequests);
        context.RegisterSourceOutput(requests, static (context, request) => Emit(context, request));

        // Diagnostics are reported at locations in the compilation's own syntax trees, so that #pragma and
        // .editorconfig severities apply to them as to any analyzer's (a location made from a path does not).
        var diagnostics = resolved.Select(static (method, _) => method.Diagnostics)
            .Collect()
            .Combine(userDerivatives.Select(static (derivative, _) => derivative.Diagnostics).Collect())
            .Combine(context.CompilationProvider)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (context, input) =>
        {
            var ((methodDiagnostics, derivativeDiagnostics), compilation) = input;
            foreach (var diagnostic in methodDiagnostics.Concat(derivativeDiagnostics).SelectMany(d => d))
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(compilation));
            }
        });
    }

    private static ParsedMethod ParseSafely(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return MethodParser.Parse(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort: the parser reports what it cannot handle as diagnostics; an exception here is a bug,
            // and it must not take the user's build down with it.
            var method = context.TargetSymbol as IMethodSymbol;
            return new ParsedMethod(method is null ? string.Empty : MethodParser.Key(method), null, EquatableArray.Of(DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError, context.TargetNode.GetLocation(), method?.Name ?? "method", exception.GetType().Name + ": " + exception.Message)));
        }
    }

    private static ParsedUserDerivative ParseUserDerivativeSafely(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return UserDerivativeParser.Parse(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort, as in ParseSafely.
            return new ParsedUserDerivative(null, EquatableArray.Of(DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError, context.TargetNode.GetLocation(), context.TargetSymbol.Name, exception.GetType().Name + ": " + exception.Message)));
        }
    }

    /// <summary>
    /// Finds the derivative of every call a derivative flows through (calls on constants need none): user-supplied
    /// derivatives by key, and for calls of [Differentiable] methods of this compilation, their generated code. A
    /// method loses its code when such a callee does (to a fixed point), with an error on the call, so the build
    /// never sees generated code that calls code that was not generated.
    /// </summary>
    private static ImmutableArray<ResolvedMethod> Resolve(ImmutableArray<ParsedMethod> parsed, ImmutableArray<ParsedUserDerivative> userDerivatives)
    {
        var available = userDerivatives.Where(d => d.Model is not null).Select(d => d.Model!)
            .GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.First());
        var declared = new HashSet<string>(parsed.Select(p => p.Key));
        var models = parsed.Select(p => p.Model).ToArray();
        var diagnostics = parsed.Select(p => p.Diagnostics.ToList()).ToArray();
        var calls = new List<PendingCall>[models.Length];
        for (var i = 0; i < models.Length; i++)
        {
            calls[i] = new List<PendingCall>();
            if (models[i] is not { } model)
            {
                continue;
            }

            var (activeSites, warnings) = AnalyzeActivity(model);
            diagnostics[i].AddRange(warnings);
            if (activeSites is null)
            {
                models[i] = null;
                continue;
            }

            calls[i] = model.PendingCalls.Where(c => activeSites.Contains(c.Site)).ToList();
            foreach (var call in calls[i].Where(c => !c.NeedsGeneratedCode && !available.ContainsKey(c.Key)))
            {
                diagnostics[i].Add(call.IfMissing);
                models[i] = null;
            }
        }

        for (var changed = true; changed;)
        {
            changed = false;
            var generated = new HashSet<string>(parsed.Where((_, i) => models[i] is not null).Select(p => p.Key));
            for (var i = 0; i < models.Length; i++)
            {
                var missing = models[i] is null ? null : calls[i].Where(c => c.NeedsGeneratedCode && declared.Contains(c.Key) && !generated.Contains(c.Key)).ToList();
                if (missing is { Count: > 0 })
                {
                    diagnostics[i].AddRange(missing.Select(c => c.IfMissing));
                    models[i] = null;
                    changed = true;
                }
            }
        }

        return parsed.Select((_, i) =>
        {
            if (models[i] is not { } model)
            {
                return new ResolvedMethod(null, diagnostics[i].ToEquatableArray(), EquatableArray<UserDerivativeModel>.Empty);
            }

            var used = calls[i].Where(c => !c.NeedsGeneratedCode).Select(c => available[c.Key]).Distinct();
            return new ResolvedMethod(model, diagnostics[i].ToEquatableArray(), used.ToEquatableArray());
        }).ToImmutableArray();
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
            // Last resort, as in ParseSafely.
            return (null, new List<DiagnosticInfo> { InternalError(model, exception) });
        }
    }

    private static DiagnosticInfo InternalError(MethodModel model, Exception exception) => new(
        DiagnosticDescriptors.InternalError.Id, model.NameLocation.FilePath, model.NameLocation.Span, model.NameLocation.LineSpan,
        EquatableArray.Of(model.Name, exception.GetType().Name + ": " + exception.Message));

    private static void Emit(SourceProductionContext context, EmitRequest request)
    {
        var model = request.Model;
        string source;
        try
        {
            var lowered = ControlFlowLowering.Lower(model);
            var activity = Activity.Analyze(lowered);
            source = SourceEmitter.Emit(model, lowered, activity, request.UserDerivatives.ToDictionary(d => d.Key));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort, as in ParseSafely: never let a bug in the emitter fail the user's build with CS8785.
            context.ReportDiagnostic(InternalError(model, exception).ToDiagnostic(null));
            return;
        }

        context.AddSource(model.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
    }
}
