using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// Found by the mutation test (seed 2783 once the jagged functions joined its corpus): a vector-valued method whose
/// inputs have another precision than its results got a reverse-mode Jacobian handing a row of the results' type to
/// a Vjp adjoint of the inputs' type (CS1503). The row goes through a buffer of the input's type now.
/// </summary>
public class MixedPrecisionJacobianTests
{
    [Theory]
    [InlineData("ReadOnlySpan<float> p, Span<double> r", "r[0] = p[0] * MathF.Cos(p[1]); r[1] = p[0] * MathF.Sin(p[1]);")]
    [InlineData("ReadOnlySpan<double> p, double s, Span<float> r", "r[0] = (float)(p[0] * s); r[1] = (float)(p[1] - s);")]
    [InlineData("float s, ReadOnlySpan<float> p, Span<double> r", "r[0] = p[0] * s; r[1] = p[1] * p[0];")]
    public void A_Jacobian_over_inputs_of_another_precision_compiles(string parameters, string body)
    {
        var run = GeneratorHarness.Run("using System;\nusing AutogradGen;\npublic static partial class Functions\n{\n    [Differentiable]\n    public static void F(" + parameters + ")\n    {\n        " + body + "\n    }\n}\n");
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("FJacobian(", StringComparison.Ordinal));
    }
}
