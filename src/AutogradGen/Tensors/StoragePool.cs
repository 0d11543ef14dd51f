using System.Runtime.CompilerServices;

namespace AutogradGen;

/// <summary>
/// A cache of large tensor storage arrays, bucketed by exact length (a dense tensor's storage is exactly its element
/// count, so only an array of the same length can serve it). Arrays come back only when the backward pass has
/// proved them dead (<see cref="PassAllocations"/>: gradients the engine made, consumed and never showed to user code);
/// nothing else is ever returned, so memory a user can still see is never handed out again. Every large allocation
/// asks the pool first: in a training loop the gradients freed by one backward pass become the next step's results.
/// </summary>
/// <remarks>
/// Small arrays are left to the GC (its gen-0 allocation is cheaper than a lookup); large ones (from
/// <see cref="MinimumBytes"/>) are what costs: the runtime clears them, they live on the large-object heap from 85 KB
/// and their churn triggers gen-2 collections. The pool keeps at most <see cref="MaximumBytes"/> and
/// <see cref="MaximumPerLength"/> arrays of one length, so a loop whose sizes keep changing cannot grow it without bound.
/// </remarks>
internal static class StoragePool
{
    /// <summary>Arrays from this size (in bytes) are pooled and tracked by backward passes: 16 KB.</summary>
    public const int MinimumBytes = 16 * 1024;

    /// <summary>The most the pool keeps, all dtypes together: 256 MB.</summary>
    public const long MaximumBytes = 256L * 1024 * 1024;

    /// <summary>The most arrays of one dtype and length the pool keeps.</summary>
    public const int MaximumPerLength = 16;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<(Type, int), Stack<Array>> Buckets = [];
    private static long s_pooledBytes;
    private static long s_hits;
    private static long s_returns;

    /// <summary>How many arrays the pool has handed out again and taken back since the process started (for tests and
    /// diagnostics; other threads' passes count too).</summary>
    public static (long Reused, long Returned) Counts
    {
        get { lock (Gate) return (s_hits, s_returns); }
    }

    /// <summary>Whether an array of <paramref name="length"/> elements of <typeparamref name="T"/> is large enough to pool.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPooledSize<T>(int length) where T : unmanaged => (long)length * Unsafe.SizeOf<T>() >= MinimumBytes;

    /// <summary>
    /// An array of <paramref name="length"/> elements: from the pool when one of that length is there, otherwise new.
    /// Zeroed when <paramref name="clear"/>; otherwise its contents are arbitrary and the caller writes every element.
    /// A large array is registered with the running backward pass, if any, as made during it.
    /// </summary>
    public static T[] Rent<T>(int length, bool clear) where T : unmanaged
    {
        if (!IsPooledSize<T>(length)) return new T[length];
        T[]? array = null;
        lock (Gate)
        {
            if (Buckets.TryGetValue((typeof(T), length), out var bucket) && bucket.TryPop(out var pooled))
            {
                array = (T[])pooled;
                s_pooledBytes -= (long)length * Unsafe.SizeOf<T>();
                s_hits++;
            }
        }
        if (array is null) array = clear ? new T[length] : GC.AllocateUninitializedArray<T>(length);
        else if (clear) Array.Clear(array);
        PassAllocations.Current?.Register(array);
        return array;
    }

    /// <summary>Takes back an array nobody can reach any more (the caller has proved it); false when the pool is full.</summary>
    public static bool Return(Array array)
    {
        long bytes = (long)array.Length * ElementSize(array);
        if (bytes < MinimumBytes) return false;
        lock (Gate)
        {
            if (s_pooledBytes + bytes > MaximumBytes) return false;
            var key = (array.GetType().GetElementType()!, array.Length);
            if (!Buckets.TryGetValue(key, out var bucket)) Buckets[key] = bucket = new Stack<Array>();
            if (bucket.Count >= MaximumPerLength) return false;
            foreach (var held in bucket)
            {
                // Returning the same array twice would hand it to two tensors: a bug upstream, refused here too.
                if (ReferenceEquals(held, array)) throw new InvalidOperationException("A storage array was returned to the pool twice.");
            }
            bucket.Push(array);
            s_pooledBytes += bytes;
            s_returns++;
            return true;
        }
    }

    /// <summary>The bytes the pool holds now.</summary>
    public static long PooledBytes
    {
        get { lock (Gate) return s_pooledBytes; }
    }

    /// <summary>Drops every pooled array (for the GC to collect).</summary>
    public static void Clear()
    {
        lock (Gate)
        {
            Buckets.Clear();
            s_pooledBytes = 0;
        }
    }

    private static int ElementSize(Array array) => array switch
    {
        double[] or long[] => 8,
        float[] => 4,
        _ => 1,
    };
}
