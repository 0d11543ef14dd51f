using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Lstm;

/// <summary>lstm: the <c>objective</c> and its generated <c>jacobian</c> (main_params' rows, then extra_params').</summary>
internal sealed class LstmModule : IEvalModule
{
    public string Name => "lstm";

    public IReadOnlyList<string> Functions { get; } = ["objective", "jacobian"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "objective" => Runs.Measure(input, Read, Objective, (w, y) => w.WriteNumberValue(y)),
        _ => Runs.Measure(input, Read, Jacobian, (w, g) => Json.WriteVector(w, g)),
    };

    internal static double Objective(LstmInput i) =>
        LstmFunctions.Objective(i.MainParams, i.ExtraParams, i.State, i.Sequence, i.Layers, i.B, i.C);

    /// <summary>The gradient, main_params' part then extra_params', in one array.</summary>
    internal static double[] Jacobian(LstmInput i)
    {
        Array.Clear(i.Gradient);
        var gradient = i.Gradient.AsSpan();
        LstmFunctions.ObjectiveGradient(i.MainParams, i.ExtraParams, i.State, i.Sequence, i.Layers, i.B, i.C,
            gradient[..i.MainParams.Length], gradient[i.MainParams.Length..]);
        return i.Gradient;
    }

    private static LstmInput Read(JsonElement input)
    {
        var main = Json.Matrix(Json.Property(input, "main_params"), "main_params", out int mainRows, out int mainColumns);
        var extra = Json.Matrix(Json.Property(input, "extra_params"), "extra_params", out int extraRows, out int b);
        var state = Json.Matrix(Json.Property(input, "state"), "state", out int stateRows, out int stateColumns);
        var sequence = Json.Matrix(Json.Property(input, "sequence"), "sequence", out int c, out int bits);
        int layers = mainRows / 2;
        if (mainRows != 2 * layers || layers < 1 || mainColumns != 4 * b || extraRows != 3 || stateRows != 2 * layers
            || stateColumns != b || bits != b || c < 2)
        {
            throw new EvalInputException("lstm input shapes do not match main_params [2l][4b], extra_params [3][b], state [2l][b], sequence [c][b]");
        }

        return new LstmInput(main, extra, state, sequence, layers, b, c, new double[main.Length + extra.Length]);
    }
}

/// <summary>lstm's input, flattened row-major, and the gradient buffer the runs reuse.</summary>
internal sealed record LstmInput(double[] MainParams, double[] ExtraParams, double[] State, double[] Sequence,
    int Layers, int B, int C, double[] Gradient);
