using AutogradGen.Benchmarks.Benchmarks;
using AutogradGen.Benchmarks.Tests.Support;
using AutogradGen.Benchmarks.Workloads;

namespace AutogradGen.Benchmarks.Tests.Workloads;

/// <summary>Issue 14's MLP step and element-wise chain: the hand-written code against the tape and against
/// central differences, so the benchmark rows time the same work.</summary>
public class MlpAndChainTests
{
    [Fact]
    public void Hand_written_mlp_steps_and_tape_steps_give_the_same_losses_and_parameters()
    {
        var benchmark = new MlpStepBenchmarks();
        benchmark.Setup();
        for (int step = 0; step < 3; step++)
        {
            double handWritten = benchmark.HandWrittenStep();
            double tape = benchmark.TapeStep();
            Assert.Equal(handWritten, tape, 1e-5);
        }
        var model = benchmark.HandWritten;
        float[][] expected = [model.W1, model.B1, model.W2, model.B2];
        for (int p = 0; p < expected.Length; p++)
        {
            var actual = benchmark.TapeParameters[p].ToArray<float>();
            Assert.Equal(expected[p].Length, actual.Length);
            for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[p][i], actual[i], 1e-6f);
        }
    }

    [Fact]
    public void Mlp_loss_at_the_start_is_near_log_of_the_class_count()
    {
        // PyTorch's default initialisation gives logits near zero, so the first loss is close to log 10.
        var model = MlpStep.Create(MlpStep.BenchmarkSeed);
        Assert.InRange(model.Step(), Math.Log(10) - 0.3, Math.Log(10) + 0.3);
    }

    [Fact]
    public void Mlp_hand_written_gradient_matches_central_differences_of_the_loss()
    {
        // The step's update is p -= lr·∂p, so (p_before - p_after) / lr recovers the gradient; checked on a few
        // entries of each parameter against central differences of the loss in double precision.
        var start = MlpStep.Create(7);
        var stepped = start.Clone();
        stepped.Step();
        float[][] before = [start.W1, start.B1, start.W2, start.B2];
        float[][] after = [stepped.W1, stepped.B1, stepped.W2, stepped.B2];
        for (int p = 0; p < before.Length; p++)
        {
            for (int i = 0; i < before[p].Length; i += Math.Max(1, before[p].Length / 7))
            {
                double gradient = (before[p][i] - after[p][i]) / (double)MlpStep.LearningRate;
                double numeric = CentralDifference(start, p, i);
                Assert.True(Math.Abs(gradient - numeric) <= 2e-3 + (0.02 * Math.Abs(numeric)),
                    $"parameter {p} entry {i}: {gradient} against {numeric}");
            }
        }
    }

    [Fact]
    public void Chain_tape_gradient_matches_the_hand_written_gradient()
    {
        var benchmark = new ElementwiseChainBenchmarks();
        benchmark.Setup();
        double handWritten = benchmark.HandWrittenGradient();
        var expected = benchmark.LastGradient.ToArray();
        double tape = benchmark.TapeGradient();
        var actual = benchmark.LastGradient.ToArray();
        Assert.Equal(handWritten, tape, 1e-9 * Math.Abs(handWritten));
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < actual.Length; i += 997) Assert.Equal(expected[i], actual[i], 1e-12);
        Assert.Equal(handWritten, benchmark.HandWrittenValue(), 1e-9 * Math.Abs(handWritten));
    }

    [Fact]
    public void Chain_gradient_matches_central_differences()
    {
        double[] a = [0.3, -1.2, 2.0, 0.0], b = [1.5, 0.4, -0.7, 2.2], c = [-0.2, 0.9, 0.1, -1.0];
        double[] point = [.. a, .. b, .. c];
        double F(double[] x) => ElementwiseChain.Value(x.AsSpan(0, 4), x.AsSpan(4, 4), x.AsSpan(8, 4));
        var gradient = new double[12];
        ElementwiseChain.ValueAndGradient(a, b, c, gradient.AsSpan(0, 4), gradient.AsSpan(4, 4), gradient.AsSpan(8, 4));
        for (int i = 0; i < 12; i++) Assert.Equal(FiniteDifferences.Partial(F, point, i), gradient[i], 1e-7);
    }

    private static double CentralDifference(MlpStep model, int parameter, int index)
    {
        const float h = 1e-2f;
        float[] values = parameter switch { 0 => model.W1, 1 => model.B1, 2 => model.W2, _ => model.B2 };
        float saved = values[index];
        values[index] = saved + h;
        double up = LossOnly(model);
        values[index] = saved - h;
        double down = LossOnly(model);
        values[index] = saved;
        return (up - down) / (2 * h);
    }

    // The loss at the model's parameters, computed in double from the float parameters, without stepping.
    private static double LossOnly(MlpStep model)
    {
        double total = 0;
        var hidden = new double[MlpStep.Hidden];
        var logits = new double[MlpStep.Classes];
        for (int r = 0; r < MlpStep.Batch; r++)
        {
            for (int j = 0; j < MlpStep.Hidden; j++)
            {
                double s = model.B1[j];
                for (int p = 0; p < MlpStep.Inputs; p++) s += (double)model.X[(r * MlpStep.Inputs) + p] * model.W1[(p * MlpStep.Hidden) + j];
                hidden[j] = Math.Max(s, 0);
            }
            double max = double.NegativeInfinity;
            for (int j = 0; j < MlpStep.Classes; j++)
            {
                double s = model.B2[j];
                for (int p = 0; p < MlpStep.Hidden; p++) s += hidden[p] * model.W2[(p * MlpStep.Classes) + j];
                logits[j] = s;
                max = Math.Max(max, s);
            }
            double sum = 0;
            for (int j = 0; j < MlpStep.Classes; j++) sum += Math.Exp(logits[j] - max);
            total += max + Math.Log(sum) - logits[model.Targets[r]];
        }
        return total / MlpStep.Batch;
    }
}
