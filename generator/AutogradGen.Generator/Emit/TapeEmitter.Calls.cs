using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Calls in the tape twin: Math/MathF functions as tensor operations with the rule table's kink choices, other
/// [Differentiable] methods through their own twins, and user derivatives as one custom node each.
/// </summary>
internal sealed partial class TapeEmitter
{
    /// <summary>Math functions that are one tensor method of the same name (PyTorch's grad_fn names).</summary>
    private static readonly HashSet<string> s_tensorMethods = new()
    {
        "Sin/1", "Cos/1", "Tan/1", "Asin/1", "Acos/1", "Atan/1", "Sinh/1", "Cosh/1", "Tanh/1",
        "Exp/1", "Log/1", "Log10/1", "Log2/1", "Sqrt/1", "Cbrt/1", "Abs/1", "Asinh/1", "Acosh/1", "Atanh/1", "Exp2/1",
    };

    /// <summary>Functions that are one tensor method of PyTorch's name (Expm1Backward0, Log1PBackward0, FmaxBackward0...).</summary>
    private static readonly Dictionary<string, string> s_renamedTensorMethods = new()
    {
        ["ExpM1/1"] = "Expm1", ["LogP1/1"] = "Log1p", ["DegreesToRadians/1"] = "Deg2rad", ["RadiansToDegrees/1"] = "Rad2deg",
        ["MaxNumber/2"] = "Fmax", ["MinNumber/2"] = "Fmin", ["Lerp/3"] = "Lerp",
    };

    /// <summary>Math functions whose kinks TapeMath decides as the rule table does (ties split, clamp bounds, pow at 0).</summary>
    private static readonly HashSet<string> s_tapeMathFunctions = new()
    {
        "Max/2", "Min/2", "Clamp/3", "Log/2", "FusedMultiplyAdd/3", "Pow/2",
        // Composed of PyTorch's operations, since PyTorch has none of these (SinPi is Sin(π·x)).
        "Exp10/1", "Exp2M1/1", "Exp10M1/1", "Log2P1/1", "Log10P1/1", "SinPi/1", "CosPi/1", "TanPi/1", "AsinPi/1", "AcosPi/1",
        "AtanPi/1", "Atan2Pi/2", "MaxMagnitude/2", "MinMagnitude/2", "MaxMagnitudeNumber/2", "MinMagnitudeNumber/2",
        "IEEERemainder/2", "Ieee754Remainder/2",
    };

    private Code MathCall(MathCallExpr call)
    {
        var arguments = call.Arguments.Select(Translate).ToArray();
        if (!arguments.Any(a => a.IsTensor))
        {
            return new Code(call.Class + "." + call.Function + "(" + Arguments(arguments) + ")", false, true);
        }

        var key = call.Function + "/" + arguments.Length.ToString(CultureInfo.InvariantCulture);
        if (MathRules.HasZeroDerivative(call.Function))
        {
            // Sign, Floor, Round...: a constant almost everywhere; computed on the value, with no derivative.
            var raw = call.Class + "." + call.Function + "(" + string.Join(", ", call.Arguments.Select((a, i) => RawOf(arguments[i], a.Kind).Text)) + ")";
            return call.Kind.IsFloatingPoint() ? TensorOf(new Code(raw, false, true), call.Kind) : new Code(raw, false, true);
        }

        if (s_tensorMethods.Contains(key))
        {
            return new Code(TensorOf(arguments[0], call.Arguments[0].Kind).Operand + "." + call.Function + "()", true, true);
        }

        if (s_renamedTensorMethods.TryGetValue(key, out var renamed))
        {
            var operands = arguments.Select((a, i) => TensorOf(a, call.Arguments[i].Kind)).ToArray();
            return new Code(operands[0].Operand + "." + renamed + "(" + string.Join(", ", operands.Skip(1).Select(o => o.Text)) + ")", true, true);
        }

        if (key == "Pow/2" && !arguments[1].IsTensor)
        {
            // A plain exponent: PowBackward0, whose derivative is 0 where the exponent is 0, as the rule table's.
            return new Code(arguments[0].Operand + ".Pow(" + arguments[1].Text + ")", true, true);
        }

        if (key is "Atan2/2" or "Hypot/2" or "CopySign/2")
        {
            // One tensor operation each, with PyTorch's grad_fn (Atan2Backward0, HypotBackward0, CopysignBackward0).
            var method = key == "CopySign/2" ? "Copysign" : call.Function;
            return new Code(TensorOf(arguments[0], call.Kind).Operand + "." + method + "(" + TensorOf(arguments[1], call.Kind).Text + ")", true, true);
        }

        if (key is "ScaleB/2" or "RootN/2")
        {
            return new Code(TapeMath + "." + call.Function + "(" + TensorOf(arguments[0], call.Arguments[0].Kind).Text + ", " + RawOf(arguments[1], call.Arguments[1].Kind).Text + ")", true, true);
        }

        if (s_tapeMathFunctions.Contains(key))
        {
            var tensors = arguments.Select((a, i) => TensorOf(a, call.Arguments[i].Kind).Text);
            return new Code(TapeMath + "." + call.Function + "(" + string.Join(", ", tensors) + ")", true, true);
        }

        throw new UnmappableException();
    }

