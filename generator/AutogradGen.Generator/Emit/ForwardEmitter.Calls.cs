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
        var arguments = call.Arguments
            .Select(a => a is ArrayArgumentExpr array ? (Value: ExprPrinter.Print(array), Tangent: ArrayTangent(array)) : Linearize(a, computed))
            .ToList();
        return call.Target.IsDifferentiable ? GeneratedDerivative(call, arguments) : UserDerivative(call, arguments);
    }

    /// <summary><c>var (t, dt) = Callee.FDerivative(arguments, tangents)</c>, with zero tangents for inactive arguments.</summary>
    private (string Value, string? Tangent) GeneratedDerivative(CallExpr call, List<(string Value, string? Tangent)> arguments)
    {
        // A struct parameter takes the struct of its leaves' values, and a struct of their tangents.
        var tangents = CallArguments.Differentiated(call.Target, i => arguments[i].Tangent ?? ZeroTangent(call.Target.Parameters[i], arguments[i].Value));
        var kind = call.Kind.Keyword();
        var value = TemporaryName("t");
        var tangent = TemporaryName("dt");
        Writer.Line("(" + kind + " " + value + ", " + kind + " " + tangent + ") = " + call.Target.Qualifier + "." + call.Target.Name + "Derivative("
            + string.Join(", ", CallArguments.Values(call.Target, arguments.Select(a => a.Value).ToList()).Concat(tangents)) + ");");
        return (value, tangent);
    }

    /// <summary>
    /// Calls the user's derivative for its value and partials (<c>out</c> scalars, pooled scratch spans), then
    /// the tangent is Σ partial × argument tangent (a dot product for spans).
    /// </summary>
    private (string Value, string? Tangent) UserDerivative(CallExpr call, List<(string Value, string? Tangent)> arguments)
    {
        var derivative = UserDerivatives[call.Target.Key];
        var partials = new List<string>();
        var terms = new List<string>();
        var spanPartials = new List<(string Buffer, string? Tangent, NumberKind Kind)>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = call.Target.Parameters[i];
            if (!parameter.Kind.IsFloatingPoint())
            {
                continue;
            }

            if (parameter.Storage == StorageKind.Scalar)
            {
                var partial = TemporaryName("p");
                partials.Add("out " + parameter.Kind.Keyword() + " " + partial);
                if (arguments[i].Tangent is { } tangent)
                {
                    terms.Add(partial + " * " + tangent);
                }
            }
            else
            {
                var buffer = Names.Fresh("partials");
                Writer.Line("var " + buffer + " = new global::AutogradGen.CompilerServices.ScratchBuffer<" + parameter.Kind.Keyword() + ">(" + arguments[i].Value + ".Length);");
                partials.Add(buffer + ".Span");
                spanPartials.Add((buffer, arguments[i].Tangent, parameter.Kind));
            }
        }

        var value = TemporaryName("t");
        Writer.Line(call.Kind.Keyword() + " " + value + " = " + derivative.ContainingType + "." + derivative.Name + "("
            + string.Join(", ", arguments.Select(a => a.Value).Concat(partials)) + ");");
        foreach (var (buffer, tangent, kind) in spanPartials)
        {
            if (tangent is not null)
            {
                var dot = Names.Fresh("dot");
                var j = Names.Fresh("j");
                Writer.Line(kind.Keyword() + " " + dot + " = " + Zero(kind) + ";");
                Writer.Line("for (int " + j + " = 0; " + j + " < " + buffer + ".Span.Length; " + j + "++) " + dot + " += " + buffer + ".Span[" + j + "] * " + tangent + "[" + j + "];");
                terms.Add(dot);
            }

            Writer.Line(buffer + ".Dispose();");
        }

        return (value, terms.Count == 0 ? null : Temporary(call.Kind, string.Join(" + ", terms), "dt"));
    }

    private static string ZeroTangent(CallParameter parameter, string argument) => parameter.WholeArray ? "null" : parameter.Storage == StorageKind.Scalar
        ? Zero(parameter.Kind)
        : "global::AutogradGen.CompilerServices.Zeros<" + parameter.Kind.Keyword() + ">.Span(" + argument + ".Length)";

    private string? ArrayTangent(ArrayArgumentExpr array) =>
        array.WholeArray is { } whole ? _wholeTangents[whole]
        : _tangents.TryGetValue(array.Array, out var tangent) ? ExprPrinter.RowSlice(array, tangent) : null;
}
