using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Reverse mode of a by-reference helper (<see cref="MethodModel.ByReferenceHelper"/>: a [Differentiable] method with
/// <c>ref</c>/<c>out</c> results, which its callers inline): <c>{Name}Gradient</c> with the signature rule of
/// docs/API.md, the original parameters with their modifiers, then one gradient per differentiated parameter:
/// <code>
/// double Step(ref double x, double dt, out double v)
/// double StepGradient(ref double x, double dt, out double v, ref double xGradient, out double dtGradient, double vAdjoint)
/// </code>
/// A <c>ref</c> parameter's gradient goes in as the adjoint of its final value and comes out as the gradient with
/// respect to its initial value; an <c>out</c> parameter's is the adjoint of its value, in only; the returned value's
/// adjoint is 1.
/// <para>
/// No new derivative code: the method is rewritten as the scalar function the reverse emitter already knows,
/// <c>L(x₀, dt, x̄, v̄) = F + x̄·x + v̄·v</c> (the ref parameter a value parameter the body assigns, the out parameter a
/// local, each <c>return</c> returning L), emitted as a private <c>{Name}ByReferenceGradient</c>; ∂L/∂x₀ and ∂L/∂dt are the
/// gradients. The public member calls it on the values coming in, then runs the original for the results, so the
/// original runs twice (once inside the sweep). Not for methods whose results are of different floating-point types.
/// </para>
/// </summary>
internal static class ByReferenceReverse
{
    /// <summary>The helper's results that carry a derivative: its differentiated ref and out parameters.</summary>
    private static List<VariableModel> Results(MethodModel model) =>
        model.Variables.Where(v => v.IsParameter && v.ReferenceKind is not null && v.Differentiated && v.Kind.IsFloatingPoint()).ToList();

    /// <summary>Whether the helper gets a Gradient (the parser's decision), its value and results of the one type the weighted sum is computed in.</summary>
    public static bool Supports(MethodModel model)
    {
        if (!model.ByReferenceGradient)
        {
            return false;
        }

        var kinds = Results(model).Select(r => r.Kind).ToList();
        if (!model.ReturnsVoid)
        {
            kinds.Add(model.ReturnKind);
        }

        return kinds.Count > 0 && kinds.Distinct().Count() == 1 && model.StructParameters.Count == 0 && model.MatrixParameters.Count == 0;
    }

    public static void Emit(MethodModel model, CodeWriter writer, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives)
    {
        var results = Results(model);
        var kind = model.ReturnsVoid ? results[0].Kind : model.ReturnKind;
        var used = new HashSet<string>(model.Variables.Select(v => v.Name));
        var weights = new Dictionary<string, string>();
        foreach (var result in results)
        {
            var name = result.Name + "ResultAdjoint";
            for (var suffix = 2; used.Contains(name); suffix++)
            {
                name = result.Name + "ResultAdjoint" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            used.Add(name);
            weights[result.Name] = name;
        }

        // Parameters first (ref ones become value parameters the body assigns, out ones locals), then the weights.
        var parameters = model.Variables.Where(v => v.IsParameter && v.ReferenceKind != "out").Select(v => v with { ReferenceKind = null });
        var weightParameters = results.Select(r => new VariableModel(weights[r.Name], r.Kind, StorageKind.Scalar, IsParameter: true, Differentiated: false));
        var outs = model.Variables.Where(v => v.IsParameter && v.ReferenceKind == "out").Select(v => v with { ReferenceKind = null, IsParameter = false, Differentiated = false });
        var locals = model.Variables.Where(v => !v.IsParameter);
        var variables = parameters.Concat(weightParameters).Concat(outs).Concat(locals).ToEquatableArray();

        var weighted = model with
        {
            Name = model.Name + "ByReference",
            Accessibility = "private",
            Variables = variables,
            Body = WeightedBody(model, results, weights, kind).ToEquatableArray(),
            ReturnKind = kind,
            ByReferenceHelper = false,
            ReturnsVoid = false,
            SecondOrder = false,
        };
        var lowered = ControlFlowLowering.Lower(weighted);
        var activity = Activity.Analyze(lowered);
        writer.Line("// " + weighted.Name + ": " + model.Name + " with its ref and out results weighted by their adjoints into one number");
        writer.Line("// (" + model.Name + " + Σ adjoint · result), whose gradient " + model.Name + "Gradient below hands out.");
        ReverseEmitter.Emit(weighted, lowered, activity, writer, userDerivatives);
        writer.Line();
        WriteGradient(model, weighted, results, weights, writer);
    }

    /// <summary>The body with each return handing back the value plus Σ weight · result (void: the sum alone, also at the end).</summary>
    private static List<Stmt> WeightedBody(MethodModel model, List<VariableModel> results, Dictionary<string, string> weights, NumberKind kind)
    {
        Expr Weighted(Expr? value)
        {
            var total = value;
            foreach (var result in results)
            {
                var term = new BinaryExpr(kind, BinaryOperator.Multiply, new VariableExpr(kind, weights[result.Name]), new VariableExpr(kind, result.Name));
                total = total is null ? term : new BinaryExpr(kind, BinaryOperator.Add, total, term);
            }

            return total!;
        }

        List<Stmt> Rewrite(IEnumerable<Stmt> statements) => statements.Select(statement => statement switch
        {
            ReturnStmt r => r with { Value = Weighted(model.ReturnsVoid ? null : r.Value) },
            IfStmt branch => branch with { Then = Rewrite(branch.Then).ToEquatableArray(), Else = Rewrite(branch.Else).ToEquatableArray() },
            LoopStmt loop => loop with { Body = Rewrite(loop.Body).ToEquatableArray(), Step = Rewrite(loop.Step).ToEquatableArray() },
            _ => statement,
        }).ToList();

        var body = Rewrite(model.Body);
        if (model.ReturnsVoid && body.LastOrDefault() is not ReturnStmt)
        {
            var last = model.Body.LastOrDefault();
            body.Add(new ReturnStmt(last?.Line ?? 0, "(end of " + model.Name + ")", Weighted(null)));
        }

        return body;
    }

    /// <summary>The public member: the gradient from the values coming in, then the original for its results.</summary>
    private static void WriteGradient(MethodModel model, MethodModel weighted, List<VariableModel> results, Dictionary<string, string> weights, CodeWriter writer)
    {
        var parameters = model.Variables.Where(v => v.IsParameter).ToList();
        var differentiated = parameters.Where(p => p.Differentiated && p.Kind.IsFloatingPoint() && p.Storage == StorageKind.Scalar).ToList();
        var used = new HashSet<string>(model.Variables.Select(v => v.Name).Concat(weights.Values));
        string Fresh(string wanted)
        {
            var name = wanted;
            for (var suffix = 2; used.Contains(name); suffix++)
            {
                name = wanted + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            used.Add(name);
            return name;
        }

        var gradients = differentiated.ToDictionary(p => p.Name, p => Fresh(p.Name + (p.ReferenceKind == "out" ? "Adjoint" : "Gradient")));
        var signature = parameters.Select(Declaration).Concat(differentiated.Select(p => p.ReferenceKind switch
        {
            "ref" => "ref " + Keyword(p.Kind) + " " + gradients[p.Name],
            "out" => Keyword(p.Kind) + " " + gradients[p.Name],
            _ => "out " + Keyword(p.Kind) + " " + gradients[p.Name],
        }));
        var resultType = model.ReturnsVoid ? "void" : model.ReturnKind.Keyword();
        writer.Line("/// <summary>");
        writer.Line("/// Reverse mode of <see cref=\"" + model.DocumentationId + "\"/>: runs it (its ref and out results and its value are the");
        writer.Line("/// original's) and hands out the gradient of " + (model.ReturnsVoid ? string.Empty : "its value plus ") + "Σ adjoint · result with respect to the values coming in.");
        writer.Line("/// A ref parameter's gradient goes in as the adjoint of its final value and comes out as the gradient with respect to");
        writer.Line("/// its initial value; an out parameter's adjoint goes in only.");
        writer.Line("/// </summary>");
        writer.Open(model.Accessibility + model.StaticModifier + resultType + " " + model.Name + "Gradient(" + string.Join(", ", signature) + ")");

        // The weighted method's parameters in its order: the values coming in (not the out ones), then the weights
        // (a ref parameter's incoming gradient, an out parameter's adjoint), then one gradient per differentiated one.
        var arguments = parameters.Where(p => p.ReferenceKind != "out").Select(p => (p.PassedIn ? "in " : string.Empty) + p.Name)
            .Concat(results.Select(r => gradients[r.Name])).ToList();
        var writeBacks = new List<string>();
        foreach (var parameter in weighted.Variables.Where(v => v.IsParameter && v.Differentiated))
        {
            if (parameters.First(p => p.Name == parameter.Name).ReferenceKind == "ref")
            {
                // Its gradient parameter holds the adjoint coming in until the call has read it.
                var start = Fresh(parameter.Name + "StartGradient");
                arguments.Add("out var " + start);
                writeBacks.Add(gradients[parameter.Name] + " = " + start + ";");
            }
            else
            {
                arguments.Add("out " + gradients[parameter.Name]);
            }
        }

        writer.Line("// The gradient with respect to the values coming in, from the adjoints of the results going out.");
        writer.Line(weighted.Name + "Gradient(" + string.Join(", ", arguments) + ");");
        foreach (var line in writeBacks)
        {
            writer.Line(line);
        }

        writer.Line("// The results, as the original computes them.");
        var call = model.QualifiedName + "(" + string.Join(", ", parameters.Select(p => (p.PassedIn ? "in " : p.ReferenceKind is { } keyword ? keyword + " " : string.Empty) + p.Name)) + ")";
        writer.Line((model.ReturnsVoid ? string.Empty : "return ") + call + ";");
        writer.Close();
    }

    private static string Declaration(VariableModel parameter) =>
        (parameter.PassedIn ? "in " : parameter.ReferenceKind is { } keyword ? keyword + " " : string.Empty) + TypeClassifier.TypeText(parameter) + " " + parameter.Name;

    private static string Keyword(NumberKind kind) => kind.Keyword();
}
