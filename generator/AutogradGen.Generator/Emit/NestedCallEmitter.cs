using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// The helpers through which other [Differentiable] methods differentiate a call of this SecondOrder method's
/// Gradient or Derivative (nested derivatives, Parsing/BodyParser.NestedCalls.cs): <c>{Name}NestedValue</c>, the
/// method's value, and <c>{Name}NestedSlope</c>, its gradient dotted with a direction, each with the Derivative and
/// Pullback that forward and reverse mode call, as for any [Differentiable] callee.
/// </summary>
/// <remarks>
/// Both are differentiated with respect to every double parameter, also those the method itself does not
/// differentiate: a caller's derivative flows through all of them (particle's charge position depends on the control
/// w, which the inner gradient does not differentiate). The second derivatives come from one run of
/// <c>{Name}TangentPullback</c> (forward over reverse): run along v, its adjoints' values are the gradient g over the
/// differentiated parameters D and their tangents ∂g/∂p·v for every parameter p with a tangent. So
/// <list type="bullet">
/// <item>forward mode: one run along the caller's tangents gives the value's and the slope's tangents;</item>
/// <item>reverse mode: one run along the direction d gives H_DD·d (the Hessian is symmetric) for the parameters in D,
/// and one run along each double parameter outside D gives its mixed partial (∂g/∂p)·d (and ∂f/∂p for the value).</item>
/// </list>
/// </remarks>
internal static class NestedCallEmitter
{
    private const string DualType = "global::AutogradGen.CompilerServices.Dual";
    private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>Whether the method can be called nested: scalar parameters only (double, int, bool, or data passed through).</summary>
    public static bool Applies(MethodModel model) =>
        model.IsStatic && model.Variables.All(v => !v.IsParameter || v.PassThroughType is not null || v.Storage == StorageKind.Scalar);

    public static void Emit(MethodModel model, CodeWriter writer, bool forwardOverForward)
    {
        var parameters = model.Variables.Where(v => v.IsParameter).ToList();
        var names = new NameTable(model.Variables.Select(v => v.Name).Append("seed"));
        var tangents = Floating(parameters).ToDictionary(p => p.Name, p => names.Fresh(p.Name + "Tangent"));
        var adjoints = Floating(parameters).ToDictionary(p => p.Name, p => names.Fresh(p.Name + "Adjoint"));
        var directions = Differentiated(parameters).ToDictionary(p => p.Name, p => names.Fresh(p.Name + "Direction"));
        var directionTangents = Differentiated(parameters).ToDictionary(p => p.Name, p => names.Fresh(p.Name + "DirectionTangent"));
        var directionAdjoints = Differentiated(parameters).ToDictionary(p => p.Name, p => names.Fresh(p.Name + "DirectionAdjoint"));
        var context = new Context(model, parameters, names);

        WriteValue(context, writer);
        writer.Line();
        WriteValueDerivative(context, tangents, writer);
        writer.Line();
        WriteValuePullback(context, adjoints, writer);
        writer.Line();
        WriteSlope(context, directions, writer);
        writer.Line();
        WriteSlopeDerivative(context, directions, tangents, directionTangents, writer);
        writer.Line();
        WriteSlopePullback(context, directions, adjoints, directionAdjoints, writer);
        writer.Line();
        WriteDirectional(context, directions, writer);
        writer.Line();
        WriteDirectionalDerivative(context, directions, tangents, directionTangents, forwardOverForward, writer);
        writer.Line();
        WriteDirectionalPullback(context, directions, adjoints, directionAdjoints, writer);
    }

    /// <summary>
    /// <c>{Name}NestedDirectional</c>: what <c>FDerivative(x..., d...).Derivative</c> is lowered to, NestedSlope by
    /// another name so that a forward-mode caller nests forward over forward (ff) where NestedSlope, the gradient's
    /// components, nests forward over reverse (fr). Its reverse mode is NestedSlope's (rf).
    /// </summary>
    private static void WriteDirectional(Context c, Dictionary<string, string> directions, CodeWriter writer)
    {
        Summary(writer, c.Model, "its derivative along a direction, FDerivative(...).Derivative, for a method that calls it and is differentiated itself.");
        writer.Line(c.Header("double", "NestedDirectional", Differentiated(c.Parameters).Select(p => "double " + directions[p.Name])) + " =>");
        writer.Line("    " + c.Model.Name + "NestedSlope(" + string.Join(", ", c.Parameters.Select(p => p.Name).Concat(Differentiated(c.Parameters).Select(p => directions[p.Name]))) + ");");
    }

