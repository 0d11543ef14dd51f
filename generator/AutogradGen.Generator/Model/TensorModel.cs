using AutogradGen.Generator.Diagnostics;

namespace AutogradGen.Generator.Model;

/// <summary>
/// A [Differentiable] method whose parameters or result are <c>Tensor</c>s: what the tensor emitter needs.
/// Equatable: strings and records only. Non-tensor code (conditions, loop headers, scalar statements, the
/// non-tensor arguments of operations) is kept as the user's C# text, resolved with the user's own using
/// directives (<paramref name="Usings"/>), since the generated members live in the same type and namespace.
/// </summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Namespace">The containing namespace, or null.</param>
/// <param name="Usings">The using directives of the user's file, as written (global usings apply anyway).</param>
/// <param name="ContainingTypes">Outermost first.</param>
/// <param name="Accessibility">The original method's accessibility keywords.</param>
/// <param name="Name">The original method's name.</param>
/// <param name="DocumentationId">The cref text of the original method.</param>
/// <param name="NameLocation">The method's name, where method-wide warnings are reported.</param>
/// <param name="Parameters">Every parameter, in order.</param>
/// <param name="Body">The body as tensor IR; the last statement is the only return.</param>
/// <param name="Callees">Documentation ids of the [Differentiable] tensor methods it calls.</param>
internal sealed record TensorMethodModel(
    string HintName,
    string? Namespace,
    EquatableArray<string> Usings,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Accessibility,
    string Name,
    string DocumentationId,
    LocationInfo NameLocation,
    EquatableArray<TensorParameter> Parameters,
    EquatableArray<TensorStmt> Body,
    EquatableArray<string> Callees);

/// <summary>A parameter: its name, its C# type as written in generated code, and whether it is a differentiated tensor.</summary>
internal sealed record TensorParameter(string Name, string TypeText, bool IsTensor, bool Differentiated);

/// <summary>The parser's output for one tensor method.</summary>
internal sealed record ParsedTensorMethod(string Key, TensorMethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A statement of a tensor method body.</summary>
internal abstract record TensorStmt(int Line, string Source);

/// <summary><c>name = value</c> for a tensor local or parameter (a declaration, assignment or compound assignment).</summary>
internal sealed record TensorAssign(int Line, string Source, string Name, TensorExpr Value) : TensorStmt(Line, Source);

/// <summary>A statement with no tensor in it, copied as written into the forward sweep (scalar locals, counters).</summary>
internal sealed record PlainStmt(int Line, string Source) : TensorStmt(Line, Source);

/// <summary>The method's single return, last in the body.</summary>
internal sealed record TensorReturn(int Line, string Source, TensorExpr Value) : TensorStmt(Line, Source);

/// <summary><c>if (Condition)</c> on a non-tensor condition; the reverse sweep replays the branch taken.</summary>
internal sealed record TensorIf(int Line, string Source, string Condition, EquatableArray<TensorStmt> Then, EquatableArray<TensorStmt> Else) : TensorStmt(Line, Source);

/// <summary>
/// A loop (<c>for</c> or <c>while</c>) whose header is non-tensor C# (<paramref name="Header"/>, e.g.
/// <c>for (int i = 0; i &lt; layers; i++)</c>); the forward sweep counts its iterations and the reverse sweep
/// replays the body that many times, backwards.
/// </summary>
internal sealed record TensorLoop(int Line, string Source, string Header, EquatableArray<TensorStmt> Body) : TensorStmt(Line, Source);

/// <summary>A tensor-valued expression.</summary>
internal abstract record TensorExpr;

/// <summary>A tensor local or parameter.</summary>
internal sealed record TensorVar(string Name) : TensorExpr;

/// <summary>A non-tensor value (number, int, enum) used as an operand, as C# text of the given type.</summary>
/// <param name="Text">The user's expression.</param>
/// <param name="TypeText">Its fully qualified type.</param>
/// <param name="IsConstant">A literal or constant: read directly in both sweeps, never captured.</param>
internal sealed record ScalarOperand(string Text, string TypeText, bool IsConstant) : TensorExpr;

/// <summary>
/// A tensor operation of the rule table (<c>Rules/TensorRules.cs</c>): its tensor or number operands, then its
/// non-tensor arguments (dims, flags, reductions) in the rule's order.
/// </summary>
internal sealed record TensorOp(string Op, EquatableArray<TensorExpr> Operands) : TensorExpr;

/// <summary>
/// A call of another [Differentiable] tensor method: its arguments in parameter order, and for each whether the
/// callee differentiates it (its Pullback then has a <c>ref Tensor?</c> slot for it).
/// </summary>
internal sealed record TensorCall(string Key, string Target, EquatableArray<TensorExpr> Arguments, EquatableArray<bool> Differentiated) : TensorExpr;
