using System.Text.Json;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Hello;

/// <summary>hello: the input is a bare number; <c>double</c> is the generated derivative of <c>square</c>.</summary>
internal sealed class HelloModule : IEvalModule
{
    public string Name => "hello";

    public IReadOnlyList<string> Functions { get; } = ["square", "double"];

    public Evaluation Evaluate(string function, JsonElement input) => function switch
    {
        "square" => Runs.Measure(input, Read, HelloFunctions.Square, (w, y) => w.WriteNumberValue(y)),
        _ => Runs.Measure(input, Read, Derivative, (w, y) => w.WriteNumberValue(y)),
    };

    /// <summary>d(x²)/dx from the generated reverse mode.</summary>
    internal static double Derivative(double x)
    {
        HelloFunctions.SquareGradient(x, out double dx);
        return dx;
    }

    private static double Read(JsonElement input) => Json.Number(input, "input");
}
