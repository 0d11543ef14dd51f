using System.ComponentModel;
using AutogradGen.Kernels;

namespace AutogradGen.CompilerServices;

/// <summary>
/// What fused element-wise loops in generated code need: the broadcast shape and dtype of a chain's inputs, and
/// each tensor's elements as a contiguous row-major span (a strided view is read as a contiguous copy). Inputs of
/// another shape or dtype than the chain's are expanded and converted first, so the loop itself only ever walks
/// equally long spans (same shape, a scalar, a row vector...: the copy is the fallback for broadcasting).
/// </summary>
/// <remarks>Public only because generated code in the user's assembly calls it; hidden from IntelliSense.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TensorFusion
{
    /// <summary>The shape the chain's tensor inputs broadcast to (PyTorch's message when they do not).</summary>
    public static int[] Shape(params Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        int[] shape = inputs[0].ShapeSpan.ToArray();
        for (int i = 1; i < inputs.Length; i++) shape = Shapes.Broadcast(shape, inputs[i].ShapeSpan);
        return shape;
    }

    /// <summary>The dtype the chain computes in: the inputs promoted pairwise, as the operations would; integers compute in Float32.</summary>
    public static DType DType(params Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var dtype = inputs[0].DType;
        var widest = inputs[0];
        for (int i = 1; i < inputs.Length; i++)
        {
            dtype = DTypes.Promote(widest, inputs[i]);
            if (dtype != widest.DType) widest = inputs[i];
        }
        return dtype.IsFloatingPoint() ? dtype : AutogradGen.DType.Float32;
    }

    /// <summary>A new tensor of the chain's shape and dtype, for its result or an input's gradient.</summary>
    public static Tensor Empty(ReadOnlySpan<int> shape, DType dtype) => Tensor.Empty(shape, dtype);

    /// <summary>The elements of <paramref name="input"/> as the chain reads them: expanded to <paramref name="shape"/>, in <typeparamref name="T"/>.</summary>
    public static ReadOnlySpan<T> Read<T>(Tensor input, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dtype = typeof(T) == typeof(float) ? AutogradGen.DType.Float32 : AutogradGen.DType.Float64;
        var converted = input.DType == dtype ? input : input.ConvertRaw(dtype);
        var expanded = converted.ShapeSpan.SequenceEqual(shape) ? converted : converted.ExpandRaw(shape);
        return expanded.Elements<T>();
    }

    /// <summary>The storage of a tensor the chain writes (one it made with <see cref="Empty"/>, so dense), or an empty span for none.</summary>
    public static Span<T> Write<T>(Tensor? output)
    {
        if (output is null) return default;
        // A view's elements would be a copy: writing them would be lost.
        if (!output.IsDense) throw new InvalidOperationException("internal error: a fused loop can only write a tensor it made (a dense one), not a view.");
        return output.Elements<T>();
    }
}
