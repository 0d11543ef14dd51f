using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.AutogradFunctional;

/// <summary>Hessians and Hessian-vector products (PyTorch's <c>hessian</c>, <c>vhp</c>, <c>hvp</c>).</summary>
public class SecondOrderTests
{
    private static Tensor PowReducer(Tensor x) => x.Pow(3).Sum();

    private static Tensor Rosenbrock(Tensor a)
    {
        var x = a[0];
        var y = a[1];
        return ((1 - x) * (1 - x)) + (100 * (y - (x * x)) * (y - (x * x)));
    }

    /// <summary>A function whose Hessian is dense and not constant.</summary>
    private static Tensor Coupled(Tensor x) => (x.Sin() * x.Sum()).Sum() + (x[0] * x[1] * x[2] * x[3]) + x.Exp().Sum().Log();

    [Fact]
    public void The_hessian_of_a_sum_of_cubes_is_diagonal_with_six_x()
    {
        var x = Tensor.From([0.5, -1.0, 2.0, 0.25], [2, 2]);
        var hessian = Autograd.Functional.Hessian(PowReducer, x);

        Assert.Equal([2, 2, 2, 2], hessian.Shape);
        var expected = new double[16];
        for (int i = 0; i < 4; i++) expected[(i * 4) + i] = 6 * x.ToArray()[i];
        TensorAssert.Equal(expected, hessian, 12);
    }

    [Theory]
    [InlineData(false, JacobianStrategy.ReverseMode)]
    [InlineData(true, JacobianStrategy.ReverseMode)]
    [InlineData(true, JacobianStrategy.ForwardMode)]
    public void Rosenbrocks_hessian_is_exact_by_every_outer_strategy(bool vectorize, JacobianStrategy strategy)
    {
        var hessian = Autograd.Functional.Hessian(Rosenbrock, Tensor.From([0.5, -0.3]), vectorize: vectorize, outerJacobianStrategy: strategy);

        // ∂²/∂x² = 2 − 400(y − x²) + 800x², ∂²/∂x∂y = −400x, ∂²/∂y² = 200 (PyTorch prints 422, −200, 200).
        TensorAssert.Equal([422, -200, -200, 200], hessian, 10, [2, 2]);
    }

    [Fact]
    public void Several_inputs_give_blocks_indexed_input_by_input()
    {
        var blocks = Autograd.Functional.Hessian(xs => ((2 * xs[0].Pow(2)) + (3 * xs[1].Pow(2))).Sum() + (xs[0] * xs[1]).Sum(),
            [Tensor.From([0.1, 0.2]), Tensor.From([1.0, 2.0])]);

        TensorAssert.Equal([4, 0, 0, 4], blocks[0][0], 12, [2, 2]);
        TensorAssert.Equal([1, 0, 0, 1], blocks[0][1], 12, [2, 2]);
        TensorAssert.Equal([1, 0, 0, 1], blocks[1][0], 12, [2, 2]);
        TensorAssert.Equal([6, 0, 0, 6], blocks[1][1], 12, [2, 2]);
    }

