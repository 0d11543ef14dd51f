using System.Linq;
using AutogradGen.Generator.Diagnostics;

namespace AutogradGen.Generator.Model;

/// <summary>Everything the emitter needs about one [Differentiable] method. Equatable: no symbols or syntax.</summary>
/// <param name="HintName">The generated file of the containing type (every method of the type shares it: Emit/TypeFiles.cs).</param>
/// <param name="Namespace">The containing namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">Outermost first: the partial type declarations to reopen.</param>
/// <param name="Accessibility">The original method's accessibility keywords ("public", "internal", "private", ...).</param>
/// <param name="Name">The original method's name.</param>
/// <param name="DocumentationId">The original method's cref text, for the XML doc comments.</param>
/// <param name="NameLocation">The method's name, where method-wide warnings are reported.</param>
/// <param name="ReturnKind">double or float.</param>
/// <param name="Variables">Every variable of the body, renamed apart: parameters first, then locals.</param>
/// <param name="Body">The method body as IR, before control-flow lowering.</param>
/// <param name="PendingCalls">Calls that need a user-supplied derivative or another method's generated code.</param>
/// <param name="IsStatic">
/// False for an instance method: its generated members are instance members too, the receiver (<c>this</c>) an input
/// that is not differentiated.
/// </param>
internal sealed record MethodModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Accessibility,
    string Name,
    string DocumentationId,
    LocationInfo NameLocation,
    NumberKind ReturnKind,
    EquatableArray<VariableModel> Variables,
    EquatableArray<Stmt> Body,
    EquatableArray<PendingCall> PendingCalls,
    bool IsStatic = true)
{
    /// <summary>What goes between the accessibility and the return type of every generated member.</summary>
    public string StaticModifier => IsStatic ? " static " : " ";

    /// <summary>
    /// The original method as generated code calls it, qualified (<c>global::Ns.Type.F</c>, <c>this.F</c>): a parameter
    /// may share the method's name (<c>ref int count</c> in <c>count(...)</c>) and would hide a bare <c>F</c>.
    /// </summary>
    public string QualifiedName => IsStatic
        ? "global::" + (Namespace is { } ns ? ns + "." : string.Empty) + string.Join(".", ContainingTypes.Select(t => t.Name)) + "." + Name
        : "this." + Name;

    /// <summary>The struct parameters, whose leaves stand in <see cref="Variables"/> where the struct was (see <see cref="StructShape"/>).</summary>
    public EquatableArray<StructParameter> StructParameters { get; init; } = EquatableArray<StructParameter>.Empty;

    /// <summary>The tape twin's name: <c>{Name}Tape</c>, numbered when overloads' twins would clash (<see cref="Parsing.TwinNames"/>).</summary>
    public string? TwinName { get; init; }

    /// <summary>
    /// For one instance of a generic-math method (<c>F&lt;T&gt;</c> read with T = double or float), its type argument;
    /// null for a method that is not generic. The instances are overloads of each other.
    /// </summary>
    /// <summary>The differentiated 2-D array parameters, read in the body through a span of their elements.</summary>
    public EquatableArray<MatrixParameter> MatrixParameters { get; init; } = EquatableArray<MatrixParameter>.Empty;

    /// <summary>The differentiated arrays and spans of structs, read in the body through a span of their numbers.</summary>
    public EquatableArray<StructArrayParameter> StructArrayParameters { get; init; } = EquatableArray<StructArrayParameter>.Empty;

    public NumberKind? GenericInstance { get; init; }

    /// <summary>
    /// False for a generic method's second instance: its activity warnings (AGD0012, AGD0013, AGD0016) are the first
    /// instance's, which reports them, so the user reads each once.
    /// </summary>
    public bool ReportsActivityWarnings { get; init; } = true;

    /// <summary>
    /// Whether <c>{Name}Tape</c> is written: its parameters are tensors, so two instances would clash, and only the
    /// double instance has one (tensors carry their dtype).
    /// </summary>
    public bool HasTapeTwin => GenericInstance is null or NumberKind.Double;

    /// <summary>
    /// For a vector-valued method (it returns void and writes its results into its one <c>Span&lt;T&gt;</c>
    /// parameter): that parameter's name; null for a method returning a double or float. <see cref="ReturnKind"/> is
    /// then the span's element type. Such a method gets <c>Jvp</c>, <c>Vjp</c> and <c>Jacobian</c> members instead of
    /// <c>Derivative</c>, <c>Gradient</c> and <c>Pullback</c> (Emit/VectorMembers.cs).
    /// </summary>
    public string? VectorResult { get; init; }

    public bool IsVectorValued => VectorResult is not null;

    /// <summary>
    /// For a method returning a tuple or struct of numbers (Parsing/StructResults.cs): its shape. <see cref="VectorResult"/>
    /// is then a results span the parser added as the last parameter, one element per leaf, and the span members get
    /// companions taking and returning the tuple or struct (Emit/StructResultEmitter.cs).
    /// </summary>
    public StructShape? ResultShape { get; init; }

    /// <summary>
    /// A helper with <c>ref</c>/<c>out</c> parameters (or returning void) that callers inline (BodyParser.RefArguments):
    /// it gets <c>{Name}Derivative</c> of its own, with the ref and out parameters' tangents in and out beside their
    /// values (Parsing/ByReferenceMembers.cs), <c>{Name}Gradient</c> when <see cref="ByReferenceGradient"/>, and no tape twin.
    /// </summary>
    public bool ByReferenceHelper { get; init; }

    /// <summary>A <see cref="ByReferenceHelper"/> that also gets <c>{Name}Gradient</c> (Emit/ByReferenceReverse.cs, Parsing/ByReferenceMembers.HasOwnGradient).</summary>
    public bool ByReferenceGradient { get; init; }

    /// <summary>The original returns void (a by-reference helper): its Derivative returns void too.</summary>
    public bool ReturnsVoid { get; init; }

    /// <summary><c>[Differentiable(SecondOrder = true)]</c>: the Hessian members are generated too (Emit/SecondOrderEmitter.cs).</summary>
    public bool SecondOrder { get; init; }

    /// <summary>
    /// For a SecondOrder method, the <c>[DerivativeOf]</c> callees its dual pullback runs on dual numbers
    /// (Parsing/DualUserDerivative.cs): their local functions and the calls they replace.
    /// </summary>
    public EquatableArray<DualUserDerivativeModel> DualUserDerivatives { get; init; } = EquatableArray<DualUserDerivativeModel>.Empty;
}