    private static void WriteDirectionalDerivative(Context c, Dictionary<string, string> directions, Dictionary<string, string> tangents, Dictionary<string, string> directionTangents, bool forwardOverForward, CodeWriter writer)
    {
        Summary(writer, c.Model, "NestedDirectional and its derivative along tangents of every double parameter and of the direction" + (forwardOverForward ? " (forward over forward)." : " (its TangentDerivative runs the dual pullback: the method calls methods without a dual forward mode)."));
        var extra = Differentiated(c.Parameters).Select(p => "double " + directions[p.Name])
            .Concat(Floating(c.Parameters).Select(p => "double " + tangents[p.Name]))
            .Concat(Differentiated(c.Parameters).Select(p => "double " + directionTangents[p.Name]));
        writer.Open(c.Header("(double Value, double Derivative)", "NestedDirectionalDerivative", extra));
        writer.Line("// The method's Derivative on dual numbers: inputs x + ε·t, tangents d + ε·d'; the derivative's tangent is dᵀ·H·t + ∇f·d'.");
        var arguments = c.Parameters.Select(p => IsFloating(p) ? "new " + DualType + "(" + p.Name + ", " + tangents[p.Name] + ")" : p.Name)
            .Concat(Differentiated(c.Parameters).Select(p => "new " + DualType + "(" + directions[p.Name] + ", " + directionTangents[p.Name] + ")"));
        var derivative = c.Names.Fresh("derivative");
        writer.Line(DualType + " " + derivative + " = " + c.Model.Name + "TangentDerivative(" + string.Join(", ", arguments) + ").Derivative;");
        writer.Line("return (" + derivative + ".Value, " + derivative + ".Tangent);");
        writer.Close();
    }

    private static void WriteDirectionalPullback(Context c, Dictionary<string, string> directions, Dictionary<string, string> adjoints, Dictionary<string, string> directionAdjoints, CodeWriter writer)
    {
        Summary(writer, c.Model, "NestedDirectional's reverse mode: NestedSlope's (reverse over forward is computed as forward over reverse, by symmetry of the Hessian).");
        var extra = Differentiated(c.Parameters).Select(p => "double " + directions[p.Name])
            .Append("double seed")
            .Concat(Floating(c.Parameters).Select(p => "ref double " + adjoints[p.Name]))
            .Concat(Differentiated(c.Parameters).Select(p => "ref double " + directionAdjoints[p.Name]));
        writer.Line(c.Header("double", "NestedDirectionalPullback", extra) + " =>");
        writer.Line("    " + c.Model.Name + "NestedSlopePullback(" + string.Join(", ", c.Parameters.Select(p => p.Name)
            .Concat(Differentiated(c.Parameters).Select(p => directions[p.Name]))
            .Append("seed")
            .Concat(Floating(c.Parameters).Select(p => "ref " + adjoints[p.Name]))
            .Concat(Differentiated(c.Parameters).Select(p => "ref " + directionAdjoints[p.Name]))) + ");");
    }

    private sealed record Context(MethodModel Model, List<VariableModel> Parameters, NameTable Names)
    {
        public string Header(string returnType, string name, IEnumerable<string> extra) =>
            Model.Accessibility + Model.StaticModifier + returnType + " " + Model.Name + name + "(" + string.Join(", ", Parameters.Select(Declaration).Concat(extra)) + ")";

        public string Arguments => string.Join(", ", Parameters.Select(p => p.Name));
    }

    private static void WriteValue(Context c, CodeWriter writer)
    {
        Summary(writer, c.Model, "its value, for a method that calls " + c.Model.Name + "Gradient or " + c.Model.Name + "Derivative and is differentiated itself.");
        writer.Line(c.Header("double", "NestedValue", Enumerable.Empty<string>()) + " =>");
        writer.Line("    " + c.Model.QualifiedName + "(" + c.Arguments + ");");
    }

    private static void WriteValueDerivative(Context c, Dictionary<string, string> tangents, CodeWriter writer)
    {
        Summary(writer, c.Model, "its value and its derivative along a tangent of every double parameter (forward mode of NestedValue).");
        writer.Open(c.Header("(double Value, double Derivative)", "NestedValueDerivative", Floating(c.Parameters).Select(p => "double " + tangents[p.Name])));
        if (Others(c.Parameters).Count == 0)
        {
            writer.Line("// Every double parameter is differentiated: forward mode is the method's own.");
            writer.Line("return " + c.Model.Name + "Derivative(" + string.Join(", ", c.Parameters.Select(p => p.Name).Concat(Differentiated(c.Parameters).Select(p => tangents[p.Name]))) + ");");
        }
        else
        {
            writer.Line("// Parameters the method does not differentiate have tangents too: the pullback on dual numbers carries them all.");
            var adjoints = DualAdjoints(c, writer);
            var value = c.Names.Fresh("value");
            writer.Line(DualType + " " + value + " = " + TangentPullback(c, p => tangents[p.Name], adjoints) + ";");
            writer.Line("return (" + value + ".Value, " + value + ".Tangent);");
        }

        writer.Close();
    }

