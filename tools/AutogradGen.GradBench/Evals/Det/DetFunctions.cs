namespace AutogradGen.GradBench.Evals.Det;

/// <summary>GradBench's det eval: the determinant by expansion by minors (<c>cpp/gradbench/evals/det.hpp</c>).</summary>
public static partial class DetFunctions
{
    /// <summary>
    /// det A by Laplace expansion along the first row of every minor. The reference recurses
    /// (<c>det_of_minor</c>); a [Differentiable] method cannot (AGD0009), so the minors are computed bottom-up
    /// instead: the minor on rows ℓ−|S|..ℓ−1 and the columns in the bit set S is
    /// Σ_{j∈S} (−1)^(position of j in S) · A[ℓ−|S|, j] · minor(S∖{j}), and each minor is computed once
    /// (2^ℓ of them) where the recursion computes the same minors again for every path that reaches them.
    /// </summary>
    [Differentiable(nameof(a))]
    public static double Primal(ReadOnlySpan<double> a, int ell)
    {
        // Column sets are bit sets written with * / % 2: the generator refuses the bit operators << >> & (AGD0006).
        int subsets = 1;
        for (int j = 0; j < ell; j++) subsets *= 2;
        var minors = new double[subsets];
        minors[0] = 1;
        for (int set = 1; set < subsets; set++)
        {
            int size = 0;
            for (int j = 0, rest = set; j < ell; j++, rest /= 2) size += rest % 2;
            int row = ell - size;

            double sum = 0;
            int position = 0;
            int bits = set;
            int bit = 1;
            for (int j = 0; j < ell; j++)
            {
                if (bits % 2 == 1)
                {
                    double term = a[row * ell + j] * minors[set - bit];
                    if (position % 2 == 0) sum += term;
                    else sum -= term;
                    position++;
                }

                bits /= 2;
                bit *= 2;
            }

            minors[set] = sum;
        }

        return minors[subsets - 1];
    }
}
