using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Ode;

/// <summary>ode: the <c>primal</c> y(2) and the generated <c>gradient</c> of its last output with respect to x.</summary>
internal sealed class OdeModule : IEvalModule
{
    public string Name => "ode";

    public IReadOnlyList<string> Functions { get; } = ["primal", "gradient"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "primal" => Runs.Measure(input, Read, Primal, (w, y) => Json.WriteVector(w, y)),
        _ => Runs.Measure(input, Read, Gradient, (w, g) => Json.WriteVector(w, g)),
    };

    internal static double[] Primal(OdeInput i)
    {
        OdeFunctions.Primal(i.X, i.S, i.Output);
        return i.Output;
    }

    internal static double[] Gradient(OdeInput i)
    {
        Array.Clear(i.Output);
        OdeFunctions.LastOutputGradient(i.X, i.S, i.Output);
        return i.Output;
    }

    private static OdeInput Read(JsonElement input)
    {
        var x = Json.Vector(Json.Property(input, "x"), "x");
        int s = Json.Int(Json.Property(input, "s"), "s");
        if (x.Length == 0 || s < 1) throw new EvalInputException($"ode needs a non-empty x and s >= 1 (s = {s})");
        return new OdeInput(x, s, new double[x.Length]);
    }
}

/// <summary>ode's input and the output buffer the runs reuse.</summary>
internal sealed record OdeInput(double[] X, int S, double[] Output);
