namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// Activity analysis: only values that depend on a differentiated parameter AND reach the result get derivative
/// code. The generated names say which values got it (<c>sDot</c> in forward mode, <c>sBar</c> in reverse mode).
/// </summary>
public class ActivityAnalysisTests
{
    private const string Source = """
        using System;
        using AutogradGen;

        public static partial class Functions
        {
            [Differentiable(nameof(x))]
            public static double Weighted(double x, double w, ReadOnlySpan<double> data)
            {
                var scale = w * Math.Exp(w);
                var unused = Math.Sin(x) * x;
                var s = 0.0;
                for (var i = 0; i < data.Length; i++)
                {
                    s += scale * data[i] * Math.Cos(x);
                }

                return s;
            }
        }
        """;

    private static readonly string s_generated = Generate();

    [Theory]
    [InlineData("sDot")]
    [InlineData("sBar")]
    [InlineData("xBar")]
    public void A_value_that_depends_on_x_and_reaches_the_result_gets_derivative_code(string name) =>
        Assert.Contains(name, s_generated, StringComparison.Ordinal);

    [Theory]
    [InlineData("scaleDot")]
    [InlineData("scaleBar")]
    [InlineData("wDot")]
    [InlineData("wBar")]
    public void A_value_that_does_not_depend_on_a_differentiated_parameter_gets_none(string name) =>
        Assert.DoesNotContain(name, s_generated, StringComparison.Ordinal);

    [Theory]
    [InlineData("unusedDot")]
    [InlineData("unusedBar")]
    public void A_value_that_does_not_reach_the_result_gets_none(string name) =>
        Assert.DoesNotContain(name, s_generated, StringComparison.Ordinal);

    [Fact]
    public void A_span_parameter_left_out_of_the_list_gets_no_adjoint_and_no_gradient_parameter()
    {
        Assert.DoesNotContain("dataBar", s_generated, StringComparison.Ordinal);
        Assert.DoesNotContain("dataGradient", s_generated, StringComparison.Ordinal);
    }

    private static string Generate()
    {
        var run = GeneratorHarness.Run(Source);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        return Assert.Single(run.Sources).SourceText.ToString();
    }
}
