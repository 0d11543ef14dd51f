using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Arrays and spans of structs (<see cref="StructArrayParameter"/>, Parsing/StructArrays.cs): a differentiated parameter
/// or a local array of a struct of k numbers is one span of k·n numbers, struct after struct. <c>x[i].Y</c> reads
/// element <c>i * k + 1</c>; <c>x[i]</c> as a whole value is its k elements (so <c>x[i] - x[j]</c>,
/// <c>Vector3.Distance(x[i], x[j])</c> and the struct's own members work as on any struct value); <c>x.Length</c> is the
/// span's length over k; <c>foreach (var p in x)</c> is a counted loop that assigns p's fields; <c>f[i] = v</c> and
/// <c>f[i].X += d</c> on a local array write its elements. The emitters see spans of numbers only. Elements of arrays
/// and spans of structs that carry no derivative (a parameter left out of the differentiation list, a table) pass
/// through, field by field. Any other use of a differentiated one is AGD0053.
/// </summary>
internal sealed partial class BodyParser
{
    private readonly Dictionary<ISymbol, StructArray> _structArrays = new(SymbolEqualityComparer.Default);

    /// <summary>An array or span of structs read as numbers: the element shape and the span of numbers standing for it.</summary>
    private sealed record StructArray(StructShape Shape, VariableModel Elements, string Name, bool IsParameter)
    {
        public int Width => Shape.Leaves.Count;
    }

    private void RegisterStructArrayParameters(IReadOnlyList<StructArrayParameter> structArrays)
    {
        foreach (var array in structArrays)
        {
            var symbol = _method.Parameters.First(p => p.Name == array.Name);
            _structArrays[symbol] = new StructArray(array.Shape, _variables.First(v => v.Name == array.Elements), array.Name, IsParameter: true);
        }
    }

    private StructArray? StructArrayOf(IOperation? operation) => operation is null ? null : Unwrap(operation) switch
    {
        IParameterReferenceOperation parameter => _structArrays.TryGetValue(parameter.Parameter, out var p) ? p : null,
        ILocalReferenceOperation local => _structArrays.TryGetValue(local.Local, out var l) ? l : null,
        _ => null,
    };

    /// <summary><c>a[i]</c> of a one-dimensional array, or of a span or read-only span: the collection and the index.</summary>
    private static bool IsElementRead(IOperation operation, out IOperation collection, out IOperation index)
    {
        switch (operation)
        {
            case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                (collection, index) = (element.ArrayReference, element.Indices[0]);
                return true;
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer when IsSpan(indexer.Property.ContainingType):
                (collection, index) = (instance, indexer.Arguments[0].Value);
                return true;
            default:
                (collection, index) = (null!, null!);
                return false;
        }
    }

    /// <summary>Where the number <paramref name="leaf"/> of element <paramref name="index"/> sits: <c>i * k + leaf</c>.</summary>
    private static Expr NumberIndex(Expr index, int width, int leaf)
    {
        var start = width == 1 ? index : new BinaryExpr(NumberKind.Int, BinaryOperator.Multiply, index, Literal(width));
        return leaf == 0 ? start : new BinaryExpr(NumberKind.Int, BinaryOperator.Add, start, Literal(leaf));
    }

