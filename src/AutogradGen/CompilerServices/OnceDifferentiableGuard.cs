namespace AutogradGen.CompilerServices;

/// <summary>
/// PyTorch's <c>DelayedError</c> for a <c>@once_differentiable</c> backward: under <c>createGraph</c>,
/// <see cref="UserDerivativeFunction{T, TState}"/> passes each gradient it returns through this node, whose own
/// backward throws. The partials a [DerivativeOf] user derivative returned are plain numbers with no derivative of
/// their own, so a second derivative through them would come out silently without the callee's curvature.
/// </summary>
/// <remarks>
/// Stricter than PyTorch on purpose: PyTorch only guards when the incoming gradient requires grad, so
/// <c>f(x) + x²</c> differentiated twice silently drops f's second derivative. Here the node's edges also lead to the
/// call's own inputs, so any second derivative that depends on them reaches it and fails loudly instead.
/// </remarks>
internal sealed class OnceDifferentiableGuard : Function
{
    private readonly string _method;

    public OnceDifferentiableGuard(string method) => _method = method;

    public override string NodeName => "DelayedError";

    /// <summary>The message, PyTorch's first, then why and what to do.</summary>
    public static string Message(string method) =>
        "trying to differentiate twice a function that was marked with @once_differentiable: the tape twin records "
        + $"{method}'s [DerivativeOf] user derivative as one node ({method}Backward) whose partials are numbers, with no "
        + "derivative of their own, so a second derivative through it cannot be computed on the tape. For second "
        + "derivatives through this call use the generated members of a [Differentiable(SecondOrder = true)] method "
        + "({Name}HessianVectorProduct, {Name}Hessian), which differentiate the user's derivative itself.";

    // inputs: the gradient being guarded, then the inputs of the call it belongs to (edges only).
    protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs) => inputs[0];

    protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad) => throw new AutogradException(Message(_method));
}
