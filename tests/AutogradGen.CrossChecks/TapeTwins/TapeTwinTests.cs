namespace AutogradGen.CrossChecks.TapeTwins;

/// <summary>What a tape twin is: its signature, the graph it records, and where there is none.</summary>
public class TapeTwinTests
{
    [Fact]
    public void Differentiated_parameters_and_the_result_are_tensors_and_the_others_pass_through()
    {
        var twin = typeof(TwinShapes).GetMethod(nameof(TwinShapes.ScaledTape))!;

        Assert.Equal(typeof(Tensor), twin.ReturnType);
        Assert.Equal([typeof(Tensor), typeof(double), typeof(int), typeof(ReadOnlySpan<double>)], twin.GetParameters().Select(p => p.ParameterType));
    }

    [Fact]
    public void Control_flow_is_decided_on_the_values_so_only_the_branch_taken_is_recorded()
    {
        var positive = TwinShapes.BranchyTape(Tensor.Scalar(0.5, requiresGrad: true, DType.Float64));
        var negative = TwinShapes.BranchyTape(Tensor.Scalar(-0.5, requiresGrad: true, DType.Float64));

        Assert.Equal("ExpBackward0", positive.GradFn!.Name);
        Assert.Equal("SinBackward0", negative.GradFn!.Name);
    }

    [Fact]
    public void Float_methods_run_on_float32_tensors()
    {
        var x = Tensor.Scalar(3, requiresGrad: true, DType.Float32);
        var y = TwinShapes.SingleTape(x);
        y.Backward();

        Assert.Equal(DType.Float32, y.DType);
        Assert.Equal(DType.Float32, x.Grad!.DType);
        Assert.Equal(6, x.Grad.Item());
    }

    [Fact]
    public void A_user_derivative_is_one_node_named_after_the_called_method()
    {
        var y = TwinShapes.SoftplusTape(Tensor.Scalar(0.3, requiresGrad: true, DType.Float64));

        Assert.Equal("SoftplusBackward", y.GradFn!.Name);
    }

    [Fact]
    public void A_twin_can_be_used_inside_a_larger_tape_program()
    {
        var x = Tensor.Scalar(0.4, requiresGrad: true, DType.Float64);
        var y = Tensor.Scalar(-1.1, requiresGrad: true, DType.Float64);
        ((Corpus.Classic.RosenbrockTape(x, y) * 2) + x.Sin()).Backward();
        Corpus.Classic.RosenbrockGradient(0.4, -1.1, out var dx, out var dy);

        Assert.Equal((2 * dx) + Math.Cos(0.4), x.Grad!.Item(), 12);
        Assert.Equal(2 * dy, y.Grad!.Item(), 12);
    }

    [Fact]
    public void Non_differentiated_arguments_carry_no_derivative()
    {
        var x = Tensor.Scalar(2, requiresGrad: true, DType.Float64);
        var y = TwinShapes.ScaledTape(x, 1.5, 3, [10.0]);
        y.Backward();

        Assert.Equal(19, y.Item());
        Assert.Equal(4.5, x.Grad!.Item());
    }
}
