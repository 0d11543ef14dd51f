using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Calls of helpers that hand results back through <c>ref</c> and <c>out</c> parameters, or return <c>void</c>
/// (an RK4 step advancing a state by <c>ref</c>, <c>PolarToCartesian(r, t, out x, out y)</c>, a helper filling a
/// <c>Span&lt;double&gt;</c>), are inlined at the call, as a compiler would inline a small function: the emitters
/// never see a call with several results.
/// <list type="bullet">
/// <item>A <c>ref</c> or <c>out</c> parameter is the caller's variable under another name (the argument must be a
/// local or a parameter, or <c>out var y</c>), exactly C#'s aliasing, so <c>Swap(ref a, ref a)</c> means what it does
/// in C#. An element argument (<c>ref a[i]</c>) is read into a local before the body and written back after it, its
/// index computed once.</item>
/// <item>An array or span parameter is the caller's array; a value parameter is a local assigned its argument.</item>
/// <item>Every write of the body is then an ordinary assignment of the caller's variables, so the reverse sweep saves
/// and restores what the callee overwrote exactly as for the caller's own assignments, and forward mode, reverse mode
/// and the tape twin all get the helper at once.</item>
/// </list>
/// Helpers are [Differentiable] methods (static, or instance methods called on <c>this</c> of the same type) and local
/// functions. A recursive helper cannot be inlined (AGD0060): one that returns its result is a call of its own.
/// </summary>
internal sealed partial class BodyParser
{
    private const int MaximumByReferenceDepth = 16;

    /// <summary>Whether calls of <paramref name="method"/> are inlined here: it returns void or takes a ref or out parameter.</summary>
    private static bool IsInlinedByReference(IMethodSymbol method) =>
        (method.ReturnsVoid || method.Parameters.Any(p => p.RefKind is RefKind.Ref or RefKind.Out))
        && (method.MethodKind == MethodKind.LocalFunction || method.MethodKind == MethodKind.Ordinary && IsDifferentiable(method));

    /// <summary>Whether a [Differentiable] method is a helper differentiated where it is called, with no code of its own.</summary>
    internal static bool IsByReferenceHelper(IMethodSymbol method) =>
        method.ReturnsVoid || method.Parameters.Any(p => p.RefKind is RefKind.Ref or RefKind.Out);

    /// <summary>
    /// Inlines the call into <paramref name="output"/>: the statements of the body, with its parameters bound to the
    /// arguments; the call's result local for a helper that returns a number (null for void, or when reported).
    /// </summary>
    private Expr? InlineByReference(IInvocationOperation invocation, List<Stmt>? output)
    {
        var method = invocation.TargetMethod;
        var site = invocation.Syntax;
        var what = method.MethodKind == MethodKind.LocalFunction
            ? $"The call to local function '{method.Name}'"
            : $"The call to '{method.ToDisplayString()}'";
        if (output is null)
        {
            return ByReferenceRefused(site, what,
                "it is inlined as statements, which cannot run in a loop condition, a branch of '?:', a switch arm or after && or ||; call it in a statement of its own and use its results after it");
        }

        if (_inlining.Count >= MaximumByReferenceDepth || _inlining.Any(f => SymbolEqualityComparer.Default.Equals(f, method.OriginalDefinition)))
        {
            return ByReferenceRefused(site, what,
                "it calls itself (directly or through another helper), and a helper with ref or out parameters or a void result is inlined at each call, which recursion cannot be; make the recursive part a [Differentiable] method that returns its result (a recursive call of one is differentiated)");
        }

        if (method.IsGenericMethod)
        {
            return ByReferenceRefused(site, what, "it is generic; write it for double or float");
        }

        NumberKind? resultKind = null;
        if (!method.ReturnsVoid)
        {
            if (TypeClassifier.Scalar(method.ReturnType) is not { } kind)
            {
                return ByReferenceRefused(site, what, $"it returns '{method.ReturnType.ToDisplayString()}'; a helper with ref or out parameters can return double, float, int, bool or nothing");
            }

            resultKind = kind;
        }

        if (method.MethodKind != MethodKind.LocalFunction && !method.IsStatic
            && (invocation.Instance is not IInstanceReferenceOperation || _method.IsStatic || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _method.ContainingType)))
        {
            return ByReferenceRefused(site, what,
                $"it is an instance method called on '{invocation.Instance?.Syntax}'; a helper with ref or out parameters is inlined, which reads its fields through the caller's own 'this': call it on 'this' from an instance method of the same type, or make it static");
        }

        if (Body(method) is not (var body, var model))
        {
            return ByReferenceRefused(site, what, "its body is not available or does not compile");
        }

