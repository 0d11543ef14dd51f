namespace AutogradGen;

/// <summary>
/// Checks second derivatives, as PyTorch's <c>torch.autograd.gradgradcheck</c>: the vector-Jacobian product
/// x, v ↦ vᵀ·∂f/∂x, computed by a backward pass with <c>createGraph</c>, is itself gradchecked with respect to the
/// inputs and v. So a backward rule that is right but not differentiable (one that uses detached values, say) fails.
/// </summary>
/// <remarks>
/// The vectors v (grad_outputs) are uniform in [-1, 1) from a <see cref="RandomGenerator"/> seeded with <c>seed</c>, one
/// per output that requires grad, in the output's dtype, so a check is reproducible. In messages, inputs are
/// numbered over the differentiated inputs followed by the grad_outputs, and outputs over the first derivatives,
/// as PyTorch numbers them.
/// </remarks>
public static class GradGradCheck
{
    /// <summary>Checks the second derivatives of a single-output tape function.</summary>
    /// <param name="function">The function.</param>
    /// <param name="inputs">The arguments; those that require grad are differentiated.</param>
    /// <param name="gradOutputs">The vectors v, one per output that requires grad; null draws them from the seeded generator.
    /// Those that do not require grad are held fixed.</param>
    /// <param name="eps">The central-difference step.</param>
    /// <param name="atol">Absolute tolerance (see <see cref="GradCheck"/>).</param>
    /// <param name="rtol">Relative tolerance.</param>
    /// <param name="nondetTol">How far two backward passes may differ.</param>
    /// <param name="seed">Seed of the generator that draws <paramref name="gradOutputs"/> when they are not given.</param>
    public static GradCheckResult Check(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor[]? gradOutputs = null,
        double eps = GradCheck.DefaultEps, double atol = GradCheck.DefaultAtol, double rtol = GradCheck.DefaultRtol,
        double nondetTol = 0, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Check(arguments => [function(arguments)], inputs, gradOutputs, eps, atol, rtol, nondetTol, seed);
    }

    /// <summary>Checks the second derivatives of a multi-output tape function; see the single-output overload.</summary>
    public static GradCheckResult Check(Func<Tensor[], Tensor[]> function, Tensor[] inputs, Tensor[]? gradOutputs = null,
        double eps = GradCheck.DefaultEps, double atol = GradCheck.DefaultAtol, double rtol = GradCheck.DefaultRtol,
        double nondetTol = 0, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        GradCheck.ValidateSettings(eps, atol, rtol, nondetTol);

        bool[] differentiated = Array.ConvertAll(inputs, input => input?.RequiresGrad ?? false);
        var vectors = gradOutputs ?? RandomGradOutputs(function, inputs, seed);
        int inputCount = inputs.Length;

        Tensor[] VectorJacobianProduct(Tensor[] arguments)
        {
            var functionInputs = arguments[..inputCount];
            var outputs = DifferentiableOutputs(function(functionInputs));
            var grads = arguments[inputCount..];
            if (grads.Length != outputs.Length)
            {
                throw new ArgumentException($"gradOutputs has {grads.Length} tensors but the function has {outputs.Length} outputs that require grad: pass one per such output.", nameof(gradOutputs));
            }
            var wrt = functionInputs.Where((_, i) => differentiated[i]).ToArray();
            var products = Autograd.Grad(outputs, wrt, grads, createGraph: true, allowUnused: true);
            return [.. products.OfType<Tensor>()];
        }

        return GradCheck.Check(VectorJacobianProduct, [.. inputs, .. vectors], eps, atol, rtol, nondetTol);
    }

    /// <summary>As <see cref="Check(Func{Tensor[], Tensor}, Tensor[], Tensor[], double, double, double, double, ulong)"/>, throwing a <see cref="GradCheckException"/> on failure.</summary>
    public static GradCheckResult Assert(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor[]? gradOutputs = null,
        double eps = GradCheck.DefaultEps, double atol = GradCheck.DefaultAtol, double rtol = GradCheck.DefaultRtol,
        double nondetTol = 0, ulong seed = 0) =>
        Check(function, inputs, gradOutputs, eps, atol, rtol, nondetTol, seed).ThrowIfFailed();

    /// <summary>As <see cref="Check(Func{Tensor[], Tensor[]}, Tensor[], Tensor[], double, double, double, double, ulong)"/>, throwing a <see cref="GradCheckException"/> on failure.</summary>
    public static GradCheckResult Assert(Func<Tensor[], Tensor[]> function, Tensor[] inputs, Tensor[]? gradOutputs = null,
        double eps = GradCheck.DefaultEps, double atol = GradCheck.DefaultAtol, double rtol = GradCheck.DefaultRtol,
        double nondetTol = 0, ulong seed = 0) =>
        Check(function, inputs, gradOutputs, eps, atol, rtol, nondetTol, seed).ThrowIfFailed();

    private static Tensor[] DifferentiableOutputs(Tensor[] outputs) => [.. outputs.Where(static output => output.RequiresGrad)];

    // PyTorch draws make_tensor(low=-1, high=1) from its global generator; a seeded generator of our own keeps the
    // check reproducible and leaves the user's global stream alone.
    private static Tensor[] RandomGradOutputs(Func<Tensor[], Tensor[]> function, Tensor[] inputs, ulong seed)
    {
        var generator = new RandomGenerator(seed);
        Tensor[] outputs;
        using (Autograd.EnableGrad()) outputs = DifferentiableOutputs(function(inputs));
        return Array.ConvertAll(outputs, output =>
        {
            var dtype = output.DType.IsFloatingPoint() ? output.DType : DType.Float64;
            var uniform = Tensor.Rand([.. output.Shape], dtype: dtype, generator: generator);
            return ((uniform * 2) - 1).Detach().RequiresGrad_();
        });
    }
}
