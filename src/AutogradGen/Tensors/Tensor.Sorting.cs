using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// sort and topk along a dimension. NaN sorts as the largest value, as in PyTorch; ties keep their index order.
public sealed partial class Tensor
{
    /// <summary>
    /// The elements sorted along <paramref name="dim"/> and where each came from (<c>x.sort(dim, descending)</c>,
    /// <c>SortBackward0</c>): the gradient goes back to the position each value was taken from.
    /// </summary>
    public (Tensor Values, Tensor Indices) Sort(int dim = -1, bool descending = false)
    {
        int d = Rank == 0 ? 0 : Shapes.NormalizeDim(dim, Rank);
        int size = Rank == 0 ? 1 : _shape[d];
        return Selected(d, size, descending, "SortBackward0");
    }

    /// <summary>The indices that sort the tensor along <paramref name="dim"/> (<c>x.argsort(dim, descending)</c>).</summary>
    public Tensor ArgSort(int dim = -1, bool descending = false)
    {
        using (Autograd.NoGrad()) return Sort(dim, descending).Indices;
    }

    /// <summary>
    /// The <paramref name="k"/> largest (or, with <paramref name="largest"/> false, smallest) elements along
    /// <paramref name="dim"/>, sorted, and their indices (<c>x.topk(k, dim, largest, sorted=True)</c>, <c>TopkBackward0</c>).
    /// </summary>
    public (Tensor Values, Tensor Indices) TopK(int k, int dim = -1, bool largest = true)
    {
        int d = Rank == 0 ? 0 : Shapes.NormalizeDim(dim, Rank);
        int size = Rank == 0 ? 1 : _shape[d];
        if (k < 0 || k > size) throw new ArgumentOutOfRangeException(nameof(k), k, "selected index k out of range");
        return Selected(d, k, largest, "TopkBackward0");
    }

    private (Tensor Values, Tensor Indices) Selected(int dim, int count, bool descending, string nodeName)
    {
        var shape = Rank == 0 ? [1] : SharedShape;
        var (outer, size, inner) = Reductions.SplitAt(shape, dim);
        var values = ToArray();
        var outShape = (int[])shape.Clone();
        outShape[dim] = count;
        var indices = new long[outer * count * inner];
        var order = new int[size];
        var keys = new double[size];
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                for (int k = 0; k < size; k++)
                {
                    order[k] = k;
                    keys[k] = values[(o * size + k) * inner + i];
                }
                // A stable sort on (value, index), NaN greatest; descending reverses the value order only.
                System.Array.Sort(order, (a, b) =>
                {
                    int byValue = CompareWithNaNLargest(keys[a], keys[b]);
                    if (descending) byValue = -byValue;
                    return byValue != 0 ? byValue : a.CompareTo(b);
                });
                for (int k = 0; k < count; k++) indices[(o * count + k) * inner + i] = order[k];
            }
        }
        var indexTensor = new Tensor(new TensorStorage(indices), Rank == 0 ? [] : outShape, DType.Int64);
        Tensor result;
        using (Autograd.NoGrad()) result = Rank == 0 ? DetachedClone() : Gather(dim, indexTensor);
        if (Autograd.ShouldRecord(this)) new SortedBackward(nodeName, indexTensor.DetachedClone(), dim, SharedShape).Attach(result, this);
        return (result, indexTensor);
    }

    private static int CompareWithNaNLargest(double a, double b)
    {
        if (double.IsNaN(a)) return double.IsNaN(b) ? 0 : 1;
        if (double.IsNaN(b)) return -1;
        return a.CompareTo(b);
    }
}

/// <summary>sort/topk: each selected value's gradient goes back to the position it was read from (PyTorch's value_selecting_reduction_backward).</summary>
internal sealed class SortedBackward(string name, Tensor indices, int dim, int[] shape) : Node
{
    public override string Name => name;

    internal override Tensor?[] Backward(Tensor grad) => [shape.Length == 0 ? grad : Tensor.ScatterAddAlongDim(grad, indices, dim, shape)];
}