/// <summary>
/// A <c>[DerivativeOf]</c> callee of a SecondOrder method on dual numbers: calls of <paramref name="OriginalCall"/>
/// (as printed, e.g. <c>global::N.Library.Softplus</c>) go to the local function <paramref name="OriginalLocal"/>,
/// calls of <paramref name="DerivativeCall"/> to <paramref name="DerivativeLocal"/>; <paramref name="Text"/>
/// declares both.
/// </summary>
internal sealed record DualUserDerivativeModel(string OriginalCall, string OriginalLocal, string DerivativeCall, string DerivativeLocal, string Text);

/// <summary>
/// A call that can only be resolved once every method of the compilation is parsed: a call of a method that is
/// not [Differentiable] needs a user-supplied derivative, looked up by <paramref name="Key"/>; a call of a
/// [Differentiable] method of this compilation needs that method's generated code.
/// </summary>
/// <param name="Key">The callee's documentation id.</param>
/// <param name="IfMissing">AGD0007 at the call, reported when no derivative is found.</param>
/// <param name="NeedsGeneratedCode">
/// The callee is [Differentiable]: its generated code must exist (it does not when the callee has errors).
/// </param>
/// <param name="Site">The <see cref="CallExpr.Site"/> of the call: only calls a derivative flows through need one.</param>
internal sealed record PendingCall(string Key, DiagnosticInfo IfMissing, bool NeedsGeneratedCode, int Site);

/// <summary>One enclosing type declaration, e.g. <c>public static partial class Objectives</c>.</summary>
internal sealed record ContainingTypeModel(string Declaration)
{
    /// <summary>The type's name as code refers to it: <c>Q</c>, <c>Model&lt;T&gt;</c>.</summary>
    public string Name { get; init; } = string.Empty;
}

/// <summary>A variable of the method body.</summary>
/// <param name="Name">The name in generated code (the user's, made unique).</param>
/// <param name="Kind">The scalar or element type.</param>
/// <param name="Storage">Scalar, or how the elements are held.</param>
/// <param name="IsParameter">A parameter of the method (in declaration order among variables).</param>
/// <param name="Differentiated">A parameter the method is differentiated with respect to.</param>
/// <param name="PassThroughType">
/// For a parameter that carries no derivative and that the IR does not compute with (a <c>long</c>, an enum, a
/// string, a <c>List&lt;T&gt;</c>, a <c>double[][]</c>, a user class, ...): its C# type, fully qualified. Such a
/// parameter is passed through as it is: the body reads it only inside <see cref="PassThroughExpr"/>s, never as a
/// <see cref="VariableExpr"/>, and its kind and storage (int, scalar) mean nothing.
/// </param>
/// <param name="PassedIn">An <c>in</c> parameter: the generated methods take it <c>in</c> too.</param>
internal sealed record VariableModel(
    string Name,
    NumberKind Kind,
    StorageKind Storage,
    bool IsParameter,
    bool Differentiated,
    string? PassThroughType = null,
    bool PassedIn = false)
{
    /// <summary>
    /// "ref" or "out" for a parameter a by-reference helper hands results back through (<see cref="MethodModel.ByReferenceHelper"/>):
    /// the generated Derivative takes it, and its tangent, with the same modifier. Null for any other parameter.
    /// </summary>
    public string? ReferenceKind { get; init; }
}
