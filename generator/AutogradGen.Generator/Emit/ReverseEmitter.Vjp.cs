using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// The reverse mode of a vector-valued method (<see cref="MethodModel.VectorResult"/>): <c>{Name}Vjp</c> is the
/// pullback with the results span's adjoints seeded by the caller's cotangent u instead of a scalar seed, so the
/// same two sweeps add uᵀJ to the input adjoints.
/// </summary>
internal sealed partial class ReverseEmitter
{
    private void EmitVjp(CodeWriter output, List<VariableModel> parameters, Dictionary<string, string> adjointParameters)
    {
        var results = Model.VectorResult!;
        var kind = ResultKind.Keyword();
        var adjointKind = AdjointType(ResultKind);
        var cotangent = Names.Fresh(results + "Cotangent");

        // The reverse sweep restores overwritten values of the results it reads (softmax's r[i] /= s); the caller
        // must get the forward sweep's results, so they are kept aside and put back at the end.
        var keepResults = Activity.IsActive(results) && _needs.IsNeeded(results);
        var kept = Names.Fresh(results + "Results");
        if (keepResults)
        {
            Writer.Line(results + ".CopyTo(" + kept + ".Span);");
        }

        Writer.Line();
        Writer.Line("// Reverse sweep: propagate the cotangent of the results back to the parameters.");
        ReverseSweep(Method.Body, 0);

        var slots = ParameterSlot.Of(Model, parameters);
        var signature = slots.Select(SignatureParameter).Append("global::System.ReadOnlySpan<" + adjointKind + "> " + cotangent).Concat(slots.Where(s => s.Differentiated).Select(s =>
            (s.Plain is not { } p ? "ref " + s.Struct!.Shape.TypeText : p.Storage == StorageKind.Scalar ? "ref " + AdjointType(p.Kind) : "global::System.Span<" + AdjointType(p.Kind) + ">") + " " + adjointParameters[s.Name]));
        if (_batch is null)
        {
            output.Line("/// <summary>");
            output.Line("/// Reverse mode of <see cref=\"" + Model.DocumentationId + "\"/> (a vector-Jacobian product): writes its results");
            output.Line("/// into <paramref name=\"" + results + "\"/> and adds uᵀJ to the adjoints (scalars and spans alike, as .grad accumulates),");
            output.Line("/// u being <paramref name=\"" + cotangent + "\"/>.");
            output.Line("/// </summary>");
            output.Open(Model.Accessibility + Model.StaticModifier + "void " + Model.Name + "Vjp(" + string.Join(", ", signature) + ")");
        }
        else
        {
            output.Line("/// <summary>The Jacobian's reverse path: <c>" + Model.Name + "Vjp</c> carrying " + ReverseBatch.Width + " cotangents back per sweep.</summary>");
            output.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            output.Open("private" + Model.StaticModifier + "void " + Model.Name + ReverseBatch.Suffix + "(" + string.Join(", ", signature) + ")");
        }
        LengthCheck(output, "cotangent", results, cotangent);
        foreach (var parameter in parameters.Where(p => p.Differentiated && p.Storage != StorageKind.Scalar))
        {
            LengthCheck(output, "gradient", parameter.Name, adjointParameters[parameter.Name]);
        }

        ParameterSlot.Unpack(output, Model);
        WriteDeclarations(output);
        var scratch = new List<string>();
        if (_adjoints.TryGetValue(results, out var resultsBar))
        {
            // The reverse sweep consumes the adjoints it reads (an assignment ends a value's life), so it works on a copy of u.
            var buffer = Names.Fresh(results + "BarBuffer");
            output.Line(JacobianEmitter.ScratchCopy(buffer, adjointKind, cotangent, scratch));
            output.Line(resultsBar + " = " + buffer + ".Span;");
        }

        if (keepResults)
        {
            output.Line("using var " + kept + " = new global::AutogradGen.CompilerServices.ScratchBuffer<" + kind + ">(" + results + ".Length);");
        }

        output.Line();
        output.Append(Writer);
        output.Line();
        WriteAdjointsBack(output, slots, adjointParameters);
        if (keepResults)
        {
            output.Line(kept + ".Span.CopyTo(" + results + ");");
        }

        foreach (var stack in _stacks.Values)
        {
            output.Line(stack + ".Dispose();");
        }

        JacobianEmitter.Dispose(output, scratch);
        output.Close();
    }
}
