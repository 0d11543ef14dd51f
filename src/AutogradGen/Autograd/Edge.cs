namespace AutogradGen;

/// <summary>
/// One entry of <see cref="Node.NextFunctions"/>: the node that receives the gradient of one input, and which of
/// that node's inputs it is (always 0 here: every node has one output). <see cref="Node"/> is null where the input
/// does not require grad, as PyTorch's <c>(None, 0)</c>.
/// </summary>
public readonly record struct Edge(Node? Node, int InputNr);

/// <summary>
/// One input as its node recorded it: the node that receives the input's gradient (null where the input does not
/// require grad, or where there is no input tensor), and the shape and dtype the input had, to which the engine
/// reduces and casts the gradient. One array of these per node, rather than an edge array and a metadata array.
/// </summary>
internal readonly record struct NodeInput(Node? Node, int[]? Shape, DType DType);
