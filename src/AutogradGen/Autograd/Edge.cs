namespace AutogradGen;

/// <summary>
/// One entry of <see cref="Node.NextFunctions"/>: the node that receives the gradient of one input, and which of
/// that node's inputs it is (always 0 here: every node has one output). <see cref="Node"/> is null where the input
/// does not require grad, as PyTorch's <c>(None, 0)</c>.
/// </summary>
public readonly record struct Edge(Node? Node, int InputNr);

/// <summary>The shape and dtype an input had when the node recorded it; the engine reduces and casts gradients to match.</summary>
internal readonly record struct InputMetadata(int[] Shape, DType DType);
