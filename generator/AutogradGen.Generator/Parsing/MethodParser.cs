using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Declarations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Turns a [Differentiable] method (symbol, syntax and operation tree) into a <see cref="MethodModel"/>: checks
/// the method's shape (static, partial containing types, differentiable parameters and result, a valid
/// with-respect-to list, no clashing names) and hands the body to <see cref="BodyParser"/>.
/// </summary>
internal static class MethodParser
{
    public const string DifferentiableAttributeName = "AutogradGen.DifferentiableAttribute";

    /// <summary>The parsed method: one per instance for a generic-math method (<see cref="GenericInstances"/>), else one.</summary>
    /// <param name="target">The attributed declaration.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <param name="declarationOnly">
    /// Stop before the body: only the diagnostics of the declaration, and no model (what <see cref="Declarations.SignatureRules"/>
    /// reports from the analyzer, so that both read the declaration through this one code path).
    /// </param>
    public static EquatableArray<ParsedMethod> ParseAll(BindingTarget target, CancellationToken cancellationToken, bool declarationOnly = false) =>
        target.TargetSymbol is IMethodSymbol { IsGenericMethod: true } method && target.TargetNode is MethodDeclarationSyntax syntax
            && !TensorMethodParser.IsTensorMethod(method)
            ? GenericInstances.Parse(target, method, syntax, cancellationToken, declarationOnly)
            : EquatableArray.Of(Parse(target, cancellationToken, declarationOnly));

    /// <summary>Parses a method; a generic one is parsed once per instance, inside <see cref="TypeClassifier.Instantiate"/>.</summary>
    public static ParsedMethod Parse(BindingTarget target, CancellationToken cancellationToken, bool declarationOnly = false)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (target.TargetSymbol is not IMethodSymbol method)
        {
            return new ParsedMethod(string.Empty, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        if (target.TargetNode is not MethodDeclarationSyntax syntax)
        {
            // Local functions, operators and conversions: nowhere to put {Name}Gradient beside them.
            var location = target.TargetNode switch
            {
                LocalFunctionStatementSyntax local => local.Identifier.GetLocation(),
                _ => target.TargetNode.GetLocation(),
            };
            return new ParsedMethod(Key(method), null, EquatableArray.Of(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedMethod, location, method.Name, "a local function, operator or conversion has no type to put its derivatives beside it; make it a static or instance method of a partial type")));
        }

        if (TensorMethodParser.IsTensorMethod(method))
        {
            // Tensor methods have a pipeline of their own (TensorMethodParser).
            return new ParsedMethod(Key(method), null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var name = method.Name;
        var nameLocation = syntax.Identifier.GetLocation();
        CheckShape(method, syntax, nameLocation, diagnostics, requireStatic: false, refuseGeneric: false);
        var containingTypes = ContainingTypes(method, nameLocation, diagnostics);
        var returnKind = TypeClassifier.Scalar(method.ReturnType);
        // A tuple or struct of doubles (or of floats) is a vector-valued result (StructResults): Jvp, Vjp, Jacobian.
        var structResult = StructResults.UniformShape(method, target.SemanticModel.Compilation);
        if (structResult is null && StructResult(method, syntax, target.SemanticModel.Compilation, cancellationToken) is { } refusal)
        {
            // Differentiated where it is called (BodyParser.Inlining): no code of its own.
            return new ParsedMethod(Key(method), null, diagnostics.Concat(refusal).ToEquatableArray());
        }

        // A void method with one Span<T> parameter and no ref/out parameter is vector-valued (VectorResults): it gets
        // Jvp, Vjp and Jacobian of its own, and its callers inline it as they inline any void helper.
        bool vectorValued = VectorResults.IsVectorValued(method);
        var byReferenceHelper = !vectorValued && BodyParser.IsByReferenceHelper(method) && ByReferenceMembers.HasOwnDerivative(method)
            && ByReferenceMembers.ListCarriesTangents(method, target.Attributes[0]);
        if (!vectorValued && BodyParser.IsByReferenceHelper(method) && !byReferenceHelper)
        {
            // Any other void helper, or one handing results back through ref/out: inlined where it is called
            // (BodyParser.RefArguments), so it has no code of its own; AGD0061 (info) says so.
            var why = ByReferenceReason(method);
            if (diagnostics.Count == 0)
            {
                // A helper whose shape is already an error (generic, no body) needs no note besides it.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DifferentiatedWhereCalled, nameLocation, name, why, ByReferenceMembers.OwnMembersNote(method, derivative: false)));
            }

            return new ParsedMethod(Key(method), null, diagnostics.ToEquatableArray());
        }

        var vectorResult = vectorValued ? VectorResults.Find(method, syntax, target.Attributes[0], cancellationToken, diagnostics)
            : structResult is { } shape ? (StructResults.ResultsName(method), shape.Leaves[0].Kind) : null;
        if (vectorResult is { } results)
        {
            returnKind = results.Kind;
        }
        else if (method.ReturnsVoid)
        {
            returnKind = NumberKind.Double;
        }

        else if (returnKind is not { } kind || !kind.IsFloatingPoint())
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ReturnTypeNotDifferentiable, syntax.ReturnType.GetLocation(), name, method.ReturnType.ToDisplayString()));
        }

