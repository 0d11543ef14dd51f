namespace AutogradGen.Nn;

/// <summary><c>nn.Sequential(*modules)</c>: each module's output is the next one's input; they are named "0", "1", ...</summary>
public sealed class Sequential : Module
{
    private readonly Module[] _modules;

    /// <summary>Chains <paramref name="modules"/> in order.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        _modules = [.. modules];
        for (int i = 0; i < _modules.Length; i++) RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _modules[i]);
    }

    /// <summary>The module at <paramref name="index"/>.</summary>
    public Module this[int index] => _modules[index];

    /// <summary>The number of modules.</summary>
    public int Count => _modules.Length;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var module in _modules) x = module.Forward(x);
        return x;
    }
}
