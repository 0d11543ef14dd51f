namespace AutogradGen.Generator.Model;

/// <summary>
/// A statement of the IR. <see cref="Line"/> (1-based) and <see cref="Source"/> point at the user's statement
/// it comes from, for the <c>// line N:</c> comments of the generated code.
/// </summary>
internal abstract record Stmt(int Line, string Source);

/// <summary><c>variable = value</c>, or <c>variable[index] = value</c> when <see cref="Index"/> is set.</summary>
internal sealed record AssignStmt(int Line, string Source, string Variable, Expr? Index, Expr Value) : Stmt(Line, Source);

/// <summary>A local array: <c>stackalloc T[length]</c> or <c>new T[length]</c>, zeroed.</summary>
internal sealed record AllocateStmt(int Line, string Source, string Variable, Expr Length, bool OnStack) : Stmt(Line, Source);

internal sealed record IfStmt(int Line, string Source, Expr Condition, EquatableArray<Stmt> Then, EquatableArray<Stmt> Else)
    : Stmt(Line, Source);

/// <summary>
/// A loop: <c>while (Condition) { Body; Step }</c>, or the body first when <see cref="TestAfterBody"/> (do-while).
/// <see cref="CountedIndex"/> names the index of a counted <c>for</c> loop (<c>for (int i = a; i &lt; b; i++)</c>
/// whose body does not assign i): reverse mode recomputes it instead of recording it. <see cref="ConstantStart"/> is
/// its first value when that is a literal (nothing to record then).
/// </summary>
internal sealed record LoopStmt(
    int Line,
    string Source,
    Expr? Condition,
    EquatableArray<Stmt> Body,
    EquatableArray<Stmt> Step,
    bool TestAfterBody,
    string? CountedIndex,
    int CountedDirection,
    string? ConstantStart = null) : Stmt(Line, Source);

/// <summary>
/// A guard clause run as written, where the original runs it, in every generated mode, and never undone: a
/// <c>throw</c> statement, <c>ArgumentOutOfRangeException.ThrowIfNegative(x)</c>, <c>ArgumentNullException.ThrowIfNull(data)</c>,
/// <c>Debug.Assert(n &gt; 0)</c>. <see cref="Code"/> is its C# (without the semicolon); it assigns nothing and
/// carries no derivative, so the derivatives throw exactly where the original does.
/// </summary>
internal sealed record GuardStmt(int Line, string Source, PassThroughExpr Code) : Stmt(Line, Source);

/// <summary><c>return value;</c> Removed by <see cref="Analysis.ControlFlowLowering"/>.</summary>
internal sealed record ReturnStmt(int Line, string Source, Expr Value) : Stmt(Line, Source);

/// <summary><c>break;</c> Removed by <see cref="Analysis.ControlFlowLowering"/>.</summary>
internal sealed record BreakStmt(int Line, string Source) : Stmt(Line, Source);

/// <summary><c>continue;</c> Removed by <see cref="Analysis.ControlFlowLowering"/>.</summary>
internal sealed record ContinueStmt(int Line, string Source) : Stmt(Line, Source);
