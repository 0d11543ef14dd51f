namespace AutogradGen.Sparse;

/// <summary>
/// Consecutive columns of a sparse matrix, where one input of a block starts and how many values it has: a bundle
/// adjustment observation's camera is <c>new ColumnRange(11 * camera, 11)</c>.
/// </summary>
public readonly record struct ColumnRange(int Start, int Length);

/// <summary>
/// Assembles a <see cref="CsrMatrix"/> row block by row block from dense per-block Jacobians, the way a problem made of
/// many small residual blocks is differentiated: each block's generated <c>{Name}Jacobian</c> (row-major, its results ×
/// its inputs in parameter order) is appended with the columns its inputs occupy in the whole problem.
/// </summary>
/// <example>
/// Bundle adjustment (each observation's two residuals depend on 11 camera, 3 point and 1 weight values):
/// <code>
/// var builder = new CsrBuilder(columns: 11 * n + 3 * m + p, rowCapacity: 3 * p, nonZeroCapacity: 31 * p);
/// Span&lt;double&gt; block = stackalloc double[2 * 15];
/// for (var i = 0; i &lt; p; i++)
/// {
///     Ba.ReprojectionResidualJacobian(camera(i), point(i), weight[i], feature(i), residuals, block);
///     builder.AppendBlock(block, [new(11 * cameraOf[i], 11), new(11 * n + 3 * pointOf[i], 3), new(11 * n + 3 * m + i, 1)]);
/// }
/// CsrMatrix jacobian = builder.ToCsr();
/// </code>
/// </example>
public sealed class CsrBuilder
{
    private readonly List<int> _rowOffsets;
    private readonly List<int> _columns;
    private readonly List<double> _values;
    private int[] _order = new int[16];
    private int[] _rowColumns = new int[16];

    /// <summary>An empty matrix of <paramref name="columns"/> columns; the capacities only size the buffers.</summary>
    public CsrBuilder(int columns, int rowCapacity = 0, int nonZeroCapacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Columns = columns;
        _rowOffsets = new List<int>(rowCapacity + 1) { 0 };
        _columns = new List<int>(nonZeroCapacity);
        _values = new List<double>(nonZeroCapacity);
    }

    /// <summary>The number of columns of the matrix being built.</summary>
    public int Columns { get; }

    /// <summary>The rows appended so far.</summary>
    public int Rows => _rowOffsets.Count - 1;

    /// <summary>
    /// Appends the rows of a dense row-major block whose columns are the concatenation of <paramref name="columns"/>
    /// (the block's inputs in order): <c>block.Length / width</c> rows of width Σ lengths. Every value is stored, zeros
    /// included, so the pattern depends only on the ranges; within a row the entries are sorted by column.
    /// </summary>
    /// <exception cref="ArgumentException">A range leaves the matrix, two ranges overlap, or the block's length is
    /// not a multiple of the width.</exception>
    public void AppendBlock(ReadOnlySpan<double> block, ReadOnlySpan<ColumnRange> columns)
    {
        var width = Width(columns);
        if (width == 0 ? block.Length != 0 : block.Length % width != 0)
        {
            throw new ArgumentException($"The block has {block.Length} values, which is not a whole number of rows of {width} (the ranges' lengths).", nameof(block));
        }

        // The block's column of each input position, and the positions in ascending column order (computed once).
        if (_rowColumns.Length < width)
        {
            _rowColumns = new int[width];
            _order = new int[width];
        }

        var position = 0;
        foreach (var range in columns)
        {
            for (var k = 0; k < range.Length; k++)
            {
                _rowColumns[position] = range.Start + k;
                _order[position] = position;
                position++;
            }
        }

        // Insertion sort: a block has a handful of ranges, usually already ascending, and this allocates nothing.
        var rowColumns = _rowColumns;
        for (var k = 1; k < width; k++)
        {
            var moving = _order[k];
            var at = k;
            while (at > 0 && rowColumns[_order[at - 1]] > rowColumns[moving])
            {
                _order[at] = _order[at - 1];
                at--;
            }

            _order[at] = moving;
        }
        for (var k = 1; k < width; k++)
        {
            if (rowColumns[_order[k]] == rowColumns[_order[k - 1]])
            {
                throw new ArgumentException($"Two ranges both cover column {rowColumns[_order[k]]}.", nameof(columns));
            }
        }

        var rows = width == 0 ? 0 : block.Length / width;
        for (var row = 0; row < rows; row++)
        {
            for (var k = 0; k < width; k++)
            {
                var source = _order[k];
                _columns.Add(rowColumns[source]);
                _values.Add(block[row * width + source]);
            }

            _rowOffsets.Add(_values.Count);
        }
    }

    /// <summary>Appends one row: <paramref name="values"/> in the columns of <paramref name="columns"/>, concatenated.</summary>
    public void AppendRow(ReadOnlySpan<double> values, ReadOnlySpan<ColumnRange> columns)
    {
        if (values.Length != Width(columns))
        {
            throw new ArgumentException($"The row has {values.Length} values for {Width(columns)} columns.", nameof(values));
        }

        AppendBlock(values, columns);
        if (values.Length == 0)
        {
            _rowOffsets.Add(_values.Count);
        }
    }

    /// <summary>The matrix of the rows appended so far (the builder can go on appending).</summary>
    public CsrMatrix ToCsr() => new(Rows, Columns, [.. _rowOffsets], [.. _columns], [.. _values]);

    private int Width(ReadOnlySpan<ColumnRange> columns)
    {
        var width = 0;
        foreach (var range in columns)
        {
            if (range.Start < 0 || range.Length < 0 || range.Start > Columns - range.Length)
            {
                throw new ArgumentException($"The range of {range.Length} columns from {range.Start} leaves the matrix's {Columns} columns.", nameof(columns));
            }

            width += range.Length;
        }

        return width;
    }
}
