using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tooling.Tests.Incremental;

/// <summary>
/// Checks of a second generator run against the first (the approach of NetEscapades.EnumGenerators' test helpers and
/// mapperly's run-reason tests): every tracked step is present, its outputs came from the cache, and nothing it keeps
/// would hold a compilation alive.
/// </summary>
/// <remarks>
/// One kind of step is exempt by design: a step whose output pairs its input with the <see cref="Compilation"/> (to
/// report diagnostics at locations in the compilation's own syntax trees, so that .editorconfig and #pragma apply to
/// them) re-runs whenever the compilation changes, and so does the output fed by it. Such a step may hold the
/// compilation as a direct part of its output and nothing deeper; the steps that parse and emit must still be cached.
/// </remarks>
internal static class IncrementalStepAssert
{
    /// <summary>The step names the generator declares in <see cref="DifferentiableGenerator.TrackingNames"/>.</summary>
    public static IReadOnlyList<string> TrackingNames { get; } = typeof(DifferentiableGenerator.TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static void EveryStepIsCached(GeneratorDriverRunResult second)
    {
        var result = Assert.Single(second.Results);
        Assert.Equal(TrackingNames, result.TrackedSteps.Keys.Where(TrackingNames.Contains).Order(StringComparer.Ordinal));
        var named = result.TrackedSteps.Where(step => TrackingNames.Contains(step.Key))
            .SelectMany(step => step.Value.Select(run => (step.Key, Run: run)))
            .Where(step => !PairsWithCompilation(step.Run));
        var outputs = result.TrackedOutputSteps
            .SelectMany(step => step.Value.Select(run => (step.Key, Run: run)))
            .Where(step => !step.Run.Inputs.Any(input => PairsWithCompilation(input.Source)));
        foreach (var (name, run) in named.Concat(outputs))
        {
            foreach (var (_, reason) in run.Outputs)
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{name}' produced an output with reason {reason}; expected Cached or Unchanged.");
            }
        }
    }

    /// <summary>Walks every output of the tracked steps and fails on a type that would keep a compilation alive.</summary>
    public static void NoStepKeepsCompilerObjects(GeneratorDriverRunResult run)
    {
        var result = Assert.Single(run.Results);
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (name, steps) in result.TrackedSteps.Where(step => TrackingNames.Contains(step.Key)))
        {
            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                // The compilation paired with the diagnostics (see remarks) is allowed there, and only there.
                var parts = output.Value is ITuple pair ? Enumerable.Range(0, pair.Length).Select(i => pair[i]).Where(part => part is not Compilation) : [output.Value];
                foreach (var part in parts)
                {
                    Walk(part, name, visited);
                }
            }
        }
    }

    private static bool PairsWithCompilation(IncrementalGeneratorRunStep step) =>
        step.Outputs.Any(output => output.Value is ITuple pair && Enumerable.Range(0, pair.Length).Any(i => pair[i] is Compilation));

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
            $"{path} holds a {value.GetType().Name}: models must be data, or the IDE keeps old compilations alive.");
        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{index++}]", visited);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, visited);
        }
    }
}
