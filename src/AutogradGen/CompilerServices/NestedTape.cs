using System.ComponentModel;

namespace AutogradGen.CompilerServices;

/// <summary>
/// Nested derivatives on the tape: what the tape twin of a [Differentiable] method that calls another method's
/// generated <c>Gradient</c> or <c>Derivative</c> runs at that call. The inner gradient is
/// <c>Autograd.Grad(..., createGraph: true)</c> of the callee's twin, so the gradient is itself recorded and the outer
/// backward pass differentiates through it (the callee's second derivatives, PyTorch's double backward).
/// </summary>
/// <remarks>
/// The callee's twin runs on inputs of its own: an argument that requires grad is cloned (a recorded identity,
/// so its gradient is captured apart from any other use of the same tensor and still flows back into the caller's
/// graph), one that does not is detached and made to require grad (a leaf of the inner pass only). Public only
/// because generated code in the user's assembly calls it; hidden from IntelliSense.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NestedTape
{
    /// <summary>
    /// ∇F · d: the gradient of <paramref name="function"/> (the callee's twin over <paramref name="arguments"/>, one
    /// tensor per double parameter) with respect to the arguments at <paramref name="differentiated"/>, dotted with
    /// <paramref name="directions"/> (one per differentiated argument, of its shape). Recorded, so differentiable again.
    /// </summary>
    public static Tensor Slope(Func<Tensor[], Tensor> function, Tensor[] arguments, int[] differentiated, Tensor[] directions)
    {
        ArgumentNullException.ThrowIfNull(directions);
        var gradients = Gradient(function, arguments, differentiated);
        Tensor? slope = null;
        for (var i = 0; i < gradients.Length; i++)
        {
            var term = (gradients[i] * directions[i]).Sum();
            slope = slope is null ? term : slope + term;
        }

        return slope ?? TapeMath.Constant(0, arguments.Length > 0 ? arguments[0].DType : DType.Float64);
    }

    /// <summary>
    /// One component of the gradient (see <see cref="Slope"/>): of the <paramref name="parameter"/>-th differentiated
    /// argument, its element <paramref name="element"/> for a 1-d argument (0 for a 0-d one). Recorded.
    /// </summary>
    public static Tensor Component(Func<Tensor[], Tensor> function, Tensor[] arguments, int[] differentiated, int parameter, int element)
    {
        ArgumentNullException.ThrowIfNull(differentiated);
        if ((uint)parameter >= (uint)differentiated.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(parameter));
        }

        var gradient = Gradient(function, arguments, differentiated)[parameter];
        return gradient.Rank == 0 ? gradient : gradient.Select(0, element);
    }

    private static Tensor[] Gradient(Func<Tensor[], Tensor> function, Tensor[] arguments, int[] differentiated)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(differentiated);
        // The inner pass records even where the twin is run under no_grad: its gradient is the value asked for.
        using var recording = Autograd.EnableGrad();
        var inputs = new Tensor[arguments.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = arguments[i].RequiresGrad ? arguments[i].Clone() : arguments[i].Detach().RequiresGrad_();
        }

        var value = function(inputs);
        var wanted = new Tensor[differentiated.Length];
        for (var i = 0; i < wanted.Length; i++)
        {
            wanted[i] = inputs[differentiated[i]];
        }

        var gradients = value.RequiresGrad
            ? Autograd.Grad(value, wanted, createGraph: true, allowUnused: true)
            : new Tensor?[wanted.Length];
        var result = new Tensor[wanted.Length];
        for (var i = 0; i < result.Length; i++)
        {
            // An argument the value does not depend on: its gradient is zero (PyTorch's materialize_grads).
            result[i] = gradients[i] ?? Tensor.Zeros(wanted[i].Shape.ToArray(), dtype: wanted[i].DType);
        }

        return result;
    }
}