    private static LiteralExpr Literal(int value) => new(NumberKind.Int, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static List<Expr> ElementLeaves(StructArray array, Expr index) =>
        array.Shape.Leaves.Select((l, j) => (Expr)new ElementExpr(l.Kind, array.Elements.Name, NumberIndex(index, array.Width, j))).ToList();

    /// <summary>
    /// For <see cref="StructValue"/>: the fields of <c>x[i]</c>, an element of an array or span of structs. True when the
    /// operation is such an element (<paramref name="leaves"/> null when reported).
    /// </summary>
    private bool StructArrayElementValue(IOperation operation, StructShape shape, out List<Expr>? leaves)
    {
        leaves = null;
        if (!IsElementRead(operation, out var collection, out var index))
        {
            return false;
        }

        if (StructArrayOf(collection) is { } array)
        {
            leaves = Expression(index) is { } i ? ElementLeaves(array, Coerce(i, NumberKind.Int)) : null;
            return true;
        }

        if (Variable(Unwrap(collection)) is not null || StructClassifier.IsCandidate(collection.Type))
        {
            return false;
        }

        // Data that carries no derivative (a parameter left out of the differentiation list, a static table): each
        // field read as the original reads it, data[i].X, with the index as the hole.
        if (PassThroughCode(operation) is not { } code)
        {
            return true;
        }

        leaves = shape.Leaves.Select(l =>
        {
            var parts = code.Parts.ToList();
            parts[parts.Count - 1] += "." + l.Access;
            return (Expr)new PassThroughExpr(l.Kind, parts.ToEquatableArray(), code.Holes.ToEquatableArray());
        }).ToList();
        return true;
    }

    /// <summary>For <c>ExpressionCore</c>: <c>x.Length</c> of an array or span of structs read as numbers.</summary>
    private bool StructArrayExpression(IOperation operation, out Expr? result)
    {
        result = null;
        if (operation is not IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance } || StructArrayOf(instance) is not { } array)
        {
            return false;
        }

        result = StructArrayLength(array);
        return true;
    }

    /// <summary>How many structs: the span of numbers' length over the numbers per struct.</summary>
    private static Expr StructArrayLength(StructArray array)
    {
        Expr length = new LengthExpr(array.Elements.Name);
        return array.Width == 1 ? length : new BinaryExpr(NumberKind.Int, BinaryOperator.Divide, length, Literal(array.Width));
    }

