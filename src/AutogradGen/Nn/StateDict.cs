namespace AutogradGen.Nn;

/// <summary>
/// Named tensors in order (PyTorch's <c>OrderedDict</c> of a <c>state_dict</c>): the parameters and buffers of a
/// <see cref="Module"/>, or an optimiser's state. Saved and read by <see cref="StateDictFile"/>.
/// </summary>
public sealed class StateDict : IReadOnlyDictionary<string, Tensor>
{
    private readonly List<KeyValuePair<string, Tensor>> _entries = [];
    private readonly Dictionary<string, Tensor> _byName = new(StringComparer.Ordinal);

    /// <summary>An empty state dict.</summary>
    public StateDict()
    {
    }

    /// <summary>The given entries in order; names must be distinct.</summary>
    public StateDict(IEnumerable<KeyValuePair<string, Tensor>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (name, tensor) in entries) Add(name, tensor);
    }

    /// <summary>Appends an entry.</summary>
    public void Add(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(tensor);
        if (!_byName.TryAdd(name, tensor)) throw new ArgumentException($"the state dict already has an entry named '{name}'", nameof(name));
        _entries.Add(new(name, tensor));
    }

    /// <inheritdoc/>
    public Tensor this[string key] => _byName.TryGetValue(key, out var tensor) ? tensor : throw new KeyNotFoundException($"no entry named '{key}' in the state dict");

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _entries.Select(static e => e.Key);

    /// <inheritdoc/>
    public IEnumerable<Tensor> Values => _entries.Select(static e => e.Value);

    /// <inheritdoc/>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _byName.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Tensor value) => _byName.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() => _entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