    private static void WriteValuePullback(Context c, Dictionary<string, string> adjoints, CodeWriter writer)
    {
        Summary(writer, c.Model, "its value, adding seed × its partial derivative with respect to every double parameter into the adjoints (reverse mode of NestedValue).");
        writer.Open(c.Header("double", "NestedValuePullback", new[] { "double seed" }.Concat(Floating(c.Parameters).Select(p => "ref double " + adjoints[p.Name]))));
        var value = c.Names.Fresh("value");
        writer.Line("double " + value + " = " + c.Model.Name + "Pullback(" + string.Join(", ", c.Parameters.Select(p => p.Name).Append("seed").Concat(Differentiated(c.Parameters).Select(p => "ref " + adjoints[p.Name]))) + ");");
        foreach (var other in Others(c.Parameters))
        {
            writer.Line("// '" + other.Name + "' is not differentiated by " + c.Model.Name + ": its partial is the tangent of one run along it.");
            var dualAdjoints = DualAdjoints(c, writer);
            var along = c.Names.Fresh("along");
            writer.Line(DualType + " " + along + " = " + TangentPullback(c, p => p.Name == other.Name ? "1.0" : null, dualAdjoints) + ";");
            writer.Line(adjoints[other.Name] + " += seed * " + along + ".Tangent;");
        }

        writer.Line("return " + value + ";");
        writer.Close();
    }

    private static void WriteSlope(Context c, Dictionary<string, string> directions, CodeWriter writer)
    {
        Summary(writer, c.Model, "its gradient (over the parameters it differentiates) dotted with a direction: FGradient's components and FDerivative's derivative, for a method that calls them and is differentiated itself.");
        writer.Line(c.Header("double", "NestedSlope", Differentiated(c.Parameters).Select(p => "double " + directions[p.Name])) + " =>");
        writer.Line("    " + c.Model.Name + "Derivative(" + string.Join(", ", c.Parameters.Select(p => p.Name).Concat(Differentiated(c.Parameters).Select(p => directions[p.Name]))) + ").Derivative;");
    }

    private static void WriteSlopeDerivative(Context c, Dictionary<string, string> directions, Dictionary<string, string> tangents, Dictionary<string, string> directionTangents, CodeWriter writer)
    {
        Summary(writer, c.Model, "NestedSlope and its derivative along tangents of every double parameter and of the direction (forward over reverse).");
        var extra = Differentiated(c.Parameters).Select(p => "double " + directions[p.Name])
            .Concat(Floating(c.Parameters).Select(p => "double " + tangents[p.Name]))
            .Concat(Differentiated(c.Parameters).Select(p => "double " + directionTangents[p.Name]));
        writer.Open(c.Header("(double Value, double Derivative)", "NestedSlopeDerivative", extra));
        writer.Line("// One pullback on dual numbers along the tangents: the adjoints' values are the gradient g, their tangents g's derivative.");
        var adjoints = DualAdjoints(c, writer);
        writer.Line(TangentPullback(c, p => tangents[p.Name], adjoints) + ";");
        writer.Line("// (g · d)' = g' · d + g · d'");
        var slope = Sum(Differentiated(c.Parameters).Select(p => adjoints[p.Name] + ".Value * " + directions[p.Name]));
        var derivative = Sum(Differentiated(c.Parameters).Select(p => adjoints[p.Name] + ".Tangent * " + directions[p.Name] + " + " + adjoints[p.Name] + ".Value * " + directionTangents[p.Name]));
        writer.Line("return (" + slope + ", " + derivative + ");");
        writer.Close();
    }

