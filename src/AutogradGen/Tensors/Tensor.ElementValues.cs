namespace AutogradGen;

// The one place the operations written element by element (special functions, activations, sorting, scatters) read
// and write elements: as doubles in row-major order through ToArray and a fresh tensor, never through the storage's
// layout. So they stay correct whatever layout a tensor has, at the price of a widening copy.
public sealed partial class Tensor
{
    /// <summary>The dtype an element-wise floating function computes in: this dtype if floating, float32 otherwise (PyTorch's).</summary>
    internal DType FloatingResultType => DType.IsFloatingPoint() ? DType : DType.Float32;

    /// <summary>A fresh tensor of <paramref name="shape"/> and <paramref name="dtype"/> holding <paramref name="values"/> (row-major), no history.</summary>
    internal static Tensor FromValues(double[] values, int[] shape, DType dtype)
    {
        if (dtype == DType.Float64) return new Tensor(new TensorStorage(values), shape, dtype);
        var result = Empty(shape, dtype);
        for (int i = 0; i < values.Length; i++) result.SetElement(i, values[i]);
        return result;
    }

    /// <summary><paramref name="function"/> of each element, in <see cref="FloatingResultType"/>. Not recorded.</summary>
    internal Tensor MapValues(Func<double, double> function)
    {
        var values = ToArray();
        for (int i = 0; i < values.Length; i++) values[i] = function(values[i]);
        return FromValues(values, SharedShape, FloatingResultType);
    }

    /// <summary><paramref name="predicate"/> of each element as a Bool tensor. Not recorded.</summary>
    internal Tensor TestValues(Func<double, bool> predicate)
    {
        var values = ToArray();
        var flags = new bool[values.Length];
        for (int i = 0; i < values.Length; i++) flags[i] = predicate(values[i]);
        return new Tensor(new TensorStorage(flags), SharedShape, DType.Bool);
    }
}
