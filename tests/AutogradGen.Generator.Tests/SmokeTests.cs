namespace AutogradGen.Generator.Tests;

public class SmokeTests
{
    [Fact]
    public void Differentiable_attribute_keeps_the_names_it_was_given()
    {
        var attribute = new DifferentiableAttribute("w", "b");
        Assert.Equal(["w", "b"], attribute.WithRespectTo);
    }
}
