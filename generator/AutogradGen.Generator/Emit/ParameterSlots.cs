using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// A parameter as generated signatures show it: a variable of the body, or a struct whose fields stand in the
/// body as scalar parameters (<see cref="StructParameter"/>). The emitters differentiate the scalars and only the
/// signatures, the unpacking at the top and the rebuilt gradient at the end speak of the struct. A differentiated
/// 2-D array (<see cref="Matrix"/>, with <see cref="Plain"/> its pass-through parameter) is differentiated as the span
/// of its elements; its tangent and gradient are 2-D arrays of its shape, unpacked into spans at the top.
/// </summary>
internal sealed record ParameterSlot(VariableModel? Plain, StructParameter? Struct, MatrixParameter? Matrix = null)
{
    public string Name => Plain?.Name ?? Struct!.Name;

    public bool Differentiated => Matrix is not null || (Plain?.Differentiated ?? Struct!.Differentiated);

    /// <summary>A scalar or struct slot: its gradient is an <c>out</c> (and its pullback adjoint a <c>ref</c>) value.</summary>
    public bool IsValue => Matrix is null && Plain is not { Storage: not StorageKind.Scalar };

    /// <summary>The C# type of this slot's tangent, gradient and adjoint: T, a read-only span, Span&lt;T&gt;, the struct or the 2-D array.</summary>
    public string DerivativeType(bool writable) =>
        Matrix is { Structs: { } structs } ? structs.SpanType(writable)
        : Matrix is { } matrix ? matrix.TypeText
        : Plain is not { } p ? Struct!.Shape.TypeText
        : p.Storage == StorageKind.Scalar ? p.Kind.Keyword()
        : (writable ? "global::System.Span<" : "global::System.ReadOnlySpan<") + p.Kind.Keyword() + ">";

    /// <summary>The slots of a method's parameters, in declaration order.</summary>
    public static List<ParameterSlot> Of(MethodModel model, IEnumerable<VariableModel> parameters)
    {
        var byFirstLeaf = model.StructParameters.ToDictionary(s => s.LeafVariables[0]);
        var leaves = new HashSet<string>(model.StructParameters.SelectMany(s => s.LeafVariables));
        var matrices = model.MatrixParameters.ToDictionary(m => m.Name);
        leaves.UnionWith(model.MatrixParameters.Select(m => m.Elements));
        var slots = new List<ParameterSlot>();
        foreach (var parameter in parameters)
        {
            if (byFirstLeaf.TryGetValue(parameter.Name, out var structParameter))
            {
                slots.Add(new ParameterSlot(null, structParameter));
            }
            else if (matrices.TryGetValue(parameter.Name, out var matrix))
            {
                slots.Add(new ParameterSlot(parameter, null, matrix));
            }
            else if (!leaves.Contains(parameter.Name))
            {
                slots.Add(new ParameterSlot(parameter, null));
            }
        }

        return slots;
    }

    /// <summary>The names of every struct leaf parameter of the method.</summary>
    public static HashSet<string> LeafNames(MethodModel model) => new(model.StructParameters.SelectMany(s => s.LeafVariables));

    /// <summary>The span parameters standing for 2-D arrays' elements: their tangents and gradients are checked by shape.</summary>
    public static HashSet<string> MatrixElementNames(MethodModel model) => new(model.MatrixParameters.Select(m => m.Elements));

    /// <summary>
    /// Rejects a 2-D tangent or gradient (<paramref name="what"/>) whose shape differs from its parameter's, for
    /// each matrix slot; <paramref name="derivatives"/> names them by slot.
    /// </summary>
    /// <remarks>
    /// With <paramref name="nullMeansNone"/> (a Derivative's tangent, a Pullback's adjoint) a null array is accepted:
    /// generated callers pass null where they hand the callee data that carries no derivative.
    /// </remarks>
    public static void ShapeChecks(CodeWriter writer, IEnumerable<ParameterSlot> slots, IReadOnlyDictionary<string, string> derivatives, string what, bool nullMeansNone = false)
    {
        foreach (var slot in slots.Where(s => s.Matrix is not null))
        {
            var derivative = derivatives[slot.Name];
            if (slot.Matrix!.Structs is not null)
            {
                // A span of structs: one struct of derivative per struct, as for a span of doubles.
                writer.Open("if (" + derivative + ".Length != " + slot.Name + ".Length)");
                writer.Line("throw new global::System.ArgumentException($\"The " + what + " must have the same length as '" + slot.Name.TrimStart('@') + "' ({" + slot.Name + ".Length}), but has {" + derivative + ".Length}.\", \""
                    + derivative.TrimStart('@') + "\");");
                writer.Close();
                continue;
            }

            writer.Line((nullMeansNone ? "if (" + derivative + " is not null) " : string.Empty) + "global::AutogradGen.CompilerServices." + (slot.Matrix!.IsJagged ? "JaggedArray" : "Matrix") + ".RequireSameShape(" + slot.Name + ", " + derivative + ", \"" + slot.Name.TrimStart('@') + "\", \""
                + derivative.TrimStart('@') + "\", \"" + what + "\");");
        }
    }

