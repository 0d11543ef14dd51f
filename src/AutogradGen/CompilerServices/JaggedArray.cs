using System.Buffers;
using System.ComponentModel;
using System.Numerics;

namespace AutogradGen.CompilerServices;

/// <summary>
/// The elements of a jagged array (<c>double[][]</c>) as one span, row after row, with where each row starts, so that
/// generated code differentiates a jagged parameter as it does a span: <c>a[i][j]</c> is element
/// <see cref="Index"/>(i, j) of <see cref="Elements"/>, and <c>a[i].Length</c> is <see cref="RowLength"/>(i).
/// Public only because generated code calls it.
/// </summary>
/// <remarks>
/// The rows of a jagged array are separate arrays, so unlike a 2-D array's they cannot be seen as one span in place:
/// <see cref="Of"/> copies them into a pooled buffer (one pass over the elements; nothing allocated once the pool is
/// warm), and <see cref="Dispose"/> returns it. <see cref="Index"/> and <see cref="RowLength"/> throw what the
/// original's <c>a[i][j]</c> and <c>a[i].Length</c> throw (<see cref="IndexOutOfRangeException"/> for a row or
/// column outside the array, <see cref="NullReferenceException"/> for a null row or array), so a derivative fails
/// exactly where the original does and never reads a neighbouring row's element.
/// </remarks>
/// <typeparam name="T">double or float.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JaggedArray<T> : IDisposable
    where T : unmanaged, INumberBase<T>
{
    // Two ints per row, rented: where the row starts in the elements, and its length (-1 for a null row).
    private readonly int[]? _rows;
    private readonly T[]? _values;
    private readonly int _rowCount;
    private readonly int _count;
    private readonly bool _isNull;

    private JaggedArray(int[]? rows, T[]? values, int rowCount, int count, bool isNull)
    {
        _rows = rows;
        _values = values;
        _rowCount = rowCount;
        _count = count;
        _isNull = isNull;
    }

    /// <summary>Copies the rows of <paramref name="array"/> (which may be null, or have null rows) into one pooled span.</summary>
    public static JaggedArray<T> Of(T[][]? array)
    {
        if (array is null)
        {
            return new JaggedArray<T>(null, null, 0, 0, isNull: true);
        }

        var rows = ArrayPool<int>.Shared.Rent(Math.Max(1, 2 * array.Length));
        var count = 0;
        for (var i = 0; i < array.Length; i++)
        {
            var length = array[i]?.Length ?? -1;
            rows[2 * i] = count;
            rows[2 * i + 1] = length;
            count = checked(count + Math.Max(0, length));
        }

        var values = ArrayPool<T>.Shared.Rent(Math.Max(1, count));
        for (var i = 0; i < array.Length; i++)
        {
            array[i]?.CopyTo(values, rows[2 * i]);
        }

        return new JaggedArray<T>(rows, values, array.Length, count, isNull: false);
    }

    /// <summary>Every element, row after row.</summary>
    public ReadOnlySpan<T> Elements => _values is null ? default : _values.AsSpan(0, _count);

    /// <summary>Where <c>a[row][column]</c> is in <see cref="Elements"/>; throws what <c>a[row][column]</c> throws.</summary>
    public int Index(int row, int column)
    {
        var length = RowLength(row);
        if ((uint)column >= (uint)length)
        {
            throw new IndexOutOfRangeException();
        }

        return _rows![2 * row] + column;
    }

    /// <summary><c>a[row].Length</c>; throws what it throws.</summary>
    public int RowLength(int row)
    {
        if (_isNull)
        {
            throw new NullReferenceException();
        }

        if ((uint)row >= (uint)_rowCount)
        {
            throw new IndexOutOfRangeException();
        }

        var length = _rows![2 * row + 1];
        return length >= 0 ? length : throw new NullReferenceException();
    }

    /// <summary><paramref name="row"/>, checked as the original's <c>a[row]</c> is (outside the array, or a null array, throws).</summary>
    public int Row(int row)
    {
        if (_isNull)
        {
            throw new NullReferenceException();
        }

        return (uint)row < (uint)_rowCount ? row : throw new IndexOutOfRangeException();
    }

    /// <summary>Where row <paramref name="row"/> starts in <see cref="Elements"/> (checked as <see cref="RowLength"/>).</summary>
    public int RowStart(int row)
    {
        _ = RowLength(row);
        return _rows![2 * row];
    }

    /// <summary>
    /// The elements of <paramref name="sameShape"/> (a tangent, already checked by <see cref="JaggedArray.RequireSameShape"/>)
    /// in this array's layout: its rows are where this array's are.
    /// </summary>
    public JaggedBuffer<T> Copy(T[][] sameShape)
    {
        var buffer = new JaggedBuffer<T>(_rows, _rowCount, _count);
        for (var i = 0; i < _rowCount; i++)
        {
            if (_rows![2 * i + 1] > 0)
            {
                sameShape[i].AsSpan(0, _rows[2 * i + 1]).CopyTo(buffer.Span.Slice(_rows[2 * i]));
            }
        }

        return buffer;
    }

    /// <summary>A zeroed buffer in this array's layout (the adjoint of its elements).</summary>
    public JaggedBuffer<T> Zeros() => new(_rows, _rowCount, _count);

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        if (_rows is not null)
        {
            ArrayPool<int>.Shared.Return(_rows);
        }

        if (_values is not null)
        {
            ArrayPool<T>.Shared.Return(_values);
        }
    }
}

