using System.Globalization;

namespace AutogradGen.Optim;

/// <summary>Gradient clipping (<c>torch.nn.utils.clip_grad_norm_</c>, <c>clip_grad_value_</c>), in place under no-grad.</summary>
public static class GradClipping
{
    /// <summary>
    /// Scales every gradient by <c>min(1, maxNorm / (total + 1e-6))</c>, total the <paramref name="normType"/>-norm of all
    /// gradients together (<c>clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False)</c>).
    /// Parameters without a gradient are skipped. Returns the total norm before clipping.
    /// </summary>
    public static double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2, bool errorIfNonfinite = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var grads = parameters.Select(static p => p.Grad).OfType<Tensor>().ToList();
        if (grads.Count == 0) return 0;
        using var noGrad = Autograd.NoGrad();
        double total;
        if (double.IsPositiveInfinity(normType)) total = grads.Max(static g => g.Abs().Max().Item());
        else
        {
            double sum = grads.Sum(g => Math.Pow(g.Norm(normType).Item(), normType));
            total = Math.Pow(sum, 1 / normType);
        }
        if (errorIfNonfinite && !double.IsFinite(total))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The total norm of order {normType} for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set `errorIfNonfinite: false`"));
        }
        double coefficient = maxNorm / (total + 1e-6);
        if (coefficient < 1)
        {
            foreach (var grad in grads) grad.Mul_(coefficient);
        }
        return total;
    }

    /// <summary>Clamps every gradient element into [-<paramref name="clipValue"/>, <paramref name="clipValue"/>] (<c>clip_grad_value_</c>).</summary>
    public static void ClipGradValue(IEnumerable<Tensor> parameters, double clipValue)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var noGrad = Autograd.NoGrad();
        foreach (var grad in parameters.Select(static p => p.Grad).OfType<Tensor>()) grad.Clamp_(-clipValue, clipValue);
    }
}
