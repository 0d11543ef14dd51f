using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// Matrix products: mm, mv, dot and bmm (MatMul, which reduces to them, is in Tensor.MatMul.cs).
public sealed partial class Tensor
{
    /// <summary>The product of two matrices (<c>torch.mm</c>, <c>MmBackward0</c>).</summary>
    public Tensor Mm(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank != 2) throw new TensorShapeException("self must be a matrix");
        if (other.Rank != 2) throw new TensorShapeException("mat2 must be a matrix");
        if (_shape[1] != other._shape[0])
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"mat1 and mat2 shapes cannot be multiplied ({_shape[0]}x{_shape[1]} and {other._shape[0]}x{other._shape[1]})"));
        }
        RequireSameDType(other, "m1", "m2");
        int m = _shape[0], k = _shape[1], n = other._shape[1];
        var result = Empty([m, n], DType);
        switch (DType)
        {
            case DType.Float32: LinearAlgebra.MatMul<float>(Elements<float>(), other.Elements<float>(), result.Elements<float>(), m, k, n); break;
            case DType.Float64: LinearAlgebra.MatMul<double>(Elements<double>(), other.Elements<double>(), result.Elements<double>(), m, k, n); break;
            default: LinearAlgebra.MatMul<long>(Elements<long>(), other.Elements<long>(), result.Elements<long>(), m, k, n); break;
        }
        if (Autograd.ShouldRecord(this, other)) new MmBackward0(this, other).Attach(result, this, other);
        return result;
    }

    /// <summary>The product of a matrix and a vector (<c>torch.mv</c>, <c>MvBackward0</c>).</summary>
    public Tensor Mv(Tensor vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (Rank != 2 || vector.Rank != 1 || _shape[1] != vector._shape[0])
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"size mismatch, got input ({(Rank > 0 ? _shape[0] : 0)}), mat ({string.Join("x", _shape)}), vec ({string.Join("x", vector._shape)})"));
        }
        RequireSameDType(vector, "mat", "vec");
        int m = _shape[0], n = _shape[1];
        var result = Empty([m], DType);
        switch (DType)
        {
            case DType.Float32: LinearAlgebra.MatVec<float>(Elements<float>(), vector.Elements<float>(), result.Elements<float>(), m, n); break;
            case DType.Float64: LinearAlgebra.MatVec<double>(Elements<double>(), vector.Elements<double>(), result.Elements<double>(), m, n); break;
            default: LinearAlgebra.MatVec<long>(Elements<long>(), vector.Elements<long>(), result.Elements<long>(), m, n); break;
        }
        if (Autograd.ShouldRecord(this, vector)) new MvBackward0(this, vector).Attach(result, this, vector);
        return result;
    }

    /// <summary>The inner product of two vectors (<c>torch.dot</c>, <c>DotBackward0</c>).</summary>
    public Tensor Dot(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank != 1 || other.Rank != 1)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"1D tensors expected, but got {Rank}D and {other.Rank}D tensors"));
        }
        if (Numel != other.Numel)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"inconsistent tensor size, expected tensor [{Numel}] and src [{other.Numel}] to have the same number of elements, but got {Numel} and {other.Numel} elements respectively"));
        }
        RequireSameDType(other, "self", "other");
        var result = Empty([], DType);
        switch (DType)
        {
            case DType.Float32: result.Elements<float>()[0] = LinearAlgebra.Dot<float>(Elements<float>(), other.Elements<float>()); break;
            case DType.Float64: result.Elements<double>()[0] = LinearAlgebra.Dot<double>(Elements<double>(), other.Elements<double>()); break;
            default: result.Elements<long>()[0] = LinearAlgebra.Dot<long>(Elements<long>(), other.Elements<long>()); break;
        }
        if (Autograd.ShouldRecord(this, other)) new DotBackward0(this, other).Attach(result, this, other);
        return result;
    }

    /// <summary>Products of two batches of matrices, <c>[b, n, k]·[b, k, m]</c> (<c>torch.bmm</c>, <c>BmmBackward0</c>).</summary>
    public Tensor Bmm(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank != 3) throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture, $"batch1 must be a 3D tensor"));
        if (other.Rank != 3) throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture, $"batch2 must be a 3D tensor"));
        int batch = _shape[0], n = _shape[1], k = _shape[2], m = other._shape[2];
        if (other._shape[0] != batch || other._shape[1] != k)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Expected size for first two dimensions of batch2 tensor to be: [{batch}, {k}] but got: [{other._shape[0]}, {other._shape[1]}]."));
        }
        RequireSameDType(other, "batch1", "batch2");
        var result = Empty([batch, n, m], DType);
        switch (DType)
        {
            case DType.Float32: LinearAlgebra.BatchedMatMul<float>(Elements<float>(), other.Elements<float>(), result.Elements<float>(), batch, n, k, m); break;
            case DType.Float64: LinearAlgebra.BatchedMatMul<double>(Elements<double>(), other.Elements<double>(), result.Elements<double>(), batch, n, k, m); break;
            default: LinearAlgebra.BatchedMatMul<long>(Elements<long>(), other.Elements<long>(), result.Elements<long>(), batch, n, k, m); break;
        }
        if (Autograd.ShouldRecord(this, other)) new BmmBackward0(this, other).Attach(result, this, other);
        return result;
    }

    private void RequireSameDType(Tensor other, string name, string otherName)
    {
        if (DType == DType.Bool || other.DType == DType.Bool)
        {
            throw new NotSupportedException("matrix products are not implemented for Bool tensors: convert with To(DType.Float32) or To(DType.Int64) first");
        }
        if (DType != other.DType)
        {
            throw new ArgumentException($"expected {name} and {otherName} to have the same dtype, but got: {DType.ScalarTypeName().ToLowerInvariant()} != {other.DType.ScalarTypeName().ToLowerInvariant()}");
        }
    }
}
