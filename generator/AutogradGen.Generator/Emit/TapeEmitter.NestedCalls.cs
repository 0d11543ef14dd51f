using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Nested calls in the tape twin (Parsing/BodyParser.NestedCalls.cs lowers <c>FGradient</c> and <c>FDerivative</c> to
/// <c>FNestedValue</c>, <c>FNestedSlope</c> and <c>FNestedComponent</c>): the value is F's twin on tensors, the slope
/// and the gradient's components are <c>NestedTape.Slope</c> and <c>NestedTape.Component</c>, a createGraph
/// <c>Autograd.Grad</c> of F's twin, so that the twin's own backward pass differentiates through the inner gradient.
/// F's twin takes a tensor for every double parameter (its <c>{F}NestedTape</c> when it leaves one undifferentiated),
/// so the derivative through parameters F does not differentiate is on the tape too.
/// </summary>
internal sealed partial class TapeEmitter
{
    private Code NestedCall(CallExpr call)
    {
        var target = call.Target;
        var suffix = target.Name.Substring(target.Name.LastIndexOf("Nested", System.StringComparison.Ordinal));
        var extra = suffix switch
        {
            "NestedValue" => 0,
            "NestedComponent" => 2,
            _ => target.NestedDifferentiated.Count,
        };
        var count = call.Arguments.Count - extra;
        var inputs = _names.Fresh("inputs");
        var tensors = new List<string>();
        var positions = new Dictionary<int, int>();
        var lambdaArguments = new List<string>();
        var directArguments = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var parameter = target.Parameters[i];
            var argument = call.Arguments[i];
            if (!parameter.IsPassThrough && parameter.Kind == NumberKind.Double)
            {
                var tensor = parameter.Storage.IsIndexed() ? ArrayAsTensor(argument, NumberKind.Double) : TensorOf(Translate(argument), NumberKind.Double).Text;
                positions[i] = tensors.Count;
                lambdaArguments.Add(inputs + "[" + tensors.Count.ToString(CultureInfo.InvariantCulture) + "]");
                directArguments.Add(tensor);
                tensors.Add(tensor);
                continue;
            }

            var raw = parameter.IsPassThrough ? Translate(argument).Text : RawOf(Translate(argument), argument.Kind).Text;
            if (argument is not LiteralExpr && CannotCapture())
            {
                // The lambda below captures the argument: an 'in' parameter or a span cannot be captured.
                throw new UnmappableException();
            }

            lambdaArguments.Add(raw);
            directArguments.Add(raw);
        }

        var twin = target.Qualifier + "." + (target.TwinName ?? target.Name.Substring(0, target.Name.Length - suffix.Length) + "Tape");
        if (suffix == "NestedValue")
        {
            return new Code(twin + "(" + string.Join(", ", directArguments) + ")", true, true);
        }

        var function = inputs + " => " + twin + "(" + string.Join(", ", lambdaArguments) + ")";
        var arrays = "new " + TensorType + "[] { " + string.Join(", ", tensors) + " }, new int[] { "
            + string.Join(", ", target.NestedDifferentiated.Select(p => positions[p].ToString(CultureInfo.InvariantCulture))) + " }";
        const string Nested = "global::AutogradGen.CompilerServices.NestedTape";
        if (suffix == "NestedComponent")
        {
            return new Code(Nested + ".Component(" + function + ", " + arrays + ", " + Raw(call.Arguments[count]) + ", " + Raw(call.Arguments[count + 1]) + ")", true, true);
        }

        var directions = call.Arguments.Skip(count).Select(d => TensorOf(Translate(d), NumberKind.Double).Text);
        return new Code(Nested + ".Slope(" + function + ", " + arrays + ", new " + TensorType + "[] { " + string.Join(", ", directions) + " })", true, true);
    }

    /// <summary>Whether the twin has a parameter a lambda cannot capture: an <c>in</c> parameter, or data of a span type.</summary>
    private bool CannotCapture() =>
        _method.Variables.Any(v => v.IsParameter && (v.PassedIn || v.PassThroughType?.Contains("Span<") == true));
}
