using System.Globalization;

namespace AutogradGen.Nn;

/// <summary>
/// <c>torch.nn.Module</c>: a piece of a model with named parameters, buffers and submodules, registered explicitly by
/// the subclass's constructor (<see cref="RegisterParameter"/>, <see cref="RegisterBuffer"/>,
/// <see cref="RegisterModule"/>; no reflection), in registration order. Names of nested members are dotted paths
/// (<c>"0.weight"</c>), as PyTorch's.
/// </summary>
/// <example>
/// <code>
/// sealed class Mlp : Module
/// {
///     private readonly Linear _hidden, _output;
///     public Mlp() { _hidden = RegisterModule("hidden", new Linear(4, 8)); _output = RegisterModule("output", new Linear(8, 2)); }
///     public override Tensor Forward(Tensor x) =&gt; _output.Forward(_hidden.Forward(x).Relu());
/// }
/// </code>
/// </example>
public abstract class Module
{
    private readonly List<KeyValuePair<string, Tensor>> _parameters = [];
    private readonly List<KeyValuePair<string, Tensor>> _buffers = [];
    private readonly List<KeyValuePair<string, Module>> _children = [];

    /// <summary>Whether the module is in training mode (<c>module.training</c>); <see cref="Dropout"/> and batch norm behave differently in each.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>The module's computation (<c>forward</c>).</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Registers a learnable tensor under <paramref name="name"/> and returns it; it must be a floating-point leaf.</summary>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        CheckName(name);
        if (!parameter.IsLeaf) throw new ArgumentException($"Cannot assign non-leaf Tensor to parameter '{name}'. Model parameters must be created explicitly: use Parameter.Create(tensor.Detach()).", nameof(parameter));
        _parameters.Add(new(name, parameter));
        return parameter;
    }

    /// <summary>Registers a state tensor that is saved with the module but not learnt (<c>register_buffer</c>), such as batch norm's running mean.</summary>
    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        CheckName(name);
        _buffers.Add(new(name, buffer));
        return buffer;
    }

    /// <summary>Registers a submodule (<c>add_module</c>) and returns it.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        _children.Add(new(name, module));
        return module;
    }

    private void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.', StringComparison.Ordinal)) throw new ArgumentException($"attribute name can't contain \".\", got: {name}", nameof(name));
        if (_parameters.Any(p => p.Key == name) || _buffers.Any(b => b.Key == name) || _children.Any(c => c.Key == name))
        {
            throw new ArgumentException($"attribute '{name}' already exists", nameof(name));
        }
    }

    /// <summary>Sets training mode here and in every submodule (<c>module.train(mode)</c>); returns this module.</summary>
    public Module Train(bool mode = true)
    {
        Training = mode;
        foreach (var child in _children) child.Value.Train(mode);
        return this;
    }

    /// <summary>Evaluation mode (<c>module.eval()</c>): <c>Train(false)</c>.</summary>
    public Module Eval() => Train(false);

    /// <summary>Every parameter, this module's first, then each submodule's, each once (<c>module.parameters()</c>).</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(static p => p.Value);

    /// <summary>Every parameter with its dotted name (<c>module.named_parameters()</c>); a tensor registered twice is listed once.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters() => Distinct(Named(static m => m._parameters, ""));

    /// <summary>Every buffer with its dotted name (<c>module.named_buffers()</c>).</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedBuffers() => Distinct(Named(static m => m._buffers, ""));

    /// <summary>The direct submodules with their names (<c>module.named_children()</c>).</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedChildren() => _children;

    /// <summary>This module (named "") and every module below it with its dotted name (<c>module.named_modules()</c>).</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedModules()
    {
        yield return new("", this);
        foreach (var child in _children)
        {
            foreach (var (name, module) in child.Value.NamedModules()) yield return new(name.Length == 0 ? child.Key : child.Key + "." + name, module);
        }
    }

    private IEnumerable<KeyValuePair<string, Tensor>> Named(Func<Module, List<KeyValuePair<string, Tensor>>> members, string prefix)
    {
        foreach (var member in members(this)) yield return new(prefix + member.Key, member.Value);
        foreach (var child in _children)
        {
            foreach (var member in child.Value.Named(members, prefix + child.Key + ".")) yield return member;
        }
    }

    private static IEnumerable<KeyValuePair<string, Tensor>> Distinct(IEnumerable<KeyValuePair<string, Tensor>> members)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var member in members)
        {
            if (seen.Add(member.Value)) yield return member;
        }
    }

    /// <summary>Clears every parameter's gradient (<c>module.zero_grad(set_to_none=True)</c>); with <paramref name="setToNone"/> false, zeroes them in place.</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var parameter in Parameters())
        {
            if (parameter.Grad is not { } grad) continue;
            if (setToNone) parameter.Grad = null;
            else
            {
                using var noGrad = Autograd.NoGrad();
                parameter.Grad = Tensor.ZerosLike(grad);
            }
        }
    }

    /// <summary>
    /// The parameters and buffers by dotted name, in registration order (<c>module.state_dict()</c>): detached tensors
    /// sharing their storage, so the values are the live ones (copy them with <c>Clone</c> to keep a snapshot).
    /// </summary>
    public StateDict StateDict()
    {
        var entries = NamedParameters().Concat(NamedBuffers()).Select(static e => new KeyValuePair<string, Tensor>(e.Key, e.Value.Detach()));
        return new StateDict(entries);
    }

    /// <summary>
    /// Copies every entry of <paramref name="stateDict"/> into the parameter or buffer of the same name
    /// (<c>module.load_state_dict(state_dict, strict=True)</c>). Everything is checked before anything is written: with
    /// <paramref name="strict"/>, missing and unexpected names fail; a shape or dtype that differs fails always; a
    /// failure changes nothing. The parameters stay the same tensors (an optimiser keeps working on them).
    /// </summary>
    public void LoadStateDict(StateDict stateDict, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var targets = NamedParameters().Concat(NamedBuffers()).ToList();
        var errors = new List<string>();
        if (strict)
        {
            var missing = targets.Where(t => !stateDict.ContainsKey(t.Key)).Select(static t => $"\"{t.Key}\"").ToList();
            var unexpected = stateDict.Keys.Where(k => targets.All(t => t.Key != k)).Select(static k => $"\"{k}\"").ToList();
            if (missing.Count > 0) errors.Add("Missing key(s) in state_dict: " + string.Join(", ", missing) + ".");
            if (unexpected.Count > 0) errors.Add("Unexpected key(s) in state_dict: " + string.Join(", ", unexpected) + ".");
        }
        foreach (var (name, target) in targets)
        {
            if (!stateDict.TryGetValue(name, out var source)) continue;
            if (!source.Shape.Equals(target.Shape))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"size mismatch for {name}: copying a param with shape {source.Shape} from checkpoint, the shape in current model is {target.Shape}."));
            }
            else if (source.DType != target.DType)
            {
                errors.Add($"dtype mismatch for {name}: the checkpoint holds {source.DType.ScalarTypeName()}, the model {target.DType.ScalarTypeName()}.");
            }
        }
        if (errors.Count > 0)
        {
            throw new InvalidDataException($"Error(s) in loading state_dict for {GetType().Name}:\n\t" + string.Join("\n\t", errors));
        }
        using var noGrad = Autograd.NoGrad();
        foreach (var (name, target) in targets)
        {
            if (stateDict.TryGetValue(name, out var source)) target.Copy_(source);
        }
    }

    /// <summary>Writes <see cref="StateDict()"/> to <paramref name="path"/> in the <see cref="StateDictFile"/> format (<c>torch.save(model.state_dict(), path)</c>).</summary>
    public void Save(string path) => StateDictFile.Save(path, StateDict());

    /// <summary>Reads <paramref name="path"/> (<see cref="StateDictFile"/>) and loads it as <see cref="LoadStateDict(StateDict, bool)"/> does: a corrupt or mismatched file changes nothing.</summary>
    public void Load(string path, bool strict = true) => LoadStateDict(StateDictFile.Load(path), strict);
}
