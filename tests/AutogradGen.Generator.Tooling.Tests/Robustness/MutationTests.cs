using System.Collections.Concurrent;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AutogradGen.Generator.Tooling.Tests.Robustness;

public class MutationTests(ITestOutputHelper output)
{
    /// <summary>
    /// 5,000 mutations from seed 0 by default. AUTOGRADGEN_MUTATIONS and AUTOGRADGEN_MUTATION_SEED explore further
    /// (a deeper search before a release, or other seeds); every seed is reported, so any failure can be replayed.
    /// </summary>
    private static readonly int s_mutations = EnvironmentNumber("AUTOGRADGEN_MUTATIONS", 5_000);

    private static readonly int s_firstSeed = EnvironmentNumber("AUTOGRADGEN_MUTATION_SEED", 0);

    [Fact]
    public void The_unmutated_test_sources_generate_without_any_error()
    {
        var outcomes = Corpus().Select(unit => new MutationChecker(unit.Path, unit.Source).Unmutated);

        Assert.All(outcomes, outcome => Assert.Equal((MutationOutcome.Clean, null), outcome));
    }

    [Fact]
    public void Mutated_sources_never_crash_the_generator_nor_make_it_emit_code_that_does_not_compile()
    {
        var files = Corpus();
        var mutators = files.Select(file => new SourceMutator(file.Source)).ToList();
        var checkers = files.Select(file => new MutationChecker(file.Path, file.Source)).ToList();
        var failures = new ConcurrentBag<MutationFailure>();
        var outcomes = new int[Enum.GetValues<MutationOutcome>().Length];

        Parallel.For(s_firstSeed, s_firstSeed + s_mutations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
        {
            var index = seed % files.Count;
            var (kind, source) = mutators[index].Mutate(seed);
            var (outcome, failure) = checkers[index].Check(seed, kind, source);
            Interlocked.Increment(ref outcomes[(int)outcome]);
            if (failure is not null)
            {
                failures.Add(failure);
            }
        });

        output.WriteLine($"{s_mutations} mutations: {outcomes[0]} clean, {outcomes[1]} where the user's code does not compile, {outcomes[2]} generator bugs.");
        var ordered = failures.OrderBy(failure => failure.Seed).ToList();
        Assert.True(ordered.Count == 0, $"{ordered.Count} of {s_mutations} mutations found generator bugs; the first ones:\n"
            + string.Join("\n", ordered.Take(10)) + "\n\nSource of the first:\n" + ordered.FirstOrDefault()?.Source);
    }

    /// <summary>
    /// The generator tests' functions and a user derivative, split into units of one method (most checks are cheap),
    /// plus the whole files, which keep what only a whole file has (overloads, several methods of one type).
    /// </summary>
    private static List<(string Path, string Source)> Corpus()
    {
        (string Path, string Source)[] files = [.. TestSources.Functions, ("/src/UserDerivative.cs", TestSources.UserDerivative)];
        return [.. MutationUnits.Split(files), .. files];
    }

    private static int EnvironmentNumber(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value >= 0 ? value : fallback;
}
