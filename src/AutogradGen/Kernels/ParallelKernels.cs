using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutogradGen.Kernels;

/// <summary>
/// The large-tensor forms of the contiguous passes: the same span operations, run chunk by chunk through
/// <see cref="Parallelism"/>. Callers come here only above <see cref="Parallelism.MinimumElements"/>; each method pins
/// its spans for the duration of the call and hands their addresses to a chunk body struct.
/// </summary>
internal static unsafe class ParallelKernels
{
    /// <summary>The address of a span's first element; the span must be pinned (a <c>fixed</c> on it) while used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ref byte Start<T>(ReadOnlySpan<T> span) => ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(span));

    /// <summary><c>destination = x op y</c> for three spans of one length.</summary>
    public static void Binary<T, TResult, TOperator>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<TResult> destination)
        where TOperator : IBinaryOperator<T, TResult>
    {
        fixed (byte* px = &Start(x), py = &Start(y), pd = &Start<TResult>(destination))
        {
            Parallelism.For(destination.Length, new BinaryBody<T, TResult, TOperator> { X = px, Y = py, D = pd, Mode = BinaryMode.Spans });
        }
    }

    /// <summary><c>destination = x op y</c> with <paramref name="y"/> one value.</summary>
    public static void Binary<T, TResult, TOperator>(ReadOnlySpan<T> x, T y, Span<TResult> destination)
        where TOperator : IBinaryOperator<T, TResult>
    {
        fixed (byte* px = &Start(x), pd = &Start<TResult>(destination))
        {
            Parallelism.For(destination.Length, new BinaryBody<T, TResult, TOperator> { X = px, D = pd, Scalar = y, Mode = BinaryMode.ScalarRight });
        }
    }

    /// <summary><c>destination = x op y</c> with <paramref name="x"/> one value.</summary>
    public static void Binary<T, TResult, TOperator>(T x, ReadOnlySpan<T> y, Span<TResult> destination)
        where TOperator : IBinaryOperator<T, TResult>
    {
        fixed (byte* py = &Start(y), pd = &Start<TResult>(destination))
        {
            Parallelism.For(destination.Length, new BinaryBody<T, TResult, TOperator> { Y = py, D = pd, Scalar = x, Mode = BinaryMode.ScalarLeft });
        }
    }

    /// <summary>
    /// The sum of <paramref name="source"/> (at least <see cref="Parallelism.MinimumElements"/> elements): each of
    /// <see cref="Parallelism.SumChunks"/> fixed chunks summed by TensorPrimitives, then the partial sums added in
    /// chunk order, so the result is the same on any number of threads.
    /// </summary>
    public static T Sum<T>(ReadOnlySpan<T> source) where T : unmanaged, INumber<T>
    {
        int chunks = Parallelism.SumChunks(source.Length);
        T* partials = stackalloc T[Parallelism.MaxSumChunks];
        new Span<T>(partials, Parallelism.MaxSumChunks).Clear();
        fixed (T* px = source)
        {
            Parallelism.ForChunks(source.Length, chunks, new SumBody<T> { X = px, Partials = partials });
        }
        T total = T.Zero;
        for (int c = 0; c < chunks; c++) total += partials[c];
        return total;
    }

    /// <summary>A fused activation gradient (<see cref="ActivationGradients"/>) over three spans of one length.</summary>
    public static void ActivationGradient<T>(bool tanh, ReadOnlySpan<T> grad, ReadOnlySpan<T> result, Span<T> destination)
        where T : unmanaged, INumber<T>
    {
        fixed (T* pg = grad, py = result, pd = destination)
        {
            Parallelism.For(destination.Length, new ActivationGradientBody<T> { G = pg, Y = py, D = pd, Tanh = tanh });
        }
    }

    private enum BinaryMode { Spans, ScalarRight, ScalarLeft }

    private struct BinaryBody<T, TResult, TOperator> : IChunkBody where TOperator : IBinaryOperator<T, TResult>
    {
        public byte* X, Y, D;
        public T Scalar;
        public BinaryMode Mode;

        public readonly void Run(int chunk, int start, int length)
        {
            var destination = new Span<TResult>(D + ((long)start * Unsafe.SizeOf<TResult>()), length);
            long offset = (long)start * Unsafe.SizeOf<T>();
            switch (Mode)
            {
                case BinaryMode.Spans:
                    TOperator.Invoke(new ReadOnlySpan<T>(X + offset, length), new ReadOnlySpan<T>(Y + offset, length), destination);
                    break;
                case BinaryMode.ScalarRight:
                    TOperator.Invoke(new ReadOnlySpan<T>(X + offset, length), Scalar, destination);
                    break;
                default:
                    TOperator.Invoke(Scalar, new ReadOnlySpan<T>(Y + offset, length), destination);
                    break;
            }
        }
    }

    private struct SumBody<T> : IChunkBody where T : unmanaged, INumber<T>
    {
        public T* X, Partials;

        public readonly void Run(int chunk, int start, int length) => Partials[chunk] = TensorPrimitives.Sum(new ReadOnlySpan<T>(X + start, length));
    }

    private struct ActivationGradientBody<T> : IChunkBody where T : unmanaged, INumber<T>
    {
        public T* G, Y, D;
        public bool Tanh;

        public readonly void Run(int chunk, int start, int length)
        {
            var g = new ReadOnlySpan<T>(G + start, length);
            var y = new ReadOnlySpan<T>(Y + start, length);
            var d = new Span<T>(D + start, length);
            if (Tanh) ActivationGradients.TanhSerial(g, y, d);
            else ActivationGradients.SigmoidSerial(g, y, d);
        }
    }
}
