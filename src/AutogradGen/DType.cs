namespace AutogradGen;

/// <summary>The element type of a <c>Tensor</c>, named as PyTorch names it (<c>torch.float32</c>, ...).</summary>
public enum DType
{
    /// <summary>32-bit IEEE float, the default for new tensors (as in PyTorch).</summary>
    Float32,

    /// <summary>64-bit IEEE float.</summary>
    Float64,

    /// <summary>64-bit signed integer: indices and integer data. Cannot require gradients.</summary>
    Int64,

    /// <summary>Boolean: results of comparisons. Cannot require gradients.</summary>
    Bool,
}
