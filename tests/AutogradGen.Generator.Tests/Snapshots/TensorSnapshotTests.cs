namespace AutogradGen.Generator.Tests.Snapshots;

/// <summary>Baselines of generated tensor gradients: seed 003's loss, and a chain of element-wise operations fused into one loop.</summary>
public class TensorSnapshotTests
{
    [Fact]
    public void Seed003_single_layer_loss() => Baselines.Verify("""
        using AutogradGen;

        namespace Seeds;

        public static partial class Seed003
        {
            [Differentiable(nameof(w), nameof(b))]
            public static Tensor Loss(Tensor x, Tensor w, Tensor b, Tensor y)
            {
                var z = x.MatMul(w) + b;
                return Functional.BinaryCrossEntropyWithLogits(z, y);
            }
        }
        """);

    [Fact]
    public void Element_wise_chain_is_one_fused_loop() => Baselines.Verify("""
        using AutogradGen;

        namespace Seeds;

        public static partial class Chains
        {
            [Differentiable(nameof(w))]
            public static Tensor Smooth(Tensor x, Tensor w)
                => ((x * w + 1).Tanh() * 0.5 + (x - w).Sigmoid()).Mean();
        }
        """);
}