    private Code Call(CallExpr call)
    {
        if (call.Target.IsDifferentiable)
        {
            return TwinCall(call);
        }

        return _userDerivatives.ContainsKey(call.Target.Key) ? UserDerivativeCall(call) : PlainCall(call);
    }

    /// <summary>
    /// A call no derivative flows through (<c>double.IsNaN(x)</c>, a helper on constants): the generator accepted it
    /// for that reason, so the twin calls it on the plain values, as the derivative code does.
    /// </summary>
    private Code PlainCall(CallExpr call)
    {
        var arguments = call.Arguments.Select((argument, i) => call.Target.Parameters[i].Storage.IsIndexed()
            ? ArrayAsValues(argument, call.Target.Parameters[i].Kind)
            : RawOf(Translate(argument), argument.Kind).Text);
        return new Code(call.Target.Qualifier + "." + call.Target.Name + "(" + string.Join(", ", CallArguments.Values(call.Target, arguments.ToList())) + ")", false, true);
    }

    /// <summary><c>Callee.FTape(...)</c>: tensors for the callee's differentiated parameters, plain values for the others.</summary>
    private Code TwinCall(CallExpr call)
    {
        if (call.Target.IsNested)
        {
            return NestedCall(call);
        }

        var arguments = call.Target.Parameters.Select((parameter, i) =>
        {
            var argument = call.Arguments[i];
            if (parameter.Storage.IsIndexed())
            {
                return parameter.Differentiated ? ArrayAsTensor(argument, parameter.Kind) : ArrayAsValues(argument, parameter.Kind);
            }

            var code = Translate(argument);
            if (parameter.WithoutDerivative is { } array)
            {
                // The callee's twin takes tensors for the array it differentiates; the caller's data is constant.
                return array.Jagged
                    ? TapeMath + ".JaggedConstant(" + code.Text + ", " + DTypeOf(array.Kind) + ")"
                    : TensorType + ".From(" + code.Text + ")";
            }

            return parameter.Differentiated ? TensorOf(code, parameter.Kind).Text : RawOf(code, argument.Kind).Text;
        });
        return new Code(call.Target.Qualifier + "." + (call.Target.TwinName ?? call.Target.Name + "Tape") + "(" + string.Join(", ", arguments) + ")", true, true);
    }

