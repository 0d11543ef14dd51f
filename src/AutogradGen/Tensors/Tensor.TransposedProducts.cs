using AutogradGen.Kernels;

namespace AutogradGen;

// The products the backward rules of matrix products need, dC·Bᵀ, Aᵀ·dC and Aᵀ·v, computed by the kernels from the
// operands where they are, with no transposed copy. When the call must be recorded (a backward pass under
// createGraph) they are the plain composition, T() then the product, so the graph is PyTorch's.
public sealed partial class Tensor
{
    /// <summary>
    /// <c>op(this) · op(other)</c> for two matrices of the same dtype, op the transpose where asked; the caller has
    /// checked the shapes agree (backward rules, where they always do).
    /// </summary>
    internal Tensor MmTransposed(Tensor other, bool transposeSelf, bool transposeOther)
    {
        if (Autograd.ShouldRecord(this, other) || DType != other.DType || DType == DType.Bool)
        {
            return (transposeSelf ? T() : this).Mm(transposeOther ? other.T() : other);
        }
        int m = transposeSelf ? _shape[1] : _shape[0];
        int k = transposeSelf ? _shape[0] : _shape[1];
        int n = transposeOther ? other._shape[0] : other._shape[1];
        var result = Empty([m, n], DType);
        switch (DType)
        {
            case DType.Float32: LinearAlgebra.MatMul<float>(Elements<float>(), transposeSelf, other.Elements<float>(), transposeOther, result.Elements<float>(), m, k, n); break;
            case DType.Float64: LinearAlgebra.MatMul<double>(Elements<double>(), transposeSelf, other.Elements<double>(), transposeOther, result.Elements<double>(), m, k, n); break;
            default: LinearAlgebra.MatMul<long>(Elements<long>(), transposeSelf, other.Elements<long>(), transposeOther, result.Elements<long>(), m, k, n); break;
        }
        return result;
    }

    /// <summary><c>thisᵀ · vector</c> for a matrix and a vector of the same dtype whose shapes agree.</summary>
    internal Tensor MvTransposed(Tensor vector)
    {
        if (Autograd.ShouldRecord(this, vector) || DType != vector.DType || DType == DType.Bool) return T().Mv(vector);
        int m = _shape[0], n = _shape[1];
        var result = Empty([n], DType);
        switch (DType)
        {
            case DType.Float32: LinearAlgebra.MatVecTransposed<float>(Elements<float>(), vector.Elements<float>(), result.Elements<float>(), m, n); break;
            case DType.Float64: LinearAlgebra.MatVecTransposed<double>(Elements<double>(), vector.Elements<double>(), result.Elements<double>(), m, n); break;
            default: LinearAlgebra.MatVecTransposed<long>(Elements<long>(), vector.Elements<long>(), result.Elements<long>(), m, n); break;
        }
        return result;
    }

    /// <summary><c>op(this[i]) · op(other[i])</c> for two batches of matrices, as <see cref="MmTransposed"/>.</summary>
    internal Tensor BmmTransposed(Tensor other, bool transposeSelf, bool transposeOther)
    {
        if (Autograd.ShouldRecord(this, other) || DType != other.DType || DType == DType.Bool)
        {
            return (transposeSelf ? Transpose(1, 2) : this).Bmm(transposeOther ? other.Transpose(1, 2) : other);
        }
        int batch = _shape[0];
        int m = transposeSelf ? _shape[2] : _shape[1];
        int k = transposeSelf ? _shape[1] : _shape[2];
        int n = transposeOther ? other._shape[1] : other._shape[2];
        var result = Empty([batch, m, n], DType);
        for (int i = 0; i < batch; i++)
        {
            switch (DType)
            {
                case DType.Float32: LinearAlgebra.MatMul<float>(Elements<float>().AsSpan(i * m * k, m * k), transposeSelf, other.Elements<float>().AsSpan(i * k * n, k * n), transposeOther, result.Elements<float>().AsSpan(i * m * n, m * n), m, k, n); break;
                case DType.Float64: LinearAlgebra.MatMul<double>(Elements<double>().AsSpan(i * m * k, m * k), transposeSelf, other.Elements<double>().AsSpan(i * k * n, k * n), transposeOther, result.Elements<double>().AsSpan(i * m * n, m * n), m, k, n); break;
                default: LinearAlgebra.MatMul<long>(Elements<long>().AsSpan(i * m * k, m * k), transposeSelf, other.Elements<long>().AsSpan(i * k * n, k * n), transposeOther, result.Elements<long>().AsSpan(i * m * n, m * n), m, k, n); break;
            }
        }
        return result;
    }
}
