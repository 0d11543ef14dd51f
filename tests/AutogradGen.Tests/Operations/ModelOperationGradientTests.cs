using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>
/// The operations models reach for (issue 14): each one's backward rule against central differences (GradCheck, float64),
/// and the grad_fn PyTorch records (names checked with PyTorch 1.13.1: <c>print(op(x).grad_fn)</c>).
/// </summary>
public class ModelOperationGradientTests
{
    private static readonly Tensor Mask = Tensor.From([true, false, false, true, false, true]).Reshape([2, 3]);
    private static readonly Tensor Index = Tensor.From([2L, 0, 1, 1, 2, 0], [2, 3]);

    private static readonly Dictionary<string, (Func<Tensor[], Tensor> Operation, int[][] Shapes, string GradFn)> Cases = new()
    {
        ["logsumexp"] = (x => x[0].LogSumExp(1), [[2, 3]], "LogsumexpBackward0"),
        ["logsumexp keepdim over two dims"] = (x => x[0].LogSumExp([0, 2], keepDim: true), [[2, 3, 2]], "LogsumexpBackward0"),
        ["var"] = (x => x[0].Var(1), [[2, 3]], "VarBackward0"),
        ["var correction 0, all"] = (x => x[0].Var(correction: 0), [[2, 3]], "VarBackward0"),
        ["std"] = (x => x[0].Std(0, keepDim: true), [[3, 2]], "StdBackward0"),
        ["prod"] = (x => x[0].Prod(), [[2, 3]], "ProdBackward0"),
        ["prod dim"] = (x => x[0].Prod(1), [[2, 3]], "ProdBackward1"),
        ["cumsum"] = (x => x[0].CumSum(1), [[2, 3]], "CumsumBackward0"),
        ["amax"] = (x => x[0].AMax([1]), [[2, 3]], "AmaxBackward0"),
        ["amin"] = (x => x[0].AMin([0], keepDim: true), [[2, 3]], "AminBackward0"),
        ["topk"] = (x => x[0].TopK(2, 1).Values, [[2, 3]], "TopkBackward0"),
        ["sort descending"] = (x => x[0].Sort(0, descending: true).Values, [[3, 2]], "SortBackward0"),
        ["masked_fill"] = (x => x[0].MaskedFill(Mask, 2.5), [[2, 3]], "MaskedFillBackward0"),
        ["scatter"] = (x => x[0].Scatter(1, Index, x[1]), [[2, 3], [2, 3]], "ScatterBackward0"),
        ["scatter value"] = (x => x[0].Scatter(1, Index.Narrow(1, 0, 2), 1.5), [[2, 3]], "ScatterBackward1"),
        ["scatter_add"] = (x => x[0].ScatterAdd(1, Index, x[1]), [[2, 3], [2, 3]], "ScatterAddBackward0"),
        ["index_add"] = (x => x[0].IndexAdd(0, Tensor.From([2L, 0, 2]), x[1], alpha: 0.5), [[3, 2], [3, 2]], "IndexAddBackward0"),
        ["index_put"] = (x => x[0].IndexPut([Tensor.From([0L, 2])], x[1]), [[3, 2], [2, 2]], "IndexPutBackward0"),
        ["index_put accumulate"] = (x => x[0].IndexPut([Tensor.From([1L, 1]), Tensor.From([0L, 1])], x[1], accumulate: true), [[3, 2], [2]], "IndexPutBackward0"),
        ["index by two tensors"] = (x => x[0].Index(Tensor.From([0L, 2, 0]), Tensor.From([1L, 1, 0])), [[3, 2]], "IndexBackward0"),
        ["repeat"] = (x => x[0].Repeat([2, 1, 3]), [[2, 3]], "RepeatBackward0"),
        ["chunk"] = (x => x[0].Chunk(2, 1)[1], [[2, 3]], "SplitBackward0"),
        ["split sizes"] = (x => x[0].Split([1, 2], 1)[1], [[2, 3]], "SplitWithSizesBackward0"),
        ["flip"] = (x => x[0].Flip([0, 1]), [[2, 3]], "FlipBackward0"),
        ["roll"] = (x => x[0].Roll([1, -1], [0, 1]), [[2, 3]], "RollBackward0"),
        ["roll flattened"] = (x => x[0].Roll(2), [[2, 3]], "RollBackward0"),
        ["movedim"] = (x => x[0].MoveDim(0, 2), [[2, 3, 2]], "PermuteBackward0"),
        ["outer"] = (x => x[0].Outer(x[1]), [[3], [2]], "MulBackward0"),
        ["addmm"] = (x => x[0].Addmm(x[1], x[2], beta: 0.5, alpha: 2), [[3], [2, 4], [4, 3]], "AddmmBackward0"),
        ["tril"] = (x => x[0].Tril(), [[3, 3]], "TrilBackward0"),
        ["triu"] = (x => x[0].Triu(1), [[3, 4]], "TriuBackward0"),
        ["diag of a vector"] = (x => x[0].Diag(1), [[3]], "DiagBackward0"),
        ["diag of a matrix"] = (x => x[0].Diag(-1), [[3, 4]], "DiagBackward0"),
        ["log1p"] = (x => (x[0].Abs() + 0.1).Log1p(), [[2, 3]], "Log1PBackward0"),
        ["expm1"] = (x => x[0].Expm1(), [[2, 3]], "Expm1Backward0"),
        ["rsqrt"] = (x => (x[0].Abs() + 0.5).Rsqrt(), [[2, 3]], "RsqrtBackward0"),
        ["erf"] = (x => x[0].Erf(), [[2, 3]], "ErfBackward0"),
        ["nan_to_num"] = (x => x[0].NanToNum(), [[2, 3]], "NanToNumBackward0"),
        ["gelu"] = (x => AutogradGen.Functional.Gelu(x[0]), [[2, 3]], "GeluBackward0"),
        ["gelu tanh"] = (x => AutogradGen.Functional.Gelu(x[0], GeluApproximation.Tanh), [[2, 3]], "GeluBackward0"),
        ["silu"] = (x => AutogradGen.Functional.Silu(x[0]), [[2, 3]], "SiluBackward0"),
        ["leaky_relu"] = (x => AutogradGen.Functional.LeakyRelu(x[0], 0.2), [[2, 3]], "LeakyReluBackward0"),
        ["elu"] = (x => AutogradGen.Functional.Elu(x[0], 1.5), [[2, 3]], "EluBackward0"),
        ["dropout"] = (x => AutogradGen.Functional.Dropout(x[0], 0.4, generator: new RandomGenerator(3)), [[2, 3]], "MulBackward0"),
        ["layer_norm"] = (x => AutogradGen.Functional.LayerNorm(x[0], [3], x[1], x[2]), [[2, 3], [3], [3]], "NativeLayerNormBackward0"),
        ["layer_norm over two dims, no affine"] = (x => AutogradGen.Functional.LayerNorm(x[0], [2, 2]), [[3, 2, 2]], "NativeLayerNormBackward0"),
        ["batch_norm training"] = (x => AutogradGen.Functional.BatchNorm(x[0], null, null, x[1], x[2], training: true), [[4, 3], [3], [3]], "NativeBatchNormBackward0"),
        ["batch_norm training, 3-D"] = (x => AutogradGen.Functional.BatchNorm(x[0], null, null, x[1], null, training: true), [[2, 3, 2], [3]], "NativeBatchNormBackward0"),
        ["batch_norm eval"] = (x => AutogradGen.Functional.BatchNorm(x[0], Tensor.From([0.1, -0.2, 0.3]), Tensor.From([1.5, 0.5, 2.0]), x[1], x[2]), [[4, 3], [3], [3]], "NativeBatchNormBackward0"),
        ["embedding"] = (x => AutogradGen.Functional.Embedding(Tensor.From([2L, 0, 2, 1], [2, 2]), x[0]), [[3, 2]], "EmbeddingBackward0"),
        ["l1_loss"] = (x => AutogradGen.Functional.L1Loss(x[0], x[1]), [[2, 3], [2, 3]], "MeanBackward0"),
        ["smooth_l1_loss"] = (x => AutogradGen.Functional.SmoothL1Loss(x[0] * 2, x[1], beta: 0.7), [[2, 3], [2, 3]], "SmoothL1LossBackward0"),
        ["huber_loss"] = (x => AutogradGen.Functional.HuberLoss(x[0] * 2, x[1], Reduction.Sum, delta: 0.6), [[2, 3], [2, 3]], "HuberLossBackward0"),
        ["kl_div batchmean"] = (x => AutogradGen.Functional.KlDiv(x[0], x[1].Abs() + 0.1, Reduction.BatchMean), [[2, 3], [2, 3]], "DivBackward0"),
        ["kl_div log target"] = (x => AutogradGen.Functional.KlDiv(x[0], x[1], Reduction.Mean, logTarget: true), [[2, 3], [2, 3]], "MeanBackward0"),
        ["nll_loss with weights"] = (x => AutogradGen.Functional.NllLoss(x[0], Tensor.From([2L, 0]), Tensor.From([0.2, 1.0, 3.0])), [[2, 3]], "NllLossBackward0"),
        ["cross_entropy with weights and label smoothing"] = (x => AutogradGen.Functional.CrossEntropy(x[0], Tensor.From([2L, 0]), Tensor.From([0.2, 1.0, 3.0]), labelSmoothing: 0.1), [[2, 3]], "AddBackward0"),
        ["cosine_similarity"] = (x => AutogradGen.Functional.CosineSimilarity(x[0], x[1]), [[2, 3], [2, 3]], "SumBackward1"),
        ["normalize"] = (x => AutogradGen.Functional.Normalize(x[0], dim: 1), [[2, 3]], "DivBackward0"),
        ["pad"] = (x => AutogradGen.Functional.Pad(x[0], [1, 2, -1, 0], value: 0.5), [[2, 3]], "ConstantPadNdBackward0"),
        ["einsum matrix product"] = (x => Tensor.Einsum("ij,jk->ik", x[0], x[1]), [[2, 3], [3, 2]], "MmBackward0"),
        ["einsum batched"] = (x => Tensor.Einsum("bij,bjk->bik", x[0], x[1]), [[2, 2, 3], [2, 3, 2]], "SumBackward1"),
        ["einsum three operands, implicit output"] = (x => Tensor.Einsum("ij,jk,k", x[0], x[1], x[2]), [[2, 3], [3, 2], [2]], "SumBackward1"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    private static Tensor[] Inputs(string name) =>
        [.. Cases[name].Shapes.Select((shape, i) => GradientCheck.Input(shape, offset: 0.2 + (0.15 * i), scale: 1 + (0.3 * i)))];

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_central_differences(string name)
    {
        var result = GradCheck.Check(Cases[name].Operation, Inputs(name));
        Assert.True(result.Passed, result.ToString());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_recorded_node_has_PyTorch_s_name(string name)
    {
        Assert.Equal(Cases[name].GradFn, Cases[name].Operation(Inputs(name)).GradFn!.Name);
    }

    [Theory]
    [InlineData("logsumexp")]
    [InlineData("var")]
    [InlineData("prod dim")]
    [InlineData("gelu")]
    [InlineData("layer_norm")]
    [InlineData("batch_norm training")]
    [InlineData("smooth_l1_loss")]
    public void Backward_rules_differentiate_again_under_createGraph(string name)
    {
        var result = GradGradCheck.Check(Cases[name].Operation, Inputs(name));
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void Embedding_gives_the_padding_row_no_gradient()
    {
        var weight = Tensor.Ones([3, 2], requiresGrad: true);
        AutogradGen.Functional.Embedding(Tensor.From([1L, 0, 1, 2]), weight, paddingIdx: 1).Sum().Backward();
        Assert.Equal([1.0, 1.0, 0.0, 0.0, 1.0, 1.0], weight.Grad!.ToArray());
    }

    [Fact]
    public void Values_match_PyTorch()
    {
        // PyTorch 1.13.1: x = torch.tensor([[1., 2, 3], [0, -1, 4]], dtype=torch.float64); x.logsumexp(1), x.var(1), x.std(),
        // x.prod(1), x.cumsum(1), F.gelu(x), torch.erf(0.5), torch.manual_seed(0); torch.randint(0, 10, (8,)), x.argmax(1), x.topk(2)
        var x = Tensor.From(new double[,] { { 1, 2, 3 }, { 0, -1, 4 } });
        TensorAssert.Equal([3.4076059644443806, 4.024744890138822], x.LogSumExp(1));
        TensorAssert.Equal([1.0, 7.0], x.Var(1));
        TensorAssert.Equal([1.8708286933869707], x.Std().Reshape([1]));
        TensorAssert.Equal([6.0, -0.0], x.Prod(1));
        TensorAssert.Equal([1, 3, 6, 0, -1, 3], x.CumSum(1));
        TensorAssert.Equal([0.841344746068543, 1.9544997361036416, 2.99595030590511, 0.0, -0.15865525393145702, 3.9998733150326675], AutogradGen.Functional.Gelu(x));
        Assert.Equal(0.5204998778130465, Tensor.Scalar(0.5, dtype: DType.Float64).Erf().Item(), 14);
        Assert.Equal([4L, 9, 3, 0, 3, 9, 7, 3], Tensor.RandInt(0, 10, [8], new RandomGenerator(0)).ToArray<long>());
        Assert.Equal([2L, 2], x.ArgMax(1).ToArray<long>());
        Assert.Equal([3.0, 2.0, 4.0, 0.0], x.TopK(2).Values.ToArray());
        Assert.Equal([2L, 1, 2, 0], x.TopK(2).Indices.ToArray<long>());
    }
}
