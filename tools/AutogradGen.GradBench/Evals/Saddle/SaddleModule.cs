using System.Text.Json;
using AutogradGen.GradBench.Evals.Nested;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Saddle;

/// <summary>
/// saddle: r1 = argmin over p1 of <see cref="SaddleFunctions.Max"/> (whose gradient is the nested derivative), then
/// r2 = argmax over p2 of f(r1, p2), both from the start point, as the finite tool's <c>Saddle::compute</c>. The
/// outer mode (the first letter) is the generated Gradient (r) or Derivative (f) of Max, and step 2's argmax uses the
/// same mode on f; the inner mode (the second letter) is which of Max and MaxByDerivatives runs.
/// </summary>
internal sealed class SaddleModule : IEvalModule
{
    public string Name => "saddle";

    public IReadOnlyList<string> Functions { get; } = ["rr", "ff", "fr", "rf"];

    public Evaluation Evaluate(string function, JsonElement input) =>
        Runs.Measure(input, Read, start => Solve(function, start), (writer, output) => Json.WriteVector(writer, output));

    internal static double[] Solve(string function, double[] start)
    {
        if (function is not ("rr" or "ff" or "fr" or "rf"))
        {
            throw new EvalInputException($"unknown function '{function}'");
        }

        bool outerReverse = function[0] == 'r';
        bool innerReverse = function[1] == 'r';
        double s0 = start[0], s1 = start[1];
        GradientDescent.Objective cost = innerReverse
            ? p => SaddleFunctions.Max(p[0], p[1], s0, s1)
            : p => SaddleFunctions.MaxByDerivatives(p[0], p[1], s0, s1);
        GradientDescent.Gradient costGradient = (outerReverse, innerReverse) switch
        {
            (true, true) => (p, g) => SaddleFunctions.MaxGradient(p[0], p[1], s0, s1, out g[0], out g[1]),
            (true, false) => (p, g) => SaddleFunctions.MaxByDerivativesGradient(p[0], p[1], s0, s1, out g[0], out g[1]),
            (false, true) => (p, g) =>
            {
                g[0] = SaddleFunctions.MaxDerivative(p[0], p[1], s0, s1, 1.0, 0.0).Derivative;
                g[1] = SaddleFunctions.MaxDerivative(p[0], p[1], s0, s1, 0.0, 1.0).Derivative;
            },
            (false, false) => (p, g) =>
            {
                g[0] = SaddleFunctions.MaxByDerivativesDerivative(p[0], p[1], s0, s1, 1.0, 0.0).Derivative;
                g[1] = SaddleFunctions.MaxByDerivativesDerivative(p[0], p[1], s0, s1, 0.0, 1.0).Derivative;
            },
        };
        double[] r1 = GradientDescent.Argmin(cost, costGradient, start);

        GradientDescent.Objective f = q => SaddleFunctions.Objective(r1[0], r1[1], q[0], q[1]);
        GradientDescent.Gradient fGradient = outerReverse
            ? (q, g) => SaddleFunctions.ObjectiveGradient(r1[0], r1[1], q[0], q[1], out _, out _, out g[0], out g[1])
            : (q, g) =>
            {
                g[0] = SaddleFunctions.ObjectiveDerivative(r1[0], r1[1], q[0], q[1], 0.0, 0.0, 1.0, 0.0).Derivative;
                g[1] = SaddleFunctions.ObjectiveDerivative(r1[0], r1[1], q[0], q[1], 0.0, 0.0, 0.0, 1.0).Derivative;
            };
        double[] r2 = GradientDescent.Argmax(f, fGradient, start);
        return [r1[0], r1[1], r2[0], r2[1]];
    }

    private static double[] Read(JsonElement input)
    {
        var start = Json.Vector(Json.Property(input, "start"), "start");
        if (start.Length != 2) throw new EvalInputException($"start must have 2 elements, got {start.Length}");
        return start;
    }
}
