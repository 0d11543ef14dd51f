using AutogradGen.Benchmarks.Tests.Support;
using AutogradGen.Benchmarks.Workloads;

namespace AutogradGen.Benchmarks.Tests.Workloads;

public class LogisticRegressionTests
{
    /// <summary>Packs w and b into one vector, so central differences can vary both.</summary>
    private static double LossOf(LogisticRegressionBatch batch, double[] weightsAndBias) =>
        LogisticRegression.Loss(batch.Features, batch.Labels, weightsAndBias.AsSpan(0, batch.ColumnCount), weightsAndBias[^1]);

    private static double[] GradientOf(LogisticRegressionBatch batch, out double loss)
    {
        var gradient = new double[batch.ColumnCount + 1];
        loss = LogisticRegression.LossAndGradient(
            batch.Features, batch.Labels, batch.Weights, batch.Bias, gradient.AsSpan(0, batch.ColumnCount), out gradient[^1]);
        return gradient;
    }

    private static double[] StartingPoint(LogisticRegressionBatch batch) => [.. batch.Weights, batch.Bias];

    [Fact]
    public void Loss_with_zero_weights_and_bias_is_log_two()
    {
        LogisticRegressionBatch batch = LogisticRegressionBatch.Create(50, 7, seed: 1);

        Assert.Equal(Math.Log(2.0), LogisticRegression.Loss(batch.Features, batch.Labels, new double[7], 0.0), 1e-15);
    }

    [Fact]
    public void Loss_of_a_confidently_right_prediction_is_tiny_but_exact()
    {
        // z = 40, y = 1: log(1 + e^-40) ≈ e^-40, which the naive log(σ(z)) rounds to 0.
        Assert.Equal(Math.Exp(-40.0), LogisticRegression.Loss([40.0], [1.0], [1.0], 0.0), 1e-30);
    }

    [Fact]
    public void Loss_of_a_confidently_wrong_prediction_is_the_logit_without_overflow()
    {
        Assert.Equal(1000.0, LogisticRegression.Loss([1000.0], [0.0], [1.0], 0.0));
    }

    [Fact]
    public void Gradient_of_a_saturated_logit_is_finite()
    {
        var gradient = new double[1];

        LogisticRegression.LossAndGradient([-1000.0], [1.0], [1.0], 0.0, gradient, out double biasGradient);

        Assert.Equal((1000.0, -1.0), (gradient[0], biasGradient));
    }

    [Fact]
    public void Gradient_matches_central_differences_in_every_weight_and_the_bias()
    {
        LogisticRegressionBatch batch = LogisticRegressionBatch.Create(200, 9, seed: 4);
        double[] gradient = GradientOf(batch, out _);

        FiniteDifferences.AssertGradientMatches(
            p => LossOf(batch, p), StartingPoint(batch), gradient, Enumerable.Range(0, 10), tolerance: 1e-8);
    }

    [Fact]
    public void Gradient_on_the_benchmark_batch_matches_central_differences_on_every_seventh_entry_and_the_bias()
    {
        LogisticRegressionBatch batch = LogisticRegressionBatch.Create(10_000, 100, LogisticRegressionBatch.BenchmarkSeed);
        double[] gradient = GradientOf(batch, out _);

        FiniteDifferences.AssertGradientMatches(
            p => LossOf(batch, p), StartingPoint(batch), gradient, [.. Enumerable.Range(0, 100).Where(i => i % 7 == 0), 100], tolerance: 1e-8);
    }

    [Fact]
    public void Loss_returned_with_the_gradient_is_the_loss()
    {
        LogisticRegressionBatch batch = LogisticRegressionBatch.Create(100, 5, seed: 8);

        GradientOf(batch, out double loss);

        Assert.Equal(LogisticRegression.Loss(batch.Features, batch.Labels, batch.Weights, batch.Bias), loss, 1e-15);
    }

    [Fact]
    public void Gradient_call_allocates_nothing()
    {
        LogisticRegressionBatch batch = LogisticRegressionBatch.Create(100, 5, seed: 8);
        var gradient = new double[5];
        LogisticRegression.LossAndGradient(batch.Features, batch.Labels, batch.Weights, batch.Bias, gradient, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        LogisticRegression.LossAndGradient(batch.Features, batch.Labels, batch.Weights, batch.Bias, gradient, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_batch_whose_size_is_not_rows_times_weights_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LogisticRegression.Loss(new double[10], new double[3], new double[4], 0.0));

        Assert.StartsWith("X has 10 entries but 3 labels × 4 weights = 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_benchmark_batch_has_both_classes()
    {
        LogisticRegressionBatch batch = LogisticRegressionBatch.Create(10_000, 100, LogisticRegressionBatch.BenchmarkSeed);

        double positives = batch.Labels.ToArray().Sum();

        Assert.InRange(positives, 3_000, 7_000);
    }
}
