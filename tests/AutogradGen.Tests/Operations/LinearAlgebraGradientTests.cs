using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>Matrix products: PyTorch's matmul rules, gradients against central differences, node names.</summary>
public class LinearAlgebraGradientTests
{
    // Both operands require grad. Names as libtorch 2.x's _matmul_impl records them (LinearAlgebra.cpp): 1-D·2-D
    // ends in squeeze_ (SqueezeBackward4); a batch against a vector or matrix folds into mm/mv + _unsafe_view; 2-D·3-D
    // with the matrix requiring grad folds, transposes and makes it contiguous (CloneBackward0); the rest is bmm +
    // _unsafe_view; a batch of one that requires grad against another batch is squeezed first.
    public static TheoryData<int[], int[], string> MatMulCases => new()
    {
        { [3], [3], "DotBackward0" },
        { [2, 3], [3], "MvBackward0" },
        { [2, 3], [3, 4], "MmBackward0" },
        { [3], [3, 4], "SqueezeBackward4" },
        { [2, 2, 3], [2, 3, 4], "UnsafeViewBackward0" },
        { [2, 2, 3], [3, 4], "UnsafeViewBackward0" },
        { [2, 2, 3], [3], "UnsafeViewBackward0" },
        { [3], [2, 3, 4], "UnsafeViewBackward0" },
        { [2, 3], [2, 3, 4], "CloneBackward0" },
        { [1, 2, 3], [2, 3, 4], "CloneBackward0" },
        { [2, 2, 3], [1, 3, 4], "UnsafeViewBackward0" },
        { [2, 1, 2, 3], [3], "UnsafeViewBackward0" },
        { [2, 1, 2, 3], [1, 2, 3, 2], "UnsafeViewBackward0" },
    };

    [Theory]
    [MemberData(nameof(MatMulCases))]
    public void MatMul_gradient_matches_central_differences(int[] aShape, int[] bShape, string nodeName)
    {
        var a = GradientCheck.Input(aShape);
        var b = GradientCheck.Input(bShape, offset: -0.2);
        GradientCheck.AssertMatches(t => t[0].MatMul(t[1]), a, b);
        Assert.Equal(nodeName, a.MatMul(b).GradFn!.Name);
    }

    // Only one operand requires grad: should_fold then depends on which one and on the larger operand's strides.
    public static TheoryData<int[], int[], bool, string> OneSidedMatMulCases => new()
    {
        { [2, 3], [2, 3, 4], false, "UnsafeViewBackward0" },   // 2-D·3-D, the batch requires grad: bmm
        { [3], [2, 3, 4], false, "UnsafeViewBackward0" },      // 1-D·3-D, mT of the batch does not fold: bmm
        { [2, 2, 3], [3, 4], true, "UnsafeViewBackward0" },    // the batch folds without a copy: mm
        { [1, 2, 3], [2, 3, 4], false, "UnsafeViewBackward0" }, // the batch of one does not require grad: bmm
    };

    [Theory]
    [MemberData(nameof(OneSidedMatMulCases))]
    public void MatMul_with_one_operand_requiring_grad_records_libtorchs_nodes(int[] aShape, int[] bShape, bool leftRequiresGrad, string nodeName)
    {
        var a = GradientCheck.Input(aShape).RequiresGrad_(leftRequiresGrad);
        var b = GradientCheck.Input(bShape, offset: -0.2).RequiresGrad_(!leftRequiresGrad);
        if (leftRequiresGrad) GradientCheck.AssertMatches(t => t[0].MatMul(b), a);
        else GradientCheck.AssertMatches(t => a.MatMul(t[0]), b);
        var product = a.MatMul(b);
        Assert.Equal(nodeName, product.GradFn!.Name);
        // The value does not depend on the branch taken: it is the product computed without autograd.
        using (Autograd.NoGrad()) TensorAssert.Equal(a.Detach().MatMul(b.Detach()).ToArray(), product.Detach(), precision: 12);
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
