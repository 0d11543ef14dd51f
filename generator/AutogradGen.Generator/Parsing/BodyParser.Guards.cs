using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Guard clauses: <c>throw</c> statements and expressions, <c>ArgumentException.ThrowIf...</c> and its kin,
/// <c>ArgumentNullException.ThrowIfNull</c>, <c>Debug.Assert</c>. Each becomes a <see cref="GuardStmt"/> run as
/// written where the original runs it, so the derivatives throw exactly where the original does. A throw expression
/// in a ternary (<c>x &gt;= 0 ? Math.Sqrt(x) : throw ...</c>) becomes an <c>if</c> with that guard before the
/// statement, and the ternary its other branch.
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>Guards that throw expressions of the statement being translated put before it.</summary>
    private List<Stmt> _pendingGuards = new();

    /// <summary>Above 0 while translating what runs only sometimes (a ternary's branch, the right side of &amp;&amp; and ||, a loop condition).</summary>
    private int _conditionalDepth;

    /// <summary>Above 0 while printing a guard: there, object creation and calls run once, as in the original.</summary>
    private int _guardDepth;

    /// <summary>Translates one statement; the guards its throw expressions need go right before it.</summary>
    private void StatementWithGuards(IOperation operation, List<Stmt> output)
    {
        var outer = _pendingGuards;
        _pendingGuards = new List<Stmt>();
        var at = output.Count;
        StatementCore(operation, output);
        output.InsertRange(at, _pendingGuards);
        _pendingGuards = outer;
    }

    private static bool IsGuardCall(IMethodSymbol method) =>
        method.ReturnsVoid && method.IsStatic
        && (method.ContainingType?.ToDisplayString() == "System.Diagnostics.Debug" && method.Name is "Assert" or "Fail"
            || method.Name.StartsWith("ThrowIf", System.StringComparison.Ordinal) && DerivesFromException(method.ContainingType));

    private static bool DerivesFromException(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.ToDisplayString() == "System.Exception")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A throw statement or a guard call as a statement of its own.</summary>
    private void Guard(IOperation operation, SyntaxNode syntax, List<Stmt> output)
    {
        if (GuardCode(operation) is { } code)
        {
            output.Add(new GuardStmt(Line(syntax), SourceText(syntax), code));
        }
    }

    private PassThroughExpr? GuardCode(IOperation operation)
    {
        _guardDepth++;
        try
        {
            return PassThroughCode(operation) is { } code
                ? new PassThroughExpr(NumberKind.Int, code.Parts.ToEquatableArray(), code.Holes.ToEquatableArray(), "void")
                : null;
        }
        finally
        {
            _guardDepth--;
        }
    }

    /// <summary>
    /// <c>condition ? value : throw e</c> (or the throw first): a guard before the statement, and the value.
    /// Null when neither branch throws.
    /// </summary>
    private Expr? ThrowingConditional(IConditionalOperation conditional, out bool handled)
    {
        var throwsWhenTrue = Unwrap(conditional.WhenTrue) is IThrowOperation;
        handled = throwsWhenTrue || conditional.WhenFalse is { } f && Unwrap(f) is IThrowOperation;
        if (!handled && _conditionalDepth == 0 && EndsInThrow(conditional))
        {
            handled = true;
            return ThrowingChain(conditional);
        }

        if (!handled)
        {
            return null;
        }

        var thrown = throwsWhenTrue ? conditional.WhenTrue : conditional.WhenFalse!;
        var value = throwsWhenTrue ? conditional.WhenFalse! : conditional.WhenTrue;
        if (_conditionalDepth > 0)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, thrown.Syntax, "A throw expression that runs only sometimes (in a loop condition, a branch of another ?: or the right side of && or ||)",
                "throw from an if statement before this expression instead");
            return null;
        }

        var condition = Expression(conditional.Condition);
        var guard = GuardCode(Unwrap(thrown));
        var result = Expression(value);
        if (condition is null || guard is null || result is null)
        {
            return null;
        }

        var line = Line(conditional.Syntax);
        var source = "throw when " + (throwsWhenTrue ? string.Empty : "!") + "(" + conditional.Condition.Syntax + ")";
        var throwsIf = throwsWhenTrue ? condition : new UnaryExpr(NumberKind.Bool, UnaryOperator.Not, condition);
        _pendingGuards.Add(new IfStmt(line, source, throwsIf,
            EquatableArray.Of<Stmt>(new GuardStmt(line, SourceText(thrown.Syntax), guard)), EquatableArray<Stmt>.Empty));
        return TypeClassifier.Scalar(conditional.Type) is { } kind ? Coerce(result, kind) : result;
    }

    /// <summary>A chain <c>c1 ? e1 : c2 ? e2 : ... : throw e</c> whose last else throws.</summary>
    private static bool EndsInThrow(IConditionalOperation conditional)
    {
        var current = conditional;
        while (current.WhenFalse is { } next && Unwrap(next) is IConditionalOperation inner)
        {
            current = inner;
        }

        return current != conditional && current.WhenFalse is { } last && Unwrap(last) is IThrowOperation && Unwrap(current.WhenTrue) is not IThrowOperation;
    }

    /// <summary>
    /// <c>c1 ? e1 : c2 ? e2 : throw e</c> (a label chain ending in an error): the guard <c>if (!c1 &amp;&amp; !c2) throw e;</c>
    /// before the statement, and the value <c>c1 ? e1 : e2</c>. The conditions are pure, so evaluating them in the
    /// guard and again in the value gives the same answers, and the throw runs exactly where the original's does.
    /// </summary>
    private Expr? ThrowingChain(IConditionalOperation conditional)
    {
        var conditions = new List<Expr>();
        var values = new List<Expr>();
        var current = conditional;
        IOperation thrown;
        while (true)
        {
            _conditionalDepth += conditions.Count == 0 ? 0 : 1;
            var condition = Expression(current.Condition);
            _conditionalDepth -= conditions.Count == 0 ? 0 : 1;
            _conditionalDepth++;
            var value = GuardedExpression(current.WhenTrue);
            _conditionalDepth--;
            if (condition is null || value is null)
            {
                return null;
            }

            conditions.Add(condition);
            values.Add(value);
            var next = Unwrap(current.WhenFalse!);
            if (next is IConditionalOperation inner)
            {
                current = inner;
                continue;
            }

            thrown = next;
            break;
        }

        if (GuardCode(thrown) is not { } guard || TypeClassifier.Scalar(conditional.Type) is not { } kind)
        {
            return null;
        }

        Expr none = new UnaryExpr(NumberKind.Bool, UnaryOperator.Not, conditions[0]);
        for (var i = 1; i < conditions.Count; i++)
        {
            none = new BinaryExpr(NumberKind.Bool, BinaryOperator.And, none, new UnaryExpr(NumberKind.Bool, UnaryOperator.Not, conditions[i]));
        }

        var line = Line(conditional.Syntax);
        _pendingGuards.Add(new IfStmt(line, "throw when no condition of the ?: chain holds", none,
            EquatableArray.Of<Stmt>(new GuardStmt(line, SourceText(thrown.Syntax), guard)), EquatableArray<Stmt>.Empty));
        var result = Coerce(values[values.Count - 1], kind);
        for (var i = values.Count - 2; i >= 0; i--)
        {
            result = new ConditionalExpr(kind, conditions[i], Coerce(values[i], kind), result);
        }

        return result;
    }

    /// <summary>The guard-only constructs of <see cref="Print(IOperation, Code)"/>: throw, new, calls, interpolated strings.</summary>
    private bool PrintGuardPart(IOperation operation, Code code, out bool printed)
    {
        printed = true;
        switch (operation)
        {
            case IThrowOperation { Exception: { } exception }:
                code.Text("throw ");
                _guardDepth++;
                try
                {
                    return Print(exception, code);
                }
                finally
                {
                    _guardDepth--;
                }

            case IObjectCreationOperation { Constructor: { } constructor, Initializer: null } creation when _guardDepth > 0:
                code.Text("new " + TypeClassifier.FullName(constructor.ContainingType) + "(");
                return Arguments(creation.Arguments, code) && code.Text(")");
            case IInvocationOperation invocation when _guardDepth > 0:
                var method = invocation.TargetMethod;
                if (method.IsStatic || invocation.Instance is null)
                {
                    code.Text(TypeClassifier.FullName(method.ContainingType) + "." + method.Name + "(");
                }
                else if (!Print(invocation.Instance, code) || !code.Text("." + method.Name + "("))
                {
                    return false;
                }

                return Arguments(invocation.Arguments, code) && code.Text(")");
            case IInterpolatedStringOperation interpolated when _guardDepth > 0:
                code.Text("$\"");
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text }:
                            var literal = SymbolDisplay.FormatLiteral(text, quote: false);
                            code.Text(literal.Replace("{", "{{").Replace("}", "}}"));
                            break;
                        case IInterpolationOperation interpolation:
                            code.Text("{");
                            if (!Print(interpolation.Expression, code))
                            {
                                return false;
                            }

                            if (interpolation.Alignment is { ConstantValue: { HasValue: true, Value: int alignment } })
                            {
                                code.Text("," + alignment.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            }

                            if (interpolation.FormatString is { ConstantValue: { HasValue: true, Value: string format } })
                            {
                                code.Text(":" + format);
                            }

                            code.Text("}");
                            break;
                        default:
                            Unsupported(DiagnosticDescriptors.UnsupportedExpression, part.Syntax, "This part of an interpolated string", "use plain {value} holes");
                            return false;
                    }
                }

                return code.Text("\"");
            default:
                printed = false;
                return false;
        }
    }

    /// <summary>Every argument in parameter order, defaults and caller-argument texts included, as the original's call received them.</summary>
    private bool Arguments(IEnumerable<IArgumentOperation> arguments, Code code)
    {
        var first = true;
        foreach (var argument in arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                ? initializer.ElementValues.ToList()
                : new List<IOperation> { argument.Value };
            foreach (var value in values)
            {
                if (!first)
                {
                    code.Text(", ");
                }

                first = false;
                if (!Print(value, code))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
