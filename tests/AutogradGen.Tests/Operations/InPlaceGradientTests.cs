using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>In-place operations on non-leaves record the right backward rule (checked against central differences).</summary>
public class InPlaceGradientTests
{
    public static TheoryData<string, string> Operations => new()
    {
        { "add_", "AddBackward0" },
        { "sub_ with alpha", "SubBackward0" },
        { "mul_", "MulBackward0" },
        { "div_", "DivBackward0" },
        { "clamp_", "ClampBackward1" },
        { "copy_", "CopyBackwards" },
        { "fill_", "FillBackward0" },
        { "zero_", "ZeroBackward0" },
    };

    private static Tensor Apply(string operation, Tensor x, Tensor other)
    {
        var y = x * 1.5;
        return operation switch
        {
            "add_" => y.Add_(other),
            "sub_ with alpha" => y.Sub_(other, alpha: 2),
            "mul_" => y.Mul_(other),
            "div_" => y.Div_(other),
            "clamp_" => y.Clamp_(-0.5, 0.9),
            "copy_" => y.Copy_(other * other),
            "fill_" => y.Fill_(2),
            _ => y.Zero_(),
        };
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void In_place_gradient_matches_central_differences(string operation, string nodeName)
    {
        var x = GradientCheck.Input([2, 3]);
        var other = GradientCheck.Input([3], offset: 1.1, scale: 0.4);
        GradientCheck.AssertMatches(t => Apply(operation, t[0], t[1]) * t[0], x, other);
        Assert.Equal(nodeName, Apply(operation, x, other).GradFn!.Name);
    }
}
