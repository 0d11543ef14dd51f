using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// The members of a method returning a tuple or struct of numbers (<see cref="MethodModel.ResultShape"/>) that speak
/// its result type. The parser made the method vector-valued over a results span (Parsing/StructResults.cs), so the
/// span members (Jvp, Vjp, Jacobian with the results span last among the original parameters) are the ones every
/// vector-valued method gets; these overloads hold the results, tangent and cotangent in stack spans, call them, and
/// pack the spans into the result type, leaf i being element i (fields in declaration order, nested structs depth first,
/// tuple elements left to right). The stack spans are fixed-size, so a call allocates nothing.
/// </summary>
internal static class StructResultEmitter
{
    public static void Emit(MethodModel model, CodeWriter writer, bool hasJacobian)
    {
        var shape = model.ResultShape!;
        var results = model.VectorResult!;
        var kind = model.ReturnKind.Keyword();
        var type = shape.TypeText;
        var count = shape.Leaves.Count.ToString(CultureInfo.InvariantCulture);
        var parameters = model.Variables.Where(v => v.IsParameter && v.Name != results).ToList();
        var slots = ParameterSlot.Of(model, parameters);
        var names = new NameTable(model.Variables.Select(v => v.Name));
        var original = slots.Select(s => s.Plain is { } p && s.Matrix is null
            ? (p.PassedIn ? "in " : string.Empty) + Parsing.TypeClassifier.TypeText(p) + " " + p.Name
            : s.Matrix is { } m ? m.TypeText + " " + m.Name : s.Struct!.Declaration).ToList();
        var arguments = slots.Select(s => s.Name).ToList();
        var differentiated = slots.Where(s => s.Differentiated).ToList();
        var resultsSpan = names.Fresh("resultValues");
        string Pack(string span) => shape.Build(Enumerable.Range(0, shape.Leaves.Count).Select(i => span + "[" + i.ToString(CultureInfo.InvariantCulture) + "]").ToList());
        string Stack(string name) => "global::System.Span<" + kind + "> " + name + " = stackalloc " + kind + "[" + count + "];";

        // Jvp: (value, J·v), both of the result type.
        var tangents = differentiated.ToDictionary(s => s.Name, s => names.Fresh(s.Name + "Tangent"));
        var resultsTangent = names.Fresh("resultTangents");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Forward mode of <see cref=\"" + model.DocumentationId + "\"/> (a Jacobian-vector product): its value and J·v, v being the");
        writer.Line("/// given tangents (one per differentiated parameter), J·v of the result's type (its fields or elements in order).");
        writer.Line("/// </summary>");
        writer.Open(model.Accessibility + model.StaticModifier + "(" + type + " Value, " + type + " Tangent) " + model.Name + "Jvp("
            + string.Join(", ", original.Concat(differentiated.Select(s => s.DerivativeType(writable: false) + " " + tangents[s.Name]))) + ")");
        writer.Line(Stack(resultsSpan));
        writer.Line(Stack(resultsTangent));
        writer.Line(model.Name + "Jvp(" + string.Join(", ", arguments.Append(resultsSpan).Concat(differentiated.Select(s => tangents[s.Name])).Append(resultsTangent)) + ");");
        writer.Line("return (" + Pack(resultsSpan) + ", " + Pack(resultsTangent) + ");");
        writer.Close();

        // Vjp: the value, uᵀJ added to the adjoints, u of the result's type.
        var cotangent = names.Fresh("cotangent");
        var cotangentSpan = names.Fresh("cotangentValues");
        var adjoints = differentiated.ToDictionary(s => s.Name, s => names.Fresh(s.Name + "Adjoint"));
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Reverse mode of <see cref=\"" + model.DocumentationId + "\"/> (a vector-Jacobian product): returns its value and adds uᵀJ");
        writer.Line("/// to the adjoints (scalars and spans alike, as .grad accumulates), u being <paramref name=\"" + cotangent + "\"/>.");
        writer.Line("/// </summary>");
        writer.Open(model.Accessibility + model.StaticModifier + type + " " + model.Name + "Vjp("
            + string.Join(", ", original.Append(type + " " + cotangent).Concat(differentiated.Select(s => (s.IsValue ? "ref " : string.Empty) + s.DerivativeType(writable: true) + " " + adjoints[s.Name]))) + ")");
        writer.Line(Stack(resultsSpan));
        writer.Line(Stack(cotangentSpan));
        for (var i = 0; i < shape.Leaves.Count; i++)
        {
            writer.Line(cotangentSpan + "[" + i.ToString(CultureInfo.InvariantCulture) + "] = " + cotangent + "." + LeafAccess(shape, i) + ";");
        }

        writer.Line(model.Name + "Vjp(" + string.Join(", ", arguments.Append(resultsSpan).Append(cotangentSpan).Concat(differentiated.Select(s => (s.IsValue ? "ref " : string.Empty) + adjoints[s.Name]))) + ");");
        writer.Line("return " + Pack(resultsSpan) + ";");
        writer.Close();

        if (!hasJacobian)
        {
            return;
        }

        // Jacobian: the value; the matrix into the caller's span, one row per leaf.
        var jacobian = names.Fresh("jacobian");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The Jacobian of <see cref=\"" + model.DocumentationId + "\"/>: returns its value and writes ∂result[i]/∂input[j] into");
        writer.Line("/// <paramref name=\"" + jacobian + "\"/>[i * inputs + j], row-major, result[i] being the result's i-th field or element in order");
        writer.Line("/// (" + string.Join(", ", shape.Leaves.Select(l => l.Access)) + ") and the inputs the differentiated parameters in order.");
        writer.Line("/// </summary>");
        writer.Open(model.Accessibility + model.StaticModifier + type + " " + model.Name + "Jacobian(" + string.Join(", ", original.Append("global::System.Span<" + kind + "> " + jacobian)) + ")");
        writer.Line(Stack(resultsSpan));
        writer.Line(model.Name + "Jacobian(" + string.Join(", ", arguments.Append(resultsSpan).Append(jacobian)) + ");");
        writer.Line("return " + Pack(resultsSpan) + ";");
        writer.Close();
    }

    /// <summary>How C# reads leaf i of a value of the shape: its field path, or a tuple element's ItemN.</summary>
    private static string LeafAccess(StructShape shape, int i) => shape.Leaves[i].Access;
}
