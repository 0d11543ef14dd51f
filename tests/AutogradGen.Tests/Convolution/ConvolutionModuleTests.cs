using AutogradGen.Nn;
using AutogradGen.Optim;
using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Convolution;

/// <summary>nn.Conv1d/Conv2d/MaxPool2d/AvgPool2d/AdaptiveAvgPool2d/Flatten as modules, and a small CNN that learns.</summary>
public class ConvolutionModuleTests
{
    [Fact]
    public void Conv2d_has_PyTorch_s_parameter_names_shapes_and_initial_values()
    {
        var conv = new Conv2d(3, 8, 3, padding: 1, groups: 1, generator: new RandomGenerator(0));
        Assert.Equal(["weight", "bias"], conv.NamedParameters().Select(static p => p.Key));
        Assert.Equal([8, 3, 3, 3], conv.Weight.Shape.ToArray());
        Assert.Equal([8], conv.Bias!.Shape.ToArray());
        Assert.Equal([2, 8, 5, 5], conv.Forward(Tensor.Zeros([2, 3, 5, 5])).Shape.ToArray());
        // PyTorch's reset_parameters is the same for nn.Conv2d(1, 2, 2) and nn.Linear(4, 2): kaiming_uniform_(a=√5)
        // with fan_in 4, then the bias in ±1/√4, so the same seed gives the same numbers (Linear's are checked
        // against PyTorch in ModuleTests).
        var small = new Conv2d(1, 2, 2, generator: new RandomGenerator(0));
        var linear = new Linear(4, 2, generator: new RandomGenerator(0));
        Assert.Equal(linear.Weight.ToArray(), small.Weight.ToArray());
        Assert.Equal(linear.Bias!.ToArray(), small.Bias!.ToArray());
        var grouped = new Conv1d(4, 6, 3, groups: 2, bias: false);
        Assert.Equal([6, 2, 3], grouped.Weight.Shape.ToArray());
        Assert.Null(grouped.Bias);
        Assert.All(grouped.Weight.ToArray(), v => Assert.InRange(Math.Abs(v), 0, 1 / Math.Sqrt(6)));
    }

    [Fact]
    public void Modules_compute_what_the_functions_compute()
    {
        var x = GradientCheck.Input([2, 2, 6, 6]).Detach().Float();
        var conv = new Conv2d(2, 3, (3, 2), stride: (2, 1), padding: (1, 0));
        TensorAssert.Equal(F.Conv2d(x, conv.Weight, conv.Bias, [2, 1], [1, 0]).ToArray(), conv.Forward(x), precision: 6);
        TensorAssert.Equal(F.MaxPool2d(x, [2]).ToArray(), new MaxPool2d(2).Forward(x), precision: 6);
        TensorAssert.Equal(F.AvgPool2d(x, [3], [1], [1]).ToArray(), new AvgPool2d(3, 1, 1).Forward(x), precision: 6);
        TensorAssert.Equal(F.AdaptiveAvgPool2d(x, [1]).ToArray(), new AdaptiveAvgPool2d(1).Forward(x), precision: 6);
        Assert.Equal([2, 72], new Flatten().Forward(x).Shape.ToArray());
        var sequence = GradientCheck.Input([2, 3, 10]).Detach().Float();
        var conv1 = new Conv1d(3, 4, 3, stride: 2, dilation: 2);
        TensorAssert.Equal(F.Conv1d(sequence, conv1.Weight, conv1.Bias, [2], [0], [2]).ToArray(), conv1.Forward(sequence), precision: 6);
    }

    [Fact]
    public void A_small_CNN_learns_to_tell_horizontal_from_vertical_bars()
    {
        var generator = new RandomGenerator(7);
        var (images, labels) = Bars(64, generator);
        var model = new Sequential(
            new Conv2d(1, 4, 3, padding: 1, generator: generator), new ReLU(), new MaxPool2d(2),
            new Conv2d(4, 4, 3, padding: 1, groups: 2, generator: generator), new ReLU(), new AvgPool2d(2),
            new Flatten(), new Linear(16, 2, generator: generator));
        var optimizer = new Adam(model.Parameters(), lr: 0.02);
        double first = 0, last = 0;
        for (int step = 0; step < 40; step++)
        {
            optimizer.ZeroGrad();
            var loss = F.CrossEntropy(model.Forward(images), labels);
            loss.Backward();
            optimizer.Step();
            if (step == 0) first = loss.Item();
            last = loss.Item();
        }
        Assert.InRange(first, 0.6, 0.8);
        Assert.True(last < 0.1, $"loss {first} → {last}");
        using (Autograd.NoGrad())
        {
            var (test, testLabels) = Bars(32, new RandomGenerator(99));
            var predicted = model.Forward(test).ArgMax(1).ToArray<long>();
            Assert.Equal(testLabels.ToArray<long>(), predicted);
        }
    }

    /// <summary>8 × 8 noisy images with one bright bar: label 0 a row, label 1 a column.</summary>
    private static (Tensor Images, Tensor Labels) Bars(int count, RandomGenerator generator)
    {
        var noise = (Tensor.Rand([count, 1, 8, 8], generator: generator) * 0.3).ToArray();
        var positions = Tensor.RandInt(1, 7, [count], generator).ToArray<long>();
        var labels = new long[count];
        for (int n = 0; n < count; n++)
        {
            labels[n] = n % 2;
            for (int i = 0; i < 8; i++)
            {
                int at = labels[n] == 0 ? ((int)positions[n] * 8) + i : (i * 8) + (int)positions[n];
                noise[(n * 64) + at] += 1;
            }
        }
        return (Tensor.From(noise.Select(static v => (float)v).ToArray(), [count, 1, 8, 8]), Tensor.From(labels));
    }
}
