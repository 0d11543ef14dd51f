using System.Text.Json;
using AutogradGen.GradBench.Evals.Nested;
using AutogradGen.GradBench.Protocol;

namespace AutogradGen.GradBench.Evals.Particle;

/// <summary>
/// particle: the w that makes the particle land at the origin, by GradBench's gradient descent over the objective's
/// generated derivative. rr = LandingGradient (reverse over the inner PotentialGradient), fr = LandingDerivative
/// (forward over it), ff = LandingByDerivativesDerivative (forward over the inner PotentialDerivative), rf =
/// LandingByDerivativesGradient (reverse over it).
/// </summary>
internal sealed class ParticleModule : IEvalModule
{
    public string Name => "particle";

    public IReadOnlyList<string> Functions { get; } = ["rr", "ff", "fr", "rf"];

    public Evaluation Evaluate(string function, JsonElement input) =>
        Runs.Measure(input, Read, w => Solve(function, w), (writer, w) => writer.WriteNumberValue(w));

    internal static double Solve(string function, double w0)
    {
        GradientDescent.Objective objective;
        GradientDescent.Gradient gradient;
        switch (function)
        {
            case "rr":
                objective = w => ParticleFunctions.Landing(w[0]);
                gradient = (w, g) => ParticleFunctions.LandingGradient(w[0], out g[0]);
                break;
            case "fr":
                objective = w => ParticleFunctions.Landing(w[0]);
                gradient = (w, g) => g[0] = ParticleFunctions.LandingDerivative(w[0], 1.0).Derivative;
                break;
            case "ff":
                objective = w => ParticleFunctions.LandingByDerivatives(w[0]);
                gradient = (w, g) => g[0] = ParticleFunctions.LandingByDerivativesDerivative(w[0], 1.0).Derivative;
                break;
            case "rf":
                objective = w => ParticleFunctions.LandingByDerivatives(w[0]);
                gradient = (w, g) => ParticleFunctions.LandingByDerivativesGradient(w[0], out g[0]);
                break;
            default:
                throw new EvalInputException($"unknown function '{function}'");
        }

        return GradientDescent.Argmin(objective, gradient, [w0])[0];
    }

    private static double Read(JsonElement input) => Json.Number(Json.Property(input, "w"), "w");
}
