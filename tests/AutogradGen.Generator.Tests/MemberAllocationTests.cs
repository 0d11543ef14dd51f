using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Issue 10: reading tables, fields and pass-through parameters, instance members and guard clauses cost no heap
/// allocation per call, in both modes, as the originals allocate nothing.
/// </summary>
public class MemberAllocationTests
{
    private const int Calls = 50;

    private static readonly LinearModel s_model = new([1.5, -0.75], 0.25);

    private static readonly Spring s_spring = new() { Stiffness = 3.0 };

    private static readonly double[][] s_data = [[1.0, 2.0], [0.5, -1.5, 3.0]];

    private static readonly double[,] s_table = { { 1.0, -0.5 }, { 0.25, 2.0 } };

    private static readonly List<double> s_list = [1.0, -2.0, 0.5];

    private static readonly IReadOnlyList<double> s_coefficients = [2.0, 0.25];

    [Fact]
    public void Reading_a_quadrature_table_allocates_nothing()
    {
        AssertNoAllocation(() => Quadrature.IntegrateExpGradient(0.1, 0.9, out _, out _));
        AssertNoAllocation(() => Quadrature.IntegrateExpDerivative(0.1, 0.9, 1, 0).Derivative);
    }

    [Fact]
    public void Instance_members_of_a_class_and_a_struct_allocate_nothing()
    {
        AssertNoAllocation(() => s_model.LossGradient(0.3, -0.6, out _, out _));
        AssertNoAllocation(() => s_model.LossDerivative(0.3, -0.6, 1, 0).Derivative);
        AssertNoAllocation(() => LinearModel.EvaluateGradient(s_model, 0.4, out _));
        AssertNoAllocation(() => s_spring.EnergyGradient(0.4, out _));
    }

    [Fact]
    public void Pass_through_parameters_allocate_nothing()
    {
        AssertNoAllocation(() => PassThrough.JaggedGradient(s_data, 1, 0.7, out _));
        AssertNoAllocation(() => PassThrough.TableGradient(s_table, 0.7, out _));
        AssertNoAllocation(() => PassThrough.ListsGradient(s_list, s_coefficients, 0.7, out _));
        AssertNoAllocation(() => PassThrough.MixedGradient(3, Penalty.Square, "abc", 2.0, true, 0.7, out _));
        AssertNoAllocation(() => PassThrough.CallerDerivative(s_data, Penalty.Absolute, 0.7, 1).Derivative);
    }

    [Fact]
    public void Guard_clauses_that_pass_allocate_nothing()
    {
        AssertNoAllocation(() => GuardFunctions.SqrtTimesGradient(2.0, out _));
        AssertNoAllocation(() => GuardFunctions.ExpOrThrowGradient(1.0, out _));
        AssertNoAllocation(() => GuardFunctions.CountedGradient(s_data, 2, 0.5, out _));
        AssertNoAllocation(() => GuardFunctions.CountedDerivative(s_data, 2, 0.5, 1).Derivative);
    }

    private static void AssertNoAllocation(Func<double> call)
    {
        for (var i = 0; i < Calls; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < Calls; i++)
        {
            sum += call();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }
}
