using System.Numerics;
using System.Numerics.Tensors;
using AutogradGen.Kernels;

namespace AutogradGen;

/// <summary>The element-wise functions the raw (unrecorded) compute layer dispatches to the kernels.</summary>
internal enum UnaryFunction { Negate, Exp, Log, Sqrt, Abs, Sin, Cos, Tanh, Sigmoid, Relu, Sign }

/// <summary>The element-wise binary functions of the raw compute layer.</summary>
internal enum BinaryFunction { Add, Subtract, Multiply, Divide, Pow, Maximum, Minimum }

/// <summary>The comparisons of the raw compute layer; results are Bool.</summary>
internal enum Comparison { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual }

// The raw compute layer: dtype dispatch from tensors to the span kernels, with no autograd. Each switch runs once per
// operation, never per element; the public operations in the other files add recording on top.
public sealed partial class Tensor
{
    /// <summary>This tensor's elements converted to <paramref name="dtype"/> (this tensor itself when it already is). Not recorded.</summary>
    internal Tensor ConvertRaw(DType dtype)
    {
        if (dtype == DType) return this;
        var result = Empty(_shape, dtype);
        switch (DType, dtype)
        {
            case (DType.Float32, DType.Float64): TensorPrimitives.ConvertChecked<float, double>(Elements<float>(), result.Elements<double>()); break;
            case (DType.Float64, DType.Float32): TensorPrimitives.ConvertTruncating<double, float>(Elements<double>(), result.Elements<float>()); break;
            case (DType.Int64, DType.Float32): TensorPrimitives.ConvertTruncating<long, float>(Elements<long>(), result.Elements<float>()); break;
            case (DType.Int64, DType.Float64): TensorPrimitives.ConvertTruncating<long, double>(Elements<long>(), result.Elements<double>()); break;
            case (DType.Float32, DType.Int64): TensorPrimitives.ConvertTruncating<float, long>(Elements<float>(), result.Elements<long>()); break;
            case (DType.Float64, DType.Int64): TensorPrimitives.ConvertTruncating<double, long>(Elements<double>(), result.Elements<long>()); break;
            default:
                var values = ToArray();
                for (int i = 0; i < values.Length; i++) result.SetElement(i, values[i]);
                break;
        }
        return result;
    }

    /// <summary>A copy with storage of its own and no history.</summary>
    internal Tensor DetachedClone()
    {
        if (_layout is not null) return new Tensor(new TensorStorage(ElementArray()), ShapeArray, DType);
        var copy = Adopt(_shape, DType);
        System.Array.Copy(Storage.Data, copy.Storage.Data, Numel);
        return copy;
    }

    /// <summary>
    /// <c>this += other</c> straight into this tensor's storage when both are floating point of the same dtype and
    /// shape; false (nothing written) otherwise. No version bump and no recording: only for tensors nobody else has
    /// seen yet, such as the engine's own gradient sums.
    /// </summary>
    internal bool TryAddInPlaceRaw(Tensor other)
    {
        if (_layout is not null || other.DType != DType || !SameShape(this, other)) return false;
        switch (DType)
        {
            case DType.Float64:
                var sums = Elements<double>();
                Broadcasting.Binary<double, double, AddOperator<double>>(sums, _shape, other.Elements<double>(), other._shape, sums, _shape);
                return true;
            case DType.Float32:
                var floats = Elements<float>();
                Broadcasting.Binary<float, float, AddOperator<float>>(floats, _shape, other.Elements<float>(), other._shape, floats, _shape);
                return true;
            default:
                return false;
        }
    }

    internal Tensor MapRaw(UnaryFunction function)
    {
        bool keepsIntegers = function is UnaryFunction.Negate or UnaryFunction.Abs or UnaryFunction.Relu or UnaryFunction.Sign;
        var source = DType.IsFloatingPoint() || (keepsIntegers && DType == DType.Int64) ? this : ConvertRaw(keepsIntegers ? DType.Int64 : DType.Float32);
        var result = Adopt(_shape, source.DType);
        switch (source.DType)
        {
            case DType.Float32:
                float[]? floats = null;
                MapFloating<float>(function, source.ReadElements(ref floats), result.Elements<float>());
                ReturnScratch(floats);
                break;
            case DType.Float64:
                double[]? doubles = null;
                MapFloating<double>(function, source.ReadElements(ref doubles), result.Elements<double>());
                ReturnScratch(doubles);
                break;
            default:
                long[]? longs = null;
                MapIntegral(function, source.ReadElements(ref longs), result.Elements<long>());
                ReturnScratch(longs);
                break;
        }
        return result;
    }

