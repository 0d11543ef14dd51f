using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Graph;

/// <summary>
/// <see cref="Autograd.ToDot(Tensor, IReadOnlyDictionary{string, Tensor}?)"/> draws what torchviz's make_dot draws:
/// each test reads the DOT text back (<see cref="DotReader"/>) and checks every node and every edge.
/// </summary>
public class ToDotTests
{
    [Fact]
    public void The_README_example_draws_every_node_its_leaf_its_saved_tensor_and_its_output()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        var y = x + 2;
        var z = y * y * 3;
        var output = z.Mean();

        var graph = DotReader.Read(Autograd.ToDot(output, new Dictionary<string, Tensor> { ["x"] = x }));

        // Seven boxes: the output, four nodes, x's AccumulateGrad, x; and y, which y * y saved (twice: one box).
        Assert.Equal(
            ["()\nrequires_grad=True", "AccumulateGrad", "AddBackward0", "MeanBackward0",
             "MulBackward0", "MulBackward0", "saved\n(2, 2)\nrequires_grad=True", "x\n(2, 2)\nrequires_grad=True"],
            graph.Nodes.Values.Select(attributes => attributes["label"]).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["AccumulateGrad -> AddBackward0", "AddBackward0 -> MulBackward0", "AddBackward0 -> MulBackward0",
             "MeanBackward0 -> ()\nrequires_grad=True", "MulBackward0 -> MeanBackward0", "MulBackward0 -> MulBackward0",
             "x\n(2, 2)\nrequires_grad=True -> AccumulateGrad"],
            graph.DirectedEdgesByLabel());

        var saved = Assert.Single(graph.WithLabel("saved\n(2, 2)\nrequires_grad=True"));
        var savedBy = graph.Edges.Where(edge => edge.Undirected).ToList();
        Assert.Equal(2, savedBy.Count);
        Assert.All(savedBy, edge => Assert.Equal(saved, edge.To));
        Assert.All(savedBy, edge => Assert.Equal("MulBackward0", graph.Label(edge.From)));
        Assert.Equal("orange", graph.Nodes[saved]["fillcolor"]);
        Assert.Equal("lightblue", graph.Nodes[Assert.Single(graph.WithLabel("x\n(2, 2)\nrequires_grad=True"))]["fillcolor"]);
        Assert.Equal("darkolivegreen1", graph.Nodes[Assert.Single(graph.WithLabel("()\nrequires_grad=True"))]["fillcolor"]);
    }

    [Fact]
    public void A_node_is_named_as_its_GradFn_prints_it_and_joined_to_the_nodes_of_its_inputs()
    {
        var a = Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);
        var b = Tensor.From([4.0, 5.0, 6.0], requiresGrad: true);
        var output = (a.Exp() - b).Sum();

        var graph = DotReader.Read(Autograd.ToDot(output, new Dictionary<string, Tensor> { ["a"] = a, ["b"] = b }));

        Assert.Equal(output.GradFn!.Name, graph.Label(graph.Edges.Single(edge => graph.Label(edge.To) == "()\nrequires_grad=True").From));
        Assert.Equal(
            ["AccumulateGrad -> ExpBackward0", "AccumulateGrad -> SubBackward0", "ExpBackward0 -> SubBackward0", "SubBackward0 -> SumBackward0",
             "SumBackward0 -> ()\nrequires_grad=True", "a\n(3)\nrequires_grad=True -> AccumulateGrad", "b\n(3)\nrequires_grad=True -> AccumulateGrad"],
            graph.DirectedEdgesByLabel());
        // Exp saves its result: the orange box is exp(a), joined to ExpBackward0 without an arrow.
        var saved = Assert.Single(graph.Edges, edge => edge.Undirected);
        Assert.Equal("ExpBackward0", graph.Label(saved.From));
        Assert.Equal("saved result\n(3)\nrequires_grad=True", graph.Label(saved.To));
    }

    [Fact]
    public void A_saved_tensor_that_does_not_require_grad_says_so_and_an_input_without_grad_has_no_edge()
    {
        var weight = Tensor.From([0.5, -1.0], requiresGrad: true);
        var data = Tensor.From([2.0, 3.0]);
        var output = weight * data;

        var graph = DotReader.Read(Autograd.ToDot(output));

        Assert.Equal(
            ["(2)\nrequires_grad=True", "(2)\nrequires_grad=True", "AccumulateGrad", "MulBackward0", "saved\n(2)\nrequires_grad=False"],
            graph.Nodes.Values.Select(attributes => attributes["label"]).Order(StringComparer.Ordinal));
        Assert.Equal(["(2)\nrequires_grad=True -> AccumulateGrad", "AccumulateGrad -> MulBackward0", "MulBackward0 -> (2)\nrequires_grad=True"], graph.DirectedEdgesByLabel());
        Assert.Single(graph.Edges, edge => edge.Undirected && graph.Label(edge.To) == "saved\n(2)\nrequires_grad=False");
    }

    [Fact]
    public void After_a_backward_pass_that_freed_the_graph_the_saved_tensors_are_gone_and_the_nodes_stay()
    {
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var output = (x * x).Sum();
        output.Backward();

        var graph = DotReader.Read(Autograd.ToDot(output));

        Assert.DoesNotContain(graph.Edges, edge => edge.Undirected);
        Assert.Equal(5, graph.Nodes.Count);
        Assert.Equal(
            ["(2)\nrequires_grad=True -> AccumulateGrad", "AccumulateGrad -> MulBackward0", "AccumulateGrad -> MulBackward0",
             "MulBackward0 -> SumBackward0", "SumBackward0 -> ()\nrequires_grad=True"],
            graph.DirectedEdgesByLabel());
    }

    [Fact]
    public void A_leaf_draws_as_one_box()
    {
        var leaf = Tensor.Zeros([3, 1]);

        var graph = DotReader.Read(Autograd.ToDot(leaf, new Dictionary<string, Tensor> { ["w \"quoted\""] = leaf }));

        var box = Assert.Single(graph.Nodes);
        Assert.Equal("w \"quoted\"\n(3, 1)\nrequires_grad=False", box.Value["label"]);
        Assert.Empty(graph.Edges);
    }

    [Fact]
    public void A_graph_of_a_hundred_thousand_nodes_is_drawn_without_overflowing_the_stack()
    {
        var x = Tensor.Scalar(1.0, requiresGrad: true);
        var y = x;
        for (int i = 0; i < 100_000; i++) y = y + 1;

        var graph = DotReader.Read(Autograd.ToDot(y));

        Assert.Equal(100_003, graph.Nodes.Count);
        Assert.Equal(100_002, graph.Edges.Count);
    }

    [Fact]
    public void Outputs_that_share_nodes_draw_them_once()
    {
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var shared = x.Tanh();
        var first = shared.Sum();
        var second = shared.Mean();

        var graph = DotReader.Read(Autograd.ToDot([first, second]));

        Assert.Single(graph.WithLabel("TanhBackward0"));
        Assert.Equal(2, graph.Nodes.Values.Count(attributes => attributes.GetValueOrDefault("fillcolor") == "darkolivegreen1"));
    }
}