/// <summary>
/// A tangent's or an adjoint's elements in the layout of a <see cref="JaggedArray{T}"/>, pooled; <see cref="AddTo"/>
/// adds an adjoint back into the caller's jagged gradient (gradients accumulate, as for spans).
/// Public only because generated code calls it.
/// </summary>
/// <typeparam name="T">double or float.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JaggedBuffer<T> : IDisposable
    where T : unmanaged, INumberBase<T>
{
    private readonly int[]? _rows;
    private readonly T[] _values;
    private readonly int _rowCount;
    private readonly int _count;

    internal JaggedBuffer(int[]? rows, int rowCount, int count)
    {
        _rows = rows;
        _rowCount = rowCount;
        _count = count;
        _values = ArrayPool<T>.Shared.Rent(Math.Max(1, count));
        _values.AsSpan(0, count).Clear();
    }

    /// <summary>The elements, row after row.</summary>
    public Span<T> Span => _values.AsSpan(0, _count);

    /// <summary>
    /// Adds each row of this buffer to the same row of <paramref name="target"/> (of the array's shape); a null target
    /// (a generated caller's data, whose gradient nobody wants) takes nothing.
    /// </summary>
    public void AddTo(T[][]? target)
    {
        if (target is null)
        {
            return;
        }

        for (var i = 0; i < _rowCount; i++)
        {
            var length = _rows![2 * i + 1];
            if (length <= 0)
            {
                continue;
            }

            var row = target[i].AsSpan(0, length);
            var added = _values.AsSpan(_rows[2 * i], length);
            for (var j = 0; j < length; j++)
            {
                row[j] += added[j];
            }
        }
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose() => ArrayPool<T>.Shared.Return(_values);
}

/// <summary>Checks of jagged tangents and gradients, called by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JaggedArray
{
    /// <summary>
    /// Rejects a tangent or gradient (<paramref name="what"/>) whose shape differs from its parameter's: the same
    /// number of rows, each as long as the parameter's (a null row of the parameter, which the original cannot read,
    /// asks nothing of the derivative's). A null parameter asks nothing either: the original throws where it reads it.
    /// </summary>
    public static void RequireSameShape<T>(T[][]? parameter, T[][]? derivative, string parameterName, string derivativeName, string what)
    {
        if (parameter is null)
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(derivative, derivativeName);
        if (derivative.Length != parameter.Length)
        {
            throw new ArgumentException(
                $"The {what} must have the same shape as '{parameterName}' ({parameter.Length} rows), but has {derivative.Length} rows.", derivativeName);
        }

        for (var i = 0; i < parameter.Length; i++)
        {
            if (parameter[i] is { } row && (derivative[i]?.Length ?? -1) != row.Length)
            {
                var found = derivative[i] is null ? "null" : derivative[i].Length + " elements";
                throw new ArgumentException(
                    $"The {what} must have the same shape as '{parameterName}': its row {i} must have {row.Length} elements, but is {found}.", derivativeName);
            }
        }
    }
}
