using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Local functions and lambdas are inlined where they are called, and LINQ's <c>Sum</c>, <c>Average</c>, <c>Max</c>,
/// <c>Min</c> (over <c>Select</c>s) become loops, before differentiation: the emitters only ever see core statements.
/// <list type="bullet">
/// <item>Where a statement can go before the call, the call becomes statements: each parameter a local assigned its
/// argument, the body, and each <c>return e</c> an assignment of the call's result local (inside a
/// <c>do { ... } while (false)</c> with <c>break</c> when the body returns early). Captured variables are the enclosing
/// method's own, read as they are.</item>
/// <item>Elsewhere (a loop condition, a branch of <c>?:</c>, a switch arm) only a body that is one expression can be
/// inlined: its parameters stand for the arguments.</item>
/// </list>
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>Where the returns of a function inlined as statements go: <paramref name="Result"/>, or for a
    /// [Differentiable] method returning a tuple or struct of numbers the locals in <paramref name="Leaves"/>, leaf by leaf.</summary>
    private sealed record InlineContext(string Result, NumberKind Kind, bool Wrapped, int LoopDepth, IMethodSymbol Function, IReadOnlyList<VariableModel>? Leaves = null);

    /// <summary>The local function being inlined as statements: where its <c>return</c>s go.</summary>
    private InlineContext? _inlineReturn;

    /// <summary>The local functions and lambdas being inlined, innermost last (recursion is refused).</summary>
    private readonly List<IMethodSymbol> _inlining = new();

    private Expr? LocalFunctionCall(IInvocationOperation invocation)
    {
        var function = invocation.TargetMethod;
        var what = $"A call to local function '{function.Name}'";
        var declaration = function.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) as LocalFunctionStatementSyntax;
        if (declaration is null || _semanticModel.GetOperation(declaration, _cancellationToken) is not ILocalFunctionOperation { Body: { } body })
        {
            return InlineRefused(invocation.Syntax, what, "its body is not available");
        }

        if (function.IsGenericMethod)
        {
            return InlineRefused(invocation.Syntax, what, "generic local functions are not supported; write it for double or float");
        }

        return InlineArguments(invocation, what) is { } arguments ? Inline(function, body, arguments, invocation.Syntax, what) : null;
    }

    private readonly Dictionary<ILocalSymbol, IAnonymousFunctionOperation> _lambdaLocals = new(SymbolEqualityComparer.Default);

    /// <summary>A lambda held in a local that is never assigned again (<c>Func&lt;double, double&gt; sq = t =&gt; t * t;</c>), called: inlined as a local function is.</summary>
    private Expr? DelegateLocalCall(IInvocationOperation invocation, IAnonymousFunctionOperation lambda, ILocalSymbol local)
    {
        var what = $"A call of the lambda in '{local.Name}'";
        // The call's arguments belong to the delegate's Invoke; the body reads the lambda's own parameters, in the same order.
        return InlineArguments(invocation, what) is { } arguments && arguments.Count == lambda.Symbol.Parameters.Length
            ? Inline(lambda.Symbol, lambda.Body, arguments.Select((a, i) => (lambda.Symbol.Parameters[i], a.Scalar, a.Array)).ToList(), invocation.Syntax, what)
            : null;
    }

    /// <summary>The arguments of a call to inline, bound to the function's parameters; null when one is refused (reported).</summary>
    private List<(IParameterSymbol Parameter, Expr? Scalar, VariableModel? Array)>? InlineArguments(IInvocationOperation invocation, string what)
    {
        var arguments = new List<(IParameterSymbol Parameter, Expr? Scalar, VariableModel? Array)>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            var parameter = argument.Parameter!;
            if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                InlineRefused(argument.Syntax, what, $"parameter '{parameter.Name}' is passed by reference; return the value instead");
                return null;
            }

            if (TypeClassifier.Classify(parameter.Type) is not { } classified)
            {
                InlineRefused(argument.Syntax, what, $"parameter '{parameter.Name}' has type '{parameter.Type.ToDisplayString()}'; use double, float, int, bool, or an array or span of double or float");
                return null;
            }

            if (classified.Storage.IsIndexed())
            {
                if (Variable(Unwrap(argument.Value)) is not { Storage: not StorageKind.Scalar } array)
                {
                    Unsupported(DiagnosticDescriptors.UnsupportedExpression, argument.Syntax, "This array argument", "pass an array or span parameter or a local array itself");
                    return null;
                }

                arguments.Add((parameter, null, array));
            }
            else if (Expression(argument.Value) is { } scalar)
            {
                arguments.Add((parameter, Coerce(scalar, classified.Kind), null));
            }
            else
            {
                return null;
            }
        }

        return arguments;
    }

    private Expr? Inline(
        IMethodSymbol function, IBlockOperation body, List<(IParameterSymbol Parameter, Expr? Scalar, VariableModel? Array)> arguments, SyntaxNode site, string what)
    {
        if (_inlining.Any(f => SymbolEqualityComparer.Default.Equals(f, function.OriginalDefinition)))
        {
            return InlineRefused(site, what, "it calls itself, and local functions are inlined at each call; make it a [Differentiable] static method of the type, which may recurse");
        }

        if (TypeClassifier.Scalar(function.ReturnType) is not { } kind)
        {
            return InlineRefused(site, what, $"it returns '{function.ReturnType.ToDisplayString()}'; only functions returning double, float, int or bool can be differentiated");
        }

        var returns = body.Descendants().OfType<IReturnOperation>().Count(r => !InsideNestedFunction(r, body));
        var singleExpression = body.Operations.Length == 1 && body.Operations[0] is IReturnOperation { ReturnedValue: not null };

        // A one-expression body whose arguments are cheap to read again is substituted (`Square(x)` is `x * x`); any
        // other call becomes statements where statements can go.
        var substitute = singleExpression
            && (_hoistTarget is null || arguments.All(a => a.Scalar is null or VariableExpr or LiteralExpr or ElementExpr { Index: VariableExpr or LiteralExpr }));
        var aliases = new List<ISymbol>();
        _inlining.Add(function.OriginalDefinition);
        var savedExit = _switchExit;
        _switchExit = null;
        try
        {
            foreach (var (parameter, _, array) in arguments)
            {
                if (array is not null)
                {
                    // An array parameter is the caller's array under another name.
                    _bySymbol[parameter] = array;
                    aliases.Add(parameter);
                }
            }

            if (substitute || _hoistTarget is null)
            {
                if (!singleExpression)
                {
                    return InlineRefused(site, what,
                        "its body has statements, which cannot run in a loop condition, a branch of '?:', a switch arm or after && or ||; assign its result to a local first");
                }

                foreach (var (parameter, scalar, _) in arguments)
                {
                    if (scalar is not null)
                    {
                        _substitutions[parameter] = scalar;
                        aliases.Add(parameter);
                    }
                }

                return Expression(((IReturnOperation)body.Operations[0]).ReturnedValue!) is { } inlined ? Coerce(inlined, kind) : null;
            }

            var output = _hoistTarget!;
            var line = Line(site);
            var source = SourceText(site.FirstAncestorOrSelf<StatementSyntax>() ?? site);
            foreach (var (parameter, scalar, _) in arguments)
            {
                if (scalar is not null)
                {
                    var name = DeclareFor(parameter, TypeClassifier.Scalar(parameter.Type)!.Value);
                    output.Add(new AssignStmt(line, source, name, null, scalar));
                }
            }

            var result = DeclareSynthetic(function.MethodKind == MethodKind.AnonymousFunction || function.Name.Length == 0
                ? "lambdaResult"
                : char.ToLowerInvariant(function.Name[0]) + function.Name.Substring(1) + "Result", kind);
            var wrapped = !(returns == 1 && body.Operations.Length > 0 && body.Operations[body.Operations.Length - 1] is IReturnOperation);
            var statements = new List<Stmt>();
            var savedReturn = _inlineReturn;
            _inlineReturn = new InlineContext(result, kind, wrapped, _loopDepth, function.OriginalDefinition);
            if (wrapped)
            {
                _loopDepth++;
            }

            foreach (var statement in body.Operations)
            {
                Statement(statement, statements);
            }

            if (wrapped)
            {
                _loopDepth--;
                output.Add(new LoopStmt(line, source, new LiteralExpr(NumberKind.Bool, "false"), statements.ToEquatableArray(), EquatableArray<Stmt>.Empty, true, null, 0));
            }
            else
            {
                output.AddRange(statements);
            }

            _inlineReturn = savedReturn;
            return new VariableExpr(kind, result);
        }
        finally
        {
            _switchExit = savedExit;
            _inlining.RemoveAt(_inlining.Count - 1);
            foreach (var alias in aliases)
            {
                _bySymbol.Remove(alias);
                _substitutions.Remove(alias);
            }
        }
    }

    private static bool InsideNestedFunction(IOperation operation, IOperation root)
    {
        for (var parent = operation.Parent; parent is not null && parent != root; parent = parent.Parent)
        {
            if (parent is ILocalFunctionOperation or IAnonymousFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>return e;</c> in a function inlined as statements: the call's result local takes e (and the wrapper loop ends).</summary>
    private void InlinedReturn(IOperation value, SyntaxNode syntax, List<Stmt> output)
    {
        var context = _inlineReturn!;
        if (_loopDepth > context.LoopDepth + (context.Wrapped ? 1 : 0))
        {
            InlineRefused(syntax, $"A 'return' inside a loop of local function '{context.Function.Name}'",
                "local functions are inlined, and a return from inside their loops cannot be; make it a [Differentiable] static method of the type");
            return;
        }

        if (context.Leaves is { } leaves)
        {
            InlinedStructReturn(value, syntax, leaves, output);
        }
        else if (HoistingExpression(value, output) is { } returned)
        {
            output.Add(new AssignStmt(Line(syntax), SourceText(syntax), context.Result, null, Coerce(returned, context.Kind)));
        }
        else
        {
            return;
        }

        if (context.Wrapped)
        {
            output.Add(new BreakStmt(Line(syntax), SourceText(syntax)));
        }
    }

    /// <summary>A write to a variable of the enclosing method from an inlined local function or lambda (its order against the call's other operands would change).</summary>
    private bool ReportedAsCapturedWrite(IOperation target)
    {
        if (_inlining.Count == 0)
        {
            return false;
        }

        var symbol = target switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        var function = _inlining[_inlining.Count - 1];
        if (symbol is null || SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol?.OriginalDefinition, function))
        {
            return false;
        }

        InlineRefused(target.Syntax, $"Assigning '{symbol.Name}', a variable of the enclosing method, inside local function '{function.Name}'",
            "return the value from the local function and assign it at the call");
        return true;
    }

    private Expr? InlineRefused(SyntaxNode syntax, string what, string why)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LocalFunctionNotInlined, syntax.GetLocation(), what, why));
        return null;
    }

    /// <summary>A local for a symbol the user declared that is not an <see cref="ILocalSymbol"/> (an inlined function's parameter).</summary>
    private string DeclareFor(ISymbol symbol, NumberKind kind)
    {
        if (_bySymbol.TryGetValue(symbol, out var existing))
        {
            return existing.Name;
        }

        // As DeclareLocal: the user's name, unless a variable already has it.
        var name = symbol.Name;
        for (var suffix = 2; _variables.Any(v => v.Name == name); suffix++)
        {
            name = symbol.Name + "_" + suffix;
            while (_usedNames.Contains(name))
            {
                name = symbol.Name + "_" + ++suffix;
            }
        }

        _usedNames.Add(name);
        var variable = new VariableModel(name, kind, StorageKind.Scalar, IsParameter: false, Differentiated: false);
        _variables.Add(variable);
        _bySymbol[symbol] = variable;
        return name;
    }

    private static readonly HashSet<string> s_linqReductions = new() { "Sum", "Average", "Max", "Min" };

    private static bool IsLinqReduction(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod: { ContainingType: { } type } method } invocation
        && type.ToDisplayString() == "System.Linq.Enumerable" && s_linqReductions.Contains(method.Name) && invocation.Arguments.Length is 1 or 2;

    /// <summary>
    /// <c>a.Select(f).Sum(g)</c> over an array or span variable: <c>aSum = 0; for (aIndex = 0; aIndex &lt; a.Length; aIndex++) aSum += g(f(a[aIndex]));</c>.
    /// Max and Min start from the first element and fold with Math.Max/Math.Min (their derivative goes to the larger, ties
    /// split it); Average divides the sum by the length. A float sum accumulates in double, as Enumerable.Sum does.
    /// </summary>
    private Expr? LinqReduction(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        var reduction = invocation.TargetMethod.Name;
        var what = $"LINQ's '{reduction}'";
        if (_hoistTarget is not { } output)
        {
            return LinqRefused(syntax, what, "it becomes a loop, which cannot run in a loop condition, a branch of '?:', a switch arm or after && or ||; compute it into a local first");
        }

        if (TypeClassifier.Scalar(invocation.Type) is not { } kind || !kind.IsFloatingPoint())
        {
            return LinqRefused(syntax, what, $"its result is '{invocation.Type?.ToDisplayString()}'; only double and float reductions are differentiated");
        }

        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
        var selectors = new List<IAnonymousFunctionOperation>();
        if (arguments.Count == 2)
        {
            if (Lambda(arguments[1].Value) is not { } selector)
            {
                return LinqRefused(arguments[1].Syntax, what, "pass the selector as a lambda, such as 'v => v * v'");
            }

            selectors.Add(selector);
        }

        var source = Unwrap(arguments[0].Value);
        while (source is IInvocationOperation { TargetMethod: { Name: "Select", ContainingType: { } type } } select
            && type.ToDisplayString() == "System.Linq.Enumerable" && select.Arguments.Length == 2)
        {
            var selectArguments = select.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
            if (Lambda(selectArguments[1].Value) is not { } selector)
            {
                return LinqRefused(selectArguments[1].Syntax, what, "pass the selector as a lambda, such as 'v => v * v'");
            }

            selectors.Insert(0, selector);
            source = Unwrap(selectArguments[0].Value);
        }

        IAnonymousFunctionOperation? zipper = null;
        LinqSequence? first;
        LinqSequence? second = null;
        if (source is IInvocationOperation { TargetMethod: { Name: "Zip", ContainingType: { } zipType } } zip
            && zipType.ToDisplayString() == "System.Linq.Enumerable" && zip.Arguments.Length == 3)
        {
            // a.Zip(b, (x, y) => f): one loop over the shorter of the two, f inlined with both elements.
            var zipArguments = zip.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
            if ((zipper = Lambda(zipArguments[2].Value)) is null)
            {
                return LinqRefused(zipArguments[2].Syntax, what, "pass Zip's result selector as a lambda, such as '(a, b) => a * b'");
            }

            first = Sequence(zipArguments[0].Value);
            second = Sequence(zipArguments[1].Value);
            if (first is null || second is null)
            {
                return LinqRefused((first is null ? zipArguments[0] : zipArguments[1]).Syntax, what,
                    "Zip is differentiated over array parameters, local arrays and static readonly or instance arrays; write other queries as a for loop");
            }
        }
        else if ((first = Sequence(source)) is null)
        {
            return LinqRefused(source.Syntax, what,
                "LINQ is differentiated over an array parameter, a local array or an array field or property, optionally through Select or Zip; write other queries as a for loop");
        }

        var line = Line(syntax);
        var sourceText = SourceText(syntax);
        var accumulatorKind = reduction is "Sum" or "Average" ? NumberKind.Double : kind;
        var accumulator = DeclareSynthetic(first.Name + reduction, accumulatorKind);
        var index = DeclareSynthetic(first.Name + "Index", NumberKind.Int);
        var indexExpr = new VariableExpr(NumberKind.Int, index);
        var accumulatorExpr = new VariableExpr(accumulatorKind, accumulator);
        var length = second is null ? first.Length
            : new ConditionalExpr(NumberKind.Int, new BinaryExpr(NumberKind.Bool, BinaryOperator.Less, first.Length, second.Length), first.Length, second.Length);

        // The element at an index: both sequences' elements through Zip's selector, then every Select.
        Expr? ElementAt(Expr at, List<Stmt> statements)
        {
            var element = first.Element(at);
            if (zipper is not null)
            {
                var parameters = zipper.Symbol.Parameters;
                if (parameters.Length != 2 || TypeClassifier.Scalar(parameters[0].Type) is not { } k0 || TypeClassifier.Scalar(parameters[1].Type) is not { } k1)
                {
                    return LinqRefused(zipper.Syntax, "This lambda", "Zip's selector must take two numbers");
                }

                var saved = _hoistTarget;
                _hoistTarget = statements;
                try
                {
                    element = Inline(zipper.Symbol, zipper.Body, [(parameters[0], Coerce(element, k0), null), (parameters[1], Coerce(second!.Element(at), k1), null)], zipper.Syntax, "This lambda");
                }
                finally
                {
                    _hoistTarget = saved;
                }

                if (element is null)
                {
                    return null;
                }
            }

            return Selected(element, selectors, at, statements);
        }

        var folds = reduction is "Max" or "Min";
        var start = folds ? "1" : "0";
        if (folds)
        {
            var firstElement = ElementAt(new LiteralExpr(NumberKind.Int, "0"), output);
            if (firstElement is null)
            {
                return null;
            }

            output.Add(new AssignStmt(line, sourceText, accumulator, null, Coerce(firstElement, accumulatorKind)));
        }
        else
        {
            output.Add(new AssignStmt(line, sourceText, accumulator, null, new LiteralExpr(accumulatorKind, Literals.Zero(accumulatorKind))));
        }

        output.Add(new AssignStmt(line, sourceText, index, null, new LiteralExpr(NumberKind.Int, start)));
        var body = new List<Stmt>();
        _loopDepth++;
        var element = ElementAt(indexExpr, body);
        _loopDepth--;
        if (element is null)
        {
            return null;
        }

        var value = Coerce(element, accumulatorKind);
        var folded = folds
            ? new MathCallExpr(accumulatorKind, "global::System.Math", reduction, EquatableArray.Of(accumulatorExpr, value), null)
            : (Expr)new BinaryExpr(accumulatorKind, BinaryOperator.Add, accumulatorExpr, value);
        body.Add(new AssignStmt(line, sourceText, accumulator, null, folded));
        var step = new AssignStmt(line, sourceText, index, null, new BinaryExpr(NumberKind.Int, BinaryOperator.Add, indexExpr, new LiteralExpr(NumberKind.Int, "1")));
        var condition = new BinaryExpr(NumberKind.Bool, BinaryOperator.Less, indexExpr, length);
        output.Add(new LoopStmt(line, sourceText, condition, body.ToEquatableArray(), EquatableArray.Of<Stmt>(step), false, index, 1, start));
        Expr result = reduction == "Average"
            ? new BinaryExpr(accumulatorKind, BinaryOperator.Divide, accumulatorExpr, new ConvertExpr(accumulatorKind, length, null))
            : accumulatorExpr;
        return Coerce(result, kind);
    }

    /// <summary>A sequence LINQ reads by index: its elements and its length as IR, and a name for the loop's locals.</summary>
    private sealed record LinqSequence(string Name, System.Func<Expr, Expr> Element, Expr Length);

    /// <summary>
    /// An array or span variable (its elements differentiated like any), or an array field or property that carries
    /// no derivative (a static readonly table, a model's weights), read as the original reads it.
    /// </summary>
    private LinqSequence? Sequence(IOperation operation)
    {
        var unwrapped = Unwrap(operation);
        if (IsEnumerableRange(unwrapped))
        {
            return RangeSequence((IInvocationOperation)unwrapped);
        }

        if (Variable(unwrapped) is { Storage: not StorageKind.Scalar } array)
        {
            return new LinqSequence(array.Name, at => new ElementExpr(array.Kind, array.Name, at), new LengthExpr(array.Name));
        }

        if (unwrapped is IFieldReferenceOperation or IPropertyReferenceOperation && unwrapped.Type is IArrayTypeSymbol { Rank: 1 } table
            && TypeClassifier.Scalar(table.ElementType) is { } elementKind && elementKind.IsFloatingPoint()
            && PassThroughCode(unwrapped) is { Holes.Count: 0 } code)
        {
            var text = code.Parts[0];
            var name = unwrapped is IFieldReferenceOperation field ? field.Field.Name.TrimStart('_') : ((IPropertyReferenceOperation)unwrapped).Property.Name;
            return new LinqSequence(name.Length == 0 ? "table" : name,
                at => new PassThroughExpr(elementKind, EquatableArray.Of(text + "[", "]"), EquatableArray.Of(at)),
                new PassThroughExpr(NumberKind.Int, EquatableArray.Of(text + ".Length"), EquatableArray<Expr>.Empty));
        }

        return null;
    }

    /// <summary>An element passed through the selectors in order, each inlined with the element as its parameter (and the index as the second, for Select's (v, i) overload).</summary>
    private Expr? Selected(Expr element, List<IAnonymousFunctionOperation> selectors, Expr indexExpr, List<Stmt> output)
    {
        var saved = _hoistTarget;
        _hoistTarget = output;
        try
        {
            foreach (var selector in selectors)
            {
                var parameters = selector.Symbol.Parameters;
                var arguments = new List<(IParameterSymbol Parameter, Expr? Scalar, VariableModel? Array)> { (parameters[0], Coerce(element, TypeClassifier.Scalar(parameters[0].Type) ?? element.Kind), null) };
                if (parameters.Length == 2)
                {
                    arguments.Add((parameters[1], indexExpr, null));
                }

                if (TypeClassifier.Scalar(parameters[0].Type) is null)
                {
                    return LinqRefused(selector.Syntax, "This lambda", $"its parameter has type '{parameters[0].Type.ToDisplayString()}'");
                }

                var inlined = Inline(selector.Symbol, selector.Body, arguments, selector.Syntax, "This lambda");
                if (inlined is null)
                {
                    return null;
                }

                element = inlined;
            }

            return element;
        }
        finally
        {
            _hoistTarget = saved;
        }
    }

    private static IAnonymousFunctionOperation? Lambda(IOperation operation) => Unwrap(operation) switch
    {
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
        IAnonymousFunctionOperation lambda => lambda,
        _ => null,
    };

    private Expr? LinqRefused(SyntaxNode syntax, string what, string why)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LinqNotLowered, syntax.GetLocation(), what, why));
        return null;
    }
}
