namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// A parameter left out of the differentiation list starts with a zero derivative, and becomes active when the
/// body assigns it a value that depends on a differentiated parameter.
/// </summary>
public class AssignedParameterTests
{
    private const string Source = """
        using AutogradGen;

        public static partial class Functions
        {
            [Differentiable(nameof(x))]
            public static double F(double x, double c)
            {
                c = c * x;
                return c + x;
            }
        }
        """;

    [Fact]
    public void Assigning_an_active_value_to_a_parameter_that_is_not_differentiated_generates_without_diagnostics()
    {
        var run = GeneratorHarness.Run(Source);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("cDot")]
    [InlineData("cBar")]
    public void The_assigned_parameter_gets_derivative_code_of_its_own(string name)
    {
        var run = GeneratorHarness.Run(Source);

        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains(name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cTangent")]
    [InlineData("cGradient")]
    public void The_assigned_parameter_gets_no_tangent_or_gradient_parameter(string name)
    {
        var run = GeneratorHarness.Run(Source);

        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains(name, StringComparison.Ordinal));
    }
}