        if (InaccessibleMember(body) is { } hidden)
        {
            return ByReferenceRefused(site, what,
                $"its body uses '{hidden.ToDisplayString()}', which '{_method.ContainingType.Name}' cannot reach, and the body is inlined into '{_method.Name}'; make that member internal, or move the helper beside its caller");
        }

        // Bind the arguments in C#'s order: element arguments read, value arguments evaluated, before the body runs.
        var line = Line(site);
        var source = SourceText(site.FirstAncestorOrSelf<StatementSyntax>() ?? site);
        var aliases = new List<ISymbol>();
        var writeBacks = new List<Stmt>();
        var elementArrays = new List<(string Array, string? Literal)>();
        var wholeArrays = new List<string>();
        try
        {
            foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
            {
                var parameter = argument.Parameter!;
                if (!BindArgument(argument, parameter, what, line, source, output, aliases, writeBacks, elementArrays, wholeArrays))
                {
                    return null;
                }
            }

            // An element passed by reference is a copy while the body runs: exact unless the same array also reaches
            // the body another way (a second element whose index is not a different constant, or the whole array), where C# would alias the two.
            if (elementArrays.Any(a => wholeArrays.Contains(a.Array))
                || elementArrays.GroupBy(a => a.Array).Any(g => g.Count() > 1 && (g.Any(e => e.Literal is null) || g.Select(e => e.Literal).Distinct().Count() < g.Count())))
            {
                return ByReferenceRefused(site, what,
                    "it gets an element of an array by reference and the same array again (an element whose index may be the same, or the whole array), which would alias inside it; pass the array and the indices instead, or elements at different constant indices");
            }

            var result = resultKind is { } k
                ? DeclareSynthetic(char.ToLowerInvariant(method.Name[0]) + method.Name.Substring(1) + "Result", k)
                : string.Empty;
            var returns = body.Descendants().OfType<IReturnOperation>().Count(r => !InsideNestedFunction(r, body));
            var endsWithReturn = body.Operations.Length > 0 && body.Operations[body.Operations.Length - 1] is IReturnOperation;
            var wrapped = resultKind is null ? returns > (endsWithReturn ? 1 : 0) : !(returns == 1 && endsWithReturn);
            var statements = new List<Stmt>();
            var savedReturn = _inlineReturn;
            var savedExit = _switchExit;
            var savedModel = _semanticModel;
            _inlining.Add(method.OriginalDefinition);
            _inlineReturn = new InlineContext(result, resultKind ?? NumberKind.Double, wrapped, _loopDepth, method.OriginalDefinition);
            _switchExit = null;
            _semanticModel = model;
            if (wrapped)
            {
                _loopDepth++;
            }

            try
            {
                foreach (var statement in body.Operations)
                {
                    Statement(statement, statements);
                }
            }
            finally
            {
                if (wrapped)
                {
                    _loopDepth--;
                }

                _semanticModel = savedModel;
                _switchExit = savedExit;
                _inlineReturn = savedReturn;
                _inlining.RemoveAt(_inlining.Count - 1);
            }

            statements = AsInlined(statements, method.Name);
            if (wrapped)
            {
                output.Add(new LoopStmt(line, source, new LiteralExpr(NumberKind.Bool, "false"), statements.ToEquatableArray(), EquatableArray<Stmt>.Empty, true, null, 0));
            }
            else
            {
                output.AddRange(statements);
            }

            output.AddRange(writeBacks);
            return resultKind is { } r ? new VariableExpr(r, result) : null;
        }
        finally
        {
            foreach (var alias in aliases)
            {
                _bySymbol.Remove(alias);
                _structs.Remove(alias);
            }
        }
    }

    /// <summary>Binds one parameter of an inlined helper to its argument; false when reported.</summary>
    private bool BindArgument(
        IArgumentOperation argument, IParameterSymbol parameter, string what, int line, string source, List<Stmt> output,
        List<ISymbol> aliases, List<Stmt> writeBacks, List<(string Array, string? Literal)> elementArrays, List<string> wholeArrays)
    {
        var value = Unwrap(argument.Value);
        if (parameter.RefKind is RefKind.Ref or RefKind.Out)
        {
            if (ReportedAsCapturedWrite(value))
            {
                return false;
            }

            VariableModel? target = value switch
            {
                IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } when TypeClassifier.Scalar(declared.Local.Type) is { } kind =>
                    NamedVariable(DeclareLocal(declared.Local, kind, StorageKind.Scalar)),
                IDiscardOperation when TypeClassifier.Scalar(parameter.Type) is { } kind =>
                    NamedVariable(DeclareSynthetic("discarded", kind)),
                ILocalReferenceOperation or IParameterReferenceOperation => Variable(value),
                _ => null,
            };
            if (target is { Storage: StorageKind.Scalar })
            {
                _bySymbol[parameter] = target;
                aliases.Add(parameter);
                return true;
            }

            if (value is ILocalReferenceOperation or IParameterReferenceOperation && StructVariableOf(value) is { } caller
                && SymbolEqualityComparer.Default.Equals(parameter.Type, value.Type))
            {
                // `ref state` of a struct the caller holds as one scalar per field: the helper's parameter is those
                // scalars themselves, so its field writes (s.Theta += …) are the caller's.
                _structs[parameter] = caller;
                aliases.Add(parameter);
                return true;
            }

            if (ElementByReference(value, parameter, line, source, output, writeBacks, elementArrays) is { } copy)
            {
                _bySymbol[parameter] = copy;
                aliases.Add(parameter);
                return true;
            }

            if (value is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true })
            {
                // ElementByReference reported why.
                return false;
            }

            ByReferenceRefused(argument.Syntax, what,
                $"the argument of its {MethodParser.RefKeyword(parameter.RefKind)} parameter '{parameter.Name}' is '{argument.Value.Syntax}', which is not a local variable, a parameter or an array element of double, float, int or bool, nor a struct local or parameter of the parameter's type; pass one of those (or 'out var {parameter.Name}')");
            return false;
        }

        if (TypeClassifier.Classify(parameter.Type) is not { } classified)
        {
            ByReferenceRefused(argument.Syntax, what,
                $"its parameter '{parameter.Name}' has type '{parameter.Type.ToDisplayString()}'; a helper with ref or out parameters is inlined, and takes double, float, int, bool, or an array or span of double or float");
            return false;
        }

        if (classified.Storage.IsIndexed())
        {
            if (Variable(value) is not { Storage: not StorageKind.Scalar } array)
            {
                ByReferenceRefused(argument.Syntax, what, $"the argument of its array parameter '{parameter.Name}' is not an array or span variable; pass an array or span parameter or a local array itself");
                return false;
            }

            if (parameter.IsParams)
            {
                ByReferenceRefused(argument.Syntax, what, $"its parameter '{parameter.Name}' is a params array; pass an array variable");
                return false;
            }

            // The caller's array under another name: writes through a Span<T> parameter reach the caller's array.
            _bySymbol[parameter] = array;
            aliases.Add(parameter);
            wholeArrays.Add(array.Name);
            return true;
        }

        if (Expression(argument.Value) is not { } scalar)
        {
            return false;
        }

        var local = DeclareFor(parameter, classified.Kind);
        output.Add(new AssignStmt(line, source, local, null, Coerce(scalar, classified.Kind)));
        return true;
    }

    /// <summary>
    /// <c>ref a[i]</c>: the element read into a local before the body (not for <c>out</c>) and written back after it,
    /// with the index computed once into an int local so both use the element the call was given. Null when
    /// <paramref name="value"/> is not an element (nothing reported) or when reported.
    /// </summary>
    private VariableModel? ElementByReference(IOperation value, IParameterSymbol parameter, int line, string source, List<Stmt> output, List<Stmt> writeBacks, List<(string Array, string? Literal)> elementArrays)
    {
        var (arrayReference, indexOperation) = value switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } element => (element.ArrayReference, element.Indices[0]),
            IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer when IsSpan(indexer.Property.ContainingType) =>
                (instance, indexer.Arguments[0].Value),
            _ => ((IOperation?)null, (IOperation?)null),
        };
        if (arrayReference is null || indexOperation is null || TypeClassifier.Scalar(parameter.Type) is not { } kind)
        {
            return null;
        }

        if (ElementTarget(arrayReference, indexOperation, value.Syntax) is not { Index: { } index } target)
        {
            return null;
        }

        var literal = (index as LiteralExpr)?.Text;
        if (index is not LiteralExpr)
        {
            var fixedIndex = DeclareSynthetic(target.Name + "Index", NumberKind.Int);
            output.Add(new AssignStmt(line, source, fixedIndex, null, index));
            target = target with { Index = new VariableExpr(NumberKind.Int, fixedIndex) };
        }

        var copy = DeclareSynthetic(parameter.Name, kind);
        if (parameter.RefKind == RefKind.Ref)
        {
            output.Add(new AssignStmt(line, source, copy, null, Coerce(Read(target), kind)));
        }

        writeBacks.Add(new AssignStmt(line, source, target.Name, target.Index, Coerce(new VariableExpr(kind, copy), target.Kind)));
        elementArrays.Add((target.Name, literal));
        return NamedVariable(copy);
    }

    /// <summary>
    /// The helper's statements as the caller runs them: each source comment names the helper (its line numbers are the
    /// helper's), and <c>a = a</c> is dropped: where two ref parameters are one variable (<c>Swap(ref a, ref a)</c>)
    /// the helper's <c>a = b</c> is a no-op in every mode, and written out it would be the compiler's warning CS1717.
    /// </summary>
    private static List<Stmt> AsInlined(IEnumerable<Stmt> statements, string helper)
    {
        var kept = new List<Stmt>();
        foreach (var statement in statements)
        {
            var source = statement.Source.StartsWith("in ", System.StringComparison.Ordinal) ? statement.Source : $"in {helper}: {statement.Source}";
            switch (statement)
            {
                case AssignStmt { Index: null, Value: VariableExpr read } assign when read.Name == assign.Variable:
                    break;
                case AssignStmt { Index: { } index, Value: ElementExpr read } assign when read.Array == assign.Variable && read.Index.Equals(index):
                    break;
                case IfStmt branch:
                    kept.Add(branch with { Source = source, Then = AsInlined(branch.Then, helper).ToEquatableArray(), Else = AsInlined(branch.Else, helper).ToEquatableArray() });
                    break;
                case LoopStmt loop:
                    kept.Add(loop with { Source = source, Body = AsInlined(loop.Body, helper).ToEquatableArray(), Step = AsInlined(loop.Step, helper).ToEquatableArray() });
                    break;
                default:
                    kept.Add(statement with { Source = source });
                    break;
            }
        }

        return kept;
    }

    /// <summary>A member the helper's body uses that the caller's type cannot access (a private member of another type).</summary>
    private ISymbol? InaccessibleMember(IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            var member = operation switch
            {
                IMemberReferenceOperation reference => reference.Member,
                IInvocationOperation invocation when invocation.TargetMethod.MethodKind != MethodKind.LocalFunction => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            if (member is not null && !_semanticModel.Compilation.IsSymbolAccessibleWithin(member.OriginalDefinition, _method.ContainingType))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>The helper's body and the model of its tree, or null when it has none or it does not compile.</summary>
    private (IBlockOperation Body, SemanticModel Model)? Body(IMethodSymbol method)
    {
        var declaration = method.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken);
        if (declaration is null)
        {
            return null;
        }

        var model = declaration.SyntaxTree == _semanticModel.SyntaxTree ? _semanticModel : _semanticModel.Compilation.GetSemanticModel(declaration.SyntaxTree);
        if (model.GetDiagnostics(declaration.Span, _cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        var body = model.GetOperation(declaration, _cancellationToken) switch
        {
            ILocalFunctionOperation local => local.Body,
            IMethodBodyOperation member => member.BlockBody ?? member.ExpressionBody,
            _ => null,
        };
        return body is null ? null : (body, model);
    }

    /// <summary><c>return;</c> in an inlined void helper: leaves the wrapper loop (nothing at the end of its body).</summary>
    private void InlinedVoidReturn(SyntaxNode syntax, List<Stmt> output)
    {
        var context = _inlineReturn!;
        if (_loopDepth > context.LoopDepth + (context.Wrapped ? 1 : 0))
        {
            ByReferenceRefused(syntax, $"A 'return' inside a loop of '{context.Function.Name}'",
                "the helper is inlined at its call, and a return from inside its loops cannot be; use 'break' and let the rest of the body be skipped by a condition");
            return;
        }

        if (context.Wrapped)
        {
            output.Add(new BreakStmt(Line(syntax), SourceText(syntax)));
        }
    }

    /// <summary>A method of the user's source, not [Differentiable], that returns void or writes through ref/out: marking it is the fix.</summary>
    private static bool IsUnmarkedHelper(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary && !IsDifferentiable(method) && method.DeclaringSyntaxReferences.Length > 0
        && (method.ReturnsVoid || method.Parameters.Any(p => p.RefKind is RefKind.Ref or RefKind.Out));

    /// <summary>Why a call with a ref or out parameter cannot be made (a [Differentiable] callee would have been inlined).</summary>
    private static string ByReferenceAdvice(IMethodSymbol method, IParameterSymbol byReference) =>
        IsUnmarkedHelper(method)
            ? $"its parameter '{byReference.Name}' is {MethodParser.RefKeyword(byReference.RefKind)} and it is not [Differentiable]; mark it [Differentiable] and it is inlined at the call"
            : $"its parameter '{byReference.Name}' is {MethodParser.RefKeyword(byReference.RefKind)}, and only [Differentiable] helpers with ref or out parameters (inlined at the call) can be differentiated; call a version that takes its inputs by value and returns its result";

    private VariableModel NamedVariable(string name) => _variables.First(v => v.Name == name);

    private Expr? ByReferenceRefused(SyntaxNode syntax, string what, string why)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ByReferenceCallNotInlined, syntax.GetLocation(), what, why));
        return null;
    }
}
