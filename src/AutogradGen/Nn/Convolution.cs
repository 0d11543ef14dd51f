namespace AutogradGen.Nn;

/// <summary>
/// The parameters shared by <see cref="Conv1d"/> and <see cref="Conv2d"/> (PyTorch's <c>_ConvNd</c>): weight
/// [C_out, C_in/groups, kernel...] and bias [C_out], initialised as PyTorch's <c>reset_parameters</c>: the weight by
/// <c>kaiming_uniform_(a=√5)</c> (uniform in ±1/√fan_in, fan_in = C_in/groups · kernel elements), then the bias
/// uniform in ±1/√fan_in, drawn in that order.
/// </summary>
public abstract class ConvolutionModule : Module
{
    private protected ConvolutionModule(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding,
        int[] dilation, int groups, bool bias, DType dtype, RandomGenerator? generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        if (inChannels % groups != 0) throw new ArgumentException("in_channels must be divisible by groups", nameof(inChannels));
        if (outChannels % groups != 0) throw new ArgumentException("out_channels must be divisible by groups", nameof(outChannels));
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Dilation = dilation;
        Groups = groups;
        Weight = RegisterParameter("weight", Parameter.Create(Tensor.Zeros([outChannels, inChannels / groups, .. kernelSize], dtype: dtype)));
        int fanIn = inChannels / groups * kernelSize.Aggregate(1, static (a, b) => a * b);
        if (fanIn > 0) Init.KaimingUniform_(Weight, Math.Sqrt(5), generator);
        if (bias)
        {
            Bias = RegisterParameter("bias", Parameter.Create(Tensor.Zeros([outChannels], dtype: dtype)));
            double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
            Init.Uniform_(Bias, -bound, bound, generator);
        }
    }

    /// <summary>Channels of the input.</summary>
    public int InChannels { get; }

    /// <summary>Channels of the output.</summary>
    public int OutChannels { get; }

    /// <summary>The kernel's size per spatial dimension.</summary>
    public IReadOnlyList<int> KernelSize { get; }

    /// <summary>The stride per spatial dimension.</summary>
    public IReadOnlyList<int> Stride { get; }

    /// <summary>The zero padding on each side per spatial dimension.</summary>
    public IReadOnlyList<int> Padding { get; }

    /// <summary>The dilation per spatial dimension.</summary>
    public IReadOnlyList<int> Dilation { get; }

    /// <summary>The number of channel groups.</summary>
    public int Groups { get; }

    /// <summary>The weight, [C_out, C_in/groups, kernel...].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias, [C_out]; null without one.</summary>
    public Tensor? Bias { get; }
}

/// <summary><c>nn.Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True)</c> over [N, C_in, L] or [C_in, L].</summary>
public sealed class Conv1d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1,
    int groups = 1, bool bias = true, DType dtype = DType.Float32, RandomGenerator? generator = null)
    : ConvolutionModule(inChannels, outChannels, [kernelSize], [stride], [padding], [dilation], groups, bias, dtype, generator)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) =>
        Functional.Conv1d(input, Weight, Bias, [Stride[0]], [Padding[0]], [Dilation[0]], Groups);
}

/// <summary><c>nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True)</c> over [N, C_in, H, W] or [C_in, H, W].</summary>
public sealed class Conv2d : ConvolutionModule
{
    /// <summary>Creates the layer with a square kernel and the same stride, padding and dilation in both dimensions.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1,
        int groups = 1, bool bias = true, DType dtype = DType.Float32, RandomGenerator? generator = null)
        : base(inChannels, outChannels, [kernelSize, kernelSize], [stride, stride], [padding, padding], [dilation, dilation], groups, bias, dtype, generator)
    {
    }

    /// <summary>Creates the layer with (height, width) pairs, as PyTorch's tuples.</summary>
    public Conv2d(int inChannels, int outChannels, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null,
        (int Height, int Width)? padding = null, (int Height, int Width)? dilation = null, int groups = 1, bool bias = true,
        DType dtype = DType.Float32, RandomGenerator? generator = null)
        : base(inChannels, outChannels, Pair(kernelSize), Pair(stride ?? (1, 1)), Pair(padding ?? (0, 0)), Pair(dilation ?? (1, 1)), groups, bias, dtype, generator)
    {
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) =>
        Functional.Conv2d(input, Weight, Bias, [Stride[0], Stride[1]], [Padding[0], Padding[1]], [Dilation[0], Dilation[1]], Groups);

    private static int[] Pair((int Height, int Width) value) => [value.Height, value.Width];
}
