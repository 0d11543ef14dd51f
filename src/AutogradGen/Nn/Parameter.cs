namespace AutogradGen.Nn;

/// <summary>
/// <c>torch.nn.Parameter</c>: a module's learnable tensor. Tensors are sealed here, so a parameter is an ordinary leaf
/// tensor that requires grad; what makes it a parameter is its registration with <see cref="Module.RegisterParameter"/>.
/// </summary>
public static class Parameter
{
    /// <summary>A new leaf over <paramref name="data"/>'s storage, with no history, requiring grad (<c>nn.Parameter(data)</c>).</summary>
    public static Tensor Create(Tensor data, bool requiresGrad = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var parameter = data.Detach();
        if (requiresGrad) parameter.RequiresGrad = true;
        return parameter;
    }
}
