using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Writes one method's generated members (Derivative, Gradient, Pullback, Jacobian, Hessian, Tape), indented to sit
/// inside its reopened types: <see cref="TypeFiles"/> puts the members of every method of a type into one file.
/// </summary>
internal static class SourceEmitter
{
    public static string EmitMembers(MethodModel model, LoweredMethod method, Activity activity, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives)
    {
        var writer = new CodeWriter(model.ContainingTypes.Count);
        ForwardEmitter.Emit(model, method, activity, writer, userDerivatives);
        if (model.ByReferenceHelper)
        {
            // Its callers differentiate it inlined, in both modes; its own reverse mode is Emit/ByReferenceReverse.cs.
            if (ByReferenceReverse.Supports(model))
            {
                writer.Line();
                ByReferenceReverse.Emit(model, writer, userDerivatives);
            }

            // Its twin takes its ref and out numbers as ref and out tensors: StepTape(ref Tensor x, Tensor dt).
            var helperTwin = new CodeWriter();
            if (model.HasTapeTwin && TapeEmitter.TryEmit(model, method, userDerivatives, helperTwin))
            {
                writer.Line();
                writer.Append(helperTwin);
            }

            return writer.ToString();
        }

        writer.Line();
        ReverseEmitter.Emit(model, method, activity, writer, userDerivatives);
        var jacobian = new CodeWriter();
        var batched = TangentBatch.Supports(model, method);
        var reverseBatched = ReverseBatch.Supports(model, method);
        var hasJacobian = JacobianEmitter.TryEmit(model, jacobian, batched, reverseBatched);
        if (hasJacobian)
        {
            writer.Line();
            writer.Append(jacobian);
            if (batched)
            {
                // Vector mode for the Jacobian's forward path: the Jvp printed again with four tangents per sweep.
                writer.Line();
                ForwardEmitter.EmitBatch(model, method, activity, writer);
            }

            if (reverseBatched)
            {
                // Vector mode for the Jacobian's reverse path: the Vjp printed again with four cotangents per sweep.
                writer.Line();
                ReverseEmitter.EmitBatch(model, method, activity, writer);
            }
        }

        if (model.ResultShape is not null)
        {
            // A tuple or struct result: Jvp, Vjp and Jacobian that take and return it, over the span members above.
            StructResultEmitter.Emit(model, writer, hasJacobian);
        }

        if (model.SecondOrder)
        {
            // The pullback printed once more, alone, for the second-order emitter to rewrite onto dual numbers.
            var reverse = new CodeWriter();
            ReverseEmitter.Emit(model, method, activity, reverse, userDerivatives);
            // And the forward mode, for forward over forward (SecondOrderEmitter.WriteTangentDerivative).
            var forward = new CodeWriter();
            ForwardEmitter.Emit(model, method, activity, forward, userDerivatives);
            writer.Line();
            SecondOrderEmitter.Emit(model, method, reverse.ToString(), forward.ToString(), writer);
        }

        // A tape twin returns one tensor, or one per result for a vector-valued method.
        var twin = new CodeWriter();
        if (model.HasTapeTwin && TapeEmitter.TryEmit(model, method, userDerivatives, twin))
        {
            writer.Line();
            writer.Append(twin);
            NestedTwin(model, method, userDerivatives, writer);
        }

        return writer.ToString();
    }

    /// <summary>
    /// For a SecondOrder method that other methods may call nested and that leaves a double parameter undifferentiated:
    /// <c>{Name}NestedTape</c>, its twin with a tensor for every double parameter, which their twins call
    /// (CompilerServices.NestedTape), so that the derivative through that parameter is on the tape too.
    /// </summary>
    private static void NestedTwin(MethodModel model, LoweredMethod method, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives, CodeWriter writer)
    {
        static bool Undifferentiated(VariableModel v) => v.IsParameter && v.PassThroughType is null && v.Storage == StorageKind.Scalar && v.Kind == NumberKind.Double && !v.Differentiated;
        if (!model.SecondOrder || !(NestedCallEmitter.Applies(model) || NestedSpanCallEmitter.Applies(model)) || !model.Variables.Any(Undifferentiated))
        {
            return;
        }

        var all = method.Variables.Select(v => Undifferentiated(v) ? v with { Differentiated = true } : v).ToList();
        var widened = new LoweredMethod(all, method.Body, method.Result) { Outputs = method.Outputs };
        var nested = model with
        {
            Variables = model.Variables.Select(v => Undifferentiated(v) ? v with { Differentiated = true } : v).ToEquatableArray(),
            TwinName = model.Name + "NestedTape",
        };
        var twin = new CodeWriter();
        if (TapeEmitter.TryEmit(nested, widened, userDerivatives, twin))
        {
            writer.Line();
            writer.Line("// " + model.Name + "NestedTape: the twin with a tensor for every double parameter, for the twins of methods that call " + model.Name + "Gradient or " + model.Name + "Derivative.");
            writer.Append(twin);
        }
    }

    /// <summary>
    /// A refused method's members (Parsing/RefusedStubs.cs), said to be so: a line above them, and "of the refused"
    /// in each summary, so that neither a reader nor a test mistakes them for derivatives.
    /// </summary>
    public static string AsStub(MethodModel model, string members)
    {
        var indent = new string(' ', model.ContainingTypes.Count * 4);
        return indent + "// " + model.Name + " was refused (see its AGD error): these members keep its callers compiling, and throw NotSupportedException.\n"
            + members.Replace(" of <see cref=\"", " of the refused <see cref=\"");
    }
}
