using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>Statements: declarations, assignments, if/else, loops, return, break, continue.</summary>
internal sealed partial class BodyParser
{
    private void Statement(IOperation operation, List<Stmt> output) => StatementWithGuards(operation, output);

    private void StatementCore(IOperation operation, List<Stmt> output)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var syntax = operation.Syntax;
        if (NestedCallStatement(operation, output) || LoweredStatement(operation, output))
        {
            return;
        }

        switch (operation)
        {
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    Statement(statement, output);
                }

                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        Declarator(declarator, declaration.Initializer, output);
                    }
                }

                break;
            case IExpressionStatementOperation expressionStatement:
                ExpressionStatement(expressionStatement.Operation, syntax, output);
                break;
            case IReturnOperation { ReturnedValue: { } value } when _resultShape is not null && _inlineReturn is null:
                StructReturn(value, syntax, output);
                break;
            case IReturnOperation { ReturnedValue: { } value }:
                if (HoistingExpression(value, output) is { } returned)
                {
                    output.Add(new ReturnStmt(Line(syntax), SourceText(syntax), returned));
                }

                break;
            case IReturnOperation { ReturnedValue: null } when _results is not null || _method.ReturnsVoid:
                // A vector-valued method's early exit: its results are what it has written so far; a void helper's
                // own Derivative (ByReferenceMembers) likewise leaves with its ref and out parameters as they are.
                output.Add(new ReturnStmt(Line(syntax), SourceText(syntax), new LiteralExpr(NumberKind.Int, "0")));
                break;
            case IConditionalOperation conditional:
                If(conditional, output);
                break;
            case IForLoopOperation forLoop:
                For(forLoop, output);
                break;
            case IWhileLoopOperation whileLoop:
                While(whileLoop, output);
                break;
            case IForEachLoopOperation forEach when StructArrayForEach(forEach, output):
                break;
            case IForEachLoopOperation forEach when JaggedForEach(forEach, output):
                break;
            case IForEachLoopOperation forEach when Variable(Unwrap(forEach.Collection)) is { Storage: not StorageKind.Scalar } array:
                ForEach(forEach, array, output);
                break;
            case IForEachLoopOperation forEach when DataForEach(forEach, output):
                break;
            case IBranchOperation { BranchKind: BranchKind.Break }:
                output.Add(new BreakStmt(Line(syntax), SourceText(syntax)));
                break;
            case IBranchOperation { BranchKind: BranchKind.Continue }:
                output.Add(new ContinueStmt(Line(syntax), SourceText(syntax)));
                break;
            case IEmptyOperation:
                break;
            case IThrowOperation:
                Guard(operation, syntax, output);
                break;
            default:
                Unsupported(DiagnosticDescriptors.UnsupportedStatement, syntax, StatementName(operation), StatementAdvice(operation));
                break;
        }
    }

    private void Declarator(IVariableDeclaratorOperation declarator, IVariableInitializerOperation? sharedInitializer, List<Stmt> output)
    {
        var local = declarator.Symbol;
        var syntax = declarator.Syntax;
        if (local.IsConst)
        {
            // Every read of a constant is already a literal.
            return;
        }

        if (local.IsRef)
        {
            if (RefElementAlias(local, declarator.Initializer?.Value ?? sharedInitializer?.Value, syntax))
            {
                return;
            }

            Unsupported(DiagnosticDescriptors.UnsupportedStatement, syntax.Parent?.Parent ?? syntax, "A ref local",
                "only a ref local bound to one element of an array or span of the method ('ref double slot = ref buffer[i]'), whose index and array do not change while it is in scope and which is not bound again, can be differentiated; use a plain local, or index the element where it is used");
            _refusedLocals.Add(local);
            return;
        }

        if ((declarator.Initializer?.Value ?? sharedInitializer?.Value) is { } held && Lambda(held) is { } lambda && !IsWritten(local))
        {
            // A lambda in a local never assigned again is a local function by another name: inlined at each call.
            _lambdaLocals[local] = lambda;
            return;
        }

        if ((declarator.Initializer?.Value ?? sharedInitializer?.Value) is { } functional && ReportedAsFunctional(functional))
        {
            // Its uses (calls through it) fail without diagnostics of their own.
            _refusedLocals.Add(local);
            return;
        }

        var statementSyntax = syntax.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() ?? (SyntaxNode)syntax;
        if (TupleDeclarator(local, declarator.Initializer?.Value ?? sharedInitializer?.Value, statementSyntax, output))
        {
            return;
        }

        if (JaggedRowDeclarator(local, declarator.Initializer?.Value ?? sharedInitializer?.Value, statementSyntax, output))
        {
            return;
        }

        if (LocalMatrixDeclarator(local, declarator.Initializer?.Value ?? sharedInitializer?.Value, statementSyntax, output))
        {
            return;
        }

        if (TypeClassifier.Classify(local.Type) is null && StructArrayLocal(local, declarator.Initializer?.Value ?? sharedInitializer?.Value, syntax, statementSyntax, output))
        {
            return;
        }

        if (TypeClassifier.Classify(local.Type) is null && StructClassifier.IsCandidate(local.Type))
        {
            StructLocal(local, declarator.Initializer?.Value ?? sharedInitializer?.Value, syntax, statementSyntax, output);
            return;
        }

        if (TypeClassifier.Classify(local.Type) is not { } classified)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVariableType, declarator.Syntax.GetLocation(), local.Name, TypeClassifier.DisplayName(local.Type)));
            _refusedLocals.Add(local);
            return;
        }

        if (classified.Storage.IsIndexed() && (declarator.Initializer?.Value ?? sharedInitializer?.Value) is { } data && DataAliasDeclarator(local, data, statementSyntax, output))
        {
            return;
        }

        var name = DeclareLocal(local, classified.Kind, classified.Storage);
        var initializer = declarator.Initializer?.Value ?? sharedInitializer?.Value;
        if (initializer is null)
        {
            if (classified.Storage.IsIndexed())
            {
                Unsupported(DiagnosticDescriptors.UnsupportedStatement, syntax, $"Array '{local.Name}' declared without an allocation", "allocate it where it is declared, with stackalloc or new");
            }

            return;
        }

        if (classified.Storage.IsIndexed())
        {
            Allocation(name, initializer, statementSyntax, output);
            return;
        }

        if (HoistingExpression(initializer, output) is { } value)
        {
            output.Add(new AssignStmt(Line(statementSyntax), SourceText(statementSyntax), name, null, Coerce(value, classified.Kind)));
        }
    }

    // width: numbers per element; an array of structs of k numbers is k·n numbers (BodyParser.StructArrays.cs).
    private void Allocation(string name, IOperation initializer, SyntaxNode statementSyntax, List<Stmt> output, int width = 1)
    {
        var creation = Unwrap(initializer);
        IOperation? length = null;
        var onStack = false;
        IArrayInitializerOperation? elements = null;
        System.Collections.Immutable.ImmutableArray<IOperation>? collectionElements = null;
        if (creation is IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: null } array)
        {
            length = array.DimensionSizes[0];
        }
        else if (creation is IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: { } listed } initialized
            && listed.ElementValues.All(e => e is not IArrayInitializerOperation))
        {
            // new[] { a, b, c } and { a, b, c }: a fresh array of that length, then one element assignment per value.
            length = initialized.DimensionSizes[0];
            elements = listed;
        }
        else if (creation is ICollectionExpressionOperation { Type: IArrayTypeSymbol } collection && collection.Elements.All(e => e is not ISpreadOperation))
        {
            // double[] v = [a, b, c]: the same, its length the number of elements.
            collectionElements = collection.Elements;
        }
        else if (creation.Syntax is StackAllocArrayCreationExpressionSyntax { Initializer: null, Type: ArrayTypeSyntax arrayType }
            && arrayType.RankSpecifiers.Count == 1 && arrayType.RankSpecifiers[0].Sizes.Count == 1
            && arrayType.RankSpecifiers[0].Sizes[0] is var size)
        {
            // C# has no operation for a parenthesised expression: stackalloc double[(n + 2)] sizes by n + 2.
            while (size is ParenthesizedExpressionSyntax parenthesized)
            {
                size = parenthesized.Expression;
            }

            // Roslyn has no operation for stackalloc itself; its size expression has one.
            length = _semanticModel.GetOperation(size, _cancellationToken);
            onStack = true;
        }

        if (length is null && collectionElements is null)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, initializer.Syntax, "This array initializer",
                "a local array must be a fresh buffer (stackalloc T[n], new T[n], new[] { a, b } or [a, b]); aliasing another array or span cannot be tracked");
            return;
        }

        if (_inlineReturn is not null && _inlining.Count > 0 && IsInlinedByReference(_inlining[_inlining.Count - 1]))
        {
            // An inlined helper may be called in a loop or branch of its caller, where no array can be allocated.
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, statementSyntax, "An array allocated in a helper with ref or out parameters or a void result",
                "the helper is inlined where it is called, possibly inside a loop or branch; allocate the array in the caller and pass it as a Span<double> parameter");
            return;
        }

        if (_loopDepth > 0 || statementSyntax.Parent is not BlockSyntax { Parent: MethodDeclarationSyntax })
        {
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, statementSyntax, "An array allocated inside a loop or branch",
                "allocate local arrays at the top level of the method body and reuse them inside loops");
            return;
        }

        var values = elements?.ElementValues ?? collectionElements;
        if ((collectionElements is { } listedValues ? new LiteralExpr(NumberKind.Int, listedValues.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Expression(length!)) is { } lengthExpr)
        {
            if (width > 1)
            {
                lengthExpr = new BinaryExpr(NumberKind.Int, BinaryOperator.Multiply, Coerce(lengthExpr, NumberKind.Int), Literal(width));
            }

            output.Add(new AllocateStmt(Line(statementSyntax), SourceText(statementSyntax), name, lengthExpr, onStack));
            var kind = _variables.First(v => v.Name == name).Kind;
            for (var i = 0; values is { } all && i < all.Length; i++)
            {
                if (width > 1)
                {
                    // { new Vec2(a, b), ... } into a local array of structs: element i's fields are numbers i·k ... i·k + k − 1.
                    if (StructValue(all[i]) is not { } fields)
                    {
                        return;
                    }

                    for (var j = 0; j < width; j++)
                    {
                        output.Add(new AssignStmt(Line(statementSyntax), SourceText(statementSyntax), name, Literal(i * width + j), Coerce(fields[j], kind)));
                    }

                    continue;
                }

                if (HoistingExpression(all[i], output) is not { } value)
                {
                    return;
                }

                output.Add(new AssignStmt(Line(statementSyntax), SourceText(statementSyntax), name, new LiteralExpr(NumberKind.Int, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Coerce(value, kind)));
            }
        }
    }

    private void ExpressionStatement(IOperation operation, SyntaxNode syntax, List<Stmt> output)
    {
        if (TryStructAssignment(operation, syntax, output))
        {
            return;
        }

        var line = Line(syntax);
        var source = SourceText(syntax);
        switch (operation)
        {
            case IThrowOperation:
                Guard(operation, syntax, output);
                break;
            case IInvocationOperation invocation when IsGuardCall(invocation.TargetMethod):
                Guard(operation, syntax, output);
                break;
            case ISimpleAssignmentOperation assignment:
                if (Target(assignment.Target) is { } target && HoistingExpression(assignment.Value, output) is { } value)
                {
                    target = IndexFixedBeforeWrite(target, line, source, output);
                    output.Add(new AssignStmt(line, source, target.Name, target.Index, Coerce(value, target.Kind)));
                }

                break;
            case ICompoundAssignmentOperation compound:
                if (BinaryOperatorOf(compound.OperatorKind) is not { } op)
                {
                    Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, $"The operator '{BinarySymbol(compound.OperatorKind) ?? compound.OperatorKind.ToString()}='", "only + - * / % compound assignments are supported");
                    break;
                }

                if (Target(compound.Target) is { } compoundTarget && HoistingExpression(compound.Value, output) is { } operand)
                {
                    compoundTarget = IndexFixedBeforeWrite(compoundTarget, line, source, output);
                    var read = Read(compoundTarget);
                    var resultKind = Wider(compoundTarget.Kind, operand.Kind);
                    var combined = new BinaryExpr(resultKind, op, Coerce(read, resultKind), Coerce(operand, resultKind));
                    output.Add(new AssignStmt(line, source, compoundTarget.Name, compoundTarget.Index, Coerce(combined, compoundTarget.Kind)));
                }

                break;
            case IIncrementOrDecrementOperation increment:
                if (Target(increment.Target) is { } incrementTarget)
                {
                    incrementTarget = IndexFixedBeforeWrite(incrementTarget, line, source, output);
                    var one = new LiteralExpr(incrementTarget.Kind, Literals.One(incrementTarget.Kind));
                    var step = increment.Kind == OperationKind.Increment ? BinaryOperator.Add : BinaryOperator.Subtract;
                    output.Add(new AssignStmt(line, source, incrementTarget.Name, incrementTarget.Index, new BinaryExpr(incrementTarget.Kind, step, Read(incrementTarget), one)));
                }

                break;
            case IInvocationOperation helper when IsUnmarkedHelper(helper.TargetMethod):
                Unsupported(DiagnosticDescriptors.UnsupportedStatement, syntax, $"The call to '{helper.TargetMethod.ToDisplayString()}' as a statement",
                    "it is not [Differentiable], so its effect on the variables it writes cannot be differentiated; mark it [Differentiable] and it is inlined here");
                RefuseWrittenLocals(helper);
                break;
            default:
                Unsupported(DiagnosticDescriptors.UnsupportedStatement, syntax, operation is IInvocationOperation call ? $"The call to '{call.TargetMethod.ToDisplayString()}' as a statement" : "This expression statement",
                    "only assignments, compound assignments, ++/-- and guard clauses (throw, ArgumentException.ThrowIf..., Debug.Assert) can stand alone; assign the call's result to a local if the method needs it");
                break;
        }
    }

    /// <summary>
    /// The locals a refused call writes through <c>ref</c> and <c>out</c> (<c>out var y</c> included): their values are
    /// unknown to the derivative, so their later reads are explained by the call's diagnostic, not reported again.
    /// </summary>
    private void RefuseWrittenLocals(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
            {
                foreach (var local in argument.Value.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    _refusedLocals.Add(local.Local);
                }
            }
        }
    }

    /// <summary>
    /// An element write whose index reads the array it writes (<c>b[(int)b[0]] = x</c>, <c>b[(int)b[1]] += x</c>)
    /// changes what its own index evaluates to: the reverse sweep, which evaluates the index again after the write,
    /// would restore and read the adjoint of another element. The index is computed once into an int local before
    /// the write, so every use of it, forward and reverse, is the index the forward sweep wrote.
    /// </summary>
    private AssignTarget IndexFixedBeforeWrite(AssignTarget target, int line, string source, List<Stmt> output)
    {
        if (target.Index is not { } index || index is LiteralExpr || !Analysis.ExprWalker.Variables(index).Contains(target.Name))
        {
            return target;
        }

        var fixedIndex = DeclareSynthetic(target.Name + "Index", NumberKind.Int);
        output.Add(new AssignStmt(line, source, fixedIndex, null, index));
        return target with { Index = new VariableExpr(NumberKind.Int, fixedIndex) };
    }

    private void If(IConditionalOperation conditional, List<Stmt> output)
    {
        var condition = HoistingExpression(conditional.Condition, output);
        var then = new List<Stmt>();
        var otherwise = new List<Stmt>();
        Statement(conditional.WhenTrue, then);
        if (conditional.WhenFalse is { } whenFalse)
        {
            Statement(whenFalse, otherwise);
        }

        if (condition is not null)
        {
            output.Add(new IfStmt(Line(conditional.Syntax), SourceText(conditional.Syntax), condition, then.ToEquatableArray(), otherwise.ToEquatableArray()));
        }
    }

    private void For(IForLoopOperation loop, List<Stmt> output)
    {
        foreach (var before in loop.Before)
        {
            Statement(before, output);
        }

        _conditionalDepth++;
        var condition = loop.Condition is null ? null : Expression(loop.Condition);
        _conditionalDepth--;
        _loopDepth++;
        var body = new List<Stmt>();
        Statement(loop.Body, body);
        var step = new List<Stmt>();
        foreach (var atBottom in loop.AtLoopBottom)
        {
            Statement(atBottom, step);
        }

        _loopDepth--;
        var (index, direction) = CountedIndex(loop, condition, step, body);
        var constantStart = index is not null && output.Count > 0 && output[output.Count - 1] is AssignStmt { Index: null, Value: LiteralExpr start } init && init.Variable == index
            ? start.Text
            : null;
        output.Add(new LoopStmt(Line(loop.Syntax), SourceText(loop.Syntax), condition, body.ToEquatableArray(), step.ToEquatableArray(), false, index, direction, constantStart));
    }

    private void While(IWhileLoopOperation loop, List<Stmt> output)
    {
        _conditionalDepth++;
        var condition = loop.Condition is null ? null : Expression(loop.Condition);
        _conditionalDepth--;
        if (loop.ConditionIsUntil && condition is not null)
        {
            condition = new UnaryExpr(NumberKind.Bool, UnaryOperator.Not, condition);
        }

        _loopDepth++;
        var body = new List<Stmt>();
        Statement(loop.Body, body);
        _loopDepth--;
        output.Add(new LoopStmt(Line(loop.Syntax), SourceText(loop.Syntax), condition, body.ToEquatableArray(), EquatableArray<Stmt>.Empty, !loop.ConditionIsTop, null, 0));
    }

    /// <summary>
    /// <c>foreach (var x in v)</c> over an array or span: the counted loop
    /// <c>for (int xIndex = 0; xIndex &lt; v.Length; xIndex++) { x = v[xIndex]; ... }</c>.
    /// </summary>
    private void ForEach(IForEachLoopOperation loop, VariableModel array, List<Stmt> output)
    {
        if (loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: var element })
        {
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, loop.Syntax, "This 'foreach' loop", "declare the element variable in the loop header");
            return;
        }

        var line = Line(loop.Syntax);
        var source = Regex.Replace(loop.Syntax is ForEachStatementSyntax s ? "foreach (" + s.Type + " " + s.Identifier + " in " + s.Expression + ")" : loop.Syntax.ToString(), @"\s+", " ");
        var index = DeclareSynthetic(element.Name + "Index", NumberKind.Int);
        var elementKind = TypeClassifier.Scalar(element.Type) ?? array.Kind;
        var elementName = DeclareLocal(element, elementKind, StorageKind.Scalar);
        var indexExpr = new VariableExpr(NumberKind.Int, index);
        output.Add(new AssignStmt(line, source, index, null, new LiteralExpr(NumberKind.Int, "0")));
        _loopDepth++;
        var body = new List<Stmt> { new AssignStmt(line, source, elementName, null, Coerce(new ElementExpr(array.Kind, array.Name, indexExpr), elementKind)) };
        Statement(loop.Body, body);
        _loopDepth--;
        var step = new AssignStmt(line, source, index, null, new BinaryExpr(NumberKind.Int, BinaryOperator.Add, indexExpr, new LiteralExpr(NumberKind.Int, "1")));
        var condition = new BinaryExpr(NumberKind.Bool, BinaryOperator.Less, indexExpr, new LengthExpr(array.Name));
        output.Add(new LoopStmt(line, source, condition, body.ToEquatableArray(), EquatableArray.Of<Stmt>(step), false, index, 1, "0"));
    }

    /// <summary>
    /// Recognises <c>for (int i = a; i &lt; b; i++)</c> (or <c>i &lt;= b</c>, <c>i--</c> with <c>&gt;</c> or <c>&gt;=</c>)
    /// whose body never assigns i: reverse mode then recomputes i from its first value and the trip count.
    /// </summary>
    private static (string? Index, int Direction) CountedIndex(IForLoopOperation loop, Expr? condition, List<Stmt> step, List<Stmt> body)
    {
        if (step.Count != 1 || step[0] is not AssignStmt { Index: null, Value: BinaryExpr { Left: VariableExpr left, Right: LiteralExpr { Text: "1" } } increment } assign
            || left.Name != assign.Variable || left.Kind != NumberKind.Int || loop.Before.Length != 1 || loop.Before[0] is not IVariableDeclarationGroupOperation)
        {
            return (null, 0);
        }

        var direction = increment.Operator switch
        {
            BinaryOperator.Add => 1,
            BinaryOperator.Subtract => -1,
            _ => 0,
        };
        var index = assign.Variable;
        var comparesIndex = condition is BinaryExpr { Left: VariableExpr compared } test && compared.Name == index
            && (direction > 0 ? test.Operator is BinaryOperator.Less or BinaryOperator.LessOrEqual : test.Operator is BinaryOperator.Greater or BinaryOperator.GreaterOrEqual);
        if (direction == 0 || !comparesIndex || Assigns(body, index))
        {
            return (null, 0);
        }

        return (index, direction);
    }

    private static bool Assigns(IEnumerable<Stmt> statements, string variable) => statements.Any(s => s switch
    {
        AssignStmt a => a.Variable == variable,
        IfStmt i => Assigns(i.Then, variable) || Assigns(i.Else, variable),
        LoopStmt l => Assigns(l.Body, variable) || Assigns(l.Step, variable),
        _ => false,
    });

    private static string StatementName(IOperation operation) => operation switch
    {
        IBranchOperation => "A 'goto' statement",
        ILabeledOperation => "A labeled statement",
        ITryOperation => "A 'try' statement",
        IForEachLoopOperation => "A 'foreach' loop",
        ISwitchOperation => "A 'switch' statement",
        IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation } => "A 'throw' statement",
        IUsingOperation or IUsingDeclarationOperation => "A 'using' statement",
        ILockOperation => "A 'lock' statement",
        ILocalFunctionOperation => "A local function",
        IReturnOperation => "A 'return' without a value",
        _ => "This statement",
    };

    private static string StatementAdvice(IOperation operation) => operation switch
    {
        IBranchOperation or ILabeledOperation => "jumps cannot be reversed; use loops with break and continue",
        ITryOperation => "exception handling cannot be differentiated; validate inputs before calling the method",
        IForEachLoopOperation => "foreach works over arrays, spans, and lists and read-only lists that carry no derivative; iterate other collections with a for loop over the indices",
        ISwitchOperation => "use if/else chains",
        IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation } => "throw a new exception whose arguments are parameters, constants and strings",
        ILocalFunctionOperation => "move it to a [Differentiable] static method of the type",
        _ => "only declarations, assignments, if/else, for, while, do, break, continue and return are supported",
    };
}