        var attribute = target.Attributes[0];
        var structParameters = new List<StructParameter>();
        var matrixParameters = new List<MatrixParameter>();
        var structArrays = new List<StructArrayParameter>();
        var parameters = Parameters(method, attribute, target.SemanticModel.Compilation, structParameters, matrixParameters, structArrays, cancellationToken, diagnostics, byReferenceHelper);
        if (structResult is not null)
        {
            // The results span the body's returns write (StructResults): the last parameter of the span members.
            parameters.Add(new VariableModel(vectorResult!.Value.Name, vectorResult.Value.Kind, StorageKind.Span, IsParameter: true, Differentiated: false));
        }
        else if (vectorResult is { } output)
        {
            // The results are what the method computes: never an input to differentiate with respect to.
            parameters = parameters.Select(p => p.Name == output.Name ? p with { Differentiated = false } : p).ToList();
            if (matrixParameters.FirstOrDefault() is { } array)
            {
                // Jvp, Vjp and the dense Jacobian number their inputs as scalars and spans; an array of arrays is not laid out yet.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ArrayInVectorValuedMethod, method.Parameters.First(p => p.Name == array.Name).Locations.FirstOrDefault(),
                    name, array.Name, array.IsJagged ? "jagged" : "2-D"));
            }

            if (structArrays.FirstOrDefault() is { } structArray)
            {
                // The Jacobian numbers its inputs as scalars and spans of numbers; an array of structs is not laid out for it yet.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructArrayInVectorValuedMethod, method.Parameters.First(p => p.Name == structArray.Name).Locations.FirstOrDefault(),
                    name, structArray.Name, structArray.Shape.TypeText.Replace("global::", string.Empty), structArray.Kind.Keyword()));
            }
        }

        CheckGeneratedNames(method, nameLocation, diagnostics);
        if (declarationOnly || diagnostics.Count > 0 || syntax.Body is null && syntax.ExpressionBody is null)
        {
            // Everything above reads the declaration alone; from here on the body is read.
            return new ParsedMethod(Key(method), null, diagnostics.ToEquatableArray());
        }

        // Code that does not compile yet (as while typing) is the compiler's to report, not ours; calls of other
        // methods' generated derivatives (nested derivatives) cannot bind before generation, and are read by name.
        var nested = NestedCalls.Find(method, syntax, target.SemanticModel, SecondOrderCheck.IsRequested(attribute), cancellationToken);
        if ((nested.Count == 0
                ? target.SemanticModel.GetDiagnostics(syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error)
                : !NestedCalls.OnlyNestedCallErrors(syntax, target.SemanticModel, nested, cancellationToken))
            || !HasValidNames(method))
        {
            return new ParsedMethod(Key(method), null, diagnostics.ToEquatableArray());
        }

        var body = BodyParser.Parse(method, syntax, target.SemanticModel, parameters, cancellationToken, structParameters, vectorResult?.Name, matrixParameters, nested, structResult, structArrays);
        if (byReferenceHelper)
        {
            // Callers still inline it (and report what its body cannot do, at the body); its own Derivative takes the
            // ref/out values and tangents as they are (ByReferenceMembers), when its body can be differentiated.
            var refused = body.Diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DifferentiatedWhereCalled, nameLocation, name, ByReferenceReason(method),
                ByReferenceMembers.OwnMembersNote(method, derivative: !refused)));
            if (refused)
            {
                return new ParsedMethod(Key(method), null, diagnostics.ToEquatableArray());
            }
        }

        diagnostics.AddRange(body.Diagnostics);
        var model = new MethodModel(
            HintName: TypeHintName(method.ContainingType),
            Namespace: method.ContainingNamespace.IsGlobalNamespace ? null : method.ContainingNamespace.ToDisplayString(),
            ContainingTypes: containingTypes,
            Accessibility: AccessibilityKeyword(method.DeclaredAccessibility),
            Name: name,
            DocumentationId: Cref(method),
            NameLocation: LocationInfo.From(nameLocation),
            ReturnKind: returnKind!.Value,
            Variables: body.Variables,
            Body: body.Statements,
            PendingCalls: body.PendingCalls,
            IsStatic: method.IsStatic)
        {
            StructParameters = structParameters.ToEquatableArray(),
            TwinName = TwinNames.For(method),
            VectorResult = vectorResult?.Name,
            ResultShape = structResult,
            // The emitters read an array of structs as they read a 2-D array: n rows of k numbers (MatrixParameter.Structs).
            MatrixParameters = matrixParameters.Concat(structArrays.Select(s => new MatrixParameter(s.Name, s.Elements, s.Kind) { Structs = s })).ToEquatableArray(),
            StructArrayParameters = structArrays.ToEquatableArray(),
            // A generic method's float instance has no dual form (second order is double arithmetic): SecondOrder asks
            // for the double instance's Hessian members, and the float instance keeps its first-order ones.
            SecondOrder = SecondOrderCheck.IsRequested(attribute) && !byReferenceHelper && !(method.IsGenericMethod && TypeClassifier.Scalar(method.TypeParameters[0]) == NumberKind.Float),
            ByReferenceHelper = byReferenceHelper,
            ByReferenceGradient = byReferenceHelper && ByReferenceMembers.HasOwnGradient(method),
            ReturnsVoid = method.ReturnsVoid,
        };
        if (body.Diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
        {
            // Refused for its body: its parameters are known, so its callers get members that throw (RefusedStubs).
            return new ParsedMethod(Key(method), null, diagnostics.ToEquatableArray()) { Stub = RefusedStubs.For(model, diagnostics) };
        }

        if (model.SecondOrder)
        {
            if (SecondOrderCheck.Refusals(model, target.SemanticModel.Compilation, cancellationToken, out var userDerivatives) is { Count: > 0 } refusals)
            {
                diagnostics.AddRange(refusals);
                return new ParsedMethod(Key(method), null, diagnostics.ToEquatableArray()) { Stub = RefusedStubs.For(model, diagnostics) };
            }

            model = model with { DualUserDerivatives = userDerivatives };
        }

        return new ParsedMethod(Key(method), model, diagnostics.ToEquatableArray());
    }

    /// <summary>Why a helper is inlined where it is called, for AGD0061: "returns void" or "hands back results through 'y' (out)".</summary>
    private static string ByReferenceReason(IMethodSymbol method) => method.ReturnsVoid
        ? "returns void"
        : $"hands back results through '{method.Parameters.First(p => p.RefKind is RefKind.Ref or RefKind.Out).Name}' ({RefKeyword(method.Parameters.First(p => p.RefKind is RefKind.Ref or RefKind.Out).RefKind)})";

    /// <summary>
    /// For a method returning a struct of numbers with an int or bool leaf (or doubles and floats mixed; a struct or tuple
    /// of one floating-point kind is vector-valued, StructResults): nothing to report when its body is one expression
    /// (its callers substitute it), AGD0051 otherwise; null for any other result type.
    /// </summary>
    private static List<DiagnosticInfo>? StructResult(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!StructClassifier.IsCandidate(method.ReturnType) || StructClassifier.Classify(method.ReturnType, compilation, method.ContainingType).Shape is null)
        {
            return null;
        }

        return BodyParser.SingleExpressionBody(method, cancellationToken) is not null
            ? new List<DiagnosticInfo>()
            : new List<DiagnosticInfo>
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.StructResultNotSingleExpression, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString(),
                    StructClassifier.Classify(method.ReturnType, compilation, method.ContainingType).Shape!.Leaves.Any(l => l.Kind == NumberKind.Float) ? "float" : "double"),
            };
    }

    /// <summary>
    /// The checks tensor methods share with scalar ones: not generic, a body, partial containing types, free generated
    /// names; and static, which only tensor methods still must be (AGD0002).
    /// </summary>
    internal static (EquatableArray<ContainingTypeModel> ContainingTypes, bool NamesAreValid) CheckCommonShape(
        IMethodSymbol method, MethodDeclarationSyntax syntax, Location nameLocation, List<DiagnosticInfo> diagnostics)
    {
        CheckShape(method, syntax, nameLocation, diagnostics, requireStatic: true, refuseGeneric: true);
        var containingTypes = ContainingTypes(method, nameLocation, diagnostics);
        CheckGeneratedNames(method, nameLocation, diagnostics);
        return (containingTypes, HasValidNames(method));
    }

    /// <summary>Whether the namespace and type names can be written back (a half-typed namespace cannot).</summary>
    internal static bool HasValidNames(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!SyntaxFacts.IsValidIdentifier(type.Name))
            {
                return false;
            }
        }

        for (var ns = method.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (!SyntaxFacts.IsValidIdentifier(ns.Name))
            {
                return false;
            }
        }

        return SyntaxFacts.IsValidIdentifier(method.Name);
    }

    private static void CheckShape(IMethodSymbol method, MethodDeclarationSyntax syntax, Location nameLocation, List<DiagnosticInfo> diagnostics, bool requireStatic, bool refuseGeneric)
    {
        if (requireStatic)
        {
            DeclarationRules.MustBeStatic(method, nameLocation, diagnostics);
        }

        if (refuseGeneric && method.IsGenericMethod)
        {
            // Scalar generic methods are instantiated for double and float (GenericInstances); tensor methods are not.
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedMethod, syntax.TypeParameterList!.GetLocation(), method.Name, "generic tensor methods are not supported; write it for Tensor without type parameters"));
        }

        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedMethod, nameLocation, method.Name, "it has no body to differentiate"));
        }
    }

    private static EquatableArray<ContainingTypeModel> ContainingTypes(IMethodSymbol method, Location nameLocation, List<DiagnosticInfo> diagnostics)
    {
        DeclarationRules.ContainingTypesArePartial(method, nameLocation, diagnostics);
        var types = new List<ContainingTypeModel>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var keyword = (type.IsRecord, type.TypeKind) switch
            {
                (true, TypeKind.Struct) => "record struct",
                (true, _) => "record",
                (false, TypeKind.Struct) => "struct",
                (false, TypeKind.Interface) => "interface",
                _ => "class",
            };
            var typeParameters = type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";
            types.Insert(0, new ContainingTypeModel("partial " + keyword + " " + type.Name + typeParameters) { Name = type.Name + typeParameters });
        }

        return types.ToEquatableArray();
    }

    private static List<VariableModel> Parameters(
        IMethodSymbol method, AttributeData attribute, Compilation compilation, List<StructParameter> structParameters, List<MatrixParameter> matrixParameters,
        List<StructArrayParameter> structArrays, CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics, bool byReferenceHelper = false)
    {
        var withRespectTo = WithRespectTo(method, attribute, cancellationToken, diagnostics);
        var parameters = new List<VariableModel>();
        foreach (var parameter in method.Parameters)
        {
            var location = parameter.Locations.FirstOrDefault();
            var classified = TypeClassifier.Classify(parameter.Type);
            var named = withRespectTo?.Contains(parameter.Name) == true;
            // 'in' parameters are read like values and stay 'in' in the generated methods; a 'params' array is an array.
            if (byReferenceHelper && parameter.RefKind is RefKind.Ref or RefKind.Out && classified is { Storage: StorageKind.Scalar } byReference)
            {
                // A result handed back: it always carries a tangent, in and out (an out parameter's comes in as nothing).
                parameters.Add(new VariableModel(parameter.Name, byReference.Kind, StorageKind.Scalar, IsParameter: true, Differentiated: byReference.Kind.IsFloatingPoint())
                {
                    ReferenceKind = ByReferenceMembers.Keyword(parameter.RefKind),
                });
                continue;
            }

            if (parameter.RefKind is not (RefKind.None or RefKind.In))
            {
                // 'ref' and 'out' make the method a helper inlined at its calls (MethodParser.Parse); what is left is 'ref readonly'.
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedMethod, location, method.Name, $"parameter '{parameter.Name}' is '{RefKeyword(parameter.RefKind)}'; declare it 'in', which is read the same way, or pass it by value"));
                continue;
            }

            if (classified is null && StructClassifier.IsCandidate(parameter.Type))
            {
                StructParameterLeaves(method, parameter, compilation, withRespectTo is null || named, parameters, structParameters, diagnostics);
                continue;
            }

            if (classified is null && StructArrays.ElementType(parameter.Type) is { } structElement && (withRespectTo is null || named)
                && StructArrayParameterElements(method, parameter, structElement, compilation, parameters, structArrays, diagnostics))
            {
                continue;
            }

            if (classified is null && TypeClassifier.MatrixElement(parameter.Type) is { } element && (withRespectTo is null || named))
            {
                MatrixParameterElements(method, parameter, element, parameters, matrixParameters);
                continue;
            }

            if (classified is null && TypeClassifier.JaggedElement(parameter.Type) is { } rowElement && (withRespectTo is null || named))
            {
                JaggedParameterElements(method, parameter, rowElement, parameters, matrixParameters);
                continue;
            }

            if (classified is not { } c)
            {
                if (named)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterNotDifferentiable, location, parameter.Name, parameter.Type.ToDisplayString()));
                    continue;
                }

                // Carries no derivative: passed through as it is, read by the body as the original reads it.
                parameters.Add(new VariableModel(parameter.Name, NumberKind.Int, StorageKind.Scalar, IsParameter: true, Differentiated: false,
                    PassThroughType: TypeClassifier.FullName(parameter.Type)));
                continue;
            }

            if (named && !c.Kind.IsFloatingPoint())
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterNotDifferentiable, location, parameter.Name, parameter.Type.ToDisplayString()));
                continue;
            }

            var differentiated = c.Kind.IsFloatingPoint() && (withRespectTo is null || named);
            parameters.Add(new VariableModel(parameter.Name, c.Kind, c.Storage, IsParameter: true, Differentiated: differentiated, PassedIn: parameter.RefKind == RefKind.In));
        }

        return parameters;
    }

    /// <summary>
    /// A differentiated 2-D array parameter stays in the signature as a pass-through parameter (its shape is read as
    /// the original reads it) and gains a read-only span parameter of its elements (<c>w_elements</c>), which the body
    /// indexes and the emitters differentiate as any span parameter; <see cref="MatrixParameter"/> ties them together.
    /// </summary>
    private static void MatrixParameterElements(
        IMethodSymbol method, IParameterSymbol parameter, NumberKind element, List<VariableModel> parameters, List<MatrixParameter> matrixParameters)
    {
        var taken = new HashSet<string>(method.Parameters.Select(p => p.Name).Concat(parameters.Select(p => p.Name)));
        var name = parameter.Name + "_elements";
        for (var suffix = 2; !taken.Add(name); suffix++)
        {
            name = parameter.Name + "_elements_" + suffix;
        }

        parameters.Add(new VariableModel(parameter.Name, NumberKind.Int, StorageKind.Scalar, IsParameter: true, Differentiated: false,
            PassThroughType: TypeClassifier.FullName(parameter.Type), PassedIn: parameter.RefKind == RefKind.In));
        parameters.Add(new VariableModel(name, element, StorageKind.ReadOnlySpan, IsParameter: true, Differentiated: true));
        matrixParameters.Add(new MatrixParameter(parameter.Name, name, element));
    }

    /// <summary>
    /// A differentiated jagged array parameter, as a 2-D array: the array itself passes through (its Length is read as
    /// the original reads it), and a read-only span parameter of its elements row after row (<c>a_elements</c>) is
    /// what the body indexes, through the generated local <c>a_jagged</c> that knows where each row starts. The
    /// layout's name is kept apart from every identifier of the method, so no local or generated name takes it.
    /// </summary>
    private static void JaggedParameterElements(
        IMethodSymbol method, IParameterSymbol parameter, NumberKind element, List<VariableModel> parameters, List<MatrixParameter> matrixParameters)
    {
        var taken = new HashSet<string>(method.Parameters.Select(p => p.Name).Concat(parameters.Select(p => p.Name)));
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            taken.UnionWith(reference.GetSyntax().DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        }

        string Unique(string wanted)
        {
            var name = wanted;
            for (var suffix = 2; !taken.Add(name); suffix++)
            {
                name = wanted + "_" + suffix;
            }

            return name;
        }

        var elements = Unique(parameter.Name + "_elements");
        var layout = Unique(parameter.Name + "_jagged");
        parameters.Add(new VariableModel(parameter.Name, NumberKind.Int, StorageKind.Scalar, IsParameter: true, Differentiated: false,
            PassThroughType: TypeClassifier.FullName(parameter.Type), PassedIn: parameter.RefKind == RefKind.In));
        parameters.Add(new VariableModel(elements, element, StorageKind.ReadOnlySpan, IsParameter: true, Differentiated: true));
        matrixParameters.Add(new MatrixParameter(parameter.Name, elements, element, layout));
    }

    /// <summary>
    /// A differentiated array or span of structs, as a 2-D array: the parameter itself passes through, and a read-only
    /// span parameter of its numbers (<c>x_elements</c>, struct after struct) is what the body indexes
    /// (<see cref="StructArrayParameter"/>). False when the struct has no floating-point field (the parameter then
    /// passes through like any data); a struct whose elements cannot be read as numbers is AGD0052.
    /// </summary>
    private static bool StructArrayParameterElements(
        IMethodSymbol method, IParameterSymbol parameter, ITypeSymbol element, Compilation compilation, List<VariableModel> parameters,
        List<StructArrayParameter> structArrays, List<DiagnosticInfo> diagnostics)
    {
        var (shape, why) = StructArrays.Classify(element, compilation, method.ContainingType);
        if (shape is null)
        {
            if (why is null)
            {
                return false;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructArrayNotDifferentiable, parameter.Locations.FirstOrDefault(),
                parameter.Name, parameter.Type.ToDisplayString(), why));
            return true;
        }

        var taken = new HashSet<string>(method.Parameters.Select(p => p.Name).Concat(parameters.Select(p => p.Name)));
        var name = parameter.Name + "_elements";
        for (var suffix = 2; !taken.Add(name); suffix++)
        {
            name = parameter.Name + "_elements_" + suffix;
        }

        parameters.Add(new VariableModel(parameter.Name, NumberKind.Int, StorageKind.Scalar, IsParameter: true, Differentiated: false,
            PassThroughType: TypeClassifier.FullName(parameter.Type), PassedIn: parameter.RefKind == RefKind.In));
        parameters.Add(new VariableModel(name, shape.Leaves[0].Kind, StorageKind.ReadOnlySpan, IsParameter: true, Differentiated: true));
        structArrays.Add(new StructArrayParameter(parameter.Name, name, shape));
        return true;
    }

    /// <summary>
    /// A struct parameter becomes one scalar parameter per field (<c>a_X</c>, <c>a_Y</c>, ...), named apart from the
    /// other parameters; <see cref="StructParameter"/> remembers how to put the struct back in signatures.
    /// </summary>
    private static void StructParameterLeaves(
        IMethodSymbol method, IParameterSymbol parameter, Compilation compilation, bool differentiated,
        List<VariableModel> parameters, List<StructParameter> structParameters, List<DiagnosticInfo> diagnostics)
    {
        var (shape, why) = StructClassifier.Classify(parameter.Type, compilation, method.ContainingType);
        if (shape is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructNotDifferentiable, parameter.Locations.FirstOrDefault(), parameter.Name, parameter.Type.ToDisplayString(), why!));
            return;
        }

        var taken = new HashSet<string>(method.Parameters.Select(p => p.Name).Concat(parameters.Select(p => p.Name)));
        var leafNames = new List<string>();
        foreach (var leaf in shape.Leaves)
        {
            var name = parameter.Name + "_" + leaf.Suffix;
            for (var suffix = 2; !taken.Add(name); suffix++)
            {
                name = parameter.Name + "_" + leaf.Suffix + "_" + suffix;
            }

            leafNames.Add(name);
            parameters.Add(new VariableModel(name, leaf.Kind, StorageKind.Scalar, IsParameter: true, Differentiated: differentiated && leaf.Kind.IsFloatingPoint()));
        }

        structParameters.Add(new StructParameter(parameter.Name, shape, leafNames.ToEquatableArray(), differentiated, PassedIn: parameter.RefKind == RefKind.In));
    }

    /// <summary>The names in [Differentiable(...)], or null for "every floating-point parameter" (AGD0010: <see cref="DeclarationRules"/>).</summary>
    internal static HashSet<string>? WithRespectTo(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics) =>
        DeclarationRules.UnknownNames(method, attribute, cancellationToken, diagnostics);

    private static void CheckGeneratedNames(IMethodSymbol method, Location nameLocation, List<DiagnosticInfo> diagnostics) =>
        DeclarationRules.GeneratedNamesAreFree(method, nameLocation, diagnostics);

    internal static string RefKeyword(RefKind kind) => kind switch
    {
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        _ => "ref",
    };

    /// <summary>Generated members are as accessible as the original method.</summary>
    internal static string AccessibilityKeyword(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "internal",
    };

    /// <summary>The documentation id: how calls and user derivatives name a method.</summary>
    public static string Key(IMethodSymbol method) => method.OriginalDefinition.GetDocumentationCommentId() ?? method.ToDisplayString();

    /// <summary>
    /// The file of a type's generated members (Emit/TypeFiles.cs): <c>Namespace.Outer.Inner{T}.Derivatives.g.cs</c>, unique
    /// because two types of a compilation cannot share that name (nor a type and a member of its container, so it
    /// cannot meet a tensor method's <see cref="HintName"/> either).
    /// </summary>
    internal static string TypeHintName(INamedTypeSymbol type) =>
        type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}') + ".Derivatives.g.cs";

    /// <summary>A tensor method's own file (tensor files copy their method's using directives, so they are not merged per type).</summary>
    internal static string HintName(IMethodSymbol method)
    {
        var typeName = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
            .Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}');
        // Hint names are compared ignoring case (Roslyn's AddSource), so Tan and tan are overloads here too.
        var overloaded = method.ContainingType.GetMembers().Count(m => string.Equals(m.Name, method.Name, System.StringComparison.OrdinalIgnoreCase)) > 1;
        var suffix = overloaded ? "_" + StableHash(method.GetDocumentationCommentId() ?? method.ToDisplayString()) : string.Empty;
        return typeName + "." + method.Name + suffix + ".Derivatives.g.cs";
    }

    /// <summary>FNV-1a: the same text gives the same hash in every process (string.GetHashCode does not).</summary>
    private static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static string Cref(IMethodSymbol method) =>
        method.Name + (method.IsGenericMethod ? "{" + string.Join(", ", method.TypeParameters.Select(p => p.Name)) + "}" : string.Empty) + "(" + string.Join(", ", method.Parameters.Select(p => (p.RefKind switch { RefKind.In => "in ", RefKind.Ref => "ref ", RefKind.Out => "out ", _ => string.Empty }) + p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
            .Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}'))) + ")";
}