    private static void MapFloating<T>(UnaryFunction function, ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // TensorPrimitives refuses empty spans for some functions (Sigmoid): an empty tensor maps to an empty tensor.
        if (x.IsEmpty) return;
        if (Parallelism.IsLarge(x.Length)) MapInParallel(function, x, destination);
        else MapSerial(function, x, destination);
    }

    // Large tensors: the same functions chunk by chunk on Parallelism's threads (every element computed alike).
    private static unsafe void MapInParallel<T>(UnaryFunction function, ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* px = x, pd = destination)
        {
            Parallelism.For(destination.Length, new MapBody<T> { X = px, D = pd, Function = function });
        }
    }

    private unsafe struct MapBody<T> : IChunkBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public T* X, D;
        public UnaryFunction Function;

        public readonly void Run(int chunk, int start, int length) => MapSerial(Function, new ReadOnlySpan<T>(X + start, length), new Span<T>(D + start, length));
    }

    private static void MapSerial<T>(UnaryFunction function, ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (function)
        {
            case UnaryFunction.Negate: TensorPrimitives.Negate(x, destination); break;
            case UnaryFunction.Exp: TensorPrimitives.Exp(x, destination); break;
            case UnaryFunction.Log: TensorPrimitives.Log(x, destination); break;
            case UnaryFunction.Sqrt: TensorPrimitives.Sqrt(x, destination); break;
            case UnaryFunction.Abs: TensorPrimitives.Abs(x, destination); break;
            case UnaryFunction.Sin: TensorPrimitives.Sin(x, destination); break;
            case UnaryFunction.Cos: TensorPrimitives.Cos(x, destination); break;
            case UnaryFunction.Tanh: TensorPrimitives.Tanh(x, destination); break;
            case UnaryFunction.Sigmoid: TensorPrimitives.Sigmoid(x, destination); break;
            case UnaryFunction.Relu: Activations.Relu(x, destination); break;
            default: Activations.Sign(x, destination); break;
        }
    }

    private static void MapIntegral(UnaryFunction function, ReadOnlySpan<long> x, Span<long> destination)
    {
        switch (function)
        {
            case UnaryFunction.Negate: TensorPrimitives.Negate(x, destination); break;
            case UnaryFunction.Abs: TensorPrimitives.Abs(x, destination); break;
            case UnaryFunction.Relu: Activations.Relu(x, destination); break;
            default: Activations.Sign(x, destination); break;
        }
    }

    /// <summary>The dtype a binary function computes in: promotion, then true division and powers in floating point.</summary>
    private static DType ComputeType(BinaryFunction function, Tensor a, Tensor b)
    {
        var dtype = DTypes.Promote(a, b);
        if (dtype == DType.Bool) dtype = DType.Int64;
        // True division is floating; an integer power of integers stays an integer, as PyTorch's.
        if (!dtype.IsFloatingPoint() && function is BinaryFunction.Divide) dtype = DType.Float32;
        return dtype;
    }

    private static bool SameShape(Tensor a, Tensor b) => ReferenceEquals(a._shape, b._shape) || a._shape.AsSpan().SequenceEqual(b._shape);

    internal static Tensor BinaryRaw(BinaryFunction function, Tensor a, Tensor b)
    {
        if (function == BinaryFunction.Subtract) RefuseBoolSubtraction(a, b);
        if (a.DType == DType.Bool && b.DType == DType.Bool && function is not (BinaryFunction.Divide or BinaryFunction.Pow))
        {
            return BoolBinaryRaw(function, a, b);
        }
        var dtype = ComputeType(function, a, b);
        var shape = SameShape(a, b) ? a._shape : Shapes.Broadcast(a._shape, b._shape);
        var x = a.ConvertRaw(dtype);
        var y = b.ConvertRaw(dtype);
        var result = Adopt(shape, dtype);
        switch (dtype)
        {
            case DType.Float32: BinaryFloating<float>(function, x, y, result); break;
            case DType.Float64: BinaryFloating<double>(function, x, y, result); break;
            default: BinaryIntegral(function, x, y, result); break;
        }
        return result;
    }

    // Two Bool operands stay Bool in PyTorch: + is logical or, * logical and, maximum/minimum likewise (subtraction is
    // refused before this). Computed in Int64 (0/1), then any nonzero is True.
    private static Tensor BoolBinaryRaw(BinaryFunction function, Tensor a, Tensor b)
    {
        var counts = BinaryRaw(function, a.ConvertRaw(DType.Int64), b.ConvertRaw(DType.Int64));
        return counts.ConvertRaw(DType.Bool);
    }

    /// <summary>PyTorch refuses <c>-</c> with a Bool operand (a mask is inverted or compared, not subtracted).</summary>
    internal static void RefuseBoolSubtraction(Tensor a, Tensor b)
    {
        if (a.DType == DType.Bool && b.DType == DType.Bool)
        {
            throw new InvalidOperationException(
                "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead. "
                + "(Here: a.Ne(b) is the logical xor of two masks.)");
        }
        if (a.DType == DType.Bool || b.DType == DType.Bool)
        {
            throw new InvalidOperationException(
                "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or "
                + "`logical_not()` operator instead. (Here: mask.Eq(0) inverts a mask.)");
        }
    }

    private static void BinaryFloating<T>(BinaryFunction function, Tensor a, Tensor b, Tensor result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Views are read where they live when the kernel can (an expanded gradient, a narrowed parameter block);
        // others are gathered into pooled scratch, once when both operands are the same view (x * x).
        T[]? xScratch = null, yScratch = null;
        ReadOnlySpan<T> x = a.BroadcastOperand<T>(out var xShape, ref xScratch);
        int[] yShape = xShape;
        ReadOnlySpan<T> y = ReferenceEquals(a, b) ? x : b.BroadcastOperand<T>(out yShape, ref yScratch);
        Span<T> destination = result.Elements<T>();
        try
        {
            BinaryFloating(function, x, xShape, y, yShape, destination, result._shape);
        }
        finally
        {
            ReturnScratch(xScratch);
            ReturnScratch(yScratch);
        }
    }

    /// <summary>Gives a kernel's gathered copy of a view back to the pool: nothing else ever saw it.</summary>
    private static void ReturnScratch(Array? scratch)
    {
        if (scratch is not null) StoragePool.Return(scratch);
    }

    private static void BinaryFloating<T>(BinaryFunction function, ReadOnlySpan<T> x, int[] xShape, ReadOnlySpan<T> y, int[] yShape, Span<T> destination, int[] shape)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var resultShape = shape;
        switch (function)
        {
            case BinaryFunction.Add: Broadcasting.Binary<T, T, AddOperator<T>>(x, xShape, y, yShape, destination, resultShape); break;
            case BinaryFunction.Subtract: Broadcasting.Binary<T, T, SubtractOperator<T>>(x, xShape, y, yShape, destination, resultShape); break;
            case BinaryFunction.Multiply: Broadcasting.Binary<T, T, MultiplyOperator<T>>(x, xShape, y, yShape, destination, resultShape); break;
            case BinaryFunction.Divide: Broadcasting.Binary<T, T, DivideOperator<T>>(x, xShape, y, yShape, destination, resultShape); break;
            case BinaryFunction.Pow: Broadcasting.Binary<T, T, PowOperator<T>>(x, xShape, y, yShape, destination, resultShape); break;
            case BinaryFunction.Maximum: Broadcasting.Binary<T, T, MaximumOperator<T>>(x, xShape, y, yShape, destination, resultShape); break;
            default: Broadcasting.Binary<T, T, MinimumOperator<T>>(x, xShape, y, yShape, destination, resultShape); break;
        }
    }

    private static void BinaryIntegral(BinaryFunction function, Tensor a, Tensor b, Tensor result)
    {
        ReadOnlySpan<long> x = a.Elements<long>(), y = b.Elements<long>();
        Span<long> destination = result.Elements<long>();
        switch (function)
        {
            case BinaryFunction.Add: Broadcasting.Binary<long, long, AddOperator<long>>(x, a._shape, y, b._shape, destination, result._shape); break;
            case BinaryFunction.Subtract: Broadcasting.Binary<long, long, SubtractOperator<long>>(x, a._shape, y, b._shape, destination, result._shape); break;
            case BinaryFunction.Multiply: Broadcasting.Binary<long, long, MultiplyOperator<long>>(x, a._shape, y, b._shape, destination, result._shape); break;
            case BinaryFunction.Maximum: Broadcasting.Binary<long, long, MaximumOperator<long>>(x, a._shape, y, b._shape, destination, result._shape); break;
            case BinaryFunction.Pow:
                foreach (long exponent in y)
                {
                    if (exponent < 0) throw new InvalidOperationException("Integers to negative integer powers are not allowed.");
                }
                Broadcasting.Binary<long, long, IntegerPowOperator>(x, a._shape, y, b._shape, destination, result._shape);
                break;
            default: Broadcasting.Binary<long, long, MinimumOperator<long>>(x, a._shape, y, b._shape, destination, result._shape); break;
        }
    }

    internal static Tensor CompareRaw(Comparison comparison, Tensor a, Tensor b)
    {
        var dtype = DTypes.Promote(a, b);
        if (dtype == DType.Bool) dtype = DType.Int64;
        var shape = SameShape(a, b) ? a._shape : Shapes.Broadcast(a._shape, b._shape);
        var x = a.ConvertRaw(dtype);
        var y = b.ConvertRaw(dtype);
        var result = Adopt(shape, DType.Bool);
        switch (dtype)
        {
            case DType.Float32: CompareTyped<float>(comparison, x, y, result); break;
            case DType.Float64: CompareTyped<double>(comparison, x, y, result); break;
            default: CompareTyped<long>(comparison, x, y, result); break;
        }
        return result;
    }

    private static void CompareTyped<T>(Comparison comparison, Tensor a, Tensor b, Tensor result) where T : unmanaged, INumber<T>
    {
        ReadOnlySpan<T> x = a.Elements<T>(), y = b.Elements<T>();
        Span<bool> destination = result.Elements<bool>();
        switch (comparison)
        {
            case Comparison.Equal: Broadcasting.Binary<T, bool, EqualOperator<T>>(x, a._shape, y, b._shape, destination, result._shape); break;
            case Comparison.NotEqual: Broadcasting.Binary<T, bool, NotEqualOperator<T>>(x, a._shape, y, b._shape, destination, result._shape); break;
            case Comparison.Less: Broadcasting.Binary<T, bool, LessThanOperator<T>>(x, a._shape, y, b._shape, destination, result._shape); break;
            case Comparison.LessOrEqual: Broadcasting.Binary<T, bool, LessThanOrEqualOperator<T>>(x, a._shape, y, b._shape, destination, result._shape); break;
            case Comparison.Greater: Broadcasting.Binary<T, bool, GreaterThanOperator<T>>(x, a._shape, y, b._shape, destination, result._shape); break;
            default: Broadcasting.Binary<T, bool, GreaterThanOrEqualOperator<T>>(x, a._shape, y, b._shape, destination, result._shape); break;
        }
    }

    /// <summary>
    /// A 0-d tensor for a number on one side of a binary operation: the other operand's dtype when that is floating
    /// point, otherwise int64 for whole numbers and float32 for fractions, as PyTorch's wrapped numbers.
    /// </summary>
    internal static Tensor WrapNumber(double value, Tensor other)
    {
        var dtype = other.DType.IsFloatingPoint() ? other.DType : value == Math.Floor(value) && !double.IsInfinity(value) ? DType.Int64 : DType.Float32;
        return Scalar(value, false, dtype);
    }
}
