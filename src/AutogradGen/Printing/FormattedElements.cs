namespace AutogradGen.Printing;

/// <summary>
/// The printed elements of a tensor in row-major order, each already padded to <see cref="Width"/>, and that
/// common width. Only the elements that will be shown are here (a summarised tensor keeps its edges).
/// </summary>
/// <remarks>
/// A text can be wider than <see cref="Width"/>: PyTorch measures the width over the nonzero finite values
/// only, so a <c>nan</c> beside <c>1.</c> prints unpadded (<c>tensor([1., nan])</c>). Line wrapping uses
/// <see cref="Width"/>, not the texts, exactly as PyTorch does.
/// </remarks>
internal sealed class FormattedElements(string[] texts, int width)
{
    /// <summary>The common width every element was padded to.</summary>
    public int Width { get; } = width;

    /// <summary>How many elements there are.</summary>
    public int Count => texts.Length;

    /// <summary>The padded text of the element at <paramref name="index"/> (row-major among the shown elements).</summary>
    public string this[int index] => texts[index];
}
