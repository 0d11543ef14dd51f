namespace AutogradGen.Nn;

/// <summary><c>nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)</c>; a null stride is the kernel size.</summary>
public sealed class MaxPool2d(int kernelSize, int? stride = null, int padding = 0, int dilation = 1, bool ceilMode = false) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) =>
        Functional.MaxPool2d(input, [kernelSize], stride is int s ? [s] : [], [padding], [dilation], ceilMode);
}

/// <summary><c>nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)</c>.</summary>
public sealed class AvgPool2d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true,
    int? divisorOverride = null) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) =>
        Functional.AvgPool2d(input, [kernelSize], stride is int s ? [s] : [], [padding], ceilMode, countIncludePad, divisorOverride);
}

/// <summary><c>nn.AdaptiveAvgPool2d(output_size)</c>.</summary>
public sealed class AdaptiveAvgPool2d(int outputHeight, int outputWidth) : Module
{
    /// <summary>A square output.</summary>
    public AdaptiveAvgPool2d(int outputSize) : this(outputSize, outputSize) { }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.AdaptiveAvgPool2d(input, [outputHeight, outputWidth]);
}

/// <summary><c>nn.Flatten(start_dim=1, end_dim=-1)</c>: <see cref="Tensor.Flatten"/> of dimensions start to end.</summary>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Flatten(startDim, endDim);
    }
}
