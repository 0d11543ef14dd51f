namespace AutogradGen.Tests.Memory;

/// <summary>
/// Kernels read views where they live when they can (expanded and contiguous views) and gather the others into
/// pooled scratch, so reading a view allocates nothing but the result. Values must be those of the same operation on
/// the view's contiguous copy, bit for bit, whatever path the kernel takes.
/// </summary>
[Collection(SingleThreadedAllocationCounts.Name)]
public class ViewOperandTests
{
    private const int Length = 100_043;

    private static Tensor Seeded(int length, ulong seed)
    {
        var values = new double[length];
        ulong state = seed;
        for (int i = 0; i < length; i++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            values[i] = ((state >> 11) * (1.0 / (1UL << 53)) * 4) - 2;
        }
        return Tensor.From(values);
    }

    private static void AssertSameBits(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape.ToArray(), actual.Shape.ToArray());
        var (e, a) = (expected.ToArray(), actual.ToArray());
        for (int i = 0; i < e.Length; i++) Assert.Equal(BitConverter.DoubleToInt64Bits(e[i]), BitConverter.DoubleToInt64Bits(a[i]));
    }

    public static TheoryData<string> Views => ["stepped slice", "transpose", "expanded row", "expanded scalar", "narrowed rows", "same view twice"];

    [Theory]
    [MemberData(nameof(Views))]
    public void Binary_and_unary_kernels_on_views_match_their_contiguous_copies(string view)
    {
        var x = Seeded(2 * Length, 1);
        var m = Seeded(300 * 347, 2).View([300, 347]);
        var (a, b) = view switch
        {
            "stepped slice" => (x.Slice(0, 0, null, 2), x.Slice(0, 1, null, 2)),
            "transpose" => (m.T(), Seeded(300 * 347, 3).View([347, 300])),
            "expanded row" => (Seeded(347, 4).Expand([300, 347]), m),
            "expanded scalar" => (Tensor.Scalar(1.5, dtype: DType.Float64).Expand([300, 347]), m),
            "narrowed rows" => (m.Narrow(0, 10, 200), Seeded(200 * 347, 5).View([200, 347])),
            _ => (x.Slice(0, 1, null, 2), x.Slice(0, 1, null, 2)),
        };
        if (view == "same view twice") b = a;
        var (ca, cb) = (a.Contiguous(), ReferenceEquals(a, b) ? a.Contiguous() : b.Contiguous());
        if (ReferenceEquals(a, b)) AssertSameBits(ca * ca, a * a);
        AssertSameBits(ca * cb, a * b);
        AssertSameBits(ca - cb, a - b);
        AssertSameBits(cb / ca, b / a);
        AssertSameBits(ca.Exp(), a.Exp());
        AssertSameBits(ca.Tanh(), a.Tanh());
    }

    [Fact]
    public void Reading_a_stepped_slice_allocates_only_the_result()
    {
        var x = Seeded(2 * Length, 6);
        var even = x.Slice(0, 0, null, 2);
        _ = even * even;
        _ = even.Exp();
        long bytes = long.MaxValue;
        // The least of three runs: a gen-2 collection made by tests running beside this one lets ArrayPool.Shared trim
        // its cached arrays between the warm-up and a run, and that run then allocates the gathered copy once more.
        // The steady state, where the copies come from the pool, is what is pinned.
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            _ = even * even;
            _ = even.Exp();
            bytes = Math.Min(bytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // Two results of Length doubles and their tensor objects; the gathered copies come from and go back to the pool.
        Assert.InRange(bytes, 2 * 8L * Length, (2 * 8L * Length) + 1024);
    }
}
