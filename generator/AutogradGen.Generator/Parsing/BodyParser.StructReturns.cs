using System.Linq;
using AutogradGen.Generator.Diagnostics;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// <c>return e;</c> in a method returning a tuple or struct of numbers (<see cref="StructResults"/>): e's leaves are
/// written into the results span in the shape's order, then the method returns, as a span-results method would.
/// A tuple is read as tuples are lowered (a literal's elements, a tuple local's locals), a struct by scalar replacement.
/// </summary>
internal sealed partial class BodyParser
{
    private void StructReturn(IOperation value, SyntaxNode syntax, List<Stmt> output)
    {
        var shape = _resultShape!;
        // A target-typed 'new(...)' or a tuple literal arrives wrapped in its implicit conversion to the return type.
        while (value is IConversionOperation { IsImplicit: true } conversion && conversion.Operand.Type is { } operandType
            && SymbolEqualityComparer.Default.Equals(operandType, value.Type) && value.Type?.IsTupleType != true)
        {
            value = conversion.Operand;
        }

        List<Expr>? leaves;
        if (value.Type?.IsTupleType == true)
        {
            leaves = TupleValues(value, syntax, output);
        }
        else
        {
            leaves = HoistingStructValue(value, output);
        }

        if (leaves is null)
        {
            return;
        }

        var line = Line(syntax);
        var source = SourceText(syntax);
        for (var i = 0; i < leaves.Count && i < shape.Leaves.Count; i++)
        {
            var index = new LiteralExpr(NumberKind.Int, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            output.Add(new AssignStmt(line, source, _results!, index, Coerce(leaves[i], shape.Leaves[i].Kind)));
        }

        output.Add(new ReturnStmt(line, source, new LiteralExpr(NumberKind.Int, "0")));
    }
}

/// <summary>
/// Calls of a [Differentiable] method returning a tuple or struct of numbers (<see cref="StructResults"/>) from another
/// [Differentiable] method: the callee's body is inlined before the statement that uses the result, its parameters
/// bound to the arguments (a value parameter a local assigned its argument, a struct parameter one local per field, an
/// array or span the caller's array), and each of its returns assigns the result's leaves to locals of the caller
/// (inside a <c>do { ... } while (false)</c> left by <c>break</c> when the body returns early). The caller then reads
/// the leaf it uses (<c>F(a, b).Item1</c>, <c>var (x, y) = F(a, b)</c>, <c>F(a).X</c>), so every mode and the tape twin
/// differentiate the callee's statements as the caller's own. One-expression struct bodies are still substituted
/// (BodyParser.MemberInlining).
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>Whether <paramref name="method"/> is a [Differentiable] static method returning a tuple of numbers, inlined where it is used.</summary>
    private bool ReturnsNumberTuple(IMethodSymbol method) =>
        method.ReturnType.IsTupleType && method.MethodKind == MethodKind.Ordinary && IsDifferentiable(method)
        && StructResults.UniformShape(method, _semanticModel.Compilation) is not null;

