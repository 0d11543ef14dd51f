using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>
/// Backward rules are themselves differentiable (createGraph): the gradient of each operation's gradient is
/// checked against central differences of the gradient.
/// </summary>
public class SecondOrderGradientTests
{
    public static TheoryData<string> Operations => [.. Cases.Keys];

    private static readonly Dictionary<string, Func<Tensor, Tensor>> Cases = new()
    {
        ["exp"] = x => x.Exp(),
        ["log"] = x => x.Abs().Add(0.5).Log(),
        ["sqrt"] = x => x.Abs().Add(0.5).Sqrt(),
        ["tanh"] = x => x.Tanh(),
        ["sigmoid"] = x => x.Sigmoid(),
        ["softplus"] = x => x.Softplus(),
        ["sin and cos"] = x => x.Sin() * x.Cos(),
        ["pow"] = x => x.Pow(3),
        ["tensor pow"] = x => x.Abs().Add(0.5).Pow(x),
        ["div"] = x => x / (x * x + 1),
        ["reciprocal"] = x => (x * x + 1).Reciprocal(),
        ["matmul"] = x => x.MatMul(x.T()),
        ["sum over dim"] = x => x.Sum(1, keepDim: true) * x,
        ["mean"] = x => x.Mean() * x,
        ["max over dim"] = x => x.Max(1).Values * x.Sum(1),
        ["norm"] = x => x.Norm() * x,
        ["transpose and expand"] = x => x.T().Unsqueeze(0).Expand([2, 3, 2]) * x.T(),
        ["slice and cat"] = x => Tensor.Cat([x.Slice(1, 0, 2), x * x], 1),
        ["index select"] = x => x.IndexSelect(1, Tensor.From([0L, 2L, 2L])).Pow(2),
        ["maximum"] = x => x.Maximum(x * x),
        ["where"] = x => Tensor.Where(x.Gt(0.3), x * x, x.Exp()),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Gradient_of_the_gradient_matches_central_differences(string operation)
    {
        var x = GradientCheck.Input([2, 3]);
        GradientCheck.AssertMatches(
            inputs =>
            {
                var output = Cases[operation](inputs[0]);
                var weights = Tensor.Linspace(0.5, 1.5, output.Numel, DType.Float64).Reshape([.. output.Shape]);
                return Autograd.Grad((output * weights).Sum(), inputs[0], createGraph: true)[0]!;
            },
            x);
    }
}
