using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Emit;
using AutogradGen.Generator.Interceptors;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator;

/// <summary>
/// The pipeline of [Differentiable] methods over tensors, beside the scalar one (which leaves them alone):
/// <see cref="TensorMethodParser"/> ► resolve calls between tensor methods (a method whose callee got no code gets
/// none, with AGD0019) ► <see cref="TensorEmitter"/>; diagnostics are reported like the scalar pipeline's.
/// </summary>
internal static class TensorPipeline
{
    /// <summary>Tracking names of the tensor steps, for incremental caching tests.</summary>
    public static class TrackingNames
    {
        public const string TensorMethods = nameof(TensorMethods);
        public const string TensorResolved = nameof(TensorResolved);
        public const string TensorDiagnostics = nameof(TensorDiagnostics);
        public const string TensorCalls = nameof(TensorCalls);
    }

    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MethodParser.DifferentiableAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (context, cancellationToken) => ParseSafely(context, cancellationToken))
            .Where(static method => method.Key.Length > 0)
            .WithTrackingName(TrackingNames.TensorMethods);

        var resolved = methods.Collect()
            .SelectMany(static (parsed, _) => Resolve(parsed))
            .WithTrackingName(TrackingNames.TensorResolved);

        context.RegisterSourceOutput(resolved.Where(static m => m.Model is not null), static (context, method) => Emit(context, method.Model!));
        RegisterInterceptors(context, resolved);

        var diagnostics = resolved.Select(static (method, _) => method.Diagnostics).Collect()
            .Combine(context.CompilationProvider)
            .WithTrackingName(TrackingNames.TensorDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (context, input) =>
        {
            foreach (var diagnostic in input.Left.SelectMany(d => d))
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(input.Right));
            }
        });
    }

    /// <summary>
    /// The bridge: calls of tensor methods that got code are intercepted, when the consumer enabled interceptors in
    /// the generated namespace (InterceptorsNamespaces, which build/AutogradGen.props sets); without it, nothing is
    /// generated and <c>{Name}Recorded</c> is the explicit bridge.
    /// </summary>
    private static void RegisterInterceptors(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ParsedTensorMethod> resolved)
    {
        var enabled = context.ParseOptionsProvider.Select(static (options, _) => InterceptorsEnabled(options));
        var calls = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => InterceptedCall.MayBeCall(node), static (context, cancellationToken) => ParseCallSafely(context, cancellationToken))
            .Where(static call => call is not null)
            .Collect()
            .WithTrackingName(TrackingNames.TensorCalls);
        var generated = resolved.Where(static m => m.Model is not null).Select(static (m, _) => m.Key).Collect();
        context.RegisterSourceOutput(calls.Combine(generated).Combine(enabled), static (context, input) =>
        {
            var ((sites, keys), isEnabled) = input;
            var available = new HashSet<string>(keys);
            var intercepted = sites.Where(c => available.Contains(c!.Key)).Select(c => c!).ToList();
            if (isEnabled && intercepted.Count > 0)
            {
                context.AddSource(InterceptorEmitter.HintName, SourceText.From(InterceptorEmitter.Emit(intercepted), System.Text.Encoding.UTF8));
            }
        });
    }

    private static bool InterceptorsEnabled(ParseOptions options)
    {
        foreach (var feature in new[] { "InterceptorsNamespaces", "InterceptorsPreviewNamespaces" })
        {
            if (options.Features.TryGetValue(feature, out var namespaces)
                && namespaces.Split(';').Any(n => n.Trim() == InterceptedCall.Namespace))
            {
                return true;
            }
        }

        return false;
    }

    private static InterceptedCall? ParseCallSafely(GeneratorSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return InterceptedCall.Parse(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A call that cannot be read is simply not intercepted: it runs the original method, which is correct.
            return null;
        }
    }

    private static ParsedTensorMethod ParseSafely(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return TensorMethodParser.Parse(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort: a bug here must not take the user's build down with it.
            var method = context.TargetSymbol as IMethodSymbol;
            return new ParsedTensorMethod(method is null ? "?" : MethodParser.Key(method), null, EquatableArray.Of(DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError, context.TargetNode.GetLocation(), method?.Name ?? "method", exception.GetType().Name + ": " + exception.Message)));
        }
    }

    /// <summary>A method loses its code when a tensor callee has none (to a fixed point), with AGD0019 on the method.</summary>
    private static ImmutableArray<ParsedTensorMethod> Resolve(ImmutableArray<ParsedTensorMethod> parsed)
    {
        var declared = new HashSet<string>(parsed.Select(p => p.Key));
        var models = parsed.Select(p => p.Model).ToArray();
        var diagnostics = parsed.Select(p => p.Diagnostics.ToList()).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            var generated = new HashSet<string>(parsed.Where((_, i) => models[i] is not null).Select(p => p.Key));
            for (var i = 0; i < models.Length; i++)
            {
                var missing = models[i]?.Callees.Where(c => declared.Contains(c) && !generated.Contains(c)).ToList();
                if (missing is { Count: > 0 })
                {
                    diagnostics[i].AddRange(missing.Select(c => new DiagnosticInfo(
                        DiagnosticDescriptors.CalleeHasErrors.Id, string.Empty, default, default, EquatableArray.Of(c))));
                    models[i] = null;
                    changed = true;
                }
            }
        }

        for (var i = 0; i < models.Length; i++)
        {
            if (models[i] is { } model && !ResultIsVaried(model))
            {
                diagnostics[i].Add(new DiagnosticInfo(DiagnosticDescriptors.ResultDoesNotDependOnParameters.Id,
                    model.NameLocation.FilePath, model.NameLocation.Span, model.NameLocation.LineSpan, EquatableArray.Of(model.Name)));
            }
        }

        return parsed.Select((p, i) => new ParsedTensorMethod(p.Key, models[i], diagnostics[i].ToEquatableArray())).ToImmutableArray();
    }

    /// <summary>AGD0012: whether the returned tensor depends on a differentiated parameter at all.</summary>
    private static bool ResultIsVaried(TensorMethodModel model)
    {
        var (varied, _) = TensorLowering.Analyze(model);
        return model.Body.OfType<TensorReturn>().Any(r => TensorLowering.IsVaried(r.Value, varied));
    }

    private static void Emit(SourceProductionContext context, TensorMethodModel model)
    {
        string source;
        try
        {
            source = TensorEmitter.Emit(model);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(new DiagnosticInfo(DiagnosticDescriptors.InternalError.Id, string.Empty, default, default,
                EquatableArray.Of(model.Name, exception.GetType().Name + ": " + exception.Message)).ToDiagnostic(null));
            return;
        }

        context.AddSource(model.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
    }
}
