using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// The nested-call helpers of a SecondOrder method with <c>ReadOnlySpan&lt;double&gt;</c> parameters, what other
/// [Differentiable] methods call when they call its Gradient (Parsing/BodyParser.NestedSpanCalls.cs):
/// <c>{Name}NestedValue</c> (its value) and <c>{Name}NestedComponent(params..., parameter, element)</c> (one component
/// of its gradient: <c>parameter</c> numbers the differentiated parameters in order, <c>element</c> is the index in a
/// span, 0 for a scalar), each with the Derivative and Pullback that forward and reverse mode call.
/// </summary>
/// <remarks>
/// As for scalar methods (<see cref="NestedCallEmitter"/>), both are differentiated with respect to every double
/// parameter, also a scalar the method does not differentiate (spans it does not differentiate are refused by the
/// parser, AGD0092), and the second derivatives come from runs of <c>{Name}TangentPullback</c>:
/// <list type="bullet">
/// <item>forward mode: one run along the caller's tangents, whose adjoints' tangents are H·t, picked at the component;</item>
/// <item>reverse mode: one run along the component's unit vector, whose adjoints' tangents are that row of the Hessian
/// (symmetric), plus one run along each double scalar the method does not differentiate (its mixed partial).</item>
/// </list>
/// So a caller's derivative costs one such run per gradient component it reads: about the cost of the Hessian.
/// </remarks>
internal static class NestedSpanCallEmitter
{
    private const string DualType = "global::AutogradGen.CompilerServices.Dual";
    private const string DualScratch = "global::AutogradGen.CompilerServices.ScratchBuffer<" + DualType + ">";
    private const string Scratch = "global::AutogradGen.CompilerServices.ScratchBuffer<double>";
    private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>
    /// Whether the method gets these helpers: static, with at least one span, every span a differentiated double
    /// span, every other parameter a scalar or data passed through.
    /// </summary>
    public static bool Applies(MethodModel model) =>
        model.IsStatic
        && model.Variables.Any(v => v.IsParameter && v.PassThroughType is null && v.Storage != StorageKind.Scalar)
        && model.Variables.All(v => !v.IsParameter || v.PassThroughType is not null || v.Storage == StorageKind.Scalar
            || v.Storage is StorageKind.Span or StorageKind.ReadOnlySpan && v.Kind == NumberKind.Double && v.Differentiated);

    public static void Emit(MethodModel model, CodeWriter writer)
    {
        var parameters = model.Variables.Where(v => v.IsParameter).ToList();
        var names = new NameTable(model.Variables.Select(v => v.Name).Concat(new[] { "seed", "parameter", "element" }));
        var c = new Context(model, parameters, names, names.Fresh("parameter"), names.Fresh("element"));
        var tangents = Floating(parameters).ToDictionary(p => p.Name, p => names.Fresh(p.Name + "Tangent"));
        var adjoints = Floating(parameters).ToDictionary(p => p.Name, p => names.Fresh(p.Name + "Adjoint"));

        WriteValue(c, writer);
        writer.Line();
        WriteValueDerivative(c, tangents, writer);
        writer.Line();
        WriteValuePullback(c, adjoints, writer);
        writer.Line();
        WriteComponent(c, writer);
        writer.Line();
        WriteComponentDerivative(c, tangents, writer);
        writer.Line();
        WriteComponentPullback(c, adjoints, writer);
    }

    private sealed record Context(MethodModel Model, List<VariableModel> Parameters, NameTable Names, string Parameter, string Element)
    {
        public string Header(string returnType, string name, IEnumerable<string> extra) =>
            Model.Accessibility + Model.StaticModifier + returnType + " " + Model.Name + name + "(" + string.Join(", ", Parameters.Select(Declaration).Concat(extra)) + ")";

        public IEnumerable<string> Arguments => Parameters.Select(p => p.Name);

        public IEnumerable<string> Coordinates => new[] { "int " + Parameter, "int " + Element };
    }

