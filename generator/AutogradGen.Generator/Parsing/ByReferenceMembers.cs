using System.Linq;
using Microsoft.CodeAnalysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Which by-reference helpers (a [Differentiable] method with <c>ref</c>/<c>out</c> parameters, inlined where it is
/// called: BodyParser.RefArguments) also get a <c>{Name}Derivative</c> of their own. Forward mode needs nothing but
/// the body run once with tangents beside the values, so the ref and out parameters simply stay ref and out, and
/// their tangents come in and go out the same way: <c>StepDerivative(ref double x, double dt, ref double xTangent,
/// double dtTangent)</c>. When its value and floating-point results are of one type it also gets <c>{Name}Gradient</c>
/// (Emit/ByReferenceReverse.cs); its callers still differentiate it inlined, in both modes.
/// </summary>
internal static class ByReferenceMembers
{
    /// <summary>
    /// True for a non-generic helper returning void or a floating-point number whose ref/out parameters are all
    /// double, float, int or bool scalars (at least one of them floating-point), and whose other parameters are
    /// scalars or carry no derivative (no arrays, spans or structs: their tangents would need writable spans).
    /// </summary>
    public static bool HasOwnDerivative(IMethodSymbol method)
    {
        if (method.IsGenericMethod || !(method.ReturnsVoid || TypeClassifier.Scalar(method.ReturnType) is { } kind && kind.IsFloatingPoint()))
        {
            return false;
        }

        var byReference = method.Parameters.Where(p => p.RefKind is RefKind.Ref or RefKind.Out).ToList();
        return byReference.Any(p => TypeClassifier.Scalar(p.Type) is { } k && k.IsFloatingPoint())
            && byReference.All(p => TypeClassifier.Scalar(p.Type) is not null)
            && method.Parameters.All(p => p.RefKind is RefKind.Ref or RefKind.Out or RefKind.None or RefKind.In
                && (TypeClassifier.Classify(p.Type) is { Storage: StorageKind.Scalar }
                    || TypeClassifier.Classify(p.Type) is null && !StructClassifier.IsCandidate(p.Type) && !p.Type.IsRefLikeType
                        && TypeClassifier.MatrixElement(p.Type) is null && TypeClassifier.JaggedElement(p.Type) is null));
    }

    /// <summary>
    /// True unless the [Differentiable] list names a parameter that cannot carry a tangent (an int or bool). Such a
    /// list was always read at the helper's calls, where it is inlined, never as an error (AGD0003) on the helper; a
    /// helper written that way keeps that meaning and gets no members of its own rather than members refused.
    /// </summary>
    public static bool ListCarriesTangents(IMethodSymbol method, AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return true;
        }

        var named = attribute.ConstructorArguments[0].Values.Select(v => v.Value as string).ToList();
        return method.Parameters.Where(p => named.Contains(p.Name))
            .All(p => TypeClassifier.Classify(p.Type) is { Storage: StorageKind.Scalar } c && c.Kind.IsFloatingPoint());
    }

    /// <summary>
    /// Whether a helper with its own Derivative also gets <c>{Name}Gradient</c> (<see cref="MethodModel.ByReferenceGradient"/>):
    /// its floating-point ref and out results and its value (unless void) are of one type, and the type has no member of
    /// the names it would take (a hand-written <c>StepGradient</c> is kept, and the helper has no reverse mode then).
    /// </summary>
    public static bool HasOwnGradient(IMethodSymbol method)
    {
        if (new[] { "Gradient", "ByReferenceGradient", "ByReferencePullback" }.Any(suffix => !method.ContainingType.GetMembers(method.Name + suffix).IsEmpty))
        {
            return false;
        }

        var kinds = method.Parameters.Where(p => p.RefKind is RefKind.Ref or RefKind.Out)
            .Select(p => TypeClassifier.Scalar(p.Type)).Where(k => k is { } kind && kind.IsFloatingPoint()).ToList();
        if (!method.ReturnsVoid)
        {
            kinds.Add(TypeClassifier.Scalar(method.ReturnType));
        }

        return kinds.Count > 0 && kinds.Distinct().Count() == 1;
    }

    /// <summary>The end of AGD0061's message: which members of its own the helper has, and how to get the others.</summary>
    public static string OwnMembersNote(IMethodSymbol method, bool derivative)
    {
        var name = method.Name;
        const string Forward = "which takes each ref and out parameter's tangent the same way as the parameter";
        if (!derivative)
        {
            return $" and has no {name}Gradient or {name}Pullback of its own and no {name}Derivative; to call those, write a version that takes its inputs by value and returns its result";
        }

        if (!HasOwnGradient(method))
        {
            return $" and has no {name}Gradient or {name}Pullback of its own (its forward mode is {name}Derivative, {Forward}; it has no reverse mode, because its results are of different floating-point types or the type already has a member named {name}Gradient); to call those, write a version that takes its inputs by value and returns its result";
        }

        return $" (its forward mode is {name}Derivative, {Forward}; its reverse mode is {name}Gradient, where a ref parameter's gradient goes in as the adjoint of its final value and comes out as the gradient with respect to its initial value, and an out parameter's adjoint goes in only)";
    }

    /// <summary>"ref" or "out".</summary>
    public static string Keyword(RefKind kind) => kind == RefKind.Out ? "out" : "ref";
}
