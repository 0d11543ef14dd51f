using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Constructs lowered into the core IR before any emitter sees the method, so that forward mode, reverse mode and
/// the tape twin all get them at once: <c>switch</c> statements become if/else chains, <c>switch</c> expressions and
/// <c>is</c> patterns become conditions and ternaries, tuples become one local per element.
/// Local functions, lambdas and LINQ are in <c>BodyParser.Inlining.cs</c>.
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>
    /// Where statements that an expression needs to run before it go (a LINQ loop, an inlined local function, a
    /// switched value evaluated once): the statement list of the statement being translated, or null where no
    /// statement can go (a loop condition, a branch of <c>?:</c>, a switch arm, the right of <c>&amp;&amp;</c>/<c>||</c>),
    /// because there the expression is evaluated a different number of times than a statement before it would be.
    /// </summary>
    private List<Stmt>? _hoistTarget;

    /// <summary>Variables that stand for an expression (a pattern's designation in a switch arm, a parameter of an inlined lambda).</summary>
    private readonly Dictionary<ISymbol, Expr> _substitutions = new(SymbolEqualityComparer.Default);

    /// <summary>The elements of tuple locals, one scalar local each.</summary>
    private readonly Dictionary<ISymbol, VariableModel[]> _tupleLocals = new(SymbolEqualityComparer.Default);

    /// <summary>The label a <c>break</c> in the switch section being translated jumps to.</summary>
    private ILabelSymbol? _switchExit;

    private Expr? HoistingExpression(IOperation operation, List<Stmt> output)
    {
        var saved = _hoistTarget;
        _hoistTarget = output;
        try
        {
            return Expression(operation);
        }
        finally
        {
            _hoistTarget = saved;
        }
    }

    private Expr? GuardedExpression(IOperation operation)
    {
        var saved = _hoistTarget;
        _hoistTarget = null;
        try
        {
            return Expression(operation);
        }
        finally
        {
            _hoistTarget = saved;
        }
    }

    /// <summary>Statements lowered here; false for the core statements of <c>BodyParser.Statements.cs</c>.</summary>
    private bool LoweredStatement(IOperation operation, List<Stmt> output)
    {
        switch (operation)
        {
            case ISwitchOperation @switch:
                SwitchStatement(@switch, output);
                return true;
            case ILocalFunctionOperation:
                // Inlined at each call (BodyParser.Inlining.cs); the declaration itself runs nothing.
                return true;
            case IBranchOperation { BranchKind: BranchKind.Break } branch when _switchExit is not null && SymbolEqualityComparer.Default.Equals(branch.Target, _switchExit):
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EarlyBreakInSwitch, operation.Syntax.GetLocation()));
                return true;
            case IExpressionStatementOperation { Operation: IDeconstructionAssignmentOperation deconstruction }:
                TupleAssignment(deconstruction.Target, deconstruction.Value, operation.Syntax, output);
                return true;
            case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment } when assignment.Target.Type?.IsTupleType == true:
                TupleAssignment(assignment.Target, assignment.Value, operation.Syntax, output);
                return true;
            case IReturnOperation { ReturnedValue: { } value } when _inlineReturn is not null:
                InlinedReturn(value, operation.Syntax, output);
                return true;
            case IReturnOperation { ReturnedValue: null } when _inlineReturn is not null:
                InlinedVoidReturn(operation.Syntax, output);
                return true;
            case IExpressionStatementOperation { Operation: IInvocationOperation call } when IsInlinedByReference(call.TargetMethod):
                InlineByReference(call, output);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Expressions lowered here; false for the core expressions of <c>BodyParser.Expressions.cs</c>.</summary>
    private bool LoweredExpression(IOperation operation, out Expr? lowered)
    {
        lowered = null;
        switch (operation)
        {
            case ILocalReferenceOperation { Local: var local } when _substitutions.TryGetValue(local, out var substitute):
                lowered = substitute;
                return true;
            case IParameterReferenceOperation { Parameter: var parameter } when _substitutions.TryGetValue(parameter, out var argument):
                lowered = argument;
                return true;
            case ISwitchExpressionOperation switchExpression:
                lowered = SwitchExpression(switchExpression);
                return true;
            case IIncrementOrDecrementOperation update when HoistedIncrement(update, out var updated):
                lowered = updated;
                return true;
            case IArrayElementReferenceOperation or IInvocationOperation or IPropertyReferenceOperation when LocalMatrixRead(operation, out var matrixRead):
                lowered = matrixRead;
                return true;
            case IIsPatternOperation or IBinaryOperation when NullTestOfArrayParameter(operation, out var nullTest):
                lowered = nullTest;
                return true;
            case IIsPatternOperation nullablePattern when IsNullableNumber(nullablePattern.Value.Type) && NullablePattern(nullablePattern, out var handled) is var tested0 && handled:
                lowered = tested0;
                return true;
            case IIsPatternOperation isPattern:
                lowered = Expression(isPattern.Value) is { } tested ? Pattern(Materialize(tested, "tested", isPattern.Syntax), isPattern.Pattern, _hoistTarget) : null;
                return true;
            case IFieldReferenceOperation { Instance: ILocalReferenceOperation { Local: var tuple } } field when _tupleLocals.TryGetValue(tuple, out var elements):
                lowered = TupleElementIndex(field.Field) is { } index && index < elements.Length
                    ? new VariableExpr(elements[index].Kind, elements[index].Name)
                    : null;
                return true;
            case IFieldReferenceOperation { Instance: IInvocationOperation call } field when ReturnsNumberTuple(call.TargetMethod):
                // F(a, b).Item1 of a [Differentiable] method returning a tuple: its body inlined, one element read.
                lowered = InlineStructResult(call.TargetMethod, call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList(), call.Syntax, _hoistTarget) is { } values
                    && TupleElementIndex(field.Field) is { } element && element < values.Count
                    ? values[element]
                    : null;
                return true;
            case IInvocationOperation call when IsInlinedByReference(call.TargetMethod):
                lowered = InlineByReference(call, _hoistTarget);
                return true;
            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: ILocalReferenceOperation { Local: var held } } delegateCall
                when _lambdaLocals.TryGetValue(held, out var heldLambda):
                lowered = DelegateLocalCall(delegateCall, heldLambda, held);
                return true;
            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } localCall:
                lowered = LocalFunctionCall(localCall);
                return true;
            case IInvocationOperation invocation when IsLinqReduction(invocation):
                lowered = LinqReduction(invocation);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Assignment targets lowered here: a tuple local's element, and the writes inlining refuses.</summary>
    private bool LoweredTarget(IOperation target, out AssignTarget? lowered)
    {
        lowered = null;
        if (ReportedAsCapturedWrite(target) || LocalMatrixTarget(target, out lowered))
        {
            return true;
        }

        switch (target)
        {
            case IFieldReferenceOperation { Instance: ILocalReferenceOperation { Local: var tuple } } field when _tupleLocals.TryGetValue(tuple, out var elements):
                if (TupleElementIndex(field.Field) is { } index && index < elements.Length)
                {
                    lowered = new AssignTarget(elements[index].Name, elements[index].Kind, null);
                }

                return true;
            case ILocalReferenceOperation { Local: var local } when _substitutions.ContainsKey(local):
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPattern, target.Syntax.GetLocation(), $"Assigning '{local.Name}', declared by a pattern in a switch arm, a branch of '?:' or after && or ||",
                    "there it stands for the value it matched; declare it with 'var' before the condition to change it"));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>switch (v) { case A: ...; break; case B when g: ...; default: ... }</c> becomes
    /// <c>if (v matches A) { ... } else if (v matches B &amp;&amp; g) { ... } else { ... }</c>, with v evaluated once.
    /// The default section, wherever it is written, is the final else: C# takes it only when no case matches.
    /// </summary>
    private void SwitchStatement(ISwitchOperation @switch, List<Stmt> output)
    {
        var syntax = @switch.Syntax;
        var line = Line(syntax);
        var source = syntax is SwitchStatementSyntax s ? "switch (" + s.Expression + ")" : SourceText(syntax);
        var passThrough = SwitchesOnPassThrough(@switch.Value);
        if ((passThrough ? PassThroughSwitchValue(@switch.Value) : IsIntEnum(@switch.Value.Type) ? EnumAsInt(@switch.Value) : HoistingExpression(@switch.Value, output)) is not { } switched)
        {
            return;
        }

        var value = passThrough ? switched : MaterializeInto(switched, "switchValue", line, source, output);
        var sections = new List<(Expr Condition, List<Stmt> Body)>();
        List<Stmt>? defaultBody = null;
        var savedExit = _switchExit;
        _switchExit = @switch.ExitLabel;
        foreach (var section in @switch.Cases)
        {
            Expr? condition = null;
            var isDefault = false;
            foreach (var clause in section.Clauses)
            {
                var saved = _hoistTarget;
                _hoistTarget = output;
                var test = clause switch
                {
                    IDefaultCaseClauseOperation => null,
                    ISingleValueCaseClauseOperation single when passThrough => PassThroughEquals((PassThroughExpr)value, single.Value),
                    ISingleValueCaseClauseOperation single => Compare(BinaryOperator.Equal, value, single.Value),
                    IPatternCaseClauseOperation pattern when passThrough => WithGuard(PassThroughPattern((PassThroughExpr)value, pattern.Pattern), pattern.Guard),
                    IPatternCaseClauseOperation pattern => WithGuard(Pattern(value, pattern.Pattern, output), pattern.Guard),
                    _ => UnsupportedPatternAt(clause.Syntax, "This case label", "use constant, relational ('< 0'), 'and'/'or'/'not', 'var' or discard patterns"),
                };
                _hoistTarget = saved;
                if (clause is IDefaultCaseClauseOperation)
                {
                    isDefault = true;
                }
                else if (test is null)
                {
                    _switchExit = savedExit;
                    return;
                }
                else
                {
                    condition = condition is null ? test : new BinaryExpr(NumberKind.Bool, BinaryOperator.Or, condition, test);
                }
            }

            var body = new List<Stmt>();
            foreach (var statement in SectionStatements(section.Body, @switch.ExitLabel))
            {
                Statement(statement, body);
            }

            if (isDefault)
            {
                defaultBody = body;
            }
            else if (condition is not null)
            {
                sections.Add((condition, body));
            }
        }

        _switchExit = savedExit;
        IReadOnlyList<Stmt> chain = defaultBody ?? new List<Stmt>();
        for (var i = sections.Count - 1; i >= 0; i--)
        {
            chain = new Stmt[] { new IfStmt(line, source, sections[i].Condition, sections[i].Body.ToEquatableArray(), chain.ToEquatableArray()) };
        }

        output.AddRange(chain);
    }

    /// <summary>A section's statements without the <c>break</c> that ends it (it leaves the switch, which the if/else chain does by itself).</summary>
    private static IEnumerable<IOperation> SectionStatements(IEnumerable<IOperation> body, ILabelSymbol exit)
    {
        var statements = body.ToList();
        if (statements.Count == 1 && statements[0] is IBlockOperation block && block.Locals.IsEmpty)
        {
            statements = block.Operations.ToList();
        }

        if (statements.Count > 0 && statements[statements.Count - 1] is IBranchOperation { BranchKind: BranchKind.Break } last
            && SymbolEqualityComparer.Default.Equals(last.Target, exit))
        {
            statements.RemoveAt(statements.Count - 1);
        }

        return statements;
    }

    /// <summary>
    /// <c>v switch { p1 when g1 =&gt; e1, p2 =&gt; e2, _ =&gt; e3 }</c> becomes <c>(v matches p1 &amp;&amp; g1) ? e1 : (v matches p2) ? e2 : e3</c>;
    /// a variable an arm's pattern declares stands for v in that arm.
    /// </summary>
    private Expr? SwitchExpression(ISwitchExpressionOperation switchExpression)
    {
        var syntax = switchExpression.Syntax;
        if (TypeClassifier.Scalar(switchExpression.Type) is not { } kind)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, $"A switch expression of type '{switchExpression.Type?.ToDisplayString()}'",
                "only switch expressions whose arms are double, float, int or bool are supported");
            return null;
        }

        var arms = switchExpression.Arms;
        if (arms.Length == 0 || !MatchesEverything(arms[arms.Length - 1].Pattern) || arms[arms.Length - 1].Guard is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SwitchExpressionNotExhaustive, syntax.GetLocation()));
            return null;
        }

        if (switchExpression.Value is ITupleOperation tuple)
        {
            return TupleSwitchExpression(switchExpression, tuple, kind);
        }

        if (SwitchesOnPassThrough(switchExpression.Value))
        {
            return PassThroughSwitchValue(switchExpression.Value) is { } other
                ? SwitchArms(switchExpression, kind, keepHoistTarget: arms.Length == 1, (pattern, added) => PassThroughPattern(other, pattern))
                : null;
        }

        if ((IsIntEnum(switchExpression.Value.Type) ? EnumAsInt(switchExpression.Value) : Expression(switchExpression.Value)) is not { } switched)
        {
            return null;
        }

        var value = Materialize(switched, "switchValue", syntax);
        return SwitchArms(switchExpression, kind, keepHoistTarget: arms.Length == 1, (pattern, added) => Pattern(value, pattern, declarations: null, added));
    }

    /// <summary>
    /// The arms of a switch expression as a chain of ternaries, each arm's condition made by <paramref name="condition"/>
    /// (with its guard); the designations the patterns substitute are forgotten after the switch.
    /// </summary>
    private Expr? SwitchArms(ISwitchExpressionOperation switchExpression, NumberKind kind, bool keepHoistTarget, System.Func<IPatternOperation, List<ISymbol>, Expr?> condition)
    {
        var added = new List<ISymbol>();
        var saved = _hoistTarget;
        _hoistTarget = keepHoistTarget ? saved : null;
        try
        {
            var conditions = new List<Expr>();
            var values = new List<Expr>();
            var throwing = new List<(Expr None, IOperation Thrown)>();
            Expr? noneBefore = null;
            foreach (var arm in switchExpression.Arms)
            {
                var test = WithGuard(condition(arm.Pattern, added), arm.Guard);
                if (test is null)
                {
                    return null;
                }

                // An arm that throws (`_ => throw new ArgumentOutOfRangeException(...)`) is a guard before the statement:
                // it throws when no earlier arm matched and this one does; the ternary chain is the other arms.
                if (Unwrap(arm.Value) is IThrowOperation thrown)
                {
                    throwing.Add((noneBefore is null || test is LiteralExpr { Text: "true" } ? noneBefore ?? test : new BinaryExpr(NumberKind.Bool, BinaryOperator.And, noneBefore, test), thrown));
                }
                else if (Expression(arm.Value) is { } armValue)
                {
                    conditions.Add(test);
                    values.Add(Coerce(armValue, kind));
                }
                else
                {
                    return null;
                }

                var notThis = new UnaryExpr(NumberKind.Bool, UnaryOperator.Not, test);
                noneBefore = noneBefore is null ? notThis : new BinaryExpr(NumberKind.Bool, BinaryOperator.And, noneBefore, notThis);
            }

            if (throwing.Count > 0 && !ThrowingArmGuards(switchExpression, throwing, values.Count, saved))
            {
                return null;
            }

            var result = values[values.Count - 1];
            for (var i = values.Count - 2; i >= 0; i--)
            {
                result = new ConditionalExpr(kind, conditions[i], values[i], result);
            }

            return result;
        }
        finally
        {
            _hoistTarget = saved;
            foreach (var symbol in added)
            {
                _substitutions.Remove(symbol);
            }
        }
    }

    /// <summary>
    /// The guards of a switch expression's throwing arms, each <c>if (no earlier arm matches &amp;&amp; this one does) throw …;</c>,
    /// put before the statement (after the switched value is evaluated into its local, when it is). The conditions
    /// read only the switched value and the arms' <c>when</c> clauses, which have no side effects, so evaluating them
    /// again gives the same answers and the throw runs exactly where the original's does.
    /// </summary>
    private bool ThrowingArmGuards(ISwitchExpressionOperation switchExpression, List<(Expr None, IOperation Thrown)> throwing, int valueArms, List<Stmt>? hoistTarget)
    {
        var syntax = switchExpression.Syntax;
        if (valueArms == 0)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, "A switch expression whose every arm throws",
                "throw from a statement instead, or give one arm a value");
            return false;
        }

        if (_conditionalDepth > 0)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, throwing[0].Thrown.Syntax, "A throw arm of a switch expression that runs only sometimes (in a loop condition, a branch of ?: or the right side of && or ||)",
                "assign the switch expression to a local in a statement of its own first");
            return false;
        }

        var line = Line(syntax);
        foreach (var (none, thrown) in throwing)
        {
            if (GuardCode(thrown) is not { } guard)
            {
                return false;
            }

            var statement = new IfStmt(line, "throw when the switch reaches '" + SourceText(thrown.Syntax.Parent ?? thrown.Syntax) + "'", none,
                EquatableArray.Of<Stmt>(new GuardStmt(line, SourceText(thrown.Syntax), guard)), EquatableArray<Stmt>.Empty);
            (hoistTarget ?? _pendingGuards).Add(statement);
        }

        return true;
    }

    private static bool MatchesEverything(IPatternOperation pattern) => pattern switch
    {
        IDiscardPatternOperation => true,
        IRecursivePatternOperation { PropertySubpatterns.Length: 0, DeclaredSymbol: null } positional
            when SymbolEqualityComparer.Default.Equals(positional.MatchedType, positional.InputType) => positional.DeconstructionSubpatterns.All(MatchesEverything),
        IDeclarationPatternOperation declaration => SymbolEqualityComparer.Default.Equals(declaration.MatchedType, declaration.InputType) || declaration.MatchesNull,
        ITypePatternOperation type => SymbolEqualityComparer.Default.Equals(type.MatchedType, type.InputType),
        _ => false,
    };

    private Expr? WithGuard(Expr? condition, IOperation? guard)
    {
        if (condition is null || guard is null)
        {
            return condition;
        }

        return GuardedExpression(guard) is { } test ? new BinaryExpr(NumberKind.Bool, BinaryOperator.And, condition, test) : null;
    }

    /// <summary>
    /// The condition "value matches pattern", as a bool expression. A variable the pattern declares is assigned value
    /// in <paramref name="declarations"/> (statement contexts: the variable may be assigned later) or, where no
    /// statement can go, stands for value (<paramref name="substituted"/> collects those symbols, to be forgotten after).
    /// </summary>
    private Expr? Pattern(Expr value, IPatternOperation pattern, List<Stmt>? declarations, List<ISymbol>? substituted = null)
    {
        var syntax = pattern.Syntax;
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return Compare(BinaryOperator.Equal, value, constant.Value);
            case IRelationalPatternOperation relational:
                BinaryOperator? op = relational.OperatorKind switch
                {
                    BinaryOperatorKind.LessThan => BinaryOperator.Less,
                    BinaryOperatorKind.LessThanOrEqual => BinaryOperator.LessOrEqual,
                    BinaryOperatorKind.GreaterThan => BinaryOperator.Greater,
                    BinaryOperatorKind.GreaterThanOrEqual => BinaryOperator.GreaterOrEqual,
                    BinaryOperatorKind.Equals => BinaryOperator.Equal,
                    BinaryOperatorKind.NotEquals => BinaryOperator.NotEqual,
                    _ => null,
                };
                return op is { } known ? Compare(known, value, relational.Value) : UnsupportedPatternAt(syntax, "This relational pattern", "use <, <=, > or >=");
            case IBinaryPatternOperation binary:
                var left = Pattern(value, binary.LeftPattern, declarations, substituted);
                var right = left is null ? null : Pattern(value, binary.RightPattern, declarations, substituted);
                return right is null ? null : new BinaryExpr(NumberKind.Bool, binary.OperatorKind == BinaryOperatorKind.Or ? BinaryOperator.Or : BinaryOperator.And, left!, right);
            case INegatedPatternOperation negated:
                return Pattern(value, negated.Pattern, declarations, substituted) is { } inner ? new UnaryExpr(NumberKind.Bool, UnaryOperator.Not, inner) : null;
            case IDiscardPatternOperation:
                return True;
            case ITypePatternOperation type when SymbolEqualityComparer.Default.Equals(type.MatchedType, type.InputType):
                return True;
            case IDeclarationPatternOperation declaration when MatchesEverything(declaration):
                if (declaration.DeclaredSymbol is ILocalSymbol local)
                {
                    if (declarations is not null)
                    {
                        var name = DeclareLocal(local, value.Kind, StorageKind.Scalar);
                        declarations.Add(new AssignStmt(Line(syntax), SourceText(syntax), name, null, value));
                    }
                    else
                    {
                        // Read-only where it is visible (a switch arm, a ?: branch): a write to it is refused as a write to an unknown variable.
                        _substitutions[local] = value;
                        substituted?.Add(local);
                    }
                }

                return True;
            default:
                return UnsupportedPatternAt(syntax, "This pattern",
                    "only constant, relational ('< 0'), 'and'/'or'/'not', discard and 'var' patterns on double, float, int and bool values are supported");
        }
    }

    private static readonly Expr True = new LiteralExpr(NumberKind.Bool, "true");

    private Expr? UnsupportedPatternAt(SyntaxNode syntax, string what, string why)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPattern, syntax.GetLocation(), what, why));
        return null;
    }

    /// <summary><c>value op constant</c>; a NaN constant pattern matches NaN, which <c>==</c> never does, so it becomes <c>value != value</c>.</summary>
    private Expr? Compare(BinaryOperator op, Expr value, IOperation operand)
    {
        if (operand.ConstantValue is { HasValue: true, Value: double d and double.NaN } || operand.ConstantValue is { HasValue: true, Value: float f and float.NaN })
        {
            return op == BinaryOperator.Equal ? new BinaryExpr(NumberKind.Bool, BinaryOperator.NotEqual, value, value) : UnsupportedPatternAt(operand.Syntax, "A comparison with NaN", "use double.IsNaN");
        }

        if ((EnumConstant(operand) ?? Expression(operand)) is not { } right)
        {
            return null;
        }

        var kind = Wider(value.Kind, right.Kind);
        return new BinaryExpr(NumberKind.Bool, op, Coerce(value, kind), Coerce(right, kind));
    }

    /// <summary>The value in a local of its own when a statement can go before it (so it is evaluated once), else the value itself (pure, so evaluating it again gives the same).</summary>
    private Expr Materialize(Expr value, string wanted, SyntaxNode syntax) =>
        _hoistTarget is null ? value : MaterializeInto(value, wanted, Line(syntax), SourceText(syntax), _hoistTarget);

    private Expr MaterializeInto(Expr value, string wanted, int line, string source, List<Stmt> output, bool force = false)
    {
        if (value is LiteralExpr || value is VariableExpr && !force)
        {
            return value;
        }

        var name = DeclareSynthetic(wanted, value.Kind);
        output.Add(new AssignStmt(line, source, name, null, value));
        return new VariableExpr(value.Kind, name);
    }

    /// <summary>
    /// <c>var t = (x, y);</c>: a tuple local of scalars is one local per element (<c>t_Item1</c>, or the element's name);
    /// <c>t.Item1</c> reads the element's local.
    /// </summary>
    private bool TupleDeclarator(ILocalSymbol local, IOperation? initializer, SyntaxNode statementSyntax, List<Stmt> output)
    {
        if (local.Type is not INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return false;
        }

        var elements = new VariableModel[tuple.TupleElements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            var field = tuple.TupleElements[i];
            if (TypeClassifier.Scalar(field.Type) is not { } kind)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedTuple, statementSyntax.GetLocation(), $"Tuple '{local.Name}' with an element of type '{field.Type.ToDisplayString()}'",
                    "a tuple local can only hold double, float, int and bool values"));
                return true;
            }

            var name = DeclareSynthetic(local.Name + "_" + field.Name, kind);
            elements[i] = _variables.First(v => v.Name == name);
        }

        _tupleLocals[local] = elements;
        if (initializer is not null)
        {
            var targets = elements.Select(e => (AssignTarget?)new AssignTarget(e.Name, e.Kind, null)).ToList();
            AssignTuple(targets, TupleValues(initializer, statementSyntax, output), statementSyntax, output);
        }

        return true;
    }

    private static int? TupleElementIndex(IFieldSymbol field)
    {
        var name = (field.CorrespondingTupleField ?? field).Name;
        return name.StartsWith("Item", System.StringComparison.Ordinal) && int.TryParse(name.Substring(4), out var n) ? n - 1 : null;
    }

    /// <summary>
    /// <c>(a, b) = (b, a)</c>, <c>var (p, q) = (x, y)</c>, <c>(v[i], s) = ...</c>, <c>t = (u, w)</c> for a tuple local:
    /// every value is computed before any target is written (through temporaries where a value reads a target), as C# does.
    /// </summary>
    private void TupleAssignment(IOperation target, IOperation value, SyntaxNode syntax, List<Stmt> output)
    {
        var targets = new List<AssignTarget?>();
        if (!TupleTargets(target, targets, syntax))
        {
            return;
        }

        var values = TupleValues(value, syntax, output);
        if (values is not null && values.Count != targets.Count)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedTuple, value.Syntax.GetLocation(), "This tuple", "its shape does not match the targets'"));
            return;
        }

        AssignTuple(targets, values, syntax, output);
    }

    private void AssignTuple(List<AssignTarget?> targets, List<Expr>? values, SyntaxNode syntax, List<Stmt> output)
    {
        if (values is null)
        {
            return;
        }

        var line = Line(syntax);
        var source = SourceText(syntax);

        // Assignments run left to right; a value or an index that reads a target written before it is saved first
        // (all saves are emitted before the first assignment).
        var saved = new List<(AssignTarget Target, Expr Value)>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] is { } t)
            {
                saved.Add((t, Coerce(values[i], t.Kind)));
            }
        }

        var final = new List<(AssignTarget Target, Expr Value)>();
        var assignedSoFar = new HashSet<string>();
        foreach (var (target, value) in saved)
        {
            var t = target;
            var v = value;
            if (t.Index is { } index && ExprWalker.Variables(index).Overlaps(assignedSoFar))
            {
                t = t with { Index = MaterializeInto(index, t.Name + "Index", line, source, output, force: true) };
            }

            if (ExprWalker.Variables(v).Overlaps(assignedSoFar))
            {
                v = MaterializeInto(v, t.Name + "New", line, source, output, force: true);
            }

            final.Add((t, v));
            assignedSoFar.Add(t.Name);
        }

        foreach (var (t, v) in final)
        {
            output.Add(new AssignStmt(line, source, t.Name, t.Index, v));
        }
    }

    /// <summary>The leaves of a tuple target, left to right; null for a discard.</summary>
    private bool TupleTargets(IOperation target, List<AssignTarget?> into, SyntaxNode syntax)
    {
        switch (target)
        {
            case IDeclarationExpressionOperation declaration:
                return TupleTargets(declaration.Expression, into, syntax);
            case ITupleOperation tuple:
                return tuple.Elements.All(e => TupleTargets(e, into, syntax));
            case IDiscardOperation:
                into.Add(null);
                return true;
            case ILocalReferenceOperation { Local: var tupleLocal } when _tupleLocals.TryGetValue(tupleLocal, out var elements):
                into.AddRange(elements.Select(e => (AssignTarget?)new AssignTarget(e.Name, e.Kind, null)));
                return true;
            case ILocalReferenceOperation { IsDeclaration: true, Local: var local }:
                if (TypeClassifier.Scalar(local.Type) is not { } kind)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVariableType, target.Syntax.GetLocation(), local.Name, local.Type.ToDisplayString()));
                    return false;
                }

                into.Add(new AssignTarget(DeclareLocal(local, kind, StorageKind.Scalar), kind, null));
                return true;
            default:
                if (Target(target) is not { } assignTarget)
                {
                    return false;
                }

                into.Add(assignTarget);
                return true;
        }
    }

    /// <summary>The values of a tuple, left to right: a tuple literal's elements or a tuple local's element locals.</summary>
    private List<Expr>? TupleValues(IOperation value, SyntaxNode syntax, List<Stmt> output)
    {
        var values = new List<Expr>();
        return CollectTupleValues(value, values, output) ? values : null;
    }

    private bool CollectTupleValues(IOperation value, List<Expr> into, List<Stmt> output)
    {
        switch (value)
        {
            case IConversionOperation { IsImplicit: true } conversion when conversion.Operand.Type?.IsTupleType != false:
                return CollectTupleValues(conversion.Operand, into, output);
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    if (element.Type?.IsTupleType == true || element is ITupleOperation)
                    {
                        if (!CollectTupleValues(element, into, output))
                        {
                            return false;
                        }
                    }
                    else if (HoistingExpression(element, output) is { } scalar)
                    {
                        into.Add(scalar);
                    }
                    else
                    {
                        return false;
                    }
                }

                return true;
            case ILocalReferenceOperation { Local: var local } when _tupleLocals.TryGetValue(local, out var elements):
                into.AddRange(elements.Select(e => (Expr)new VariableExpr(e.Kind, e.Name)));
                return true;
            case IInvocationOperation call when ReturnsNumberTuple(call.TargetMethod):
                if (InlineStructResult(call.TargetMethod, call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList(), call.Syntax, output) is not { } values)
                {
                    return false;
                }

                into.AddRange(values);
                return true;
            case IInvocationOperation { Arguments.Length: 1 } sinCos when IsSinCos(sinCos.TargetMethod):
                return SinCosValues(sinCos, into, output);
            case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } localCall:
                return LocalTupleCall(localCall, into, output);
            case IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Ordinary, ReturnType.IsTupleType: true } unmarked } when !IsDifferentiable(unmarked)
                && unmarked.DeclaringSyntaxReferences.Length > 0:
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedTuple, value.Syntax.GetLocation(), $"The tuple returned by '{unmarked.ToDisplayString()}'",
                    "it is not [Differentiable]; mark it [Differentiable] (a method returning a tuple of doubles or of floats is inlined where its result is deconstructed)"));
                return false;
            default:
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedTuple, value.Syntax.GetLocation(), "This tuple value",
                    "only tuple literals '(a, b)', tuple locals, Math.SinCos(x) and calls of [Differentiable] methods returning a tuple of doubles or of floats can be deconstructed"));
                return false;
        }
    }

    /// <summary><c>Math.SinCos</c>, <c>MathF.SinCos</c>, <c>double.SinCos</c>, <c>double.SinCosPi</c> and <c>T.SinCos</c>: a tuple of two numbers.</summary>
    private static bool IsSinCos(IMethodSymbol method) =>
        method.Name is "SinCos" or "SinCosPi" && method.IsStatic
        && (method.ContainingType.ToDisplayString() is "System.Math" or "System.MathF"
            || method.ContainingType.SpecialType is SpecialType.System_Double or SpecialType.System_Single
            || method.ContainingType is { TypeKind: TypeKind.Interface } type && type.ContainingNamespace?.ToDisplayString() == "System.Numerics");

    /// <summary>
    /// <c>var (s, c) = Math.SinCos(x)</c>: the pair (Sin(x), Cos(x)) of the rule table (SinPi and CosPi for SinCosPi),
    /// the argument evaluated once before them.
    /// </summary>
    private bool SinCosValues(IInvocationOperation call, List<Expr> into, List<Stmt> output)
    {
        if (TypeClassifier.Scalar(call.TargetMethod.Parameters[0].Type) is not { } kind || !kind.IsFloatingPoint()
            || HoistingExpression(call.Arguments[0].Value, output) is not { } argument)
        {
            return false;
        }

        var (sin, cos) = call.TargetMethod.Name == "SinCosPi" ? ("SinPi", "CosPi") : ("Sin", "Cos");
        var angle = Coerce(argument, kind);
        if (angle is not (VariableExpr or LiteralExpr))
        {
            var temporary = DeclareSynthetic("angle", kind);
            output.Add(new AssignStmt(Line(call.Syntax), SourceText(call.Syntax), temporary, null, angle));
            angle = new VariableExpr(kind, temporary);
        }

        into.Add(new MathCallExpr(kind, MathRules.ClassFor(sin, kind), sin, EquatableArray.Of(angle), null));
        into.Add(new MathCallExpr(kind, MathRules.ClassFor(cos, kind), cos, EquatableArray.Of(angle), null));
        return true;
    }
}
