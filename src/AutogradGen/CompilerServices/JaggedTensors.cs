using System.ComponentModel;

namespace AutogradGen.CompilerServices;

/// <summary>
/// A jagged array in a tape twin: one 1-d tensor per row (the twin's parameter is a <c>Tensor[]</c>), read through
/// their concatenation (<see cref="Elements"/>) with the same <see cref="Index"/> and <see cref="RowLength"/> as
/// <see cref="JaggedArray{T}"/>, so the twin's body is the generated code's text. Public only because generated code calls it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JaggedTensors
{
    private readonly Tensor[]? _rows;
    private readonly int[] _starts;

    private JaggedTensors(Tensor[]? rows, int[] starts, Tensor elements)
    {
        _rows = rows;
        _starts = starts;
        Elements = elements;
    }

    /// <summary>The rows (null, or with null rows, as a jagged array may be) and the dtype of an empty concatenation.</summary>
    public static JaggedTensors Of(Tensor[]? rows, DType dtype)
    {
        var starts = new int[rows?.Length ?? 0];
        var present = new List<Tensor>();
        var count = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = count;
            if (rows![i] is { } row)
            {
                if (row.Rank != 1)
                {
                    throw new ArgumentException($"Row {i} of a jagged array must be a 1-d tensor, but has {row.Rank} dimensions.", nameof(rows));
                }

                present.Add(row);
                count += row.Numel;
            }
        }

        var elements = present.Count == 0 ? Tensor.Zeros([0], dtype: dtype) : present.Count == 1 ? present[0] : Tensor.Cat(present);
        return new JaggedTensors(rows, starts, elements);
    }

    /// <summary>Every element, row after row (gradients flow back to each row).</summary>
    public Tensor Elements { get; }

    /// <summary>Where <c>a[row][column]</c> is in <see cref="Elements"/>; throws what <c>a[row][column]</c> throws.</summary>
    public int Index(int row, int column)
    {
        if ((uint)column >= (uint)RowLength(row))
        {
            throw new IndexOutOfRangeException();
        }

        return _starts[row] + column;
    }

    /// <summary><c>a[row].Length</c>; throws what it throws.</summary>
    public int RowLength(int row)
    {
        if (_rows is null)
        {
            throw new NullReferenceException();
        }

        if ((uint)row >= (uint)_rows.Length)
        {
            throw new IndexOutOfRangeException();
        }

        return _rows[row]?.Numel ?? throw new NullReferenceException();
    }

    /// <summary><paramref name="row"/>, checked as the original's <c>a[row]</c> is (outside the array, or a null array, throws).</summary>
    public int Row(int row)
    {
        if (_rows is null)
        {
            throw new NullReferenceException();
        }

        return (uint)row < (uint)_rows.Length ? row : throw new IndexOutOfRangeException();
    }

    /// <summary>Where row <paramref name="row"/> starts in <see cref="Elements"/> (checked as <see cref="RowLength"/>).</summary>
    public int RowStart(int row)
    {
        _ = RowLength(row);
        return _starts[row];
    }
}
