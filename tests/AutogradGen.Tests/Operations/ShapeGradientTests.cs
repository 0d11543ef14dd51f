using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>Shape operations and indexing: gradients against central differences and PyTorch's node names.</summary>
public class ShapeGradientTests
{
    public static TheoryData<string, string> Operations => new()
    {
        { "transpose", "TransposeBackward0" },
        { "t", "TBackward0" },
        { "permute", "PermuteBackward0" },
        { "view", "ViewBackward0" },
        { "reshape with inferred size", "ViewBackward0" },
        { "flatten", "ViewBackward0" },
        { "unsqueeze", "UnsqueezeBackward0" },
        { "squeeze", "SqueezeBackward0" },
        { "squeeze dim", "SqueezeBackward1" },
        { "expand", "ExpandBackward0" },
        { "select", "SelectBackward0" },
        { "indexer", "SelectBackward0" },
        { "slice", "SliceBackward0" },
        { "slice with step", "SliceBackward0" },
        { "range indexer", "SliceBackward0" },
        { "narrow", "SliceBackward0" },
        { "index with repeats", "IndexBackward0" },
        { "index with mask", "IndexBackward0" },
        { "index select", "IndexSelectBackward0" },
    };

    private static Tensor Apply(string operation, Tensor x) => operation switch
    {
        "transpose" => x.Transpose(0, 1),
        "t" => x.T(),
        "permute" => x.Reshape([2, 3, 1]).Permute([2, 0, 1]),
        "view" => x.View([3, 2]),
        "reshape with inferred size" => x.Reshape([-1]),
        "flatten" => x.Flatten(),
        "unsqueeze" => x.Unsqueeze(1),
        "squeeze" => x.Reshape([1, 2, 1, 3]).Squeeze(),
        "squeeze dim" => x.Reshape([1, 6]).Squeeze(0),
        "expand" => x.Reshape([2, 1, 3]).Expand([2, 4, 3]),
        "select" => x.Select(1, -1),
        "indexer" => x[1],
        "slice" => x.Slice(1, 1, 3),
        "slice with step" => x.Slice(1, 0, null, 2),
        "range indexer" => x[1..],
        "narrow" => x.Narrow(1, 1, 2),
        "index with repeats" => x[Tensor.From([1L, 0L, -1L])],
        "index with mask" => x[x.Gt(0.3)],
        _ => x.IndexSelect(1, Tensor.From([2L, 2L, 0L])),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Shape_operation_gradient_matches_central_differences(string operation, string nodeName)
    {
        var x = GradientCheck.Input([2, 3]);
        GradientCheck.AssertMatches(t => Apply(operation, t[0]) * Apply(operation, t[0]), x);
        Assert.Equal(nodeName, Apply(operation, x).GradFn!.Name);
    }

    [Fact]
    public void Cat_gradient_matches_central_differences()
    {
        var a = GradientCheck.Input([2, 3]);
        var b = GradientCheck.Input([2, 1], offset: 0.7);
        GradientCheck.AssertMatches(t => Tensor.Cat([t[0], t[1]], dim: 1) * Tensor.Cat([t[0], t[1]], dim: 1), a, b);
        Assert.Equal("CatBackward0", Tensor.Cat([a, b], 1).GradFn!.Name);
    }

    [Fact]
    public void Stack_gradient_matches_central_differences()
    {
        var a = GradientCheck.Input([2, 3]);
        var b = GradientCheck.Input([2, 3], offset: 0.7);
        GradientCheck.AssertMatches(t => Tensor.Stack([t[0], t[1]], dim: 1).Pow(2), a, b);
        Assert.Equal("StackBackward0", Tensor.Stack([a, b]).GradFn!.Name);
    }

    [Fact]
    public void Stack_puts_the_tensors_along_a_new_dimension()
    {
        var stacked = Tensor.Stack([Tensor.From([1f, 2f]), Tensor.From([3f, 4f])], dim: 1);
        TensorAssert.Equal([1, 3, 2, 4], stacked, shape: [2, 2]);
    }

    [Fact]
    public void Select_twice_can_be_differentiated_twice()
    {
        var x = GradientCheck.Input([3]);
        var y = (x[1] * x[1] * x[1]).Sum();
        var first = Autograd.Grad(y, x, createGraph: true)[0]!;
        var second = Autograd.Grad(first.Sum(), x)[0]!;
        TensorAssert.Equal([0, 6 * x[1].Item(), 0], second, precision: 8);
    }
}
