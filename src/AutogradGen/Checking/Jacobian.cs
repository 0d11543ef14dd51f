namespace AutogradGen.Checking;

/// <summary>
/// A Jacobian block laid out as PyTorch's gradcheck lays it out: one row per input element, one column per output
/// element, so that printed mismatches read the same as PyTorch's.
/// </summary>
internal sealed class Jacobian(int inputCount, int outputCount)
{
    public int InputCount { get; } = inputCount;

    public int OutputCount { get; } = outputCount;

    public double[] Values { get; } = new double[inputCount * outputCount];

    public double this[int inputElement, int outputElement]
    {
        get => Values[(inputElement * OutputCount) + outputElement];
        set => Values[(inputElement * OutputCount) + outputElement] = value;
    }

    /// <summary>The block as a 2-d tensor of <paramref name="dtype"/>, for printing as PyTorch prints it.</summary>
    public Tensor ToTensor(DType dtype)
    {
        var tensor = Tensor.From(Values, [InputCount, OutputCount]);
        return dtype == DType.Float64 ? tensor : tensor.To(dtype);
    }

    /// <summary>Whether every entry differs from <paramref name="other"/>'s by at most <paramref name="tolerance"/> (PyTorch's reentrancy check).</summary>
    public bool EqualsWithin(Jacobian other, double tolerance)
    {
        for (int i = 0; i < Values.Length; i++)
        {
            double a = Values[i], b = other.Values[i];
            if (a.Equals(b)) continue;
            if (!(Math.Abs(a - b) <= tolerance)) return false;
        }
        return true;
    }
}
