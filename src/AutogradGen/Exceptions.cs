namespace AutogradGen;

/// <summary>
/// A failure of the autograd machinery (PyTorch raises <c>RuntimeError</c> for these): backward through a freed
/// graph, a saved tensor modified in place, a gradient of the wrong shape, an in-place change to a leaf that
/// requires grad. The message uses PyTorch's wording so that users can search for it.
/// </summary>
public class AutogradException : InvalidOperationException
{
    /// <summary>Creates the exception with PyTorch's message.</summary>
    public AutogradException(string message) : base(message) { }

    /// <summary>Creates the exception with no message.</summary>
    public AutogradException() { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public AutogradException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// Operands whose shapes do not fit the operation (broadcasting, matrix products, views). The message names both
/// shapes, in PyTorch's words, such as <c>mat1 and mat2 shapes cannot be multiplied (1x5 and 3x3)</c>.
/// </summary>
public class TensorShapeException : ArgumentException
{
    /// <summary>Creates the exception with PyTorch's message.</summary>
    public TensorShapeException(string message) : base(message) { }

    /// <summary>Creates the exception with no message.</summary>
    public TensorShapeException() { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public TensorShapeException(string message, Exception innerException) : base(message, innerException) { }
}
