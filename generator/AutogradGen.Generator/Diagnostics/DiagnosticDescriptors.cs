using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, with stable ids. Each message says why the method cannot be
/// differentiated and what to do (Swift's differentiation diagnostics in spirit). docs/DIAGNOSTICS.md has a
/// section per id. Never renumber: users suppress these ids by number.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "AutogradGen";

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "AGD0001",
        "The type that contains a [Differentiable] method must be partial",
        "Type '{0}' must be partial so that the derivatives of '{1}' can be generated into it: add the 'partial' modifier to '{0}'");

    public static readonly DiagnosticDescriptor MethodNotStatic = Error(
        "AGD0002",
        "A [Differentiable] tensor method must be static",
        "Tensor method '{0}' must be static to be differentiated: make it static and pass the state it reads as parameters (instance methods over double and float are differentiated as instance members)");

    public static readonly DiagnosticDescriptor ParameterNotDifferentiable = Error(
        "AGD0003",
        "Parameter type cannot be differentiated",
        "Parameter '{0}' of type '{1}' cannot be differentiated: only double, float, arrays and spans of them, and 2-D and jagged arrays of them (double[,], double[][]) can; change its type, or leave it out of the [Differentiable] list");

    public static readonly DiagnosticDescriptor ReturnTypeNotDifferentiable = Error(
        "AGD0004",
        "Return type cannot be differentiated",
        "Method '{0}' returns '{1}', which cannot be differentiated: a [Differentiable] method must return double or float");

    public static readonly DiagnosticDescriptor UnsupportedStatement = Error(
        "AGD0005",
        "Statement cannot be differentiated",
        "{0} cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor UnsupportedExpression = Error(
        "AGD0006",
        "Expression cannot be differentiated",
        "{0} cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor CallNotDifferentiable = Error(
        "AGD0007",
        "Called method has no derivative",
        "Cannot differentiate through a call to '{0}', which is neither [Differentiable] nor has a [DerivativeOf] derivative: {1}");

    public static readonly DiagnosticDescriptor WriteOutsideMethod = Error(
        "AGD0008",
        "Cannot differentiate writes to state outside the method",
        "Cannot differentiate a write to '{0}', which lives outside the method: compute into a local variable or a local array instead");

    public static readonly DiagnosticDescriptor Recursion = Error(
        "AGD0009",
        "Recursive [Differentiable] Tensor methods are not supported",
        "Tensor method '{0}' calls itself, and the tensor pipeline cannot differentiate recursion: rewrite it as a loop (scalar [Differentiable] methods may recurse)");

    public static readonly DiagnosticDescriptor UnknownParameterName = Error(
        "AGD0010",
        "Unknown parameter name in the [Differentiable] list",
        "'{0}' is not a parameter of '{1}': name a parameter with nameof, or remove it from the list");

    public static readonly DiagnosticDescriptor GeneratedNameClash = Error(
        "AGD0011",
        "A generated derivative's name is already taken",
        "Type '{0}' already has a member named '{1}', the name of the derivative generated for '{2}': rename that member");

    public static readonly DiagnosticDescriptor ResultDoesNotDependOnParameters = Warning(
        "AGD0012",
        "Result does not depend on the differentiated parameters",
        "The result of '{0}' does not depend on the differentiated parameters and will always have a zero derivative");

    public static readonly DiagnosticDescriptor NonDifferentiableOperation = Warning(
        "AGD0013",
        "Operation has no derivative",
        "{0} has no derivative: no derivative flows through it. If that is intended, wrap its argument in Differentiation.WithoutDerivative to say so");

    public static readonly DiagnosticDescriptor InvalidUserDerivative = Error(
        "AGD0014",
        "User-supplied derivative has the wrong shape",
        "Derivative '{0}' does not match '{1}': {2}");

    public static readonly DiagnosticDescriptor UnsupportedVariableType = Error(
        "AGD0015",
        "Variable type is not supported in a [Differentiable] method",
        "Variable '{0}' has type '{1}', which a local of a [Differentiable] method cannot have: use double, float, int, bool, or an array or span of double or float (parameters of other types are passed through: index or read them where they are used)");

    public static readonly DiagnosticDescriptor DerivativeDropped = Warning(
        "AGD0016",
        "Argument's derivative is dropped by the callee",
        "'{0}' is not differentiated with respect to parameter '{1}', so no derivative flows through this argument: add '{1}' to its [Differentiable] list, or wrap the argument in Differentiation.WithoutDerivative");

    public static readonly DiagnosticDescriptor UnsupportedMethod = Error(
        "AGD0017",
        "Method shape is not supported",
        "Method '{0}' cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "AGD0018",
        "The generator failed on this method",
        "AutogradGen could not generate the derivatives of '{0}' ({1}); please report this with the method's source");

    public static readonly DiagnosticDescriptor CalleeHasErrors = Error(
        "AGD0019",
        "Called [Differentiable] method has no generated derivatives",
        "Cannot differentiate through a call to '{0}': its derivatives could not be generated; fix the errors reported on it first");

    public static readonly DiagnosticDescriptor TensorOperationWithoutRule = Error(
        "AGD0020",
        "Tensor operation has no derivative rule",
        "Cannot differentiate '{0}': the tensor operation has no derivative rule; write it with the supported operations (docs/API.md, Tensor methods), move it into a [Differentiable] method of its own, or Detach() its input if no derivative should flow");

    public static readonly DiagnosticDescriptor CallShapeNotSupported = Error(
        "AGD0030",
        "Call cannot be differentiated in this form",
        "Cannot differentiate through the call to '{0}': {1}");

    // AGD0040-AGD0049: constructs lowered before differentiation (switch, patterns, tuples, local functions, LINQ).
    public static readonly DiagnosticDescriptor UnsupportedPattern = Error(
        "AGD0040",
        "Pattern cannot be differentiated",
        "{0} cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor SwitchExpressionNotExhaustive = Error(
        "AGD0041",
        "A switch expression must end with a discard arm",
        "This switch expression has no last arm that matches every value: where no arm matches C# throws, which the derivatives cannot mirror; end it with a '_ => ...' arm");

    public static readonly DiagnosticDescriptor EarlyBreakInSwitch = Error(
        "AGD0042",
        "A 'break' before the end of a switch section",
        "This 'break' leaves the switch section before its end, which cannot be lowered to an if/else chain: put the rest of the section in an 'if' instead");

    public static readonly DiagnosticDescriptor LocalFunctionNotInlined = Error(
        "AGD0043",
        "Local function or lambda cannot be differentiated",
        "{0} cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor LinqNotLowered = Error(
        "AGD0044",
        "LINQ call cannot be differentiated",
        "{0} cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor UnsupportedTuple = Error(
        "AGD0045",
        "Tuple cannot be differentiated",
        "{0} cannot be differentiated: {1}");
    public static readonly DiagnosticDescriptor StructNotDifferentiable = Error(
        "AGD0050",
        "Struct cannot be replaced by its fields",
        "'{0}' has type '{1}', which cannot be differentiated: {2}");

    public static readonly DiagnosticDescriptor StructResultNotSingleExpression = Error(
        "AGD0051",
        "A [Differentiable] method returning a struct with an int or bool field must be a single expression",
        "'{0}' returns the struct '{1}', which has a field that is not {2}: such a result is differentiated where the method is called, by substituting its body, which must be a single expression; write it as '=> new {1}(...)' and move intermediate values into [Differentiable] helpers that return numbers, or make every field {2} (the method is then vector-valued, with Jvp, Vjp and Jacobian of its own)");

    // AGD0052-AGD0057: arrays and spans of structs, differentiated as the numbers in them (Parsing/StructArrays.cs).
    public static readonly DiagnosticDescriptor StructArrayNotDifferentiable = Error(
        "AGD0052",
        "Array of structs cannot be differentiated as the numbers in it",
        "'{0}' has type '{1}', whose elements cannot be differentiated: {2}");

    public static readonly DiagnosticDescriptor StructArrayUsedWhole = Error(
        "AGD0053",
        "Array of structs with a derivative used as a whole",
        "{0} cannot be differentiated: '{1}' is an array or span of structs whose derivative is computed, and {2}");

    public static readonly DiagnosticDescriptor StructArrayInVectorValuedMethod = Error(
        "AGD0054",
        "Vector-valued method takes a differentiated array of structs",
        "'{0}' writes its results into a span, and its Jvp, Vjp and Jacobian take scalars and spans of numbers only, but it differentiates '{1}', an array or span of '{2}'; leave '{1}' out of the differentiation list ([Differentiable(...)] naming the others), or pass its fields as a ReadOnlySpan<{3}>, or return one result per call instead of a span of results");

    // AGD0060-AGD0064: calls with ref and out arguments and void helpers, inlined at the call.
    public static readonly DiagnosticDescriptor ByReferenceCallNotInlined = Error(
        "AGD0060",
        "Call with ref or out arguments cannot be inlined",
        "{0} cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor DifferentiatedWhereCalled = new(
        "AGD0061",
        "[Differentiable] helper is differentiated where it is called",
        "'{0}' {1}, so it is differentiated where [Differentiable] methods call it (its body is inlined at each call){2}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLink("AGD0061"));

    public static readonly DiagnosticDescriptor TypeParameterNotFloatingPoint = Error(
        "AGD0065",
        "A generic [Differentiable] method's type parameter must admit double or float",
        "Type parameter '{0}' of '{1}' can be neither double nor float ({2}): a generic method is differentiated as its double and float instances; constrain '{0}' with an interface double and float implement, such as 'where {0} : IFloatingPointIeee754<{0}>', or write the method for double");

    public static readonly DiagnosticDescriptor GenericShapeNotSupported = Error(
        "AGD0066",
        "Generic method shape is not supported",
        "'{0}' cannot be differentiated as generic math: {1}");

    public static readonly DiagnosticDescriptor GenericMathMemberWithoutRule = Error(
        "AGD0067",
        "Generic-math member has no derivative rule",
        "'{0}' cannot be differentiated: it has no derivative rule; {1}");

    // AGD0072-AGD0074: vector-valued methods (results written into their one Span<T> parameter; AGD0070-AGD0071 are retired).
    public static readonly DiagnosticDescriptor ResultsSpanDifferentiated = Error(
        "AGD0072",
        "The results span cannot be differentiated with respect to",
        "'{0}' is the results span of '{1}': its elements are what the method computes, not an input; remove it from the [Differentiable] list");

    public static readonly DiagnosticDescriptor ResultsSpanReadBeforeWritten = Error(
        "AGD0073",
        "The results span is passed on or read whole",
        "'{0}' is the results span of '{1}': {2}; write its elements one by one (results[i] = ...) and read back only elements already written");

    public static readonly DiagnosticDescriptor StructResultCallNotInlined = Error(
        "AGD0074",
        "Call of a method returning a tuple or struct cannot be inlined",
        "{0} cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor SecondOrderNotSupported = Error(
        "AGD0075",
        "This method cannot have second-order members",
        "'{0}' is marked SecondOrder, but {1}");

    public static readonly DiagnosticDescriptor SecondOrderCallee = Error(
        "AGD0076",
        "A second-order method calls a method without second-order code",
        "'{0}' is marked SecondOrder and calls '{1}': {2}");

    public static readonly DiagnosticDescriptor SecondOrderUserDerivative = Error(
        "AGD0077",
        "A second-order method calls a method differentiated by a user-supplied derivative that cannot be differentiated again",
        "'{0}' is marked SecondOrder and calls '{1}': {2}");

    // AGD0085-AGD0089: differentiated 2-D array parameters.
    public static readonly DiagnosticDescriptor MatrixPassedToCall = Error(
        "AGD0085",
        "2-D array with a derivative passed to a call",
        "Cannot differentiate the call to '{0}': it is handed the 2-D array '{1}', whose gradient is computed, and {2}");

    public static readonly DiagnosticDescriptor JaggedPassedToCall = Error(
        "AGD0086",
        "Jagged array with a derivative passed to a call",
        "Cannot differentiate the call to '{0}': it is handed the {1}, whose gradient is computed, and {2}");

    public static readonly DiagnosticDescriptor ArrayInVectorValuedMethod = Error(
        "AGD0087",
        "Vector-valued method takes a differentiated 2-D or jagged array",
        "'{0}' writes its results into a span, and its Jvp, Vjp and Jacobian take scalars and spans only, but it differentiates the {2} array '{1}'; leave '{1}' out of the differentiation list ([Differentiable(...)] naming the others), or pass its elements as a ReadOnlySpan, or return one result per call instead of a span of results");

    // AGD0090-AGD0094: nested derivatives (a [Differentiable] method calling another one's generated Gradient or Derivative).
    public static readonly DiagnosticDescriptor NestedCalleeNotSecondOrder = Error(
        "AGD0090",
        "A nested derivative's method has no second-order code",
        "'{0}' calls '{1}', and differentiating that call needs the second derivatives of '{2}': mark '{2}' [Differentiable(SecondOrder = true)]");

    public static readonly DiagnosticDescriptor NestedCallShape = Error(
        "AGD0091",
        "A nested derivative call cannot be differentiated in this form",
        "The call to '{0}' cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor NestedCalleeShape = Error(
        "AGD0092",
        "A nested derivative's method has parameters nested derivatives do not support",
        "'{0}' cannot be differentiated where it is called: '{1}' {2}");

    public static readonly DiagnosticDescriptor NestedDepth = Error(
        "AGD0093",
        "Nested derivatives go one level deep",
        "'{0}' calls '{1}' and is marked SecondOrder itself, which would differentiate the nested derivative twice more: nested derivatives go one level deep; remove SecondOrder = true from '{0}'");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        ContainingTypeNotPartial, MethodNotStatic, ParameterNotDifferentiable, ReturnTypeNotDifferentiable,
        UnsupportedStatement, UnsupportedExpression, CallNotDifferentiable, WriteOutsideMethod, Recursion,
        UnknownParameterName, GeneratedNameClash, ResultDoesNotDependOnParameters, NonDifferentiableOperation,
        InvalidUserDerivative, UnsupportedVariableType, DerivativeDropped, UnsupportedMethod, InternalError, CalleeHasErrors,
        TensorOperationWithoutRule, CallShapeNotSupported,
        UnsupportedPattern, SwitchExpressionNotExhaustive, EarlyBreakInSwitch, LocalFunctionNotInlined, LinqNotLowered, UnsupportedTuple,
        StructNotDifferentiable, StructResultNotSingleExpression,
        StructArrayNotDifferentiable, StructArrayUsedWhole, StructArrayInVectorValuedMethod,
        ByReferenceCallNotInlined, DifferentiatedWhereCalled,
        TypeParameterNotFloatingPoint, GenericShapeNotSupported, GenericMathMemberWithoutRule,
        ResultsSpanDifferentiated, ResultsSpanReadBeforeWritten, StructResultCallNotInlined,
        SecondOrderNotSupported, SecondOrderCallee, SecondOrderUserDerivative,
        MatrixPassedToCall, JaggedPassedToCall, ArrayInVectorValuedMethod,
        NestedCalleeNotSecondOrder, NestedCallShape, NestedCalleeShape, NestedDepth,
    }.ToDictionary(d => d.Id);

    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static string HelpLink(string id) => "https://github.com/autogradgen/autogradgen/blob/main/docs/DIAGNOSTICS.md#" + id.ToLowerInvariant();
}
