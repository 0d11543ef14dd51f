using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

public sealed partial class Tensor
{
    /// <summary>A tensor of the given shape and dtype; its elements are zero (the runtime clears new arrays).</summary>
    internal static Tensor Empty(ReadOnlySpan<int> shape, DType dtype)
    {
        foreach (int size in shape)
        {
            if (size < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {size}: {Shapes.Format(shape)}", nameof(shape));
        }
        return new Tensor(TensorStorage.Allocate(dtype, Shapes.Numel(shape)), shape.ToArray(), dtype);
    }

    /// <summary>A tensor that takes <paramref name="shape"/> as its own (no copy): for shapes that are already
    /// immutable (another tensor's, or fresh from <see cref="Shapes.Broadcast"/>). Saves an allocation per operation.
    /// Its elements are NOT zeroed (a large buffer may come from the pool, or uninitialised from the runtime): the
    /// caller is a kernel that writes every element.</summary>
    internal static Tensor Adopt(int[] shape, DType dtype) => new(TensorStorage.Allocate(dtype, Shapes.Numel(shape), clear: false), shape, dtype);

    private static Tensor Wrap(Array data, ReadOnlySpan<int> shape, DType dtype, bool requiresGrad)
    {
        if (Shapes.Numel(shape) != data.Length)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"shape '{Shapes.Format(shape)}' is invalid for input of size {data.Length}"));
        }
        var tensor = new Tensor(new TensorStorage(data), shape.ToArray(), dtype);
        if (requiresGrad) tensor.RequiresGrad = true;
        return tensor;
    }

    /// <summary>A 1-D float32 tensor holding a copy of <paramref name="data"/> (<c>torch.tensor([...])</c>).</summary>
    public static Tensor From(float[] data, bool requiresGrad = false) => Wrap(Copy(data), [data.Length], DType.Float32, requiresGrad);

    /// <summary>A 1-D float64 tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(double[] data, bool requiresGrad = false) => Wrap(Copy(data), [data.Length], DType.Float64, requiresGrad);

    /// <summary>A 1-D int64 tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(long[] data) => Wrap(Copy(data), [data.Length], DType.Int64, false);

    /// <summary>A 1-D int64 tensor from 32-bit integers (PyTorch's integer default is int64).</summary>
    public static Tensor From(int[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = new long[data.Length];
        for (int i = 0; i < data.Length; i++) values[i] = data[i];
        return Wrap(values, [data.Length], DType.Int64, false);
    }

    /// <summary>A 1-D bool tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(bool[] data) => Wrap(Copy(data), [data.Length], DType.Bool, false);

    /// <summary>A 2-D float32 tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(float[,] data, bool requiresGrad = false) => Wrap(Flatten(data), [data.GetLength(0), data.GetLength(1)], DType.Float32, requiresGrad);

    /// <summary>A 2-D float64 tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(double[,] data, bool requiresGrad = false) => Wrap(Flatten(data), [data.GetLength(0), data.GetLength(1)], DType.Float64, requiresGrad);

    /// <summary>A 3-D float32 tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(float[,,] data, bool requiresGrad = false) => Wrap(Flatten(data), Dimensions(data), DType.Float32, requiresGrad);

    /// <summary>A 3-D float64 tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor From(double[,,] data, bool requiresGrad = false) => Wrap(Flatten(data), Dimensions(data), DType.Float64, requiresGrad);

    /// <summary>A float32 tensor of any shape from its elements in row-major order.</summary>
    public static Tensor From(float[] data, ReadOnlySpan<int> shape, bool requiresGrad = false) => Wrap(Copy(data), shape, DType.Float32, requiresGrad);

    /// <summary>A float64 tensor of any shape from its elements in row-major order.</summary>
    public static Tensor From(double[] data, ReadOnlySpan<int> shape, bool requiresGrad = false) => Wrap(Copy(data), shape, DType.Float64, requiresGrad);

    /// <summary>An int64 tensor of any shape from its elements in row-major order.</summary>
    public static Tensor From(long[] data, ReadOnlySpan<int> shape) => Wrap(Copy(data), shape, DType.Int64, false);

    /// <summary>A 0-d tensor (<c>torch.tensor(2.0)</c>), float32 unless <paramref name="dtype"/> says otherwise.</summary>
    public static Tensor Scalar(double value, bool requiresGrad = false, DType dtype = DType.Float32)
    {
        var tensor = Empty([], dtype);
        tensor.FillUnchecked(value);
        if (requiresGrad) tensor.RequiresGrad = true;
        return tensor;
    }

    /// <summary>A tensor of ones (<c>torch.ones(shape)</c>).</summary>
    public static Tensor Ones(ReadOnlySpan<int> shape, bool requiresGrad = false, DType dtype = DType.Float32) => Full(shape, 1, requiresGrad, dtype);

    /// <summary>A tensor of zeros (<c>torch.zeros(shape)</c>).</summary>
    public static Tensor Zeros(ReadOnlySpan<int> shape, bool requiresGrad = false, DType dtype = DType.Float32)
    {
        var tensor = Empty(shape, dtype);
        if (requiresGrad) tensor.RequiresGrad = true;
        return tensor;
    }

    /// <summary>A tensor with every element <paramref name="value"/> (<c>torch.full(shape, value)</c>).</summary>
    public static Tensor Full(ReadOnlySpan<int> shape, double value, bool requiresGrad = false, DType dtype = DType.Float32)
    {
        var tensor = Empty(shape, dtype);
        tensor.FillUnchecked(value);
        if (requiresGrad) tensor.RequiresGrad = true;
        return tensor;
    }

    /// <summary>Ones of the shape and dtype of <paramref name="other"/> (<c>torch.ones_like</c>).</summary>
    public static Tensor OnesLike(Tensor other) => Full(Checked(other).ShapeSpan, 1, false, other.DType);

    /// <summary>Zeros of the shape and dtype of <paramref name="other"/> (<c>torch.zeros_like</c>).</summary>
    public static Tensor ZerosLike(Tensor other) => Empty(Checked(other).ShapeSpan, other.DType);

    /// <summary>
    /// Standard normal samples (<c>torch.randn</c>) from <paramref name="generator"/>, or from the global generator
    /// that <see cref="ManualSeed"/> seeds.
    /// </summary>
    public static Tensor Randn(ReadOnlySpan<int> shape, bool requiresGrad = false, DType dtype = DType.Float32, RandomGenerator? generator = null)
    {
        var tensor = Empty(shape, RequireFloat(dtype));
        FillRandom(tensor, generator, normal: true);
        if (requiresGrad) tensor.RequiresGrad = true;
        return tensor;
    }

    /// <summary>Uniform samples in [0, 1) (<c>torch.rand</c>); see <see cref="Randn"/> for the generator.</summary>
    public static Tensor Rand(ReadOnlySpan<int> shape, bool requiresGrad = false, DType dtype = DType.Float32, RandomGenerator? generator = null)
    {
        var tensor = Empty(shape, RequireFloat(dtype));
        FillRandom(tensor, generator, normal: false);
        if (requiresGrad) tensor.RequiresGrad = true;
        return tensor;
    }

    /// <summary>Seeds the global generator (<c>torch.manual_seed(seed)</c>).</summary>
    public static void ManualSeed(ulong seed)
    {
        lock (RandomGenerator.Default) RandomGenerator.Default.ManualSeed(seed);
    }

    private static void FillRandom(Tensor tensor, RandomGenerator? generator, bool normal)
    {
        var source = generator ?? RandomGenerator.Default;
        lock (source)
        {
            if (tensor.DType == DType.Float32)
            {
                if (normal) RandomFill.Normal(source, tensor.Elements<float>());
                else RandomFill.Uniform(source, tensor.Elements<float>());
            }
            else
            {
                if (normal) RandomFill.Normal(source, tensor.Elements<double>());
                else RandomFill.Uniform(source, tensor.Elements<double>());
            }
        }
    }

    /// <summary>The integers <c>0, 1, ..., end - 1</c> as int64 (<c>torch.arange(end)</c>).</summary>
    public static Tensor Arange(long end) => Arange(0, end, 1);

    /// <summary>The integers from <paramref name="start"/> up to (not including) <paramref name="end"/> in steps of <paramref name="step"/>, as int64.</summary>
    public static Tensor Arange(long start, long end, long step = 1)
    {
        if (step == 0) throw new ArgumentException("step must be nonzero", nameof(step));
        long count = Math.Max(0, (end - start + step - Math.Sign(step)) / step);
        var tensor = Empty([checked((int)count)], DType.Int64);
        var data = tensor.Elements<long>();
        for (int i = 0; i < data.Length; i++) data[i] = start + i * step;
        return tensor;
    }

    /// <summary>Floating-point values from <paramref name="start"/> up to (not including) <paramref name="end"/> (<c>torch.arange(0., 1., 0.1)</c>).</summary>
    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Float32)
    {
        if (step == 0) throw new ArgumentException("step must be nonzero", nameof(step));
        int count = (int)Math.Max(0, Math.Ceiling((end - start) / step));
        var tensor = Empty([count], RequireFloat(dtype));
        for (int i = 0; i < count; i++) tensor.SetElement(i, start + i * step);
        return tensor;
    }

    /// <summary>The <paramref name="n"/>×<paramref name="m"/> identity-like matrix (<c>torch.eye(n, m)</c>); square when <paramref name="m"/> is omitted.</summary>
    public static Tensor Eye(int n, int? m = null, DType dtype = DType.Float32)
    {
        int columns = m ?? n;
        var tensor = Empty([n, columns], dtype);
        for (int i = 0; i < Math.Min(n, columns); i++) tensor.SetElement(i * columns + i, 1);
        return tensor;
    }

    /// <summary><paramref name="steps"/> evenly spaced values from <paramref name="start"/> to <paramref name="end"/> inclusive (<c>torch.linspace</c>).</summary>
    public static Tensor Linspace(double start, double end, int steps, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var tensor = Empty([steps], RequireFloat(dtype));
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        // PyTorch fills the first half from the start and the second half from the end, so both ends are exact.
        int half = steps / 2;
        for (int i = 0; i < steps; i++) tensor.SetElement(i, i < half ? start + step * i : end - step * (steps - i - 1));
        if (steps == 1) tensor.SetElement(0, start);
        return tensor;
    }

    private static DType RequireFloat(DType dtype) => dtype.IsFloatingPoint()
        ? dtype
        : throw new ArgumentException($"expected a floating-point dtype (Float32 or Float64) but got {dtype}", nameof(dtype));

    private static Tensor Checked(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor;
    }

    private static T[] Copy<T>(T[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return (T[])data.Clone();
    }

    private static T[] Flatten<T>(T[,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = new T[data.Length];
        int index = 0;
        foreach (var value in data) values[index++] = value;
        return values;
    }

    private static T[] Flatten<T>(T[,,] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = new T[data.Length];
        int index = 0;
        foreach (var value in data) values[index++] = value;
        return values;
    }

    private static int[] Dimensions<T>(T[,,] data) => [data.GetLength(0), data.GetLength(1), data.GetLength(2)];

    /// <summary>Writes one element, converting from double (no version bump: for tensors being built).</summary>
    private void SetElement(int index, double value)
    {
        switch (DType)
        {
            case DType.Float32: Elements<float>()[index] = (float)value; break;
            case DType.Float64: Elements<double>()[index] = value; break;
            case DType.Int64: Elements<long>()[index] = (long)value; break;
            default: Elements<bool>()[index] = value != 0; break;
        }
    }

    /// <summary>Sets every element to <paramref name="value"/> (no version bump, no autograd).</summary>
    private void FillUnchecked(double value)
    {
        switch (DType)
        {
            case DType.Float32: System.Array.Fill(Elements<float>(), (float)value); break;
            case DType.Float64: System.Array.Fill(Elements<double>(), value); break;
            case DType.Int64: System.Array.Fill(Elements<long>(), (long)value); break;
            default: System.Array.Fill(Elements<bool>(), value != 0); break;
        }
    }
}
