using System.Runtime.CompilerServices;

namespace AutogradGen.Kernels;

/// <summary>
/// How many threads the kernels may use (PyTorch's <c>torch.set_num_threads</c>), and the chunked loop that spreads
/// a large element-wise pass or sum over them. Small tensors never reach the loop: one comparison with
/// <see cref="MinimumElements"/> is all they pay.
/// </summary>
/// <remarks>
/// Results never depend on the thread count or on timing. An element-wise pass computes every element by the same
/// instructions whichever chunk holds it (chunk boundaries are multiples of <see cref="ChunkAlignment"/> elements, so
/// the vectorised bodies see the same lanes). A sum is split into chunks whose number and bounds depend only on the
/// length (<see cref="SumChunks"/>), each chunk summed alone and the partial sums added in chunk order on the calling
/// thread; with one thread the same chunks are summed in the same order.
/// </remarks>
public static class Parallelism
{
    /// <summary>Elements from which a contiguous pass is split across threads. A design choice, not a swept optimum
    /// (docs/BENCHMARKS.md, "Issue 14: both cores"): below it a pass over doubles takes a few tens of microseconds,
    /// the order of handing work to the thread pool and joining it, so splitting could not pay.</summary>
    public const int MinimumElements = 1 << 16;

    /// <summary>Chunk bounds are multiples of this many elements (a whole number of 512-bit vectors of any element type).</summary>
    public const int ChunkAlignment = 64;

    // Chunks per thread of an element-wise pass: more than one, so that a thread slowed by another process on a
    // shared core leaves its remaining chunks to the others.
    private const int ChunksPerThread = 4;

    /// <summary>The environment variable read once at start-up for the default thread count (like OMP_NUM_THREADS).</summary>
    public const string EnvironmentVariable = "AUTOGRADGEN_NUM_THREADS";

    private static int s_numThreads = DefaultThreads();

    /// <summary>The number of threads kernels use for large tensors: 1 runs everything on the calling thread.</summary>
    public static int NumThreads => s_numThreads;

    /// <summary>Sets <see cref="NumThreads"/> (at least 1). Results are the same for every value.</summary>
    public static void SetNumThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Volatile.Write(ref s_numThreads, threads);
    }

    private static int DefaultThreads()
    {
        var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (int.TryParse(text, out int threads) && threads >= 1) return threads;
        return Environment.ProcessorCount;
    }

    /// <summary>Whether a pass over <paramref name="length"/> elements is split (it always is chunked the same way for sums).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLarge(int length) => length >= MinimumElements;

    /// <summary>The number of chunks a sum of <paramref name="length"/> elements (at least <see cref="MinimumElements"/>)
    /// is split into: a function of the length alone, so the rounding never depends on the thread count.</summary>
    public static int SumChunks(int length) => Math.Clamp(length / (MinimumElements / 2), 2, MaxSumChunks);

    internal const int MaxSumChunks = 64;

    /// <summary>The bounds of chunk <paramref name="chunk"/> of <paramref name="chunks"/> over <paramref name="length"/> elements.</summary>
    internal static (int Start, int Length) ChunkBounds(int length, int chunks, int chunk)
    {
        // A final run shorter than ChunkAlignment joins the chunk before it: a vectorised body would handle a
        // few-element span by its scalar path, whose roundings may differ from the vector path's.
        long size = ChunkSize(length, chunks);
        long start = Math.Min(length, chunk * size);
        if (chunk > 0 && length - start < ChunkAlignment) return (length, 0);
        long end = start + size;
        if (end > length || length - end < ChunkAlignment) end = length;
        return ((int)start, (int)(end - start));
    }

    private static int ChunkSize(int length, int chunks)
    {
        int size = (int)(((long)length + chunks - 1) / chunks);
        return (size + ChunkAlignment - 1) / ChunkAlignment * ChunkAlignment;
    }

    /// <summary>
    /// Runs <paramref name="body"/> over <paramref name="length"/> elements in aligned chunks, on up to
    /// <see cref="NumThreads"/> threads; the calling thread takes chunks too and returns when all are done. The body's
    /// spans must be pinned by the caller (they are carried as addresses).
    /// </summary>
    internal static void For<TBody>(int length, in TBody body) where TBody : struct, IChunkBody
    {
        int threads = NumThreads;
        int chunks = threads <= 1 ? 1 : Math.Min(threads * ChunksPerThread, Math.Max(1, length / ChunkAlignment));
        RunChunks(length, chunks, body, threads);
    }

    /// <summary>Runs <paramref name="chunks"/> fixed chunks (their bounds depend on the length and count only).</summary>
    internal static void ForChunks<TBody>(int length, int chunks, in TBody body) where TBody : struct, IChunkBody
        => RunChunks(length, chunks, body, NumThreads);

    private static void RunChunks<TBody>(int length, int chunks, in TBody body, int threads) where TBody : struct, IChunkBody
    {
        if (threads <= 1 || chunks <= 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                var (start, count) = ChunkBounds(length, chunks, c);
                if (count > 0) body.Run(c, start, count);
            }
            return;
        }
        // One small job object per split call (the tensors involved are half a megabyte and up): a queued work
        // item may start after the call returned, and then it must find its own, finished job rather than another's.
        var job = new ChunkJob<TBody>(body, length, chunks);
        int helpers = Math.Min(threads, chunks) - 1;
        for (int i = 0; i < helpers; i++) ThreadPool.UnsafeQueueUserWorkItem(job, preferLocal: false);
        job.Execute();
        job.Wait();
    }
}

/// <summary>One chunk's work of a <see cref="Parallelism"/> loop: a struct carrying addresses, so no closure is made.</summary>
internal interface IChunkBody
{
    /// <summary>Processes elements [start, start + length), chunk number <paramref name="chunk"/>.</summary>
    void Run(int chunk, int start, int length);
}

/// <summary>The shared state of one split call: the next chunk to take and the number still running.</summary>
internal sealed class ChunkJob<TBody> : IThreadPoolWorkItem where TBody : struct, IChunkBody
{
    private readonly TBody _body;
    private readonly int _length;
    private readonly int _chunks;
    private int _next = -1;
    private int _remaining;
    private Exception? _failure;

    public ChunkJob(in TBody body, int length, int chunks)
    {
        _body = body;
        _length = length;
        _chunks = chunks;
        _remaining = chunks;
    }

    /// <summary>Takes chunks until none are left (run by the caller and by each helper).</summary>
    public void Execute()
    {
        int chunk;
        while ((chunk = Interlocked.Increment(ref _next)) < _chunks)
        {
            try
            {
                var (start, count) = Parallelism.ChunkBounds(_length, _chunks, chunk);
                if (count > 0) _body.Run(chunk, start, count);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                lock (this) Monitor.PulseAll(this);
            }
        }
    }

    /// <summary>Returns once every chunk has run (spinning briefly: the last chunk is a few microseconds away), and
    /// rethrows a chunk's exception on the calling thread.</summary>
    public void Wait()
    {
        var spinner = new SpinWait();
        while (Volatile.Read(ref _remaining) > 0 && !spinner.NextSpinWillYield) spinner.SpinOnce();
        if (Volatile.Read(ref _remaining) > 0)
        {
            lock (this)
            {
                while (Volatile.Read(ref _remaining) > 0) Monitor.Wait(this);
            }
        }
        if (_failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
    }
}
