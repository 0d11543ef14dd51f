using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Declarations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Emit;
using AutogradGen.Generator.Incremental;
using AutogradGen.Generator.Interceptors;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;
using AutogradGen.Generator.Resolution;

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

    /// <summary>Tensor methods come from the same bind requests as scalar ones (each parser leaves the other's methods alone).</summary>
    public static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<SyntaxTree> syntaxTrees,
        IncrementalValuesProvider<TargetSite> methodSites,
        IncrementalValuesProvider<BindRequest<TargetSite>> methodBindings,
        IncrementalValueProvider<BindingFingerprint> fingerprint)
    {
        var analyzed = methodBindings
            .Select(static (request, cancellationToken) => ParseSafely(request, cancellationToken))
            .Where(static method => method.Key.Length > 0)
            .WithTrackingName(TrackingNames.TensorMethods)
            .Select(static (method, _) => TensorResolver.Analyze(method));
        var resolution = analyzed
            .Select(static (method, _) => TensorResolver.Node(method))
            .Collect()
            .Select(static (nodes, _) => CallResolution.Solve(nodes, []));
        var resolved = analyzed
            .Combine(resolution)
            .Select(static (input, _) => TensorResolver.Apply(input.Left, input.Right))
            .WithTrackingName(TrackingNames.TensorResolved);

        context.RegisterSourceOutput(resolved.Where(static m => m.Model is not null), static (context, method) => Emit(context, method.Model!));
        RegisterInterceptors(context, syntaxTrees, methodSites, resolved, fingerprint);

        var diagnostics = resolved.Select(static (method, _) => method.Diagnostics).Collect()
            .Combine(context.CompilationProvider)
            .WithTrackingName(TrackingNames.TensorDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (context, input) =>
        {
            foreach (var diagnostic in input.Left.SelectMany(d => d).Where(d => !DeclarationRules.IsAnalyzerId(d.Id)))
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
    /// <remarks>
    /// Every invocation is read from syntax alone, once per new tree (<see cref="CallCandidate"/>); only those
    /// calling a name some [Differentiable] method has are bound, and each only when its file or the fingerprint
    /// changed.
    /// </remarks>
    private static void RegisterInterceptors(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<SyntaxTree> syntaxTrees,
        IncrementalValuesProvider<TargetSite> methodSites,
        IncrementalValuesProvider<ParsedTensorMethod> resolved,
        IncrementalValueProvider<BindingFingerprint> fingerprint)
    {
        var enabled = context.ParseOptionsProvider.Select(static (options, _) => InterceptorsEnabled(options));
        var names = methodSites.Select(static (site, _) => site.Name).Collect()
            .Select(static (names, _) => new HashSet<string>(names, StringComparer.Ordinal));
        var calls = syntaxTrees
            .Select(static (tree, cancellationToken) => CallCandidate.AllIn(tree, cancellationToken))
            .Combine(names)
            .SelectMany(static (input, _) => input.Left.Where(call => call.Name is not { } name || input.Right.Contains(name)))
            .Combine(context.CompilationProvider)
            .Select(static (input, _) => CallSite.From(input.Left, input.Right))
            .BindRequests(fingerprint, context.CompilationProvider)
            .Select(static (request, cancellationToken) => ParseCallSafely(request, cancellationToken))
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

    private static InterceptedCall? ParseCallSafely(BindRequest<CallSite> request, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            var (node, semanticModel) = request.Locate(CallCandidate.IsInvocation, cancellationToken);
            return InterceptedCall.Parse(node, semanticModel, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A call that cannot be read is simply not intercepted: it runs the original method, which is correct.
            return null;
        }
    }

    private static ParsedTensorMethod ParseSafely(BindRequest<TargetSite> request, System.Threading.CancellationToken cancellationToken)
    {
        BindingTarget? target = null;
        try
        {
            target = BindingTarget.Locate(request, DifferentiableGenerator.IsDifferentiableTarget, MethodParser.DifferentiableAttributeName, cancellationToken);
            return TensorMethodParser.Parse(target, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort: a bug here must not take the user's build down with it.
            var method = target?.TargetSymbol as IMethodSymbol;
            return new ParsedTensorMethod(method is null ? "?" : MethodParser.Key(method), null, EquatableArray.Of(
                DifferentiableGenerator.InternalError(request.Site, method?.Name ?? "method", exception)));
        }
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
