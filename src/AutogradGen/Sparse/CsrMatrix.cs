namespace AutogradGen.Sparse;

/// <summary>
/// A sparse matrix in compressed sparse row form (CSR), as SciPy's <c>csr_matrix</c> and Eigen's row-major
/// <c>SparseMatrix</c> hold it: row i's entries are <see cref="Values"/>[<see cref="RowOffsets"/>[i] ..
/// <see cref="RowOffsets"/>[i + 1]], in columns <see cref="ColumnIndices"/> over the same range, ascending within the row.
/// Built from per-block generated Jacobians by <see cref="CsrBuilder"/> (a bundle-adjustment Jacobian, one block per
/// observation); the arrays are the caller's to read and to hand to a solver, and <see cref="Values"/> may be
/// overwritten in place when the same pattern is filled again.
/// </summary>
public sealed class CsrMatrix
{
    /// <summary>Wraps the three arrays after checking that they describe a CSR matrix of the given shape.</summary>
    /// <exception cref="ArgumentException">The offsets do not start at 0, decrease, or do not end at the number of
    /// entries; a column is out of range, or not ascending within its row.</exception>
    public CsrMatrix(int rows, int columns, int[] rowOffsets, int[] columnIndices, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(rowOffsets);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowOffsets.Length != rows + 1 || rowOffsets[0] != 0 || rowOffsets[rows] != values.Length || columnIndices.Length != values.Length)
        {
            throw new ArgumentException($"A {rows}-row CSR matrix needs {rows + 1} row offsets from 0 to the number of entries ({values.Length}), and one column index per entry ({columnIndices.Length} given).", nameof(rowOffsets));
        }

        for (var row = 0; row < rows; row++)
        {
            if (rowOffsets[row + 1] < rowOffsets[row])
            {
                throw new ArgumentException($"Row offsets must not decrease, but row {row} starts at {rowOffsets[row]} and ends at {rowOffsets[row + 1]}.", nameof(rowOffsets));
            }

            for (var k = rowOffsets[row]; k < rowOffsets[row + 1]; k++)
            {
                if ((uint)columnIndices[k] >= (uint)columns || k > rowOffsets[row] && columnIndices[k] <= columnIndices[k - 1])
                {
                    throw new ArgumentException($"Row {row}'s columns must be ascending and below {columns}, but entry {k} is in column {columnIndices[k]}.", nameof(columnIndices));
                }
            }
        }

        Rows = rows;
        Columns = columns;
        RowOffsets = rowOffsets;
        ColumnIndices = columnIndices;
        Values = values;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; }

    /// <summary>Rows + 1 offsets into <see cref="ColumnIndices"/> and <see cref="Values"/>.</summary>
    public int[] RowOffsets { get; }

    /// <summary>The column of each stored entry.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>The stored entries, row after row.</summary>
    public double[] Values { get; }

    /// <summary>The number of stored entries (structural non-zeros, some of which may be 0.0).</summary>
    public int NonZeros => Values.Length;

    /// <summary>The entry at (row, column): the stored value, or 0 where nothing is stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Rows, nameof(row));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Columns, nameof(column));
            var start = RowOffsets[row];
            var found = Array.BinarySearch(ColumnIndices, start, RowOffsets[row + 1] - start, column);
            return found >= 0 ? Values[found] : 0.0;
        }
    }

    /// <summary>y = A·x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        RequireLength(x.Length, Columns, nameof(x));
        RequireLength(y.Length, Rows, nameof(y));
        for (var row = 0; row < Rows; row++)
        {
            var sum = 0.0;
            for (var k = RowOffsets[row]; k < RowOffsets[row + 1]; k++)
            {
                sum += Values[k] * x[ColumnIndices[k]];
            }

            y[row] = sum;
        }
    }

    /// <summary>g = Aᵀ·u (a vector-Jacobian product when A is a Jacobian).</summary>
    public void MultiplyTransposed(ReadOnlySpan<double> u, Span<double> g)
    {
        RequireLength(u.Length, Rows, nameof(u));
        RequireLength(g.Length, Columns, nameof(g));
        g.Clear();
        for (var row = 0; row < Rows; row++)
        {
            for (var k = RowOffsets[row]; k < RowOffsets[row + 1]; k++)
            {
                g[ColumnIndices[k]] += Values[k] * u[row];
            }
        }
    }

    /// <summary>The dense matrix, row-major (Rows × Columns): for tests and small problems.</summary>
    public double[] ToDense()
    {
        var dense = new double[checked(Rows * Columns)];
        for (var row = 0; row < Rows; row++)
        {
            for (var k = RowOffsets[row]; k < RowOffsets[row + 1]; k++)
            {
                dense[row * Columns + ColumnIndices[k]] = Values[k];
            }
        }

        return dense;
    }

    private static void RequireLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"'{name}' must have {expected} elements, but has {actual}.", name);
        }
    }
}
