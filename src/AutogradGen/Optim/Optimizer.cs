using System.Globalization;

namespace AutogradGen.Optim;

/// <summary>
/// The base of the optimisers (PyTorch's <c>torch.optim.Optimizer</c>): it holds the parameters, updates each one that
/// has a gradient in <see cref="Step()"/> (under no-grad, in place, so each update bumps the parameter's version),
/// and clears the gradients in <see cref="ZeroGrad"/>.
/// </summary>
public abstract class Optimizer
{
    private readonly Tensor[] _parameters;
    private readonly ParameterGroup[] _groups;
    private readonly ParameterGroup[] _groupOfParameter;

    /// <summary>Checks and keeps the parameters, as one group, and the learning rate.</summary>
    /// <param name="parameters">The tensors to optimise: floating-point leaves, usually created with <c>requiresGrad: true</c>.</param>
    /// <param name="lr">The learning rate, at least 0.</param>
    protected Optimizer(IEnumerable<Tensor> parameters, double lr)
        : this([new ParameterGroup(parameters ?? throw new ArgumentNullException(nameof(parameters)))], lr, 0, 0)
    {
    }

    /// <summary>Checks and keeps parameter groups; options a group leaves null take these defaults.</summary>
    /// <param name="groups">The groups, each a list of floating-point leaves; a parameter may appear in one group only.</param>
    /// <param name="lr">The default learning rate.</param>
    /// <param name="weightDecay">The default weight decay.</param>
    /// <param name="momentum">The default momentum (β1 for Adam).</param>
    protected Optimizer(IEnumerable<ParameterGroup> groups, double lr, double weightDecay, double momentum)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (!(lr >= 0)) throw new ArgumentException(Invalid("learning rate", lr));
        _groups = [.. groups];
        var parameters = new List<Tensor>();
        var owners = new List<ParameterGroup>();
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var group in _groups)
        {
            ArgumentNullException.ThrowIfNull(group, nameof(groups));
            foreach (var parameter in group.Parameters)
            {
                ArgumentNullException.ThrowIfNull(parameter, nameof(groups));
                if (!parameter.IsLeaf) throw new ArgumentException("can't optimize a non-leaf Tensor: optimise the leaf it was computed from, or pass .Detach().RequiresGrad_()", nameof(groups));
                if (!parameter.DType.IsFloatingPoint()) throw new ArgumentException($"can't optimize a tensor of dtype {parameter.DType}: parameters must be Float32 or Float64", nameof(groups));
                if (!seen.Add(parameter)) throw new ArgumentException("some parameters appear in more than one parameter group", nameof(groups));
                parameters.Add(parameter);
                owners.Add(group);
            }
        }
        if (parameters.Count == 0) throw new ArgumentException("optimizer got an empty parameter list", nameof(groups));
        foreach (var group in _groups)
        {
            if (!group.HasLearningRate) group.LearningRate = lr;
            group.WeightDecay = group.WeightDecayOption ?? weightDecay;
            group.Momentum = group.MomentumOption ?? momentum;
        }
        _parameters = [.. parameters];
        _groupOfParameter = [.. owners];
    }

    /// <summary>Every parameter of every group, in order; per-parameter state is indexed by this position.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>The parameter groups (<c>optimizer.param_groups</c>).</summary>
    public IReadOnlyList<ParameterGroup> ParamGroups => _groups;

    /// <summary>The first group's learning rate; setting it sets every group's (between steps, as a schedule would).</summary>
    public double LearningRate
    {
        get => _groups[0].LearningRate;
        set
        {
            if (!(value >= 0)) throw new ArgumentException(Invalid("learning rate", value));
            foreach (var group in _groups) group.LearningRate = value;
        }
    }

    /// <summary>Updates every parameter that has a gradient; parameters whose <see cref="Tensor.Grad"/> is null are skipped.</summary>
    public void Step()
    {
        // Validate before writing anything: a failed step changes no parameter.
        foreach (var group in _groups)
        {
            if (!(group.LearningRate >= 0))
            {
                throw new InvalidOperationException(Invalid("learning rate", group.LearningRate)
                    + " (set by a learning-rate scheduler stepped past the end of its schedule; PyTorch would step with it)");
            }
        }
        using var noGrad = Autograd.NoGrad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (parameter.Grad is not { } grad) continue;
            var group = _groupOfParameter[i];
            if (parameter.IsDense)
            {
                Update(i, parameter, grad, group);
                continue;
            }
            // The kernels write a contiguous span: a strided parameter (a view) is updated on a contiguous copy,
            // whose values are then written to the parameter's place in its storage, and its version bumped.
            var contiguous = parameter.DetachedClone();
            Update(i, contiguous, grad, group);
            parameter.StoreElements(contiguous.ElementArray());
            MarkUpdatedInPlace(parameter);
        }
    }
    /// <summary>Re-evaluates the loss with <paramref name="closure"/> (which should clear the gradients and call backward), then steps.</summary>
    /// <returns>The loss the closure returned.</returns>
    public Tensor Step(Func<Tensor> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        Tensor loss;
        using (Autograd.EnableGrad()) loss = closure();
        Step();
        return loss;
    }

    /// <summary>
    /// Clears the gradients of all parameters (<c>optimizer.zero_grad()</c>). By default, as in PyTorch 2, sets each
    /// <see cref="Tensor.Grad"/> to null, which saves memory and lets the next backward assign instead of add; with
    /// <paramref name="setToNone"/> false, detaches each gradient and fills it with zeros instead.
    /// </summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var parameter in _parameters)
        {
            var grad = parameter.Grad;
            if (grad is null) continue;
            if (setToNone)
            {
                parameter.Grad = null;
                continue;
            }
            // A gradient built with createGraph has history: cut it before zeroing it in place, as PyTorch does.
            if (grad.GradFn is not null) grad.Detach_();
            else grad.RequiresGrad = false;
            using var noGrad = Autograd.NoGrad();
            grad.Zero_();
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> from its gradient, in place. Called under no-grad.</summary>
    /// <param name="index">The parameter's position in <see cref="Parameters"/>, for per-parameter state.</param>
    /// <param name="parameter">The parameter to update.</param>
    /// <param name="grad">Its gradient (not null).</param>
    /// <param name="group">The parameter's group: its learning rate, weight decay and momentum.</param>
    protected abstract void Update(int index, Tensor parameter, Tensor grad, ParameterGroup group);

    /// <summary>
    /// Parameter <paramref name="index"/>'s state by PyTorch's names (<c>optimizer.state[p]</c>: <c>"step"</c>,
    /// <c>"exp_avg"</c>, ...); empty before its first step. The tensors are the live ones.
    /// </summary>
    public abstract IReadOnlyDictionary<string, Tensor> State(int index);

    /// <summary>Replaces parameter <paramref name="index"/>'s state with copies of <paramref name="state"/>, already checked by <see cref="LoadStateDict"/>.</summary>
    private protected abstract void RestoreState(int index, IReadOnlyDictionary<string, Tensor> state);

    /// <summary>The names a parameter's state may hold, for <see cref="LoadStateDict"/>'s checks.</summary>
    private protected abstract IReadOnlyCollection<string> StateNames { get; }

    /// <summary>
    /// The optimiser's state (<c>optimizer.state_dict()</c>) as named tensors: <c>state.{i}.{name}</c> for each
    /// parameter's state (copies) and <c>param_groups.{g}.lr</c>, <c>.weight_decay</c>, <c>.momentum</c>,
    /// <c>.initial_lr</c> (when a scheduler set it) and <c>.params</c> (the parameters' positions). It can be saved
    /// with <see cref="Nn.StateDictFile"/>.
    /// </summary>
    public Nn.StateDict StateDict()
    {
        var result = new Nn.StateDict();
        for (int i = 0; i < _parameters.Length; i++)
        {
            foreach (var (name, tensor) in State(i)) result.Add($"state.{i}.{name}", tensor.Detach().Clone());
        }
        int first = 0;
        for (int g = 0; g < _groups.Length; g++)
        {
            var group = _groups[g];
            result.Add($"param_groups.{g}.lr", Tensor.Scalar(group.LearningRate, dtype: DType.Float64));
            result.Add($"param_groups.{g}.weight_decay", Tensor.Scalar(group.WeightDecay, dtype: DType.Float64));
            result.Add($"param_groups.{g}.momentum", Tensor.Scalar(group.Momentum, dtype: DType.Float64));
            if (group.InitialLearningRate is double initial) result.Add($"param_groups.{g}.initial_lr", Tensor.Scalar(initial, dtype: DType.Float64));
            result.Add($"param_groups.{g}.params", Tensor.Arange(first, first + group.Parameters.Count));
            first += group.Parameters.Count;
        }
        return result;
    }

    /// <summary>
    /// Restores a state saved by <see cref="StateDict"/> from an optimiser of the same kind over parameters of the same
    /// shapes in the same groups (<c>optimizer.load_state_dict</c>). Everything is checked first; a mismatch fails
    /// with an <see cref="InvalidDataException"/> and changes nothing.
    /// </summary>
    public void LoadStateDict(Nn.StateDict stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var states = new Dictionary<string, Tensor>[_parameters.Length];
        for (int i = 0; i < states.Length; i++) states[i] = new(StringComparer.Ordinal);
        var groups = new Dictionary<int, Dictionary<string, Tensor>>();
        foreach (var (key, tensor) in stateDict)
        {
            var parts = key.Split('.');
            if (parts.Length == 3 && parts[0] == "state" && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out int index) && index >= 0 && index < _parameters.Length)
            {
                if (!StateNames.Contains(parts[2])) throw new InvalidDataException($"loaded state dict has a state '{parts[2]}' for parameter {index} that {GetType().Name} does not keep");
                states[index][parts[2]] = tensor;
            }
            else if (parts.Length == 3 && parts[0] == "param_groups" && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out int g) && g >= 0 && g < _groups.Length)
            {
                (groups.TryGetValue(g, out var entries) ? entries : groups[g] = new(StringComparer.Ordinal))[parts[2]] = tensor;
            }
            else
            {
                throw new InvalidDataException($"loaded state dict has an entry '{key}' that does not fit this optimizer ({_parameters.Length} parameters in {_groups.Length} groups)");
            }
        }
        for (int g = 0; g < _groups.Length; g++)
        {
            if (!groups.TryGetValue(g, out var entries) || !entries.TryGetValue("params", out var positions) || !entries.ContainsKey("lr"))
            {
                throw new InvalidDataException($"loaded state dict has a different number of parameter groups (group {g} is missing)");
            }
            if (positions.Numel != _groups[g].Parameters.Count) throw new InvalidDataException("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
        }
        for (int i = 0; i < _parameters.Length; i++)
        {
            foreach (var (name, tensor) in states[i])
            {
                if (tensor.Rank > 0 && !tensor.Shape.Equals(_parameters[i].Shape))
                {
                    throw new InvalidDataException($"loaded state '{name}' of parameter {i} has shape {tensor.Shape}, the parameter {_parameters[i].Shape}");
                }
            }
        }
        for (int i = 0; i < _parameters.Length; i++) RestoreState(i, states[i]);
        for (int g = 0; g < _groups.Length; g++)
        {
            var entries = groups[g];
            _groups[g].LearningRate = entries["lr"].Item();
            if (entries.TryGetValue("weight_decay", out var decay)) _groups[g].WeightDecay = decay.Item();
            if (entries.TryGetValue("momentum", out var momentum)) _groups[g].Momentum = momentum.Item();
            _groups[g].InitialLearningRate = entries.TryGetValue("initial_lr", out var initial) ? initial.Item() : null;
        }
    }

    /// <summary>A copy of <paramref name="tensor"/> converted to <paramref name="like"/>'s dtype: restored state owns its storage.</summary>
    private protected static Tensor Restored(Tensor tensor, Tensor like) => tensor.ConvertRaw(like.DType) is var converted && ReferenceEquals(converted, tensor) ? tensor.DetachedClone() : converted;

    /// <summary>
    /// Records that a kernel wrote <paramref name="parameter"/>'s storage directly: bumps its version, as PyTorch's
    /// in-place <c>add_</c> does, so graphs that saved the old value refuse to backward through it.
    /// </summary>
    private protected static void MarkUpdatedInPlace(Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.VersionCounter.Bump();
    }

    /// <summary>PyTorch's wording for a hyperparameter out of range: <c>Invalid learning rate: -0.1</c>.</summary>
    internal static string Invalid(string what, double value) => $"Invalid {what}: {PythonRepr(value)}";

    /// <summary>A double as Python's <c>repr</c> writes a float: <c>1.0</c>, <c>-0.1</c>, <c>1e-05</c>, <c>nan</c>, <c>inf</c>.</summary>
    private static string PythonRepr(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        string text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }
}