    /// <summary>
    /// For the pass-through printer: a differentiated array or span of structs used as a whole value (handed to a call
    /// that does not differentiate it, assigned, sliced) would lose its derivative there: AGD0053.
    /// </summary>
    private bool RefusedStructArrayUse(IOperation operation)
    {
        if (Unwrap(operation) is not (IParameterReferenceOperation or ILocalReferenceOperation) || StructArrayOf(operation) is not { } array)
        {
            return false;
        }

        var user = operation.Parent;
        while (user is not null and not IInvocationOperation and not IObjectCreationOperation && user is not IExpressionStatementOperation and not IVariableDeclaratorOperation and not IReturnOperation)
        {
            user = user.Parent;
        }

        var (what, why) = user switch
        {
            IInvocationOperation call => ($"The call to '{call.TargetMethod.ToDisplayString()}'",
                "it is handed to the call (or an element of it is, as a value the call does not differentiate), where its derivative would be lost; "
                + "mark the method [Differentiable] with a parameter of the same type that it differentiates, or pass it the fields it needs (" + array.Name + "[i].X) or the elements one by one"),
            IObjectCreationOperation creation => ($"'{creation.Syntax}'", "a constructor is handed it, and its derivative would be lost; read its elements instead (" + array.Name + "[i])"),
            _ => ($"'{operation.Syntax}'", "it is used as a whole value, and only its elements (" + array.Name + "[i], " + array.Name + "[i].X), its Length and foreach over it can be differentiated"),
        };
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructArrayUsedWhole, operation.Syntax.GetLocation(), what, "'" + array.Name + "'", why));
        return true;
    }

    /// <summary>
    /// A differentiated array or span of structs of the caller handed whole to a [Differentiable] callee that differentiates
    /// a parameter of the same type: the caller's tangent and adjoint spans go with it, as for a 2-D array.
    /// </summary>
    private ArrayArgumentExpr? WholeStructArrayArgument(IArgumentOperation argument, IParameterSymbol parameter)
    {
        if (StructArrayOf(argument.Value) is not { IsParameter: true } array || StructArrays.ElementType(parameter.Type) is not { } element
            || StructClassifier.TypeText(element) != array.Shape.TypeText || Unwrap(argument.Value) is not IParameterReferenceOperation reference)
        {
            return null;
        }

        return new ArrayArgumentExpr(array.Elements.Kind, array.Elements.Name) { WholeArray = PassThroughName(reference.Parameter.Name) };
    }

    /// <summary>
    /// A [Differentiable] callee that differentiates an array or span of structs, handed something other than the caller's
    /// own differentiated parameter of that type (data, a local array, a slice): AGD0053, since no tangent or adjoint span
    /// exists for it here.
    /// </summary>
    private bool RefusedStructArrayArgument(IArgumentOperation argument, IParameterSymbol parameter, HashSet<string>? withRespectTo, IMethodSymbol method)
    {
        if (withRespectTo is not null && !withRespectTo.Contains(parameter.Name) || StructArrays.ElementType(parameter.Type) is not { } element
            || StructArrays.Classify(element, _semanticModel.Compilation, method.ContainingType).Shape is null)
        {
            return false;
        }

        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructArrayUsedWhole, argument.Syntax.GetLocation(), $"The call to '{method.ToDisplayString()}'",
            $"its parameter '{parameter.Name}'",
            $"here it is handed '{argument.Value.Syntax}', which is not a differentiated parameter of type '{parameter.Type.ToDisplayString()}' of this method; pass such a parameter itself, "
            + $"or leave '{parameter.Name}' out of the callee's [Differentiable] list if no derivative flows through it"));
        return true;
    }

    /// <summary>
    /// A local array or span of structs (<c>var f = new Vector3[n];</c>, <c>Span&lt;Vec2&gt; g = stackalloc Vec2[n];</c>): one
    /// local array of k·n numbers (<c>f_elements</c>). False when the local is not such an array.
    /// </summary>
    private bool StructArrayLocal(ILocalSymbol local, IOperation? initializer, SyntaxNode syntax, SyntaxNode statementSyntax, List<Stmt> output)
    {
        if (StructArrays.ElementType(local.Type) is not { } element)
        {
            return false;
        }

        var (shape, why) = StructArrays.Classify(element, _semanticModel.Compilation, _method.ContainingType);
        if (shape is null)
        {
            if (why is null)
            {
                return false;
            }

            var at = syntax is VariableDeclaratorSyntax declarator ? declarator.Identifier.GetLocation() : syntax.GetLocation();
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructArrayNotDifferentiable, at, local.Name, local.Type.ToDisplayString(), why));
            _refusedLocals.Add(local);
            return true;
        }

        if (!_structArrays.TryGetValue(local, out var array))
        {
            var name = DeclareSynthetic(local.Name + "_elements", shape.Leaves[0].Kind);
            var index = _variables.FindIndex(v => v.Name == name);
            _variables[index] = _variables[index] with { Storage = StructArrays.IsArray(local.Type) ? StorageKind.Array : StorageKind.Span };
            array = new StructArray(shape, _variables[index], local.Name, IsParameter: false);
            _structArrays[local] = array;
        }

        if (initializer is null)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, syntax, $"Array '{local.Name}' declared without an allocation", "allocate it where it is declared, with stackalloc or new");
            return true;
        }

        Allocation(array.Elements.Name, initializer, statementSyntax, output, array.Width);
        return true;
    }

    /// <summary>
    /// For <c>Target</c>: <c>f[i].X</c> of a local array of structs as an assignment target. False when the target is no
    /// such field; a field of a parameter's element is AGD0008 (the caller's memory), <paramref name="result"/> then null.
    /// </summary>
    private bool StructArrayFieldTarget(IOperation target, out AssignTarget? result)
    {
        result = null;
        var (instance, member) = target switch
        {
            IFieldReferenceOperation { Field.IsStatic: false, Instance: { } fieldOf } f => (fieldOf, f.Field.Name),
            IPropertyReferenceOperation { Property.IsStatic: false, Property.IsIndexer: false, Instance: { } propertyOf } p => (propertyOf, p.Property.Name),
            _ => (null, null),
        };
        if (instance is null || !IsElementRead(instance, out var collection, out var index) || StructArrayOf(collection) is not { } array)
        {
            return false;
        }

        if (array.IsParameter)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, target.Syntax.GetLocation(), target.Syntax.ToString()));
            return true;
        }

        var leaf = array.Shape.Leaves.ToList().FindIndex(l => l.Access == member);
        if (leaf < 0)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedExpression, target.Syntax, "This assignment target", "set the fields of a nested struct one by one (f[i].Position.X = ...)");
            return true;
        }

        result = Expression(index) is { } i
            ? new AssignTarget(array.Elements.Name, array.Shape.Leaves[leaf].Kind, NumberIndex(Coerce(i, NumberKind.Int), array.Width, leaf))
            : null;
        return true;
    }

    /// <summary>
    /// For <see cref="TryStructAssignment"/>: <c>f[i] = v</c> or <c>f[i] += v</c> into a local array of structs, field by
    /// field. The element's index is computed once first when it is not a plain variable or literal (the writes must not
    /// move it), and the new fields go through temporaries when they read the array being written.
    /// </summary>
    private bool StructArrayElementAssignment(IOperation target, IOperation value, SyntaxNode syntax, List<Stmt> output)
    {
        if (!IsElementRead(target, out var collection, out var indexOperation) || StructArrayOf(collection) is not { } array)
        {
            return false;
        }

        if (array.IsParameter)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WriteOutsideMethod, target.Syntax.GetLocation(), target.Syntax.ToString()));
            return true;
        }

        var line = Line(syntax);
        var source = SourceText(syntax);
        if (Expression(indexOperation) is not { } index)
        {
            return true;
        }

        index = Coerce(index, NumberKind.Int);
        if (index is not (VariableExpr or LiteralExpr))
        {
            var fixedIndex = DeclareSynthetic(array.Name + "Index", NumberKind.Int);
            output.Add(new AssignStmt(line, source, fixedIndex, null, index));
            index = new VariableExpr(NumberKind.Int, fixedIndex);
        }

        var values = HoistingStructValue(value, output);
        if (values is null)
        {
            return true;
        }

        if (values.Any(v => ExprWalker.Variables(v).Contains(array.Elements.Name)))
        {
            // v = new Vec2(f[i].Y, f[i].X): every new field is read before any is written.
            values = values.Select((v, j) =>
            {
                var temporary = DeclareSynthetic(array.Name + "_" + array.Shape.Leaves[j].Suffix + "New", array.Shape.Leaves[j].Kind);
                output.Add(new AssignStmt(line, source, temporary, null, Coerce(v, array.Shape.Leaves[j].Kind)));
                return (Expr)new VariableExpr(array.Shape.Leaves[j].Kind, temporary);
            }).ToList();
        }

        for (var j = 0; j < values.Count; j++)
        {
            output.Add(new AssignStmt(line, source, array.Elements.Name, NumberIndex(index, array.Width, j), Coerce(values[j], array.Shape.Leaves[j].Kind)));
        }

        return true;
    }

    /// <summary>
    /// <c>foreach (var p in new[] { new Vec2(a, b), new Vec2(c, d) })</c>: the listed structs become a local array of
    /// numbers (<c>pItems</c>), allocated before the loop as <c>Vec2[] pts = { ... }</c> is, which the loop then reads.
    /// Null when it was refused (reported where it failed: inside a loop or branch, a field that is no number).
    /// </summary>
    private StructArray? ListedStructArray(IOperation collection, ILocalSymbol element, StructShape shape, SyntaxNode loopSyntax, List<Stmt> output)
    {
        var name = DeclareSynthetic(element.Name + "Items", shape.Leaves[0].Kind);
        var index = _variables.FindIndex(v => v.Name == name);
        _variables[index] = _variables[index] with { Storage = StorageKind.Array };
        var reported = _diagnostics.Count;
        Allocation(name, collection, loopSyntax, output, shape.Leaves.Count);
        return _diagnostics.Count > reported ? null : new StructArray(shape, _variables[index], name, IsParameter: false);
    }

    private static bool IsListedStructArray(IOperation collection) =>
        collection is IArrayCreationOperation { Initializer: not null } or ICollectionExpressionOperation { Type: IArrayTypeSymbol };

    /// <summary>
    /// <c>foreach (var p in x)</c> over an array or span of structs: <c>for (int pIndex = 0; pIndex &lt; x.Length; pIndex++) { p = x[pIndex]; ... }</c>,
    /// p one local per field. False when the collection is not an array or span of structs.
    /// </summary>
    private bool StructArrayForEach(IForEachLoopOperation loop, List<Stmt> output)
    {
        var collection = Unwrap(loop.Collection);
        if (StructArrays.ElementType(collection.Type) is not { } elementType || loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: var element }
            || Shape(elementType).Shape is not { } shape || !SymbolEqualityComparer.Default.Equals(element.Type, elementType))
        {
            return false;
        }

        var array = StructArrayOf(collection);
        if (array is null && IsListedStructArray(collection))
        {
            if ((array = ListedStructArray(collection, element, shape, loop.Syntax, output)) is null)
            {
                return true;
            }
        }

        Code? data = null;

        if (array is null && (data = PassThroughCode(collection)) is null)
        {
            // Reported where it failed (a refused local, a construct the printer does not know).
            return true;
        }

        var line = Line(loop.Syntax);
        var source = Regex.Replace(loop.Syntax is ForEachStatementSyntax s ? "foreach (" + s.Type + " " + s.Identifier + " in " + s.Expression + ")" : loop.Syntax.ToString(), @"\s+", " ");
        var index = DeclareSynthetic(element.Name + "Index", NumberKind.Int);
        var indexExpr = new VariableExpr(NumberKind.Int, index);
        if (!_structs.TryGetValue(element, out var variable))
        {
            var leafVariables = shape.Leaves.Select(l =>
            {
                var name = DeclareSynthetic(element.Name + "_" + l.Suffix, l.Kind);
                return _variables.First(v => v.Name == name);
            }).ToList();
            variable = new StructVariable(shape, leafVariables);
            _structs[element] = variable;
        }

        List<Expr> values;
        Expr length;
        if (array is not null)
        {
            values = ElementLeaves(array, indexExpr);
            length = StructArrayLength(array);
        }
        else
        {
            // Data that carries no derivative: data[pIndex].X field by field, data.Length as the original reads it.
            values = shape.Leaves.Select(l =>
            {
                var parts = data!.Parts.ToList();
                parts[parts.Count - 1] += "[";
                parts.Add("]." + l.Access);
                return (Expr)new PassThroughExpr(l.Kind, parts.ToEquatableArray(), data.Holes.Append(indexExpr).ToEquatableArray());
            }).ToList();
            var lengthParts = data!.Parts.ToList();
            lengthParts[lengthParts.Count - 1] += ".Length";
            length = new PassThroughExpr(NumberKind.Int, lengthParts.ToEquatableArray(), data.Holes.ToEquatableArray());
        }

        output.Add(new AssignStmt(line, source, index, null, Literal(0)));
        _loopDepth++;
        var body = new List<Stmt>();
        AssignLeaves(variable, values, line, source, body);
        Statement(loop.Body, body);
        _loopDepth--;
        var step = new AssignStmt(line, source, index, null, new BinaryExpr(NumberKind.Int, BinaryOperator.Add, indexExpr, Literal(1)));
        var condition = new BinaryExpr(NumberKind.Bool, BinaryOperator.Less, indexExpr, length);
        output.Add(new LoopStmt(line, source, condition, body.ToEquatableArray(), EquatableArray.Of<Stmt>(step), false, index, 1, "0"));
        return true;
    }
}
