namespace AutogradGen.Checking;

/// <summary>
/// Central differences in float64: each input that requires grad is replaced by a float64 copy, and each of its
/// elements is moved by ±eps in turn. Unlike PyTorch, which perturbs the input in its own dtype, float32 inputs
/// therefore get an accurate numerical Jacobian too.
/// </summary>
internal sealed class NumericalJacobian
{
    private readonly Func<Tensor[], Tensor[]> _function;
    private readonly Tensor[] _inputs;
    private readonly int[] _differentiable;
    private readonly double[][] _values;

    public NumericalJacobian(Func<Tensor[], Tensor[]> function, Tensor[] inputs, int[] differentiable)
    {
        _function = function;
        _inputs = inputs;
        _differentiable = differentiable;
        _values = new double[differentiable.Length][];
        for (int d = 0; d < differentiable.Length; d++) _values[d] = inputs[differentiable[d]].ToArray();
    }

    /// <summary>The dtype of each output when the function runs on the float64 copies (known after <see cref="Compute"/>).</summary>
    public DType[] OutputDTypes { get; private set; } = [];

    /// <summary>
    /// Blocks[d][o]: the Jacobian of output o (every output, differentiable or not) with respect to differentiable
    /// input d. Throws <see cref="ArgumentException"/> if the outputs' number or sizes change with the inputs' dtype.
    /// </summary>
    public Jacobian[][] Compute(int[] outputNumels, double eps)
    {
        var blocks = new Jacobian[_differentiable.Length][];
        OutputDTypes = EvaluateWithDTypes(outputNumels).DTypes;
        for (int d = 0; d < _differentiable.Length; d++)
        {
            var values = _values[d];
            blocks[d] = new Jacobian[outputNumels.Length];
            for (int o = 0; o < outputNumels.Length; o++) blocks[d][o] = new Jacobian(values.Length, outputNumels[o]);
            for (int k = 0; k < values.Length; k++)
            {
                double original = values[k];
                values[k] = original - eps;
                var minus = EvaluateWithDTypes(outputNumels).Values;
                values[k] = original + eps;
                var plus = EvaluateWithDTypes(outputNumels).Values;
                values[k] = original;
                for (int o = 0; o < outputNumels.Length; o++)
                {
                    for (int j = 0; j < outputNumels[o]; j++) blocks[d][o][k, j] = (plus[o][j] - minus[o][j]) / (2 * eps);
                }
            }
        }
        return blocks;
    }

    private (double[][] Values, DType[] DTypes) EvaluateWithDTypes(int[] outputNumels)
    {
        var arguments = (Tensor[])_inputs.Clone();
        for (int d = 0; d < _differentiable.Length; d++)
        {
            // A fresh leaf per evaluation: functions that differentiate internally (GradGradCheck) need it to require grad.
            int index = _differentiable[d];
            arguments[index] = Tensor.From(_values[d], [.. _inputs[index].Shape], requiresGrad: true);
        }
        var outputs = _function(arguments);
        if (outputs.Length != outputNumels.Length) throw new ArgumentException(GradCheckMessages.OutputCountChanged(outputNumels.Length, outputs.Length));
        var values = new double[outputs.Length][];
        var dtypes = new DType[outputs.Length];
        for (int o = 0; o < outputs.Length; o++)
        {
            if (outputs[o].Numel != outputNumels[o]) throw new ArgumentException(GradCheckMessages.OutputSizeChanged(o, outputNumels[o], outputs[o].Numel));
            values[o] = outputs[o].ToArray();
            dtypes[o] = outputs[o].DType;
        }
        return (values, dtypes);
    }
}
