namespace AutogradGen;

/// <summary>How a loss combines the losses of its elements (PyTorch's <c>reduction='mean' | 'sum' | 'none'</c>).</summary>
public enum Reduction
{
    /// <summary>The average over the elements (PyTorch's default); weighted losses divide by the total weight.</summary>
    Mean,

    /// <summary>The sum over the elements.</summary>
    Sum,

    /// <summary>No reduction: one loss per element, in the input's shape (without the class dimension for class losses).</summary>
    None,

    /// <summary>The sum divided by the batch size (the first dimension): <see cref="Functional.KlDiv"/> only, PyTorch's <c>'batchmean'</c>.</summary>
    BatchMean,
}
