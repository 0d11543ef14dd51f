using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>torch.einsum's ellipsis and repeated-letter (diagonal) subscripts: values against the spelled-out equation, gradients against central differences.</summary>
public class EinsumSubscriptTests
{
    [Fact]
    public void An_ellipsis_stands_for_the_unnamed_dimensions_broadcast_from_the_right()
    {
        var a = GradientCheck.Input([2, 3, 2, 4]);
        var b = GradientCheck.Input([3, 4, 2], offset: -0.1);
        var batched = Tensor.Einsum("...ij,...jk->...ik", a, b);
        Assert.Equal([2, 3, 2, 2], batched.Shape.ToArray());
        TensorAssert.Equal(a.Detach().MatMul(b.Detach()).ToArray(), batched, precision: 12);
        // Implicit output: the ellipsis dimensions first, then the letters that appear once.
        var v = GradientCheck.Input([4]).Detach();
        TensorAssert.Equal(a.Detach().MatMul(v).ToArray(), Tensor.Einsum("...j,j", a.Detach(), v), precision: 12, shape: [2, 3, 2]);
        TensorAssert.Equal(a.Detach().Sum([0, 1]).ToArray(), Tensor.Einsum("...ij->ij", a.Detach()), precision: 12);
        Assert.True(GradCheck.Check(t => Tensor.Einsum("...ij,...jk->...ik", t[0], t[1]), [a, b]).Passed);
        Assert.True(GradCheck.Check(t => Tensor.Einsum("b...,b->...", t[0], t[1]), [GradientCheck.Input([2, 3, 2]), GradientCheck.Input([2])]).Passed);
    }

    [Fact]
    public void A_repeated_letter_takes_the_diagonal()
    {
        var m = GradientCheck.Input([3, 3]);
        var values = m.ToArray();
        TensorAssert.Equal([values[0], values[4], values[8]], Tensor.Einsum("ii->i", m), precision: 14);
        Assert.Equal(values[0] + values[4] + values[8], Tensor.Einsum("ii", m).Item(), 14);
        var batch = GradientCheck.Input([2, 3, 3]);
        TensorAssert.Equal(batch.Detach().Diagonal(0, 1, 2).Sum(1).ToArray(), Tensor.Einsum("bii->b", batch), precision: 14);
        Assert.True(GradCheck.Check(t => Tensor.Einsum("ii,ij->j", t[0], t[1]), [m, GradientCheck.Input([3, 2])]).Passed);
        Assert.True(GradCheck.Check(t => Tensor.Einsum("...ii->...i", t[0]), [batch]).Passed);
    }

    [Fact]
    public void Bad_subscripts_say_what_is_wrong()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Tensor.Einsum("ij->i", Tensor.Zeros([2, 3])).ToString() + Tensor.Einsum("ii->i", Tensor.Zeros([2, 3])));
        Assert.Equal("einsum(): subscript i is repeated for operand 0 but the sizes don't match, 2 != 3", error.Message);
        Assert.ThrowsAny<ArgumentException>(() => Tensor.Einsum("...i...->i", Tensor.Zeros([2, 3])));
        Assert.ThrowsAny<ArgumentException>(() => Tensor.Einsum("ijk...->i", Tensor.Zeros([2, 3])));
    }
}
