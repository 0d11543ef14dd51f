using AutogradGen.Kernels;

namespace AutogradGen;

// torch.set_num_threads / torch.get_num_threads: how many threads large element-wise passes, sums and matrix
// products use. Kernels.Parallelism holds the setting and the chunked loop.
public sealed partial class Tensor
{
    /// <summary>
    /// Sets how many threads kernels use for large tensors (PyTorch's <c>torch.set_num_threads</c>); 1 keeps all
    /// work on the calling thread. Results are bit for bit the same for every value. The default is the environment
    /// variable <c>AUTOGRADGEN_NUM_THREADS</c> if set, else the processor count.
    /// </summary>
    public static void SetNumThreads(int threads) => Parallelism.SetNumThreads(threads);

    /// <summary>The number of threads kernels use for large tensors (PyTorch's <c>torch.get_num_threads</c>).</summary>
    public static int GetNumThreads() => Parallelism.NumThreads;
}
