using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>Derivatives generated into nested and top-level partial structs are called like any others.</summary>
public class ContainerTests
{
    [Fact]
    public void An_internal_method_of_a_struct_nested_in_a_class_gets_both_modes()
    {
        var value = Outer.Nested.ProductGradient(3, 2, out var dx, out var dy);
        Assert.Equal((12.0, 4.0, 12.0), (value, dx, dy));
        Assert.Equal((12.0, 4.0), Outer.Nested.ProductDerivative(3, 2, 1, 0));
    }

    [Fact]
    public void A_method_of_a_top_level_struct_gets_both_modes()
    {
        TopLevelStruct.CubeGradient(2, out var dx);
        Assert.Equal(12.0, dx);
        Assert.Equal((8.0, 24.0), TopLevelStruct.CubeDerivative(2, 2));
    }
}
