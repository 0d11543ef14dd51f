using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tooling.Tests.Incremental;

/// <summary>
/// Checks of a second generator run against the first (the approach of NetEscapades.EnumGenerators' test helpers and
/// mapperly's run-reason tests): every tracked step is present, its outputs came from the cache, and nothing it keeps
/// would hold a compilation alive.
/// </summary>
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
        foreach (var (name, runs) in result.TrackedSteps.Where(step => TrackingNames.Contains(step.Key)).Concat(result.TrackedOutputSteps))
        {
            foreach (var run in runs)
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' produced an output with reason {reason}; expected Cached or Unchanged.");
                }
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
                Walk(output.Value, name, visited);
            }
        }
    }

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
