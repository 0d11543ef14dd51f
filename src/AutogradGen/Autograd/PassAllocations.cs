using System.Runtime.CompilerServices;

namespace AutogradGen;

/// <summary>
/// What a backward pass knows about the large arrays made while it runs, so that it can recycle, steal and write in
/// place without ever touching memory user code can see. We have no reference counts, so ownership is proved the
/// other way round: an array is <em>fresh</em> when <see cref="StoragePool.Rent"/> made it on this thread during the
/// pass (so no user tensor existed over it before), and the pass counts the places it keeps it in: node gradient
/// buffers, the local gradient of the node running, and the leaf gradients waiting for the end of the pass.
/// Anything user code gets to see (a hook's argument or result, a custom Function's gradients, a retained or
/// captured gradient) is <see cref="Expose">exposed</see>: forgotten, and so never recycled, stolen or written.
/// </summary>
/// <remarks>
/// Only for passes that record nothing (not createGraph): a recorded pass saves its gradients in the graph it builds.
/// Backward rules are the runtime's own code and keep nothing after they return, so an array the engine holds in no
/// place and saw as a gradient is dead: <see cref="Release"/> gives it to the pool. Counting is by array, not by
/// tensor, so a view or a detached alias of a gradient (a rule that returns <c>grad</c> or a reshape of it for two
/// inputs) counts as a holder of the same memory.
/// </remarks>
internal sealed class PassAllocations
{
    [ThreadStatic]
    private static PassAllocations? t_current;

    /// <summary>Holders per fresh array; an array is absent once exposed, stolen or recycled. Made on the first large
    /// array, so a pass over small tensors (a scalar tape) pays one small object and nothing per node.</summary>
    private Dictionary<Array, int>? _holders;

    /// <summary>For tests: passes on this thread track nothing, so they copy, allocate and never recycle, as the engine
    /// did before (the reference the tracked passes are compared with, bit for bit).</summary>
    [ThreadStatic]
    internal static bool DisabledOnThisThread;

    /// <summary>The pass running on this thread that tracks allocations, or null.</summary>
    public static PassAllocations? Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_current;
    }

    /// <summary>Makes this the current tracker of the thread; returns the one before it (a nested pass restores it).</summary>
    public PassAllocations? Enter()
    {
        var previous = t_current;
        t_current = this;
        return previous;
    }

    /// <summary>Restores the tracker that <see cref="Enter"/> replaced.</summary>
    public static void Leave(PassAllocations? previous) => t_current = previous;

    /// <summary>Whether any large array was made in this pass yet: until then every other member does nothing, so a
    /// pass over small tensors (a scalar tape) can skip the calls.</summary>
    public bool IsTracking => _holders is not null;

    /// <summary>A large array made during this pass: fresh, held by nobody yet.</summary>
    public void Register(Array array) => (_holders ??= new(ReferenceEqualityComparer.Instance))[array] = 0;

    /// <summary>Whether the engine may treat <paramref name="tensor"/>'s storage as its own: fresh and held once (by
    /// whoever asks), and the tensor covers the whole array densely.</summary>
    public bool IsSoleHolder(Tensor tensor) =>
        _holders is not null && tensor.IsDense && _holders.TryGetValue(tensor.Storage.Data, out int holders) && holders == 1;

    /// <summary>One more place keeps <paramref name="tensor"/>'s storage (no effect unless fresh).</summary>
    public void Hold(Tensor tensor)
    {
        if (_holders is null) return;
        ref int holders = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_holders, tensor.Storage.Data);
        if (!Unsafe.IsNullRef(ref holders)) holders++;
    }

    /// <summary>One place fewer keeps <paramref name="tensor"/>'s storage; recycled when none is left.</summary>
    public void Drop(Tensor tensor)
    {
        if (_holders is null) return;
        ref int holders = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_holders, tensor.Storage.Data);
        if (Unsafe.IsNullRef(ref holders)) return;
        if (--holders <= 0) Recycle(tensor.Storage.Data);
    }

    /// <summary>A gradient the engine saw and did not keep (a rule's result that was conformed or added into a buffer):
    /// recycled if fresh and held nowhere.</summary>
    public void Release(Tensor tensor)
    {
        if (_holders is not null && _holders.TryGetValue(tensor.Storage.Data, out int holders) && holders <= 0) Recycle(tensor.Storage.Data);
    }

    /// <summary>User code sees <paramref name="tensor"/>: its storage is never recycled or written by the engine.</summary>
    public void Expose(Tensor tensor) => _holders?.Remove(tensor.Storage.Data);

    /// <summary>Whether the storage is fresh (made in this pass, never exposed, not yet recycled).</summary>
    public bool IsFresh(Tensor tensor) => _holders is not null && _holders.ContainsKey(tensor.Storage.Data);

    /// <summary>The storage becomes a leaf's .grad: from now on it is the user's.</summary>
    public void GiveAway(Tensor tensor) => _holders?.Remove(tensor.Storage.Data);

    private void Recycle(Array array)
    {
        _holders!.Remove(array);
        StoragePool.Return(array);
    }
}