    /// <summary>The leaves of the call's result, in the result shape's order; null when reported (AGD0074, at the call).</summary>
    private List<Expr>? InlineStructResult(IMethodSymbol method, IReadOnlyList<IOperation> arguments, SyntaxNode site, List<Stmt>? output)
    {
        var what = $"The call to '{method.ToDisplayString()}'";
        if (output is null)
        {
            return StructCallRefused(site, what,
                "its body is inlined as statements, which cannot run in a loop condition, a branch of '?:', a switch arm or after && or ||; assign its result to a local first");
        }

        if (_inlining.Count >= MaximumByReferenceDepth || _inlining.Any(f => SymbolEqualityComparer.Default.Equals(f, method.OriginalDefinition)))
        {
            return StructCallRefused(site, what, "it calls itself (directly or through another method), and a tuple or struct result is inlined at each call, which recursion cannot be");
        }

        if (!method.IsStatic || method.IsGenericMethod)
        {
            return StructCallRefused(site, what, "only static, non-generic methods returning a tuple or struct are inlined; make it static, or write it for double or float");
        }

        if (StructResults.UniformShape(method, _semanticModel.Compilation) is not { } shape)
        {
            return StructCallRefused(site, what, $"its result '{method.ReturnType.ToDisplayString()}' is not a tuple or struct of doubles (or of floats)");
        }

        if (Body(method) is not (var body, var model))
        {
            return StructCallRefused(site, what, "its body is not available or does not compile");
        }

        if (InaccessibleMember(body) is { } hidden)
        {
            return StructCallRefused(site, what,
                $"its body uses '{hidden.ToDisplayString()}', which '{_method.ContainingType.Name}' cannot reach, and the body is inlined into '{_method.Name}'; make that member internal, or move the method beside its caller");
        }

        var line = Line(site);
        var source = SourceText(site.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>() ?? site);
        var aliases = new List<ISymbol>();
        var structAliases = new List<ISymbol>();
        try
        {
            // Arguments in parameter order, all evaluated before the body runs, as C# does.
            for (var i = 0; i < method.Parameters.Length; i++)
            {
                var parameter = method.Parameters[i];
                var argument = Unwrap(arguments[i]);
                if (parameter.RefKind is RefKind.Ref or RefKind.Out)
                {
                    return StructCallRefused(argument.Syntax, what, $"its parameter '{parameter.Name}' is {MethodParser.RefKeyword(parameter.RefKind)}; return every result in the tuple or struct instead");
                }

                if (Shape(parameter.Type).Shape is { } parameterShape)
                {
                    if (StructValue(arguments[i]) is not { } values)
                    {
                        return null;
                    }

                    var leaves = new List<VariableModel>();
                    for (var leaf = 0; leaf < parameterShape.Leaves.Count; leaf++)
                    {
                        var name = DeclareSynthetic(parameter.Name + "_" + parameterShape.Leaves[leaf].Suffix, parameterShape.Leaves[leaf].Kind);
                        output.Add(new AssignStmt(line, source, name, null, Coerce(values[leaf], parameterShape.Leaves[leaf].Kind)));
                        leaves.Add(NamedVariable(name));
                    }

                    _structs[parameter] = new StructVariable(parameterShape, leaves);
                    structAliases.Add(parameter);
                    continue;
                }

                if (TypeClassifier.Classify(parameter.Type) is not { } classified)
                {
                    return StructCallRefused(argument.Syntax, what, $"its parameter '{parameter.Name}' has type '{parameter.Type.ToDisplayString()}'; an inlined method takes double, float, int, bool, structs of them, or arrays and spans of double or float");
                }

                if (classified.Storage.IsIndexed())
                {
                    if (Variable(argument) is not { Storage: not StorageKind.Scalar } array)
                    {
                        return StructCallRefused(argument.Syntax, what, $"the argument of its array parameter '{parameter.Name}' is not an array or span variable; pass an array or span parameter or a local array itself");
                    }

                    _bySymbol[parameter] = array;
                    aliases.Add(parameter);
                    continue;
                }

                if (Expression(arguments[i]) is not { } scalar)
                {
                    return null;
                }

                var local = DeclareFor(parameter, classified.Kind);
                aliases.Add(parameter);
                output.Add(new AssignStmt(line, source, local, null, Coerce(scalar, classified.Kind)));
            }

            var prefix = char.ToLowerInvariant(method.Name[0]) + method.Name.Substring(1) + "Result";
            var resultLeaves = shape.Leaves.Select(l => NamedVariable(DeclareSynthetic(prefix + "_" + l.Suffix, l.Kind))).ToList();
            var returns = body.Descendants().OfType<IReturnOperation>().Count(r => !InsideNestedFunction(r, body));
            var endsWithReturn = body.Operations.Length > 0 && body.Operations[body.Operations.Length - 1] is IReturnOperation;
            var wrapped = !(returns == 1 && endsWithReturn);
            var statements = new List<Stmt>();
            var savedReturn = _inlineReturn;
            var savedExit = _switchExit;
            var savedModel = _semanticModel;
            var savedShape = _resultShape;
            var savedFrames = _frames.ToList();
            _inlining.Add(method.OriginalDefinition);
            _inlineReturn = new InlineContext(prefix, shape.Leaves[0].Kind, wrapped, _loopDepth, method.OriginalDefinition, resultLeaves);
            _switchExit = null;
            _semanticModel = model;
            _resultShape = null;
            _frames.Clear();
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

                _frames.AddRange(savedFrames);
                _resultShape = savedShape;
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

            return resultLeaves.Select(l => (Expr)new VariableExpr(l.Kind, l.Name)).ToList();
        }
        finally
        {
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

    /// <summary><c>return e;</c> in an inlined method returning a tuple or struct: e's leaves go to the call's result locals.</summary>
    private void InlinedStructReturn(IOperation value, SyntaxNode syntax, IReadOnlyList<VariableModel> leaves, List<Stmt> output)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion && conversion.Operand.Type is { } operandType
            && SymbolEqualityComparer.Default.Equals(operandType, value.Type) && value.Type?.IsTupleType != true)
        {
            value = conversion.Operand;
        }

        List<Expr>? values;
        if (value.Type?.IsTupleType == true)
        {
            values = TupleValues(value, syntax, output);
        }
        else
        {
            values = HoistingStructValue(value, output);
        }

        if (values is null || values.Count != leaves.Count)
        {
            return;
        }

        // Computed into the caller's locals only after every leaf is read: a leaf may read a variable another one sets.
        for (var i = 0; i < leaves.Count; i++)
        {
            output.Add(new AssignStmt(Line(syntax), SourceText(syntax), leaves[i].Name, null, Coerce(values[i], leaves[i].Kind)));
        }
    }

    /// <summary>
    /// A struct value where statements can go before it (a call whose body is inlined puts them there, complex
    /// arithmetic its operands); a compound assignment (<c>p += v</c>) is the value it assigns.
    /// </summary>
    private List<Expr>? HoistingStructValue(IOperation value, List<Stmt> output)
    {
        var saved = _hoistTarget;
        _hoistTarget = output;
        try
        {
            return value is ICompoundAssignmentOperation compound && Shape(compound.Target.Type).Shape is { } shape
                ? NumericsCompound(compound, shape)
                : StructValue(value);
        }
        finally
        {
            _hoistTarget = saved;
        }
    }

    private List<Expr>? StructCallRefused(SyntaxNode syntax, string what, string why)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructResultCallNotInlined, syntax.GetLocation(), what, why));
        return null;
    }
}
