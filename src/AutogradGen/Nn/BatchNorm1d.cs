namespace AutogradGen.Nn;

/// <summary>
/// <c>nn.BatchNorm1d(num_features, eps=1e-5, momentum=0.1)</c> over [N, C] or [N, C, L]: batch statistics in training
/// (updating the running ones and <c>num_batches_tracked</c>), running statistics in evaluation.
/// </summary>
public sealed class BatchNorm1d : Module
{
    /// <summary>Creates the layer: weight ones, bias zeros, running mean zeros, running variance ones.</summary>
    public BatchNorm1d(int numFeatures, double eps = 1e-5, double momentum = 0.1, DType dtype = DType.Float32)
    {
        Eps = eps;
        Momentum = momentum;
        Weight = RegisterParameter("weight", Parameter.Create(Tensor.Ones([numFeatures], dtype: dtype)));
        Bias = RegisterParameter("bias", Parameter.Create(Tensor.Zeros([numFeatures], dtype: dtype)));
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros([numFeatures], dtype: dtype));
        RunningVar = RegisterBuffer("running_var", Tensor.Ones([numFeatures], dtype: dtype));
        NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Scalar(0, dtype: DType.Int64));
    }

    /// <summary>The term added to the variance.</summary>
    public double Eps { get; }

    /// <summary>The weight of each new batch in the running statistics.</summary>
    public double Momentum { get; }

    /// <summary>The scale.</summary>
    public Tensor Weight { get; }

    /// <summary>The shift.</summary>
    public Tensor Bias { get; }

    /// <summary>The running mean (a buffer).</summary>
    public Tensor RunningMean { get; }

    /// <summary>The running (unbiased) variance (a buffer).</summary>
    public Tensor RunningVar { get; }

    /// <summary>How many training batches have updated the running statistics (a buffer).</summary>
    public Tensor NumBatchesTracked { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (Training)
        {
            using (Autograd.NoGrad()) NumBatchesTracked.Add_(1);
        }
        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, Training, Momentum, Eps);
    }
}
