using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Calls in reverse mode: a [Differentiable] callee's seeded Pullback adds straight into the adjoints (no
/// temporary gradient buffers for arrays whose adjoints exist); a user-supplied derivative's partials are scaled
/// by the adjoint.
/// </summary>
internal sealed partial class ReverseEmitter
{
    /// <summary>The slot of the struct parameter whose leaves <see cref="StructSlot"/> is handing out.</summary>
    private string? _structSlot;

    private void CallAdjoint(CallExpr call, string adjoint, Dictionary<Expr, string> computed)
    {
        var parameters = call.Target.Parameters;
        var values = call.Arguments.Select(a => a is ArrayArgumentExpr array ? ExprPrinter.Print(array) : Value(a, computed)).ToList();
        var slots = new List<string>();
        var afterwards = new List<(Expr Argument, string Slot)>();
        var scratch = new List<(string Buffer, string? ArrayAdjoint)>();
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (call.Target.IsDifferentiable && parameter.WithoutDerivative is not null)
            {
                // The caller's data handed to a differentiated 2-D or jagged array: no gradient is wanted for it.
                slots.Add("null");
                continue;
            }

            if (!(call.Target.IsDifferentiable ? parameter.Differentiated : parameter.Kind.IsFloatingPoint()))
            {
                continue;
            }

            var argument = call.Arguments[i];
            var kind = parameter.Kind.Keyword();
            if (parameter.Struct is { } structArgument)
            {
                StructSlot(call, i, structArgument, slots, afterwards);
            }
            else if (parameter.Storage == StorageKind.Scalar)
            {
                var slot = TemporaryName("p");
                Writer.Line(kind + " " + slot + " = " + Zero(parameter.Kind) + ";");
                slots.Add((call.Target.IsDifferentiable ? "ref " : "out ") + slot);
                if (Activity.IsActive(argument))
                {
                    afterwards.Add((argument, slot));
                }
            }
            else if (call.Target.IsDifferentiable && argument is ArrayArgumentExpr { WholeArray: { } whole })
            {
                slots.Add(_wholeAdjoints[whole]);
            }
            else if (call.Target.IsDifferentiable && argument is ArrayArgumentExpr active && _adjoints.TryGetValue(active.Array, out var arrayAdjoint))
            {
                slots.Add(ExprPrinter.RowSlice(active, arrayAdjoint));
            }
            else
            {
                var buffer = Names.Fresh("partials");
                Writer.Line("var " + buffer + " = new global::AutogradGen.CompilerServices.ScratchBuffer<" + kind + ">(" + values[i] + ".Length);");
                slots.Add(buffer + ".Span");
                var target = argument is ArrayArgumentExpr array && _adjoints.TryGetValue(array.Array, out var a) ? ExprPrinter.RowSlice(array, a) : null;
                scratch.Add((buffer, target));
            }
        }

        if (call.Target.IsDifferentiable)
        {
            Writer.Line(call.Target.Qualifier + "." + call.Target.Name + "Pullback(" + string.Join(", ", CallArguments.Values(call.Target, values).Append(adjoint).Concat(slots)) + ");");
            foreach (var (argument, slot) in afterwards)
            {
                Pass(argument, slot, computed);
            }
        }
        else
        {
            var derivative = UserDerivatives[call.Target.Key];
            Writer.Line(derivative.ContainingType + "." + derivative.Name + "(" + string.Join(", ", values.Concat(slots)) + ");");
            foreach (var (argument, slot) in afterwards)
            {
                Pass(argument, LocalPartials.Scale(adjoint, slot), computed);
            }

            foreach (var (buffer, arrayAdjoint) in scratch.Where(s => s.ArrayAdjoint is not null))
            {
                var j = Names.Fresh("j");
                Writer.Line("for (int " + j + " = 0; " + j + " < " + buffer + ".Span.Length; " + j + "++) " + arrayAdjoint + "[" + j + "] += " + adjoint + " * " + buffer + ".Span[" + j + "];");
            }
        }

        foreach (var (buffer, _) in scratch)
        {
            Writer.Line(buffer + ".Dispose();");
        }
    }

    /// <summary>
    /// A struct parameter of the callee: one <c>ref</c> slot of the struct's type for all its leaves (declared at its
    /// first differentiated leaf), whose fields are handed to the leaf arguments after the call.
    /// </summary>
    private void StructSlot(CallExpr call, int i, StructArgument structArgument, List<string> slots, List<(Expr Argument, string Slot)> afterwards)
    {
        var first = i - structArgument.Leaf;
        if (!Enumerable.Range(first, structArgument.Leaf).Any(j => call.Target.Parameters[j].Differentiated) || _structSlot is null)
        {
            // The struct's first differentiated leaf: later ones share its slot.
            _structSlot = TemporaryName("p");
            Writer.Line(structArgument.Shape.TypeText + " " + _structSlot + " = default;");
            slots.Add("ref " + _structSlot);
        }

        if (Activity.IsActive(call.Arguments[i]))
        {
            afterwards.Add((call.Arguments[i], _structSlot + "." + structArgument.Shape.Leaves[structArgument.Leaf].Access));
        }
    }
}