    private static void WriteValue(Context c, CodeWriter writer)
    {
        Summary(writer, c.Model, "its value, for a method that calls " + c.Model.Name + "Gradient and is differentiated itself.");
        writer.Line(c.Header("double", "NestedValue", Enumerable.Empty<string>()) + " =>");
        writer.Line("    " + c.Model.QualifiedName + "(" + string.Join(", ", c.Arguments) + ");");
    }

    private static void WriteValueDerivative(Context c, Dictionary<string, string> tangents, CodeWriter writer)
    {
        Summary(writer, c.Model, "its value and its derivative along a tangent of every double parameter (forward mode of NestedValue).");
        writer.Open(c.Header("(double Value, double Derivative)", "NestedValueDerivative", Floating(c.Parameters).Select(p => TangentType(p) + " " + tangents[p.Name])));
        if (Others(c.Parameters).Count == 0)
        {
            writer.Line("// Every double parameter is differentiated: forward mode is the method's own.");
            writer.Line("return " + c.Model.Name + "Derivative(" + string.Join(", ", c.Arguments.Concat(Differentiated(c.Parameters).Select(p => tangents[p.Name]))) + ");");
        }
        else
        {
            writer.Line("// Parameters the method does not differentiate have tangents too: the pullback on dual numbers carries them all.");
            var value = Run(c, (p, k) => tangents[p.Name] + (k is null ? string.Empty : "[" + k + "]"), writer, out _);
            writer.Line("return (" + value + ".Value, " + value + ".Tangent);");
        }

        writer.Close();
    }

    private static void WriteValuePullback(Context c, Dictionary<string, string> adjoints, CodeWriter writer)
    {
        Summary(writer, c.Model, "its value, adding seed × its partial derivative with respect to every double parameter into the adjoints (reverse mode of NestedValue).");
        writer.Open(c.Header("double", "NestedValuePullback", new[] { "double seed" }.Concat(Floating(c.Parameters).Select(p => AdjointType(p) + adjoints[p.Name]))));
        var value = c.Names.Fresh("value");
        writer.Line("double " + value + " = " + c.Model.Name + "Pullback(" + string.Join(", ", c.Arguments.Append("seed").Concat(Differentiated(c.Parameters).Select(p => AdjointArgument(p, adjoints[p.Name])))) + ");");
        foreach (var other in Others(c.Parameters))
        {
            writer.Line("// '" + other.Name + "' is not differentiated by " + c.Model.Name + ": its partial is the tangent of one run along it.");
            var along = Run(c, (p, _) => p.Name == other.Name ? "1.0" : null, writer, out _);
            writer.Line(adjoints[other.Name] + " += seed * " + along + ".Tangent;");
        }

        writer.Line("return " + value + ";");
        writer.Close();
    }

    private static void WriteComponent(Context c, CodeWriter writer)
    {
        Summary(writer, c.Model, "one component of its gradient (" + c.Parameter + " numbers the differentiated parameters in order, " + c.Element + " is the index in a span, 0 for a scalar), for a method that calls " + c.Model.Name + "Gradient and is differentiated itself.");
        writer.Open(c.Header("double", "NestedComponent", c.Coordinates));
        writer.Line("// The whole gradient from the method's pullback, then the component asked for.");
        var gradients = new Dictionary<string, string>();
        foreach (var p in Differentiated(c.Parameters))
        {
            gradients[p.Name] = c.Names.Fresh(p.Name + "Gradient");
            writer.Line(p.Storage == StorageKind.Scalar
                ? "double " + gradients[p.Name] + " = 0.0;"
                : "using var " + gradients[p.Name] + " = new " + Scratch + "(" + p.Name + ".Length);");
        }

        writer.Line(c.Model.Name + "Pullback(" + string.Join(", ", c.Arguments.Append("1.0").Concat(Differentiated(c.Parameters).Select(p => p.Storage == StorageKind.Scalar ? "ref " + gradients[p.Name] : gradients[p.Name] + ".Span"))) + ");");
        writer.Line("return " + Select(c, gradients) + ";");
        writer.Close();
    }

