using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Emit;
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

        return parsed.Select((p, i) => new ParsedTensorMethod(p.Key, models[i], diagnostics[i].ToEquatableArray())).ToImmutableArray();
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
