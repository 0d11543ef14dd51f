using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// torch.matmul as libtorch 2.x's _matmul_impl (aten/src/ATen/native/LinearAlgebra.cpp) does it, step for step, so
// that the recorded graph, and hence grad_fn, is libtorch's: 1-D·2-D ends in SqueezeBackward4 (an in-place squeeze_
// of the mm result); a batch against a vector or a matrix is folded into one mm/mv when should_fold says so and
// ends in UnsafeViewBackward0, or in CloneBackward0 when a 2-D left operand that requires grad is multiplied by a
// batch (the transposed product is made contiguous); everything else is a bmm over the broadcast batch, restored
// with _unsafe_view (UnsafeViewBackward0).
public sealed partial class Tensor
{
    /// <summary>
    /// The matrix product with PyTorch's rules (<c>torch.matmul</c>): 1-D·1-D is <see cref="Dot"/>, 2-D·1-D is
    /// <see cref="Mv"/>, 2-D·2-D is <see cref="Mm"/>, 1-D·2-D treats the vector as a row, and operands of 3 or more
    /// dimensions are batches of matrices whose batch dimensions broadcast. The recorded nodes are libtorch 2.x's.
    /// </summary>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank == 0 || other.Rank == 0)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"both arguments to matmul need to be at least 1D, but they are {Rank}D and {other.Rank}D"));
        }
        if (Rank == 1 && other.Rank == 1) return Dot(other);
        if (Rank == 2 && other.Rank == 1) return Mv(other);
        if (Rank == 1 && other.Rank == 2) return SqueezedInPlace(Unsqueeze(0).Mm(other));
        if (Rank == 2 && other.Rank == 2) return Mm(other);
        if (ShouldFold(this, other)) return FoldedMatMul(other);
        return BatchedMatMul(other);
    }

    /// <summary>
    /// libtorch's <c>mm(...).squeeze_(0)</c>: the product's leading size-1 dimension dropped in place, which records
    /// <c>SqueezeBackward4</c> (squeeze_.dim). The product is not visible to the caller, so a new tensor object over
    /// its storage stands for it.
    /// </summary>
    private static Tensor SqueezedInPlace(Tensor product)
    {
        var result = product.ViewRaw([product._shape[1]]);
        if (Autograd.ShouldRecord(product)) new SqueezeBackward4(product.SharedShape).Attach(result, product);
        return result;
    }

    /// <summary>
    /// libtorch's should_fold: a batch (3 or more dimensions) times a vector or matrix is folded into one mm/mv when
    /// the small operand requires grad (so that its gradient is not made batch-sized first), or, unless the left
    /// operand is the 2-D one, when the batch folds into a matrix without a copy.
    /// </summary>
    private static bool ShouldFold(Tensor tensor1, Tensor tensor2)
    {
        bool tensor1Larger = tensor1.Rank >= tensor2.Rank;
        var larger = tensor1Larger ? tensor1 : tensor2;
        var smaller = tensor1Larger ? tensor2 : tensor1;
        if (!(larger.Rank >= 3 && smaller.Rank <= 2)) return false;
        if (smaller.RequiresGrad) return true;
        if (tensor1.Rank == 2) return false;
        if (larger.Numel == 0) return true;

        // t1 is the larger operand, transposed (mT) when it is the right one: its leading dimensions must be contiguous.
        var shape = (int[])larger._shape.Clone();
        var strides = larger.StridesSpan.ToArray();
        if (!tensor1Larger)
        {
            (shape[^1], shape[^2]) = (shape[^2], shape[^1]);
            (strides[^1], strides[^2]) = (strides[^2], strides[^1]);
        }
        for (int i = 0; i < shape.Length - 2; i++)
        {
            if (strides[i] != strides[i + 1] * shape[i + 1]) return false;
        }
        return true;
    }

    /// <summary>The fold branch of _matmul_impl: the batch folded into the rows of one matrix, one mm or mv.</summary>
    private Tensor FoldedMatMul(Tensor other)
    {
        bool transpose = other.Rank > Rank;
        var t1 = transpose ? other.Transpose(-2, -1) : this;
        var t2 = !transpose ? other : Rank == 2 ? T() : this;
        var sizes1 = t1._shape;
        var outputShape = new List<int>(sizes1[..^1]);
        int folded = Shapes.Numel(sizes1.AsSpan(0, sizes1.Length - 1));
        bool t2IsMatrix = t2.Rank == 2;
        if (t2IsMatrix) outputShape.Add(t2._shape[1]);
        // Almost always a view; a copy when the batch does not fold without one (should_fold allowed it for the gradient).
        var t1Folded = t1.Reshape([folded, sizes1[^1]]);
        if (!t2IsMatrix) return UnsafeView(t1Folded.Mv(t2), [.. outputShape]);
        var output = UnsafeView(t1Folded.Mm(t2), [.. outputShape]);
        return transpose ? output.Transpose(-2, -1).Contiguous() : output;
    }

    /// <summary>The bmm branch of _matmul_impl: both operands expanded to the broadcast batch, flattened to 3-D.</summary>
    private Tensor BatchedMatMul(Tensor other)
    {
        int n = Rank > 1 ? _shape[^2] : 1, m1 = _shape[^1];
        var batch1 = _shape.AsSpan(0, Math.Max(Rank - 2, 0));
        int m2 = other.Rank > 1 ? other._shape[^2] : other._shape[0], p = other.Rank > 1 ? other._shape[^1] : 1;
        var batch2 = other._shape.AsSpan(0, Math.Max(other.Rank - 2, 0));

        // The same gradient saving as should_fold's: a batch of one that requires grad is squeezed, then folded.
        if (Rank == 3 && other.Rank == 3 && batch1[0] != batch2[0])
        {
            if (batch1[0] == 1 && RequiresGrad) return Squeeze(0).MatMul(other);
            if (batch2[0] == 1 && other.RequiresGrad) return MatMul(other.Squeeze(0));
        }

        var outputShape = new List<int>(Shapes.Broadcast(batch1, batch2));
        int batch = Shapes.Numel(outputShape.ToArray());
        var left = Expand([.. outputShape, n, m1]).Reshape([batch, n, m1]);
        bool vectorRhs = other.Rank == 1;
        var right = vectorRhs
            ? other.Expand([.. outputShape, m2]).Reshape([batch, m2]).Unsqueeze(2)
            : other.Expand([.. outputShape, m2, p]).Reshape([batch, m2, p]);
        if (Rank > 1) outputShape.Add(n);
        if (other.Rank > 1) outputShape.Add(p);
        var product = left.Bmm(right);
        return UnsafeView(vectorRhs ? product.Squeeze(-1) : product, [.. outputShape]);
    }

    /// <summary>libtorch's <c>at::_unsafe_view</c> of a fresh result: the same storage with another shape, <c>UnsafeViewBackward0</c>.</summary>
    private static Tensor UnsafeView(Tensor fresh, int[] shape)
    {
        var result = fresh.ViewRaw(shape);
        if (Autograd.ShouldRecord(fresh)) new UnsafeViewBackward0(fresh.SharedShape).Attach(result, fresh);
        return result;
    }
}