    private static void WriteComponentDerivative(Context c, Dictionary<string, string> tangents, CodeWriter writer)
    {
        Summary(writer, c.Model, "NestedComponent and its derivative along tangents of every double parameter (forward over reverse).");
        writer.Open(c.Header("(double Value, double Derivative)", "NestedComponentDerivative", c.Coordinates.Concat(Floating(c.Parameters).Select(p => TangentType(p) + " " + tangents[p.Name]))));
        writer.Line("// One pullback on dual numbers along the tangents: the adjoints' values are the gradient, their tangents its derivative.");
        Run(c, (p, k) => tangents[p.Name] + (k is null ? string.Empty : "[" + k + "]"), writer, out var adjoints);
        var picked = c.Names.Fresh("component");
        writer.Line(DualType + " " + picked + " = " + Select(c, adjoints) + ";");
        writer.Line("return (" + picked + ".Value, " + picked + ".Tangent);");
        writer.Close();
    }

    private static void WriteComponentPullback(Context c, Dictionary<string, string> adjoints, CodeWriter writer)
    {
        Summary(writer, c.Model, "NestedComponent, adding seed × its partial derivatives (a row of the Hessian) into the adjoints of every double parameter (reverse mode, by forward over reverse).");
        writer.Open(c.Header("double", "NestedComponentPullback", c.Coordinates.Append("double seed").Concat(Floating(c.Parameters).Select(p => AdjointType(p) + adjoints[p.Name]))));
        writer.Line("// One run along the unit vector of this coordinate: the adjoints' tangents are its column of the Hessian,");
        writer.Line("// which is its row (the Hessian is symmetric): the gradient of this component.");
        var position = Differentiated(c.Parameters).Select((p, j) => (p.Name, j)).ToDictionary(x => x.Name, x => x.j);
        Run(c, (p, k) => !p.Differentiated ? null
            : k is null ? "(" + c.Parameter + " == " + position[p.Name] + " ? 1.0 : 0.0)"
            : "(" + c.Parameter + " == " + position[p.Name] + " && " + k + " == " + c.Element + " ? 1.0 : 0.0)", writer, out var dual);
        foreach (var p in Differentiated(c.Parameters))
        {
            if (p.Storage == StorageKind.Scalar)
            {
                writer.Line(adjoints[p.Name] + " += seed * " + dual[p.Name] + ".Tangent;");
            }
            else
            {
                var k = c.Names.Fresh("k");
                writer.Open("for (int " + k + " = 0; " + k + " < " + p.Name + ".Length; " + k + "++)");
                writer.Line(adjoints[p.Name] + "[" + k + "] += seed * " + dual[p.Name] + ".Span[" + k + "].Tangent;");
                writer.Close();
            }
        }

        foreach (var other in Others(c.Parameters))
        {
            writer.Line("// '" + other.Name + "' is not differentiated by " + c.Model.Name + ", but the gradient depends on it: one run along it.");
            Run(c, (p, _) => p.Name == other.Name ? "1.0" : null, writer, out var along);
            writer.Line(adjoints[other.Name] + " += seed * (" + Select(c, along) + ").Tangent;");
        }

        writer.Line("return (" + Select(c, dual) + ").Value;");
        writer.Close();
    }