    /// <summary>
    /// Declares the span of each 2-D tangent or adjoint's elements (<c>wAdjointElements</c>) and returns them by the
    /// body's elements parameter (<c>w_elements</c>), which they stand beside.
    /// </summary>
    public static Dictionary<string, string> UnpackDerivatives(CodeWriter writer, MethodModel model, IReadOnlyDictionary<string, string> derivatives, NameTable names, bool writable)
    {
        var spans = new Dictionary<string, string>();
        foreach (var matrix in model.MatrixParameters)
        {
            var derivative = derivatives[matrix.Name];
            var span = names.Fresh(derivative.TrimStart('@') + "Elements");
            if (matrix.Structs is { } structs)
            {
                // The numbers of the caller's span of structs, no copy (its length was checked).
                writer.Line((writable ? "global::System.Span<" : "global::System.ReadOnlySpan<") + matrix.Kind.Keyword() + "> " + span + " = " + structs.NumbersOf(derivative, writable) + ";");
                spans[matrix.Elements] = span;
                continue;
            }

            if (matrix.IsJagged)
            {
                // A jagged tangent's rows are copied into one pooled span in the parameter's layout.
                var buffer = names.Fresh(derivative.TrimStart('@') + "Buffer");
                writer.Line("using var " + buffer + " = " + derivative + " is null ? " + matrix.Layout + ".Zeros() : " + matrix.Layout + ".Copy(" + derivative + ");");
                writer.Line("global::System.ReadOnlySpan<" + matrix.Kind.Keyword() + "> " + span + " = " + buffer + ".Span;");
                spans[matrix.Elements] = span;
                continue;
            }

            // A null tangent is a zero one (generated callers pass null for data that carries no derivative).
            writer.Line((writable ? "global::System.Span<" : "global::System.ReadOnlySpan<") + matrix.Kind.Keyword() + "> " + span
                + " = " + derivative + " is null ? global::AutogradGen.CompilerServices.Zeros<" + matrix.Kind.Keyword() + ">.Span(" + matrix.Name + ".Length) : global::AutogradGen.CompilerServices.Matrix.Elements(" + derivative + ");");
            spans[matrix.Elements] = span;
        }

        return spans;
    }

    /// <summary><c>double a_X = a.X;</c> for every leaf, and the span of every 2-D array's elements, at the top of a generated method.</summary>
    public static void Unpack(CodeWriter writer, MethodModel model)
    {
        foreach (var matrix in model.MatrixParameters)
        {
            if (matrix.Structs is { } structs)
            {
                writer.Line("global::System.ReadOnlySpan<" + matrix.Kind.Keyword() + "> " + matrix.Elements + " = " + structs.NumbersOf(matrix.Name, writable: false) + ";");
                continue;
            }

            if (matrix.IsJagged)
            {
                // The rows of a jagged array are copied into one pooled span (returned when the method ends).
                writer.Line("using var " + matrix.Layout + " = global::AutogradGen.CompilerServices.JaggedArray<" + matrix.Kind.Keyword() + ">.Of(" + matrix.Name + ");");
                writer.Line("global::System.ReadOnlySpan<" + matrix.Kind.Keyword() + "> " + matrix.Elements + " = " + matrix.Layout + ".Elements;");
                continue;
            }

            writer.Line("global::System.ReadOnlySpan<" + matrix.Kind.Keyword() + "> " + matrix.Elements + " = global::AutogradGen.CompilerServices.Matrix.Elements(" + matrix.Name + ");");
        }

        foreach (var structParameter in model.StructParameters)
        {
            for (var i = 0; i < structParameter.LeafVariables.Count; i++)
            {
                var leaf = structParameter.Shape.Leaves[i];
                writer.Line(leaf.Kind.Keyword() + " " + structParameter.LeafVariables[i] + " = " + structParameter.Name + "." + leaf.Access + ";");
            }
        }
    }
}
