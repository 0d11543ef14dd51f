using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Declarations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Emit;
using AutogradGen.Generator.Incremental;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;
using AutogradGen.Generator.Resolution;

namespace AutogradGen.Generator;

/// <summary>
/// Generates forward-mode (<c>{Name}Derivative</c>) and fused reverse-mode (<c>{Name}Gradient</c>,
/// <c>{Name}Pullback</c>) derivatives of every <c>[Differentiable]</c> method.
/// </summary>
/// <remarks>
/// The pipeline, as a table of contents:
/// <list type="number">
/// <item><see cref="TargetSite"/> and <see cref="BindingFingerprint"/>: a cheap key per method and one for everything outside bodies, so that only a method whose key or the fingerprint changed is bound again (<see cref="BindRequest{TSite}"/>).</item>
/// <item><see cref="MethodParser"/> and <see cref="BodyParser"/>: symbols and operations to an equatable IR (with diagnostics as data).</item>
/// <item><see cref="UserDerivativeParser"/>: every [DerivativeOf] method of the compilation, checked against the method it differentiates.</item>
/// <item><see cref="MethodResolver"/> and <see cref="Resolution.CallResolution"/>: per method activity, one fixed point over keys, then per method: calls find their user-supplied derivative (or AGD0007) and callees' generated code (or AGD0019); activity warnings.</item>
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
        /// <summary>Every [Differentiable] declaration as a <see cref="TargetSite"/>: computed on every compilation, cheap.</summary>
        public const string MethodSites = nameof(MethodSites);

        /// <summary>Every [DerivativeOf] declaration as a <see cref="TargetSite"/>.</summary>
        public const string UserDerivativeSites = nameof(UserDerivativeSites);

        /// <summary>The parse (binding): re-runs for a method only when its site or the binding fingerprint changed.</summary>
        public const string Methods = nameof(Methods);
        public const string UserDerivatives = nameof(UserDerivatives);

        /// <summary>Per method: activity and the calls that carry a derivative.</summary>
        public const string AnalyzedMethods = nameof(AnalyzedMethods);

        /// <summary>The one whole-compilation step of resolving, over keys only.</summary>
        public const string CallResolution = nameof(CallResolution);
        public const string Resolved = nameof(Resolved);
        public const string EmitRequests = nameof(EmitRequests);

        /// <summary>Per method: its generated members as text; then <see cref="TypeFiles.TrackingName"/> groups them into one file per type.</summary>
        public const string EmittedMembers = nameof(EmittedMembers);

        /// <summary>One generated file per type, its methods' members in source order: after an edit only the edited method's type is written again.</summary>
        public const string TypeFiles = AutogradGen.Generator.Emit.TypeFiles.TrackingName;

        /// <summary>
        /// Combines the diagnostics with the Compilation, to locate them in its own trees (so that suppressions
        /// apply): by design this step re-runs whenever the compilation changes; reporting is all it does.
        /// </summary>
        public const string Diagnostics = nameof(Diagnostics);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var syntaxTrees = BindingFingerprint.SyntaxTrees(context);
        var fingerprint = BindingFingerprint.Create(context, syntaxTrees);
        var methodRequests = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MethodParser.DifferentiableAttributeName,
                static (node, _) => IsDifferentiableTarget(node),
                static (context, _) => TargetSite.From(context.TargetNode, context.SemanticModel.Compilation))
            .WithTrackingName(TrackingNames.MethodSites);
        var methodBindings = methodRequests.BindRequests(fingerprint, context.CompilationProvider);
        // A generic-math method is parsed as its double and float instances: one ParsedMethod each.
        var methods = methodBindings
            .SelectMany(static (request, cancellationToken) => ParseSafely(request, cancellationToken))
            .WithTrackingName(TrackingNames.Methods);
        TensorPipeline.Register(context, syntaxTrees, methodRequests, methodBindings, fingerprint);

        var userDerivatives = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                UserDerivativeParser.DerivativeOfAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, _) => TargetSite.From(context.TargetNode, context.SemanticModel.Compilation))
            .WithTrackingName(TrackingNames.UserDerivativeSites)
            .BindRequests(fingerprint, context.CompilationProvider)
            .Select(static (request, cancellationToken) => ParseUserDerivativeSafely(request, cancellationToken))
            .WithTrackingName(TrackingNames.UserDerivatives);

        // Resolving: per method what needs only the method, one fixed point over keys, then per method again, so
        // that a method whose inputs did not change gets an equal ResolvedMethod (and its output stays cached).
        var analyzed = methods
            .Select(static (method, _) => MethodResolver.Analyze(method))
            .WithTrackingName(TrackingNames.AnalyzedMethods);
        var resolution = analyzed
            .Select(static (method, _) => MethodResolver.Node(method))
            .Collect()
            .Combine(userDerivatives.Where(static d => d.Model is not null).Select(static (d, _) => d.Model!).Collect())
            .Select(static (input, _) => Resolution.CallResolution.Solve(input.Left, input.Right))
            .WithTrackingName(TrackingNames.CallResolution);
        var resolved = analyzed
            .Combine(resolution)
            .Select(static (input, _) => MethodResolver.Apply(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Resolved);

        // A refused method whose signatures are known gets its stub instead (RefusedStubs): callers compile, and throw.
        var requests = resolved
            .Where(static method => method.Model is not null || method.Stub is not null)
            .Select(static (method, _) => method.Model is { } model
                ? new EmitRequest(model, method.UserDerivatives)
                : new EmitRequest(method.Stub!, EquatableArray<UserDerivativeModel>.Empty) { IsStub = true })
            .WithTrackingName(TrackingNames.EmitRequests);
        // Emitted per method (cached like every step before it), written one file per type (Emit/TypeFiles.cs).
        var members = requests
            .Select(static (request, _) => Emit(request))
            .WithTrackingName(TrackingNames.EmittedMembers);
        TypeFiles.Register(context, members);

        // Diagnostics are reported at locations in the compilation's own syntax trees, so that #pragma and
        // .editorconfig severities apply to them as to any analyzer's (a location made from a path does not).
        var diagnostics = resolved.Select(static (method, _) => method.Diagnostics)
            .Collect()
            .Combine(userDerivatives.Select(static (derivative, _) => derivative.Diagnostics).Collect())
            .Combine(context.CompilationProvider)
            .WithTrackingName(TrackingNames.Diagnostics);
        // Distinct: a helper inlined at several calls reports a problem in its body once, where it is.
        context.RegisterSourceOutput(diagnostics, static (context, input) =>
        {
            var ((methodDiagnostics, derivativeDiagnostics), compilation) = input;
            // The declaration rules are the analyzer's to report (DeclarationAnalyzer); here they only meant "no code".
            foreach (var diagnostic in methodDiagnostics.Concat(derivativeDiagnostics).SelectMany(d => d).Where(d => !DeclarationRules.IsAnalyzerId(d.Id)).Distinct())
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(compilation));
            }
        });
    }

    /// <summary>The declarations [Differentiable] is looked for on (the parser explains why some are not supported).</summary>
    internal static bool IsDifferentiableTarget(SyntaxNode node) => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax;

    private static EquatableArray<ParsedMethod> ParseSafely(BindRequest<TargetSite> request, System.Threading.CancellationToken cancellationToken)
    {
        BindingTarget? target = null;
        try
        {
            target = BindingTarget.Locate(request, IsDifferentiableTarget, MethodParser.DifferentiableAttributeName, cancellationToken);
            return MethodParser.ParseAll(target, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort: the parser reports what it cannot handle as diagnostics; an exception here is a bug,
            // and it must not take the user's build down with it.
            var method = target?.TargetSymbol as IMethodSymbol;
            return EquatableArray.Of(new ParsedMethod(method is null ? string.Empty : MethodParser.Key(method), null, EquatableArray.Of(InternalError(
                request.Site, method?.Name ?? "method", exception))));
        }
    }

    private static ParsedUserDerivative ParseUserDerivativeSafely(BindRequest<TargetSite> request, System.Threading.CancellationToken cancellationToken)
    {
        BindingTarget? target = null;
        try
        {
            target = BindingTarget.Locate(request, static node => node is MethodDeclarationSyntax, UserDerivativeParser.DerivativeOfAttributeName, cancellationToken);
            return UserDerivativeParser.Parse(target, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort, as in ParseSafely.
            return new ParsedUserDerivative(null, EquatableArray.Of(InternalError(request.Site, target?.TargetSymbol?.Name ?? "method", exception)));
        }
    }

    /// <summary>AGD0018 at a site, for an exception no parser should have thrown.</summary>
    internal static DiagnosticInfo InternalError(TargetSite site, string name, Exception exception) =>
        new(DiagnosticDescriptors.InternalError.Id, site.FilePath, site.TargetSpan, new LinePositionSpan(site.ScopeStartLine, site.ScopeStartLine),
            EquatableArray.Of(name, exception.GetType().Name + ": " + exception.Message));

    private static EmittedMembers Emit(EmitRequest request)
    {
        var model = request.Model;
        try
        {
            var lowered = ControlFlowLowering.Lower(model);
            var activity = Activity.Analyze(lowered);
            var members = SourceEmitter.EmitMembers(model, lowered, activity, request.UserDerivatives.ToDictionary(d => d.Key));
            if (request.IsStub)
            {
                members = SourceEmitter.AsStub(model, members);
            }

            return new EmittedMembers(model.HintName, model.Namespace, model.ContainingTypes, model.Name, MemberOrder.Of(model), members, null, request.IsStub);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && request.IsStub)
        {
            // A stub only spares the callers CS0117: without one they see those errors beside the real one, no worse.
            return new EmittedMembers(model.HintName, model.Namespace, model.ContainingTypes, model.Name, MemberOrder.Of(model), null, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort, as in ParseSafely: never let a bug in the emitter fail the user's build with CS8785.
            return new EmittedMembers(model.HintName, model.Namespace, model.ContainingTypes, model.Name, MemberOrder.Of(model), null, MethodResolver.InternalError(model, exception));
        }
    }
}
