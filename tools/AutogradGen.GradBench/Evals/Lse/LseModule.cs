using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Lse;

/// <summary>lse: <c>primal</c> and its generated <c>gradient</c>.</summary>
internal sealed class LseModule : IEvalModule
{
    public string Name => "lse";

    public IReadOnlyList<string> Functions { get; } = ["primal", "gradient"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "primal" => Runs.Measure(input, Read, i => LseFunctions.Primal(i.X), (w, y) => w.WriteNumberValue(y)),
        _ => Runs.Measure(input, Read, Gradient, (w, g) => Json.WriteVector(w, g)),
    };

    internal static double[] Gradient(LseInput input)
    {
        Array.Clear(input.Gradient);
        LseFunctions.PrimalGradient(input.X, input.Gradient);
        return input.Gradient;
    }

    private static LseInput Read(JsonElement input)
    {
        var x = Json.Vector(Json.Property(input, "x"), "x");
        if (x.Length == 0) throw new EvalInputException("x must not be empty");
        return new LseInput(x, new double[x.Length]);
    }
}

/// <summary>lse's input and the gradient buffer the runs reuse.</summary>
internal sealed record LseInput(double[] X, double[] Gradient);