    [Fact]
    public void A_dense_hessian_matches_central_differences_of_the_gradient_and_is_symmetric()
    {
        var x = Tensor.From([0.3, -0.7, 1.1, 0.4]);
        var hessian = Autograd.Functional.Hessian(Coupled, x);

        CentralDifferences.AssertClose(CentralDifferences.Hessian(Coupled, x), hessian);
        var h = hessian.ToArray();
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++) Assert.Equal(h[(i * 4) + j], h[(j * 4) + i], 12);
        }
    }

    [Fact]
    public void Vhp_and_hvp_are_the_hessian_times_v()
    {
        var x = Tensor.From([0.3, -0.7, 1.1, 0.4]);
        var v = Tensor.From([1.0, -2.0, 0.5, 3.0]);
        var hessian = Autograd.Functional.Hessian(Coupled, x).ToArray();

        var (vhpOutput, vhp) = Autograd.Functional.Vhp(Coupled, x, v);
        var (hvpOutput, hvp) = Autograd.Functional.Hvp(Coupled, x, v);

        Assert.Equal(Coupled(x).Item(), vhpOutput.Item(), 14);
        Assert.Equal(Coupled(x).Item(), hvpOutput.Item(), 14);
        var vs = v.ToArray();
        for (int i = 0; i < 4; i++)
        {
            double hv = 0, vh = 0;
            for (int j = 0; j < 4; j++)
            {
                hv += hessian[(i * 4) + j] * vs[j];
                vh += vs[j] * hessian[(j * 4) + i];
            }
            Assert.Equal(hv, hvp.ToArray()[i], 12);
            Assert.Equal(vh, vhp.ToArray()[i], 12);
        }
    }

    [Fact]
    public void Vhp_and_hvp_of_several_inputs()
    {
        Tensor F(Tensor[] xs) => (2 * xs[0].Pow(2)).Sum() + (3 * xs[1].Pow(2)).Sum();
        Tensor[] inputs = [Tensor.From([0.1, 0.2]), Tensor.From([1.0, 2.0])];
        Tensor[] v = [Tensor.From([0.0, 0.0]), Tensor.From([1.0, 1.0])];

        var (_, vhp) = Autograd.Functional.Vhp(F, inputs, v);
        var (_, hvp) = Autograd.Functional.Hvp(F, inputs, v);

        TensorAssert.Equal([0, 0], vhp[0], 12);
        TensorAssert.Equal([6, 6], vhp[1], 12);
        TensorAssert.Equal([0, 0], hvp[0], 12);
        TensorAssert.Equal([6, 6], hvp[1], 12);
    }

    [Fact]
    public void With_createGraph_a_hessian_vector_product_can_be_differentiated_again()
    {
        // H·1 of Σx³ is 6x; its sum's gradient is 6 everywhere: a third derivative.
        var x = Tensor.From([0.5, -1.0, 2.0], requiresGrad: true);
        var (output, hvp) = Autograd.Functional.Hvp(PowReducer, x, Tensor.From([1.0, 1.0, 1.0]), createGraph: true);

        Assert.Equal("SumBackward0", output.GradFn!.Name);
        Assert.True(hvp.RequiresGrad);
        TensorAssert.Equal([3, -6, 12], hvp, 12);
        hvp.Sum().Backward();
        TensorAssert.Equal([6, 6, 6], x.Grad, 12);
    }

    [Fact]
    public void With_createGraph_the_hessian_is_differentiable()
    {
        var x = Tensor.From([0.5, -1.0], requiresGrad: true);
        var hessian = Autograd.Functional.Hessian(PowReducer, x, createGraph: true);

        Assert.Equal("ViewBackward0", hessian.GradFn!.Name);
        hessian.Sum().Backward();
        TensorAssert.Equal([6, 6], x.Grad, 12);
    }

    [Fact]
    public void The_example_in_the_API_documentation()
    {
        var x = Tensor.From([0.5, -0.3], requiresGrad: true);
        Tensor Rosenbrock(Tensor a) => ((1 - a[0]) * (1 - a[0])) + (100 * (a[1] - (a[0] * a[0])) * (a[1] - (a[0] * a[0])));

        Tensor h = Autograd.Functional.Hessian(Rosenbrock, x);
        var (f, hv) = Autograd.Functional.Hvp(Rosenbrock, x, Tensor.From([1.0, 0.0]));
        Tensor[][] j = Autograd.Functional.Jacobian(xs => [xs[0] * xs[1], xs[1].Sum()],
            [Tensor.From([1.0, 2.0]), Tensor.From([3.0, 4.0])]);

        TensorAssert.Equal([422, -200, -200, 200], h, 10);
        Assert.Equal(Rosenbrock(x).Item(), f.Item(), 14);
        TensorAssert.Equal([422, -200], hv, 10);
        TensorAssert.Equal([1, 0, 0, 2], j[0][1], 12);
        TensorAssert.Equal([0, 0], j[1][0], 12);
    }
}
