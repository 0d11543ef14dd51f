using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

/// <summary>PyTorch's error messages, word for word, so that users can search for them. One place, one wording.</summary>
internal static class Messages
{
    public const string ImplicitGradForNonScalar = "grad can be implicitly created only for scalar outputs";

    public const string BackwardTwice =
        "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). "
        + "Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True "
        + "if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.";

    public const string LeafInPlace = "a leaf Variable that requires grad is being used in an in-place operation.";

    public const string ViewOfLeafInPlace = "a view of a leaf Variable that requires grad is being used in an in-place operation.";

    public const string InternalOverlap =
        "unsupported operation: more than one element of the written-to tensor refers to a single memory location. "
        + "Please clone() the tensor before performing the operation.";

    public const string ViewSizeNotCompatible =
        "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous "
        + "subspaces). Use .reshape(...) instead.";

    public const string NoGradViewInPlace =
        "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is "
        + "ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either "
        + "both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace "
        + "to be tracked).";

    public const string OnlyFloatingPointRequiresGrad = "Only Tensors of floating point and complex dtype can require gradients";

    public const string UnusedInput =
        "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.";

    public const string InputDoesNotRequireGrad = "One of the differentiated Tensors does not require grad";

    public static string DoesNotRequireGrad(int index) => string.Create(CultureInfo.InvariantCulture,
        $"element {index} of tensors does not require grad and does not have a grad_fn");

    public static string RequiresGradOfNonLeaf(bool requiresGrad) => requiresGrad
        ? "you can only change requires_grad flags of leaf variables."
        : "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph "
          + "that doesn't require differentiation use var_no_grad = var.detach().";

    public static string ShapeMismatch(int index, ReadOnlySpan<int> gradShape, ReadOnlySpan<int> outputShape) => string.Create(CultureInfo.InvariantCulture,
        $"Mismatch in shape: grad_output[{index}] has a shape of torch.Size({Shapes.Format(gradShape)}) and output[{index}] has a shape of torch.Size({Shapes.Format(outputShape)}).");

    public static string ModifiedInPlace(DType dtype, ReadOnlySpan<int> shape, string? producer, int currentVersion, int savedVersion)
    {
        string which = producer is null ? "" : $", which is output 0 of {producer},";
        string versions = string.Create(CultureInfo.InvariantCulture, $"is at version {currentVersion}; expected version {savedVersion} instead.");
        // saved_variable.cpp word for word ("[torch.FloatTensor [3]]" is Tensor::toString() and the sizes), then our hint.
        return $"one of the variables needed for gradient computation has been modified by an inplace operation: [torch.{dtype.ScalarTypeName()}Tensor {Shapes.Format(shape)}]{which} {versions} "
            + "Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True). "
            + "(Here: clone() the tensor before changing it in place, or change it after the backward pass.)";
    }

    public static string InvalidGradient(string node, int index, ReadOnlySpan<int> gradShape, ReadOnlySpan<int> expected) => string.Create(CultureInfo.InvariantCulture,
        $"Function {node} returned an invalid gradient at index {index} - got {Shapes.Format(gradShape)} but expected shape compatible with {Shapes.Format(expected)}");
}
