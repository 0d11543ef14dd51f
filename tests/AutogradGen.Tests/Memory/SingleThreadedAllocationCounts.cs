namespace AutogradGen.Tests.Memory;

/// <summary>
/// The test classes that count the bytes a call on a large tensor allocates, run with one kernel thread.
/// </summary>
/// <remarks>
/// From <see cref="global::AutogradGen.Kernels.Parallelism.MinimumElements"/> elements a kernel hands chunks to the thread pool, and what
/// that costs the calling thread depends on timing (a queue segment grown, a wait object made when the last chunk is
/// late), so the counts would not be deterministic; the counts these tests pin (results and pooled copies) are the
/// same for every thread count. The thread count is process-wide, so the tests that change it
/// (<c>ParallelKernelTests</c>) are in this collection too and never run beside these.
/// </remarks>
[CollectionDefinition(Name)]
public sealed class SingleThreadedAllocationCounts : ICollectionFixture<SingleThreadedAllocationCounts.OneKernelThread>
{
    public const string Name = "Allocation counts on large tensors, one kernel thread";

    /// <summary>Sets one kernel thread for the collection's lifetime and restores the count after it.</summary>
    public sealed class OneKernelThread : IDisposable
    {
        private readonly int _before = Tensor.GetNumThreads();

        public OneKernelThread() => Tensor.SetNumThreads(1);

        public void Dispose() => Tensor.SetNumThreads(_before);
    }
}
