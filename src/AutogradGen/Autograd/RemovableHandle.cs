namespace AutogradGen;

/// <summary>Returned by <see cref="Tensor.RegisterHook(Func{Tensor, Tensor?})"/>: removes the hook (PyTorch's <c>handle.remove()</c>).</summary>
public sealed class RemovableHandle : IDisposable
{
    private Action? _remove;

    internal RemovableHandle(Action remove) => _remove = remove;

    /// <summary>Removes the hook; later calls do nothing.</summary>
    public void Remove()
    {
        _remove?.Invoke();
        _remove = null;
    }

    /// <summary>Same as <see cref="Remove"/>, for <c>using</c> scopes.</summary>
    public void Dispose() => Remove();
}