    /// <summary>
    /// <c>TapeMath.UserDerivative</c>: one custom node named after the callee, whose forward calls the user's
    /// derivative once (keeping its partials) and whose backward scales the partials by the incoming gradient.
    /// Floating-point arguments are the node's inputs; integers and booleans ride along as a tuple.
    /// </summary>
    private Code UserDerivativeCall(CallExpr call)
    {
        var derivative = _userDerivatives[call.Target.Key];
        var kind = call.Kind;
        var state = _names.Fresh("state");
        var values = _names.Fresh("values");
        var partials = _names.Fresh("partials");
        var inputs = new List<string>();
        var stateValues = new List<(string Type, string Value)>();
        var callArguments = new List<string>();
        var partialArguments = new List<string>();
        var partialCopies = new List<string>();
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            var parameter = call.Target.Parameters[i];
            var argument = call.Arguments[i];
            if (!parameter.Kind.IsFloatingPoint())
            {
                stateValues.Add((parameter.Kind.Keyword(), Raw(argument)));
                callArguments.Add(state + ".Item" + stateValues.Count.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            var input = inputs.Count.ToString(CultureInfo.InvariantCulture);
            if (parameter.Storage.IsIndexed())
            {
                inputs.Add(ArrayAsTensor(argument, parameter.Kind));
                callArguments.Add(values + "[" + input + "]");
                partialArguments.Add(partials + "[" + input + "]");
            }
            else
            {
                inputs.Add(TensorOf(Translate(argument), parameter.Kind).Text);
                callArguments.Add(values + "[" + input + "][0]");
                var partial = _names.Fresh("p" + input);
                partialArguments.Add("out " + parameter.Kind.Keyword() + " " + partial);
                partialCopies.Add(partials + "[" + input + "][0] = " + partial + ";");
            }
        }

        var stateType = stateValues.Count == 0 ? "int" : "global::System.ValueTuple<" + string.Join(", ", stateValues.Select(s => s.Type)) + ">";
        var stateValue = stateValues.Count == 0 ? "0" : "global::System.ValueTuple.Create(" + string.Join(", ", stateValues.Select(s => s.Value)) + ")";
        var body = "var value = " + derivative.ContainingType + "." + derivative.Name + "(" + string.Join(", ", callArguments.Concat(partialArguments)) + "); "
            + string.Concat(partialCopies.Select(c => c + " ")) + "return value;";
        var lambda = "static (" + state + ", " + values + ", " + partials + ") => { " + body + " }";
        var text = TapeMath + ".UserDerivative<" + kind.Keyword() + ", " + stateType + ">(\"" + call.Target.Name + "\", " + stateValue + ", " + lambda
            + (inputs.Count > 0 ? ", " + string.Join(", ", inputs) : string.Empty) + ")";
        return new Code(text, true, true);
    }

    /// <summary>A whole array argument as one 1-d tensor, for a parameter the callee differentiates.</summary>
    private string ArrayAsTensor(Expr argument, NumberKind kind)
    {
        if (argument is not ArrayArgumentExpr array)
        {
            throw new UnmappableException();
        }

        if (array.WholeArray is { } whole)
        {
            // The twin's own 2-d tensor or row tensors, handed on.
            return whole;
        }

        if (array.Row is { } row)
        {
            // A row of a jagged parameter is one of the twin's row tensors (checked as the original's a[i] is).
            return row.Jagged + "[" + row.Layout + ".Row(" + Raw(row.Index) + ")]";
        }

        return StorageOf(array.Array) switch
        {
            ArrayStorage.Tensor => array.Array,
            ArrayStorage.TensorArray => TapeMath + ".Stack(" + array.Array + ", " + DTypeOf(kind) + ")",
            ArrayStorage.RawArray => TensorType + ".From(" + array.Array + ")",
            _ => TensorType + ".From(" + array.Array + ".ToArray())",
        };
    }

    /// <summary>A whole array argument as plain values, for a parameter the callee does not differentiate.</summary>
    private string ArrayAsValues(Expr argument, NumberKind kind)
    {
        if (argument is not ArrayArgumentExpr array)
        {
            throw new UnmappableException();
        }

        if (array.Row is { } row)
        {
            return row.Jagged + "[" + row.Layout + ".Row(" + Raw(row.Index) + ")].ToArray<" + kind.Keyword() + ">()";
        }

        return StorageOf(array.Array) switch
        {
            ArrayStorage.Tensor => array.Array + ".ToArray<" + kind.Keyword() + ">()",
            ArrayStorage.TensorArray => TapeMath + (kind == NumberKind.Float ? ".Singles(" : ".Doubles(") + array.Array + ")",
            _ => array.Array,
        };
    }
}
