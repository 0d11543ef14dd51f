using System.Text.Json;

namespace AutogradGen.GradBench.Protocol;

/// <summary>
/// What an evaluate produced: a writer for its <c>output</c> (written straight into the response, so that a
/// 150,000 × 28 Jacobian is not first turned into a JSON tree) and its timings, one <c>evaluate</c> per run.
/// </summary>
internal sealed record Evaluation(Action<Utf8JsonWriter> WriteOutput, IReadOnlyList<Timing> Timings);