    private static void WriteSlopePullback(Context c, Dictionary<string, string> directions, Dictionary<string, string> adjoints, Dictionary<string, string> directionAdjoints, CodeWriter writer)
    {
        Summary(writer, c.Model, "NestedSlope, adding seed × its partial derivatives into the adjoints of every double parameter (H·d) and of the direction (g) (reverse mode, by forward over reverse).");
        var extra = Differentiated(c.Parameters).Select(p => "double " + directions[p.Name])
            .Append("double seed")
            .Concat(Floating(c.Parameters).Select(p => "ref double " + adjoints[p.Name]))
            .Concat(Differentiated(c.Parameters).Select(p => "ref double " + directionAdjoints[p.Name]));
        writer.Open(c.Header("double", "NestedSlopePullback", extra));
        writer.Line("// One run along the direction d: the adjoints' values are the gradient g, their tangents H·d, which is the");
        writer.Line("// gradient of g · d with respect to the differentiated parameters (the Hessian is symmetric).");
        var dual = DualAdjoints(c, writer);
        writer.Line(TangentPullback(c, p => p.Differentiated ? directions[p.Name] : null, dual) + ";");
        foreach (var p in Differentiated(c.Parameters))
        {
            writer.Line(adjoints[p.Name] + " += seed * " + dual[p.Name] + ".Tangent;");
            writer.Line(directionAdjoints[p.Name] + " += seed * " + dual[p.Name] + ".Value;");
        }

        foreach (var other in Others(c.Parameters))
        {
            writer.Line("// '" + other.Name + "' is not differentiated by " + c.Model.Name + ", but g depends on it: (∂g/∂" + other.Name + ") · d from one run along it.");
            var along = DualAdjoints(c, writer);
            writer.Line(TangentPullback(c, p => p.Name == other.Name ? "1.0" : null, along) + ";");
            writer.Line(adjoints[other.Name] + " += seed * (" + Sum(Differentiated(c.Parameters).Select(p => along[p.Name] + ".Tangent * " + directions[p.Name])) + ");");
        }

        writer.Line("return " + Sum(Differentiated(c.Parameters).Select(p => dual[p.Name] + ".Value * " + directions[p.Name])) + ";");
        writer.Close();
    }

    /// <summary>The callee of the first nested call in a method's body (its name), or null when it has none.</summary>
    public static string? NestedCallee(Analysis.LoweredMethod method) =>
        Analysis.StmtWalker.Descendants(method.Body).SelectMany(Expressions).SelectMany(Descendants).OfType<CallExpr>()
            .FirstOrDefault(c => c.Target.IsNested) is { } call
            ? call.Target.Name.Substring(0, call.Target.Name.LastIndexOf("Nested", System.StringComparison.Ordinal))
            : null;

    private static IEnumerable<Expr> Descendants(Expr expr) => new[] { expr }.Concat(Analysis.ExprWalker.Children(expr).SelectMany(Descendants));

    private static IEnumerable<Expr> Expressions(Stmt statement) => statement switch
    {
        AssignStmt a => a.Index is null ? new[] { a.Value } : new[] { a.Value, a.Index },
        AllocateStmt a => new[] { a.Length },
        IfStmt i => new[] { i.Condition },
        LoopStmt { Condition: { } condition } => new[] { condition },
        ReturnStmt r => new[] { r.Value },
        _ => Enumerable.Empty<Expr>(),
    };

    /// <summary>Zeroed dual adjoints, one per differentiated parameter.</summary>
    private static Dictionary<string, string> DualAdjoints(Context c, CodeWriter writer)
    {
        var adjoints = new Dictionary<string, string>();
        foreach (var p in Differentiated(c.Parameters))
        {
            adjoints[p.Name] = c.Names.Fresh(p.Name + "Dual");
            writer.Line(DualType + " " + adjoints[p.Name] + " = 0.0;");
        }

        return adjoints;
    }

    /// <summary>
    /// <c>{Name}TangentPullback(...)</c> with seed 1: each double parameter a dual number whose tangent is
    /// <paramref name="tangent"/> (a constant where null), the others as they are.
    /// </summary>
    private static string TangentPullback(Context c, System.Func<VariableModel, string?> tangent, Dictionary<string, string> adjoints)
    {
        var arguments = c.Parameters.Select(p => IsFloating(p) && tangent(p) is { } t ? "new " + DualType + "(" + p.Name + ", " + t + ")" : p.Name)
            .Append("1.0")
            .Concat(Differentiated(c.Parameters).Select(p => "ref " + adjoints[p.Name]));
        return c.Model.Name + "TangentPullback(" + string.Join(", ", arguments) + ")";
    }

    private static void Summary(CodeWriter writer, MethodModel model, string what)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Nested derivatives of <see cref=\"" + model.DocumentationId + "\"/>: " + what + " Called by generated code.");
        writer.Line("/// </summary>");
        writer.Line(Hidden);
    }

    private static string Sum(IEnumerable<string> terms)
    {
        var list = terms.ToList();
        return list.Count == 0 ? "0.0" : string.Join(" + ", list);
    }

    private static bool IsFloating(VariableModel p) => p.PassThroughType is null && p.Kind == NumberKind.Double;

    private static IEnumerable<VariableModel> Floating(List<VariableModel> parameters) => parameters.Where(IsFloating);

    private static IEnumerable<VariableModel> Differentiated(List<VariableModel> parameters) => parameters.Where(p => p.Differentiated);

    private static List<VariableModel> Others(List<VariableModel> parameters) => parameters.Where(p => IsFloating(p) && !p.Differentiated).ToList();

    private static string Declaration(VariableModel p) => (p.PassedIn ? "in " : string.Empty) + TypeClassifier.TypeText(p) + " " + p.Name;
}