    /// <summary>
    /// One run of <c>{Name}TangentPullback</c> with seed 1: each double parameter a dual number (a span a pooled
    /// buffer of them) whose tangent is <paramref name="tangent"/> (of the parameter, and of the element index for a
    /// span; 0 where null), with fresh dual adjoints. Returns the local holding the value.
    /// </summary>
    private static string Run(Context c, System.Func<VariableModel, string?, string?> tangent, CodeWriter writer, out Dictionary<string, string> adjoints)
    {
        var inputs = new Dictionary<string, string>();
        foreach (var p in c.Parameters)
        {
            if (!IsFloating(p))
            {
                inputs[p.Name] = p.Name;
            }
            else if (p.Storage == StorageKind.Scalar)
            {
                inputs[p.Name] = tangent(p, null) is { } t ? "new " + DualType + "(" + p.Name + ", " + t + ")" : p.Name;
            }
            else
            {
                var buffer = c.Names.Fresh(p.Name + "Dual");
                var k = c.Names.Fresh("k");
                writer.Line("using var " + buffer + " = new " + DualScratch + "(" + p.Name + ".Length);");
                writer.Open("for (int " + k + " = 0; " + k + " < " + p.Name + ".Length; " + k + "++)");
                writer.Line(buffer + ".Span[" + k + "] = new " + DualType + "(" + p.Name + "[" + k + "], " + (tangent(p, k) ?? "0.0") + ");");
                writer.Close();
                inputs[p.Name] = buffer + ".Span";
            }
        }

        var dual = new Dictionary<string, string>();
        adjoints = dual;
        foreach (var p in Differentiated(c.Parameters))
        {
            adjoints[p.Name] = c.Names.Fresh(p.Name + "DualAdjoint");
            writer.Line(p.Storage == StorageKind.Scalar
                ? DualType + " " + adjoints[p.Name] + " = 0.0;"
                : "using var " + adjoints[p.Name] + " = new " + DualScratch + "(" + p.Name + ".Length);");
        }

        var value = c.Names.Fresh("value");
        var arguments = c.Parameters.Select(p => inputs[p.Name]).Append("1.0")
            .Concat(Differentiated(c.Parameters).Select(p => p.Storage == StorageKind.Scalar ? "ref " + dual[p.Name] : dual[p.Name] + ".Span"));
        writer.Line(DualType + " " + value + " = " + c.Model.Name + "TangentPullback(" + string.Join(", ", arguments) + ");");
        return value;
    }

    /// <summary>The component (parameter, element) of per-parameter gradients (scalar locals or buffers).</summary>
    private static string Select(Context c, Dictionary<string, string> gradients)
    {
        var text = "throw new global::System.ArgumentOutOfRangeException(\"" + c.Parameter.TrimStart('@') + "\")";
        var differentiated = Differentiated(c.Parameters).ToList();
        for (var j = differentiated.Count - 1; j >= 0; j--)
        {
            var p = differentiated[j];
            var read = p.Storage == StorageKind.Scalar ? gradients[p.Name] : gradients[p.Name] + ".Span[" + c.Element + "]";
            text = c.Parameter + " == " + j + " ? " + read + " : " + text;
        }

        return text;
    }

    private static void Summary(CodeWriter writer, MethodModel model, string what)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Nested derivatives of <see cref=\"" + model.DocumentationId + "\"/>: " + what + " Called by generated code.");
        writer.Line("/// </summary>");
        writer.Line(Hidden);
    }

    private static string TangentType(VariableModel p) => p.Storage == StorageKind.Scalar ? "double" : "global::System.ReadOnlySpan<double>";

    private static string AdjointType(VariableModel p) => p.Storage == StorageKind.Scalar ? "ref double " : "global::System.Span<double> ";

    private static string AdjointArgument(VariableModel p, string adjoint) => p.Storage == StorageKind.Scalar ? "ref " + adjoint : adjoint;

    private static bool IsFloating(VariableModel p) => p.PassThroughType is null && p.Kind == NumberKind.Double;

    private static IEnumerable<VariableModel> Floating(List<VariableModel> parameters) => parameters.Where(IsFloating);

    private static IEnumerable<VariableModel> Differentiated(List<VariableModel> parameters) => parameters.Where(p => p.Differentiated);

    private static List<VariableModel> Others(List<VariableModel> parameters) => parameters.Where(p => IsFloating(p) && p.Storage == StorageKind.Scalar && !p.Differentiated).ToList();

    private static string Declaration(VariableModel p) => (p.PassedIn ? "in " : string.Empty) + TypeClassifier.TypeText(p) + " " + p.Name;
}
