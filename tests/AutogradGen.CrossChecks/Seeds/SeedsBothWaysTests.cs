using AutogradGen.CrossChecks.Corpus;
using SeedCode = AutogradGen.CrossChecks.Corpus.Seeds;

namespace AutogradGen.CrossChecks.Seeds;

/// <summary>
/// The seeds' tensor programs (shared/seeds: the PyTorch autograd tutorials) run on the tape, and the same
/// computations written as [Differentiable] scalar code run through the generated gradient and the tape twin:
/// the three give the same values and gradients.
/// </summary>
public class SeedsBothWaysTests
{
    private const int Precision = 12;

    [Fact]
    public void Mean_of_three_x_plus_two_squared_is_27_with_gradient_4_5_all_three_ways()
    {
        // The tutorial: x = ones(2, 2); y = x + 2; z = y * y * 3; out = z.mean(); out.backward()
        var x = Tensor.Ones([2, 2], requiresGrad: true, DType.Float64);
        var y = x + 2;
        var z = y * y * 3;
        var output = z.Mean();
        output.Backward();

        var generatedGradient = new double[4];
        var generated = SeedCode.MeanOfThreeXPlusTwoSquaredGradient(1, 1, 1, 1, out generatedGradient[0], out generatedGradient[1], out generatedGradient[2], out generatedGradient[3]);
        var leaves = Leaves(1, 1, 1, 1);
        var twin = SeedCode.MeanOfThreeXPlusTwoSquaredTape(leaves[0], leaves[1], leaves[2], leaves[3]);
        twin.Backward();

        Assert.Equal(27, output.Item());
        Assert.Equal(27, generated);
        Assert.Equal(27, twin.Item());
        Assert.Equal([4.5, 4.5, 4.5, 4.5], x.Grad!.ToArray());
        Assert.Equal([4.5, 4.5, 4.5, 4.5], generatedGradient);
        Assert.Equal([4.5, 4.5, 4.5, 4.5], leaves.Select(l => l.Grad!.Item()));
    }

    [Fact]
    public void Mean_of_three_x_plus_two_squared_agrees_at_random_points()
    {
        var x = Tensor.Randn([4], requiresGrad: true, DType.Float64, new RandomGenerator(3));
        var values = x.ToArray();
        var output = (((x + 2) * (x + 2)) * 3).Mean();
        output.Backward();

        var generatedGradient = new double[4];
        var generated = SeedCode.MeanOfThreeXPlusTwoSquaredGradient(values[0], values[1], values[2], values[3],
            out generatedGradient[0], out generatedGradient[1], out generatedGradient[2], out generatedGradient[3]);

        Assert.Equal(output.Item(), generated, Precision);
        AssertClose(x.Grad!.ToArray(), generatedGradient);
    }

    [Fact]
    public void Two_x_squared_plus_y_squared_at_one_one_is_3_with_gradient_4_and_2_all_three_ways()
    {
        // The tutorial: x = tensor([1.]); y = tensor([1.]); z = 2*x**2 + y**2; z.backward()
        var x = Tensor.From([1.0], requiresGrad: true);
        var y = Tensor.From([1.0], requiresGrad: true);
        var z = (2 * x.Pow(2)) + y.Pow(2);
        z.Backward(Tensor.OnesLike(z));

        var generated = SeedCode.TwoXSquaredPlusYSquaredGradient(1, 1, out var dx, out var dy);
        var leaves = Leaves(1, 1);
        var twin = SeedCode.TwoXSquaredPlusYSquaredTape(leaves[0], leaves[1]);
        twin.Backward();

        Assert.Equal([3.0], z.ToArray());
        Assert.Equal(3, generated);
        Assert.Equal(3, twin.Item());
        Assert.Equal([4.0, 2.0], new[] { x.Grad!.Item(), y.Grad!.Item() });
        Assert.Equal([4.0, 2.0], new[] { dx, dy });
        Assert.Equal([4.0, 2.0], new[] { leaves[0].Grad!.Item(), leaves[1].Grad!.Item() });
    }

    [Fact]
    public void Sum_of_squares_of_one_two_three_is_14_with_gradient_two_x_all_three_ways()
    {
        // The tutorial: x = tensor([1., 2., 3.]); y = torch.sum(x**2); y.backward()
        var x = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        var y = x.Pow(2).Sum();
        y.Backward();

        var generatedGradient = new double[3];
        var generated = Spans.SumOfSquaresGradient([1.0, 2.0, 3.0], generatedGradient);
        var leaf = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        var twin = Spans.SumOfSquaresTape(leaf);
        twin.Backward();

        Assert.Equal(14, y.Item());
        Assert.Equal(14, generated);
        Assert.Equal(14, twin.Item());
        Assert.Equal([2.0, 4.0, 6.0], x.Grad!.ToArray());
        Assert.Equal([2.0, 4.0, 6.0], generatedGradient);
        Assert.Equal([2.0, 4.0, 6.0], leaf.Grad!.ToArray());
    }

    [Fact]
    public void One_layer_network_through_binary_cross_entropy_with_logits_agrees_all_three_ways()
    {
        // The tutorial: x = ones(5); y = zeros(3); w = randn(5, 3); b = randn(3);
        // z = matmul(x, w) + b; loss = binary_cross_entropy_with_logits(z, y); loss.backward()
        var generator = new RandomGenerator(0);
        var x = Tensor.Ones([5], dtype: DType.Float64);
        var y = Tensor.Zeros([3], dtype: DType.Float64);
        var w = Tensor.Randn([5, 3], requiresGrad: true, DType.Float64, generator);
        var b = Tensor.Randn([3], requiresGrad: true, DType.Float64, generator);
        var loss = Functional.BinaryCrossEntropyWithLogits(x.MatMul(w) + b, y);
        loss.Backward();

        double[] wValues = w.ToArray(), bValues = b.ToArray(), xValues = x.ToArray(), yValues = y.ToArray();
        double[] wGradient = new double[15], bGradient = new double[3];
        var generated = SeedNetworks.LinearLogisticLossGradient(wValues, bValues, xValues, yValues, wGradient, bGradient);
        var wLeaf = Tensor.From(wValues, requiresGrad: true);
        var bLeaf = Tensor.From(bValues, requiresGrad: true);
        var twin = SeedNetworks.LinearLogisticLossTape(wLeaf, bLeaf, xValues, yValues);
        twin.Backward();

        Assert.Equal(loss.Item(), generated, Precision);
        Assert.Equal(loss.Item(), twin.Item(), Precision);
        AssertClose(w.Grad!.ToArray(), wGradient);
        AssertClose(b.Grad!.ToArray(), bGradient);
        AssertClose(w.Grad!.ToArray(), wLeaf.Grad!.ToArray());
        AssertClose(b.Grad!.ToArray(), bLeaf.Grad!.ToArray());
    }

    private static Tensor[] Leaves(params double[] values) => values.Select(v => Tensor.Scalar(v, requiresGrad: true, DType.Float64)).ToArray();

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], Precision);
        }
    }
}
