using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.AutogradFunctional;

/// <summary>Vector-Jacobian and Jacobian-vector products (PyTorch's <c>vjp</c>/<c>jvp</c>, its documentation's examples).</summary>
public class VjpJvpTests
{
    private static readonly double[] Point = [0.5, -1.0, 2.0, 0.25];

    private static Tensor X(bool requiresGrad = false) => Tensor.From(Point, [2, 2], requiresGrad);

    private static Tensor ExpReducer(Tensor x) => x.Exp().Sum(1);

    [Fact]
    public void Vjp_of_a_row_sum_scales_each_row_by_its_entry_of_v()
    {
        var v = Tensor.From([2.0, -1.0]);
        var (output, vjp) = Autograd.Functional.Vjp(ExpReducer, X(), v);

        TensorAssert.Equal([Math.Exp(0.5) + Math.Exp(-1), Math.Exp(2) + Math.Exp(0.25)], output, 12);
        TensorAssert.Equal([2 * Math.Exp(0.5), 2 * Math.Exp(-1), -Math.Exp(2), -Math.Exp(0.25)], vjp, 12, [2, 2]);
        Assert.False(output.RequiresGrad);
        Assert.False(vjp.RequiresGrad);
    }

    [Fact]
    public void Vjp_of_several_inputs_gives_one_product_per_input()
    {
        var (output, vjp) = Autograd.Functional.Vjp(xs => (2 * xs[0]) + (3 * xs[1]),
            [Tensor.From([1.0, 2.0]), Tensor.From([3.0, 4.0])], Tensor.From([1.0, 1.0]));

        TensorAssert.Equal([11, 16], output, 12);
        Assert.Equal(2, vjp.Length);
        TensorAssert.Equal([2, 2], vjp[0], 12);
        TensorAssert.Equal([3, 3], vjp[1], 12);
    }

    [Fact]
    public void Vjp_of_several_outputs_takes_one_vector_per_output()
    {
        var x = Tensor.From([1.0, 2.0, 3.0]);
        var (outputs, vjp) = Autograd.Functional.Vjp(a => [a * a, a.Sum()], x, [Tensor.From([1.0, 0.0, 1.0]), Tensor.Scalar(10.0, dtype: DType.Float64)]);

        Assert.Equal(2, outputs.Length);
        TensorAssert.Equal([2 + 10, 10, 6 + 10], vjp, 12);
    }

    [Fact]
    public void Vjp_may_omit_v_only_for_a_one_element_output()
    {
        var (_, vjp) = Autograd.Functional.Vjp(x => x.Pow(2).Sum(), X());
        TensorAssert.Equal([1, -2, 4, 0.5], vjp, 12);

        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Vjp(ExpReducer, X()));
        Assert.Equal("The vector v can only be None if the user-provided function returns a single Tensor with a single element.", error.Message);
    }

    [Fact]
    public void Jvp_of_a_row_sum_sums_each_row_of_the_exponential_times_v()
    {
        var v = Tensor.From([1.0, 2.0, -1.0, 0.5], [2, 2]);
        var (output, jvp) = Autograd.Functional.Jvp(ExpReducer, X(), v);

        TensorAssert.Equal([Math.Exp(0.5) + Math.Exp(-1), Math.Exp(2) + Math.Exp(0.25)], output, 12);
        TensorAssert.Equal([Math.Exp(0.5) + (2 * Math.Exp(-1)), -Math.Exp(2) + (0.5 * Math.Exp(0.25))], jvp, 12);
    }

    [Fact]
    public void Jvp_of_several_inputs_and_outputs()
    {
        var (outputs, jvp) = Autograd.Functional.Jvp(xs => [xs[0] * xs[1], xs[0].Sin()],
            [Tensor.From([1.0, 2.0]), Tensor.From([3.0, 4.0])], [Tensor.From([1.0, 1.0]), Tensor.From([0.5, -1.0])]);

        TensorAssert.Equal([3, 8], outputs[0], 12);
        // d(ab) = b·da + a·db; d(sin a) = cos a·da.
        TensorAssert.Equal([3 + 0.5, 4 - 2], jvp[0], 12);
        TensorAssert.Equal([Math.Cos(1), Math.Cos(2)], jvp[1], 12);
    }

    [Fact]
    public void Jvp_matches_the_central_difference_jacobian_times_v()
    {
        static Tensor F(Tensor x) => (x.Tanh() * x.Sum()) + (x * x * x[0]);
        var x = Tensor.From([0.3, -0.7, 1.1]);
        var v = Tensor.From([0.2, 1.0, -0.5]);
        var expected = CentralDifferences.Jacobian(F, x);

        var (_, jvp) = Autograd.Functional.Jvp(F, x, v);

        var values = jvp.ToArray();
        for (int i = 0; i < 3; i++)
        {
            double e = (expected[i, 0] * 0.2) + (expected[i, 1] * 1.0) + (expected[i, 2] * -0.5);
            Assert.Equal(e, values[i], 6);
        }
    }

    [Fact]
    public void With_createGraph_results_keep_their_history_and_reach_the_callers_leaves()
    {
        var x = X(requiresGrad: true);
        var (output, vjp) = Autograd.Functional.Vjp(ExpReducer, x, Tensor.From([1.0, 1.0]), createGraph: true);

        Assert.Equal("SumBackward1", output.GradFn!.Name);
        Assert.Equal("MulBackward0", vjp.GradFn!.Name);
        vjp.Sum().Backward();
        TensorAssert.Equal([.. Point.Select(Math.Exp)], x.Grad, 12);
    }

    [Fact]
    public void Without_createGraph_the_callers_leaves_are_left_alone()
    {
        var x = X(requiresGrad: true);
        var (output, vjp) = Autograd.Functional.Vjp(ExpReducer, x, Tensor.From([1.0, 1.0]));

        Assert.Null(output.GradFn);
        Assert.Null(vjp.GradFn);
        Assert.Null(x.Grad);
    }
}
