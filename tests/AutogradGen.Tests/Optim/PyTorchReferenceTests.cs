using AutogradGen.Optim;
using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Optim;

/// <summary>
/// Five float32 optimiser steps on <c>Σ k (p - c)²</c> against PyTorch 1.13.1's parameters after the same steps
/// (Support/pytorch_reference.py).
/// </summary>
public class PyTorchReferenceTests
{
    /// <summary>The optimiser's configuration name and the parameter PyTorch reached.</summary>
    public static TheoryData<string, double[]> Cases => new()
    {
        { "sgd", [0.5293759703636169, 0.07849600166082382, 0.008588004857301712] },
        { "sgd_m", [-0.1062939465045929, 0.5831257700920105, -0.7349918484687805] },
        { "sgd_n", [0.008997702039778233, -0.02902969717979431, -0.8254979252815247] },
        { "sgd_wd_damp", [0.1110379621386528, 1.0436384677886963, -0.41570425033569336] },
        { "adam", [0.5145516395568848, -1.5027744770050049, 0.006016544997692108] },
        { "adam_wd_ams", [0.7540432214736938, -1.7511430978775024, 0.2522878646850586] },
        { "adamw", [0.510787844657898, -1.4938592910766602, 0.004551224410533905] },
        { "adamw_wd_ams", [0.690310001373291, -1.6136983633041382, 0.2234492301940918] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Five_float32_steps_match_pytorch(string name, double[] expected)
    {
        var p = Tensor.From([1f, -2f, 0.5f], requiresGrad: true);
        Optimizer optimizer = name switch
        {
            "sgd" => new SGD([p], lr: 0.1),
            "sgd_m" => new SGD([p], lr: 0.1, momentum: 0.9),
            "sgd_n" => new SGD([p], lr: 0.1, momentum: 0.9, nesterov: true),
            "sgd_wd_damp" => new SGD([p], lr: 0.1, momentum: 0.8, dampening: 0.3, weightDecay: 0.05),
            "adam" => new Adam([p], lr: 0.1),
            "adam_wd_ams" => new Adam([p], lr: 0.05, betas: (0.8, 0.99), eps: 1e-6, weightDecay: 0.1, amsGrad: true),
            "adamw" => new AdamW([p], lr: 0.1),
            _ => new AdamW([p], lr: 0.05, betas: (0.8, 0.99), eps: 1e-6, weightDecay: 0.3, amsGrad: true),
        };
        var c = Tensor.From([0.3f, 0.1f, -0.7f]);
        var k = Tensor.From([1f, 3f, 0.5f]);
        for (int i = 0; i < 5; i++)
        {
            optimizer.ZeroGrad();
            ((p - c).Pow(2) * k).Sum().Backward();
            optimizer.Step();
        }
        ReferenceAssert.Close(expected, p, name);
    }
}
