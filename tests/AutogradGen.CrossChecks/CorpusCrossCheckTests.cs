using AutogradGen.CrossChecks.Harness;

namespace AutogradGen.CrossChecks;

/// <summary>One row per corpus function: generated gradient, tape twin, central differences and forward mode agree.</summary>
public class CorpusCrossCheckTests
{
    public static TheoryData<string> FunctionNames => [.. CorpusRegistry.Functions.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void Generated_gradient_tape_twin_central_differences_and_forward_mode_agree(string function) =>
        CrossCheck.AssertAgrees(CorpusRegistry.Functions[function]);

    [Fact]
    public void The_corpus_holds_at_least_one_hundred_functions() =>
        Assert.True(CorpusRegistry.Functions.Count >= 100, $"The corpus has {CorpusRegistry.Functions.Count} functions; the cross-check promises at least 100.");
}
