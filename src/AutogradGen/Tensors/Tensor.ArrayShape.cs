namespace AutogradGen;

public sealed partial class Tensor
{
    /// <summary>
    /// The size of dimension <paramref name="dimension"/>, as <see cref="Array.GetLength(int)"/> spells it: the tape
    /// twin of a method over a <c>double[,]</c> reads its 2-d tensor's shape with the same code (<c>w.GetLength(1)</c>).
    /// Same as <see cref="Size(int)"/>.
    /// </summary>
    public int GetLength(int dimension) => Size(dimension);
}
