using AutogradGen.Kernels;

namespace AutogradGen.Nn;

/// <summary>
/// <c>torch.nn.init</c>: fills a tensor in place under no-grad from a <see cref="RandomGenerator"/> (the global one
/// when none is given), drawing as PyTorch's CPU kernels draw, so a seed gives PyTorch's initial weights.
/// </summary>
public static class Init
{
    /// <summary>Uniform values in [<paramref name="low"/>, <paramref name="high"/>) (<c>nn.init.uniform_</c>): <c>low + u (high - low)</c>, u PyTorch's 24-bit (float32) or 53-bit (float64) draw, computed in the tensor's type as PyTorch's kernel computes it.</summary>
    public static Tensor Uniform_(Tensor tensor, double low = 0, double high = 1, RandomGenerator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var draws = Tensor.Rand(tensor.SharedShape, dtype: tensor.DType, generator: generator).ToArray();
        if (tensor.DType == DType.Float32)
        {
            // PyTorch's uniform kernel: the bounds cast to float and their difference taken in float, then
            // u (to - from) + from in double (its accumulation type), rounded to float.
            float from = (float)low, to = (float)high;
            float width = to - from;
            for (int i = 0; i < draws.Length; i++) draws[i] = (float)((draws[i] * width) + from);
        }
        else
        {
            for (int i = 0; i < draws.Length; i++) draws[i] = (draws[i] * (high - low)) + low;
        }
        return Write(tensor, draws);
    }

    /// <summary>Normal values with mean <paramref name="mean"/> and standard deviation <paramref name="std"/> (<c>nn.init.normal_</c>).</summary>
    public static Tensor Normal_(Tensor tensor, double mean = 0, double std = 1, RandomGenerator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var draws = Tensor.Randn(tensor.SharedShape, dtype: tensor.DType, generator: generator).ToArray();
        for (int i = 0; i < draws.Length; i++) draws[i] = (draws[i] * std) + mean;
        return Write(tensor, draws);
    }

    /// <summary>
    /// He initialisation, uniform (<c>nn.init.kaiming_uniform_(tensor, a, mode='fan_in', nonlinearity='leaky_relu')</c>):
    /// bound <c>√(6 / ((1 + a²) fan_in))</c>, fan_in the size of dimension 1 times the sizes after it.
    /// </summary>
    public static Tensor KaimingUniform_(Tensor tensor, double a = 0, RandomGenerator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        double gain = Math.Sqrt(2.0 / (1 + (a * a)));
        double bound = gain * Math.Sqrt(3.0 / FanIn(tensor));
        return Uniform_(tensor, -bound, bound, generator);
    }

    /// <summary>The number of inputs each output of a weight sees: dimension 1 times the receptive field (PyTorch's <c>_calculate_fan_in_and_fan_out</c>).</summary>
    public static int FanIn(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Rank < 2) throw new ArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions", nameof(tensor));
        int fanIn = tensor.Size(1);
        for (int d = 2; d < tensor.Rank; d++) fanIn *= tensor.Size(d);
        return fanIn;
    }

    private static Tensor Write(Tensor tensor, double[] values)
    {
        using (Autograd.NoGrad()) tensor.Copy_(Tensor.FromValues(values, tensor.SharedShape, DType.Float64));
        return tensor;
    }
}
