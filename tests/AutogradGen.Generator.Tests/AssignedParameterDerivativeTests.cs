using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// A parameter that is not differentiated but is assigned a value depending on one: both modes and the tape twin
/// differentiate through it (it starts with a zero derivative), checked against finite differences.
/// </summary>
public class AssignedParameterDerivativeTests
{
    private const double C = 0.7;
    private const int Steps = 4;

    public static TheoryData<DerivativeCase> All() =>
    [
        Cases.One(
            "Scaled",
            x => AssignedParameterFunctions.Scaled(x, C),
            (double x, out double dx) => AssignedParameterFunctions.ScaledGradient(x, C, out dx),
            (x, dx) => AssignedParameterFunctions.ScaledDerivative(x, C, dx)),
        Cases.OneFloat(
            "ScaledFloat",
            x => AssignedParameterFunctions.ScaledFloat(x, (float)C),
            (float x, out float dx) => AssignedParameterFunctions.ScaledFloatGradient(x, (float)C, out dx),
            (x, dx) => AssignedParameterFunctions.ScaledFloatDerivative(x, (float)C, dx)),
        Cases.One(
            "AssignedInBranchThenPassed",
            x => AssignedParameterFunctions.AssignedInBranchThenPassed(x, C),
            (double x, out double dx) => AssignedParameterFunctions.AssignedInBranchThenPassedGradient(x, C, out dx),
            (x, dx) => AssignedParameterFunctions.AssignedInBranchThenPassedDerivative(x, C, dx)),
        Cases.One(
            "ScaledInLoop",
            x => AssignedParameterFunctions.ScaledInLoop(x, C, Steps),
            (double x, out double dx) => AssignedParameterFunctions.ScaledInLoopGradient(x, C, Steps, out dx),
            (x, dx) => AssignedParameterFunctions.ScaledInLoopDerivative(x, C, Steps, dx)),
    ];

    [Theory]
    [MemberData(nameof(All))]
    public void Reverse_mode_matches_finite_differences(DerivativeCase @case) => DerivativeChecker.GradientMatchesFiniteDifferences(@case);

    [Theory]
    [MemberData(nameof(All))]
    public void Forward_mode_matches_the_gradient_along_a_direction(DerivativeCase @case) => DerivativeChecker.ForwardModeMatchesGradientDotDirection(@case);

    [Fact]
    public void The_derivative_of_c_times_x_plus_x_is_c_plus_one()
    {
        AssignedParameterFunctions.ScaledGradient(1.5, C, out var dx);
        var (_, derivative) = AssignedParameterFunctions.ScaledDerivative(1.5, C, 1);

        Assert.Equal((C + 1, C + 1), (dx, derivative));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-1.2)]
    public void Tape_twin_of_the_loop_gives_the_generated_value_and_gradient(double x)
    {
        var value = AssignedParameterFunctions.ScaledInLoopGradient(x, C, Steps, out var dx);

        var xTensor = Tensor.Scalar(x, requiresGrad: true, dtype: DType.Float64);
        var twin = AssignedParameterFunctions.ScaledInLoopTape(xTensor, C, Steps);
        twin.Backward();

        Assert.Equal(value, twin.Item(), 12);
        Assert.Equal(dx, xTensor.Grad!.Item(), 12);
    }

    [Fact]
    public void Tape_twin_of_the_float_version_gives_c_plus_one()
    {
        var xTensor = Tensor.Scalar(1.5f, requiresGrad: true, dtype: DType.Float32);
        var twin = AssignedParameterFunctions.ScaledFloatTape(xTensor, 0.5f);
        twin.Backward();

        Assert.Equal(1.5f * 0.5f + 1.5f, twin.Item(), 6);
        Assert.Equal(1.5, xTensor.Grad!.Item(), 6);
    }
}
