namespace AutogradGen.Checking;

/// <summary>Compares an analytical Jacobian block with its numerical counterpart entry by entry.</summary>
internal static class JacobianComparer
{
    public static JacobianComparison Compare(Jacobian analytical, Jacobian numerical, int outputIndex, int inputIndex, int argumentIndex, Tolerance tolerance)
    {
        bool passed = true;
        double maxAbsolute = 0, maxRelative = 0, worstExcess = -1;
        var worst = new JacobianEntry(0, 0, 0, 0);
        for (int row = 0; row < analytical.InputCount; row++)
        {
            for (int column = 0; column < analytical.OutputCount; column++)
            {
                double a = analytical[row, column], n = numerical[row, column];
                passed &= tolerance.IsClose(a, n);
                maxAbsolute = Math.Max(maxAbsolute, Tolerance.AbsoluteError(a, n));
                maxRelative = Math.Max(maxRelative, Tolerance.RelativeError(a, n));
                double excess = tolerance.Excess(a, n);
                if (excess > worstExcess)
                {
                    worstExcess = excess;
                    worst = new JacobianEntry(row, column, n, a);
                }
            }
        }
        return new JacobianComparison(outputIndex, inputIndex, argumentIndex, maxAbsolute, maxRelative, worst, passed)
        {
            WorstExcess = Math.Max(worstExcess, 0),
        };
    }
}
