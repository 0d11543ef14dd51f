using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Det;

/// <summary>det: <c>primal</c> and its generated <c>gradient</c> with respect to A (row-major).</summary>
internal sealed class DetModule : IEvalModule
{
    public string Name => "det";

    public IReadOnlyList<string> Functions { get; } = ["primal", "gradient"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "primal" => Runs.Measure(input, Read, i => DetFunctions.Primal(i.A, i.Ell), (w, y) => w.WriteNumberValue(y)),
        _ => Runs.Measure(input, Read, Gradient, (w, g) => Json.WriteVector(w, g)),
    };

    internal static double[] Gradient(DetInput input)
    {
        Array.Clear(input.Gradient);
        DetFunctions.PrimalGradient(input.A, input.Ell, input.Gradient);
        return input.Gradient;
    }

    private static DetInput Read(JsonElement input)
    {
        var a = Json.Vector(Json.Property(input, "A"), "A");
        int ell = Json.Int(Json.Property(input, "ell"), "ell");
        if (ell < 1 || ell > 20 || a.Length != ell * ell) throw new EvalInputException($"A must hold ell² numbers with 1 <= ell <= 20 (ell = {ell}, {a.Length} numbers)");
        return new DetInput(a, ell, new double[a.Length]);
    }
}

/// <summary>det's input and the gradient buffer the runs reuse.</summary>
internal sealed record DetInput(double[] A, int Ell, double[] Gradient);
