using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// A tensor method with a parameter of its own name (found by the mutation test, seed 3315): inside the generated
/// Recorded member the parameter hides the method, so the method is called through its type.
/// </summary>
public class TensorNameShadowingTests
{
    [Fact]
    public void A_parameter_named_like_its_tensor_method_does_not_hide_the_method_in_the_recorded_member()
    {
        var run = GeneratorHarness.Run("""
            using AutogradGen;

            public static partial class Functions
            {
                [Differentiable(nameof(w), nameof(b))]
                public static Tensor b(Tensor x, Tensor w, Tensor b) => (x * w + b).Sum();
            }
            """);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("=> Functions.b(", StringComparison.Ordinal));
    }
}
