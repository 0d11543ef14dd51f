using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Llsq;

/// <summary>llsq: <c>primal</c> and its generated <c>gradient</c> with respect to x.</summary>
internal sealed class LlsqModule : IEvalModule
{
    public string Name => "llsq";

    public IReadOnlyList<string> Functions { get; } = ["primal", "gradient"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "primal" => Runs.Measure(input, Read, i => LlsqFunctions.Primal(i.X, i.N), (w, y) => w.WriteNumberValue(y)),
        _ => Runs.Measure(input, Read, Gradient, (w, g) => Json.WriteVector(w, g)),
    };

    internal static double[] Gradient(LlsqInput input)
    {
        Array.Clear(input.Gradient);
        LlsqFunctions.PrimalGradient(input.X, input.N, input.Gradient);
        return input.Gradient;
    }

    private static LlsqInput Read(JsonElement input)
    {
        var x = Json.Vector(Json.Property(input, "x"), "x");
        int n = Json.Int(Json.Property(input, "n"), "n");
        if (n < 2) throw new EvalInputException($"n must be at least 2, got {n}");
        return new LlsqInput(x, n, new double[x.Length]);
    }
}

/// <summary>llsq's input and the gradient buffer the runs reuse.</summary>
internal sealed record LlsqInput(double[] X, int N, double[] Gradient);
