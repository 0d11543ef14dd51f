using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// A struct's own members whose bodies are blocks (<c>public double Norm() { double s = X * X + Y * Y; return
/// Math.Sqrt(s); }</c>, <c>operator +(Vec2 a, Vec2 b) { ... }</c>, <c>get { ... }</c>): their statements are inlined
/// before the statement that uses the call, as the block bodies of [Differentiable] methods returning a struct are
/// (BodyParser.StructReturns.cs). The receiver's fields are read into locals (<c>this_X</c>) unless they are already
/// variables, a value parameter is a local assigned its argument (a struct parameter one local per field), and each
/// <c>return</c> assigns the call's result locals (<c>normResult</c>, or one per field of a struct result). Every mode
/// and the tape twin then differentiate the member's statements as the caller's own, and the generated code keeps
/// the member's lines under comments that name it. One-expression bodies are still substituted at the call
/// (BodyParser.MemberInlining.cs).
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>
    /// The call's result: a scalar <see cref="Expr"/> or a struct's leaves (<see cref="List{Expr}"/>), or null when
    /// reported (one diagnostic, at the call: AGD0006 with the reason).
    /// </summary>
    private object? InlineBlockMember(IMethodSymbol method, IOperation? receiver, IReadOnlyList<IOperation> arguments, SyntaxNode site, string what)
    {
        if (_hoistTarget is not { } output)
        {
            return BlockMemberRefused(site, what,
                "its body has statements, which cannot run in a loop condition, a branch of '?:', a switch arm or after && or ||; assign its result to a local first");
        }

        if (_inlining.Count >= MaximumByReferenceDepth || _inlining.Any(f => SymbolEqualityComparer.Default.Equals(f, method.OriginalDefinition)))
        {
            return BlockMemberRefused(site, what,
                "it calls itself (directly or through another member), and a member with a block body is inlined at each call, which recursion cannot be; make the recursive part a [Differentiable] static method that returns a number");
        }

        if (method.IsGenericMethod)
        {
            return BlockMemberRefused(site, what, "it is generic; write it for double or float");
        }

        if (method.Parameters.FirstOrDefault(p => p.RefKind is RefKind.Ref or RefKind.Out) is { } byReference)
        {
            return BlockMemberRefused(site, what,
                $"its parameter '{byReference.Name}' is {MethodParser.RefKeyword(byReference.RefKind)}; return the result instead, or make the member a [Differentiable] static helper (inlined with its ref and out parameters)");
        }

        var resultShape = Shape(method.ReturnType).Shape;
        var resultKind = TypeClassifier.Scalar(method.ReturnType);
        if (resultShape is null && resultKind is null)
        {
            return BlockMemberRefused(site, what,
                $"it returns '{method.ReturnType.ToDisplayString()}'; a struct member called from a differentiated method can return double, float, int, bool or a struct of them");
        }

        if (Body(method) is not (var body, var model))
        {
            return BlockMemberRefused(site, what, "its body is not available or does not compile");
        }

        if (WriteOfOwnField(body) is { } write)
        {
            return BlockMemberRefused(site, what,
                $"its body assigns '{write.Syntax}', a field of the struct itself, and the struct is a value the caller reads; return a new value instead (a 'with' expression or a constructor call)");
        }

        if (body.Descendants().OfType<IReturnOperation>().FirstOrDefault(r => !InsideNestedFunction(r, body) && InsideLoop(r, body)) is { } early)
        {
            return BlockMemberRefused(site, what,
                $"it returns from inside a loop ('{early.Syntax}'), and a member with a block body is inlined at its call, where a return cannot leave its loops; assign the result to a local, 'break', and return the local after the loop");
        }

        if (InaccessibleMember(body) is { } hidden)
        {
            return BlockMemberRefused(site, what,
                $"its body uses '{hidden.ToDisplayString()}', which '{_method.ContainingType.Name}' cannot reach, and the body is inlined into '{_method.Name}'; make that member internal");
        }

        var line = Line(site);
        var source = SourceText(site.FirstAncestorOrSelf<StatementSyntax>() ?? site);

        // Every argument (and the receiver) is evaluated before any is bound, as C# does: an argument may itself be a
        // call of this member (a.Add(b.Add(c))), whose inlining binds the same parameters and must be done by then.
        List<Expr>? self = null;
        if (!method.IsStatic && (receiver is null || (self = StructValue(receiver)) is null))
        {
            return null;
        }

        var values = new List<object>();
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (Shape(parameter.Type).Shape is not null)
            {
                if (StructValue(arguments[i]) is not { } leaves)
                {
                    return null;
                }

                values.Add(leaves);
            }
            else if (TypeClassifier.Scalar(parameter.Type) is { } kind)
            {
                if (Expression(arguments[i]) is not { } scalar)
                {
                    return null;
                }

                values.Add(Coerce(scalar, kind));
            }
            else
            {
                return BlockMemberRefused(arguments[i].Syntax, what,
                    $"its parameter '{parameter.Name}' has type '{parameter.Type.ToDisplayString()}'; a struct member with a block body is inlined, and takes double, float, int, bool or structs of them");
            }
        }

        var aliases = new List<ISymbol>();
        var structAliases = new List<ISymbol>();
        var reported = _diagnostics.Count;
        var frame = new InlineFrame(method.OriginalDefinition);
        if (self is not null)
        {
            // The receiver's fields, read once: a body in a loop reads locals, not the receiver's expression again.
            var shape = Shape(method.ContainingType).Shape!;
            frame.This = self.Select((leaf, j) =>
            {
                if (leaf is VariableExpr or LiteralExpr)
                {
                    return leaf;
                }

                var name = DeclareSynthetic("this_" + shape.Leaves[j].Suffix, shape.Leaves[j].Kind);
                output.Add(new AssignStmt(line, source, name, null, Coerce(leaf, shape.Leaves[j].Kind)));
                return (Expr)new VariableExpr(shape.Leaves[j].Kind, name);
            }).ToList();
        }

        var savedReturn = _inlineReturn;
        var savedExit = _switchExit;
        var savedModel = _semanticModel;
        var savedShape = _resultShape;
        var savedFrames = _frames.ToList();
        try
        {
            for (var i = 0; i < method.Parameters.Length; i++)
            {
                var parameter = method.Parameters[i];
                if (values[i] is List<Expr> leaves)
                {
                    var parameterShape = Shape(parameter.Type).Shape!;
                    var locals = new List<VariableModel>();
                    for (var leaf = 0; leaf < parameterShape.Leaves.Count; leaf++)
                    {
                        var name = DeclareSynthetic(parameter.Name + "_" + parameterShape.Leaves[leaf].Suffix, parameterShape.Leaves[leaf].Kind);
                        output.Add(new AssignStmt(line, source, name, null, Coerce(leaves[leaf], parameterShape.Leaves[leaf].Kind)));
                        locals.Add(NamedVariable(name));
                    }

                    _structs[parameter] = new StructVariable(parameterShape, locals);
                    structAliases.Add(parameter);
                }
                else
                {
                    var local = DeclareFor(parameter, TypeClassifier.Scalar(parameter.Type)!.Value);
                    aliases.Add(parameter);
                    output.Add(new AssignStmt(line, source, local, null, (Expr)values[i]));
                }
            }

            var prefix = char.ToLowerInvariant(MemberTitle(method)[0]) + MemberTitle(method).Substring(1) + "Result";
            var resultLeaves = resultShape?.Leaves.Select(l => NamedVariable(DeclareSynthetic(prefix + "_" + l.Suffix, l.Kind))).ToList();
            var result = resultShape is null ? DeclareSynthetic(prefix, resultKind!.Value) : prefix;
            var returns = body.Descendants().OfType<IReturnOperation>().Count(r => !InsideNestedFunction(r, body));
            var endsWithReturn = body.Operations.Length > 0 && body.Operations[body.Operations.Length - 1] is IReturnOperation;
            var wrapped = !(returns == 1 && endsWithReturn);
            var statements = new List<Stmt>();
            _inlining.Add(method.OriginalDefinition);
            _inlineReturn = new InlineContext(result, resultKind ?? resultShape!.Leaves[0].Kind, wrapped, _loopDepth, method.OriginalDefinition, resultLeaves);
            _switchExit = null;
            _semanticModel = model;
            _resultShape = null;
            _frames.Clear();
            _frames.Add(frame);
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

                _inlining.RemoveAt(_inlining.Count - 1);
            }

            if (_diagnostics.Skip(reported).FirstOrDefault(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error) is { } inner)
            {
                // What fails inside the body is reported at this call, in one diagnostic: the body is the user's other code.
                _diagnostics.RemoveRange(reported, _diagnostics.Count - reported);
                return BlockMemberRefused(site, what, "in its body, " + string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    DiagnosticDescriptors.ById(inner.Id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), inner.Arguments.Cast<object>().ToArray()));
            }

            statements = AsInlined(statements, MemberTitle(method));
            if (wrapped)
            {
                output.Add(new LoopStmt(line, source, new LiteralExpr(NumberKind.Bool, "false"), statements.ToEquatableArray(), EquatableArray<Stmt>.Empty, true, null, 0));
            }
            else
            {
                output.AddRange(statements);
            }

            return resultLeaves is not null
                ? resultLeaves.Select(l => (Expr)new VariableExpr(l.Kind, l.Name)).ToList()
                : new VariableExpr(resultKind!.Value, result);
        }
        finally
        {
            _frames.Clear();
            _frames.AddRange(savedFrames);
            _resultShape = savedShape;
            _semanticModel = savedModel;
            _switchExit = savedExit;
            _inlineReturn = savedReturn;
            foreach (var alias in aliases)
            {
                _bySymbol.Remove(alias);
            }

            foreach (var alias in structAliases)
            {
                _structs.Remove(alias);
            }
        }
    }

    /// <summary>A C# name for the member in generated comments and result locals: <c>Norm</c>, <c>Length</c>, <c>Plus</c> for <c>operator +</c>.</summary>
    private static string MemberTitle(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.PropertyGet => method.AssociatedSymbol?.Name ?? method.Name,
        MethodKind.UserDefinedOperator => method.Name switch
        {
            "op_Addition" => "Plus",
            "op_Subtraction" => "Minus",
            "op_Multiply" => "Times",
            "op_Division" => "Over",
            "op_UnaryNegation" => "Negated",
            "op_UnaryPlus" => "Unchanged",
            _ => method.Name.StartsWith("op_", System.StringComparison.Ordinal) ? method.Name.Substring(3) : method.Name,
        },
        _ => method.Name,
    };

    private static bool InsideLoop(IOperation operation, IOperation root)
    {
        for (var parent = operation.Parent; parent is not null && parent != root; parent = parent.Parent)
        {
            if (parent is ILoopOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An assignment (simple, compound, increment) of a field or property of the struct's own <c>this</c>.</summary>
    private static IOperation? WriteOfOwnField(IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            var target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => null,
            };
            for (var instance = target; instance is IMemberReferenceOperation member; instance = member.Instance)
            {
                if (member.Instance is IInstanceReferenceOperation)
                {
                    return operation;
                }
            }

            if (target is IInstanceReferenceOperation)
            {
                return operation;
            }
        }

        return null;
    }

    private object? BlockMemberRefused(SyntaxNode syntax, string what, string why)
    {
        Unsupported(DiagnosticDescriptors.UnsupportedExpression, syntax, what, why);
        return null;
    }
}
