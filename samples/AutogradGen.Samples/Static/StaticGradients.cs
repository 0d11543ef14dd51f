namespace AutogradGen.Samples.Static;

/// <summary>
/// The generated derivatives at work: the README's calls, the same gradient from the tape for comparison, and one
/// curve fit run twice side by side, once with the compile-time gradient and once with the tape.
/// </summary>
internal static class StaticGradients
{
    public static void Run(TextWriter output)
    {
        ShowReadmeExample(output);
        output.WriteLine();
        FitExponentialBothWays(output);
    }

    private static void ShowReadmeExample(TextWriter output)
    {
        double x = -1.2, y = 1.0;

        Show.Snippet(output, "reverse mode: Objectives.RosenbrockGradient(x, y, out dx, out dy)");
        double f = Objectives.RosenbrockGradient(x, y, out double dx, out double dy);
        output.WriteLine($"f({x}, {y}) = {f:R}   gradient = ({dx:R}, {dy:R})");

        Show.Snippet(output, "forward mode along (1, 0): Objectives.RosenbrockDerivative(x, y, 1.0, 0.0)");
        var (value, derivative) = Objectives.RosenbrockDerivative(x, y, 1.0, 0.0);
        output.WriteLine($"value = {value:R}   df/dx = {derivative:R}");

        Show.Snippet(output, "the same gradient on the tape (Tensor, float64)");
        var xt = Tensor.Scalar(x, requiresGrad: true, dtype: DType.Float64);
        var yt = Tensor.Scalar(y, requiresGrad: true, dtype: DType.Float64);
        var a = 1 - xt;
        var b = yt - xt * xt;
        var ft = a * a + 100 * b * b;
        ft.Backward();
        output.WriteLine($"tape gradient = ({xt.Grad!.Item():R}, {yt.Grad!.Item():R})   equal: {xt.Grad!.Item() == dx && yt.Grad!.Item() == dy}");

        Show.Snippet(output, "span parameters: SumOfSquaresGradient(v, dv) adds the gradient into dv");
        double[] v = [1, 2, 3];
        var dv = new double[3];
        double s = Objectives.SumOfSquaresGradient(v, dv);
        output.WriteLine($"sum = {s:R}   dv = [{string.Join(", ", dv)}]");
    }

    /// <summary>
    /// Fits y = amplitude · exp(rate · t) to noisy data by plain gradient descent, with the generated gradient and
    /// with the tape, printing both losses each epoch: they are the same computation, so they agree.
    /// </summary>
    private static void FitExponentialBothWays(TextWriter output)
    {
        const int points = 50, epochs = 200, printEvery = 20;
        const double learningRate = 0.02;
        var (t, y) = ExponentialData(points);

        double amplitudeStatic = 1, rateStatic = 0;
        var amplitudeTape = Tensor.Scalar(1, requiresGrad: true, dtype: DType.Float64);
        var rateTape = Tensor.Scalar(0, requiresGrad: true, dtype: DType.Float64);
        var tTensor = Tensor.From(t);
        var yTensor = Tensor.From(y);

        Show.Snippet(output, "fit y = a·exp(r·t) by gradient descent, lr = 0.02: generated gradient | tape");
        output.WriteLine("epoch   loss (generated)   loss (tape)");
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            double lossStatic = Objectives.ExponentialFitLossGradient(t, y, amplitudeStatic, rateStatic, out double dAmplitude, out double dRate);
            amplitudeStatic -= learningRate * dAmplitude;
            rateStatic -= learningRate * dRate;

            var residual = amplitudeTape * (rateTape * tTensor).Exp() - yTensor;
            var lossTape = (residual * residual).Mean();
            lossTape.Backward();
            using (Autograd.NoGrad())
            {
                amplitudeTape.Sub_(amplitudeTape.Grad! * learningRate);
                rateTape.Sub_(rateTape.Grad! * learningRate);
            }
            amplitudeTape.Grad = null;
            rateTape.Grad = null;

            if (epoch == 1 || epoch % printEvery == 0)
            {
                output.WriteLine($"{epoch,5}   {Show.Fixed(lossStatic),16}   {Show.Fixed(lossTape.Item()),11}");
            }
        }
        output.WriteLine($"fitted a = {Show.Fixed(amplitudeStatic)}, r = {Show.Fixed(rateStatic)} (the data came from a = 2, r = 0.5)");
    }

    private static (double[] T, double[] Y) ExponentialData(int points)
    {
        var noise = Tensor.Randn([points], dtype: DType.Float64, generator: new RandomGenerator(7)).ToArray();
        var t = new double[points];
        var y = new double[points];
        for (int i = 0; i < points; i++)
        {
            t[i] = 2.0 * i / (points - 1);
            y[i] = 2 * Math.Exp(0.5 * t[i]) + 0.05 * noise[i];
        }
        return (t, y);
    }
}
