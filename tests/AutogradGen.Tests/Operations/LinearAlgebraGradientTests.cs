using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>Matrix products: PyTorch's matmul rules, gradients against central differences, node names.</summary>
public class LinearAlgebraGradientTests
{
    public static TheoryData<int[], int[], string> MatMulCases => new()
    {
        { [3], [3], "DotBackward0" },
        { [2, 3], [3], "MvBackward0" },
        { [2, 3], [3, 4], "MmBackward0" },
        { [3], [3, 4], "SqueezeBackward1" },
        { [2, 2, 3], [2, 3, 4], "UnsafeViewBackward0" },
        { [2, 2, 3], [3, 4], "UnsafeViewBackward0" },
        { [3], [2, 3, 4], "SqueezeBackward1" },
        { [2, 1, 2, 3], [3, 3], "SqueezeBackward1" },
    };

    [Theory]
    [MemberData(nameof(MatMulCases))]
    public void MatMul_gradient_matches_central_differences(int[] aShape, int[] bShape, string nodeName)
    {
        var a = GradientCheck.Input(aShape);
        var b = GradientCheck.Input(bShape, offset: -0.2);
        if (nodeName == "SqueezeBackward1" && aShape.Length == 4) b = GradientCheck.Input([3]);
        GradientCheck.AssertMatches(t => t[0].MatMul(t[1]), a, b);
        Assert.Equal(nodeName, a.MatMul(b).GradFn!.Name);
    }

    [Fact]
    public void MatMul_of_matrices_gives_the_matrix_product()
    {
        var a = Tensor.From(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.From(new float[,] { { 5, 6 }, { 7, 8 } });
        TensorAssert.Equal([19, 22, 43, 50], a.MatMul(b), shape: [2, 2]);
    }

    [Fact]
    public void Batched_matmul_broadcasts_batch_dimensions()
    {
        var a = Tensor.Ones([4, 1, 2, 3]);
        var b = Tensor.Ones([5, 3, 2]);
        var product = a.MatMul(b);
        Assert.Equal([4, 5, 2, 2], product.Shape);
        Assert.All(product.ToArray(), value => Assert.Equal(3, value));
    }

    [Fact]
    public void Bmm_gradient_matches_central_differences()
    {
        var a = GradientCheck.Input([2, 2, 3]);
        var b = GradientCheck.Input([2, 3, 2], offset: 0.1);
        GradientCheck.AssertMatches(t => t[0].Bmm(t[1]), a, b);
    }
}
