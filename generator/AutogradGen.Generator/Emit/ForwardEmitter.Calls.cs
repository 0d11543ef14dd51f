using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Calls in forward mode: a [Differentiable] callee's generated Derivative, or a user-supplied derivative
/// whose partials are dotted with the argument tangents.
/// </summary>
internal sealed partial class ForwardEmitter
{
    private (string Value, string? Tangent) Call(CallExpr call, Dictionary<Expr, string> computed)
    {
        var arguments = call.Arguments.Select(a => a is ArrayArgumentExpr array ? (Value: array.Array, Tangent: ArrayTangent(array)) : Linearize(a, computed)).ToList();
        var parameters = call.Target.Parameters;
        var kind = call.Kind.Keyword();
        if (call.Target.IsDifferentiable)
        {
            var tangents = parameters.Select((p, i) => (p, i)).Where(x => x.p.Differentiated)
                .Select(x => arguments[x.i].Tangent ?? (x.p.Storage == StorageKind.Scalar
                    ? Zero(x.p.Kind)
                    : "global::AutogradGen.CompilerServices.Zeros<" + x.p.Kind.Keyword() + ">.Span(" + arguments[x.i].Value + ".Length)"));
            var value = Names.Fresh("t");
            var tangent = Names.Fresh("dt");
            Writer.Line("(" + kind + " " + value + ", " + kind + " " + tangent + ") = " + call.Target.ContainingType + "." + call.Target.Name + "Derivative("
                + string.Join(", ", arguments.Select(a => a.Value).Concat(tangents)) + ");");
            return (value, tangent);
        }

        var derivative = UserDerivatives[call.Target.Key];
        var partials = new List<string>();
        var terms = new List<string>();
        var scratch = new List<string>();
        foreach (var (parameter, i) in parameters.Select((p, i) => (p, i)))
        {
            if (!parameter.Kind.IsFloatingPoint())
            {
                continue;
            }

            if (parameter.Storage == StorageKind.Scalar)
            {
                var partial = Names.Fresh("p");
                partials.Add("out " + parameter.Kind.Keyword() + " " + partial);
                if (arguments[i].Tangent is { } t)
                {
                    terms.Add(partial + " * " + t);
                }
            }
            else
            {
                var buffer = Names.Fresh("partials");
                Writer.Line("var " + buffer + " = new global::AutogradGen.CompilerServices.ScratchBuffer<" + parameter.Kind.Keyword() + ">(" + arguments[i].Value + ".Length);");
                partials.Add(buffer + ".Span");
                scratch.Add(buffer);
                if (arguments[i].Tangent is { } t)
                {
                    var dot = Names.Fresh("dot");
                    var index = Names.Fresh("j");
                    Writer.Line(parameter.Kind.Keyword() + " " + dot + " = " + Zero(parameter.Kind) + ";");
                    terms.Add(dot);
                    // The dot product runs after the call fills the partials; emitted below.
                    _pendingDots.Add((dot, index, buffer, t));
                }
            }
        }

        var result = Names.Fresh("t");
        Writer.Line(kind + " " + result + " = " + derivative.ContainingType + "." + derivative.Name + "("
            + string.Join(", ", arguments.Select(a => a.Value).Concat(partials)) + ");");
        foreach (var (dot, index, buffer, tangent) in _pendingDots)
        {
            Writer.Line("for (int " + index + " = 0; " + index + " < " + buffer + ".Span.Length; " + index + "++) " + dot + " += " + buffer + ".Span[" + index + "] * " + tangent + "[" + index + "];");
        }

        _pendingDots.Clear();
        foreach (var buffer in scratch)
        {
            Writer.Line(buffer + ".Dispose();");
        }

        return (result, terms.Count == 0 ? null : Temporary(call.Kind, string.Join(" + ", terms), "dt"));
    }

    private readonly List<(string Dot, string Index, string Buffer, string Tangent)> _pendingDots = new();

    private string? ArrayTangent(ArrayArgumentExpr array) =>
        _tangents.TryGetValue(array.Array, out var tangent) ? tangent : null;
}
