namespace AutogradGen.CompilerServices;

/// <summary>
/// The node a tape twin records for a call of a method with a [DerivativeOf] user derivative: Forward runs the
/// user's derivative once, keeping its partials; Backward scales them by the incoming gradient. The partials are
/// numbers, so under <c>createGraph</c> the gradients pass through an <see cref="OnceDifferentiableGuard"/>: a second
/// derivative through this node throws instead of silently leaving out the callee's second derivatives.
/// </summary>
internal sealed class UserDerivativeFunction<T, TState> : Function
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    private readonly string _method;
    private readonly TState _state;
    private readonly UserDerivativeCall<T, TState> _derivative;
    private T[][] _partials = [];
    private Tensor[] _inputs = [];

    public UserDerivativeFunction(string method, TState state, UserDerivativeCall<T, TState> derivative)
    {
        _method = method;
        _state = state;
        _derivative = derivative;
    }

    public override string NodeName => _method + "Backward";

    protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
    {
        _inputs = inputs;
        var values = new T[inputs.Length][];
        _partials = new T[inputs.Length][];
        for (int i = 0; i < inputs.Length; i++)
        {
            values[i] = inputs[i].ToArray<T>();
            _partials[i] = new T[values[i].Length];
        }

        var value = _derivative(_state, values, _partials);
        var dtype = typeof(T) == typeof(float) ? DType.Float32 : DType.Float64;
        return Tensor.Scalar(double.CreateTruncating(value), false, dtype);
    }

    protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
    {
        var grads = new Tensor?[_partials.Length];
        for (int i = 0; i < grads.Length; i++)
        {
            if (!ctx.NeedsInputGrad(i)) continue;
            var partials = System.Array.ConvertAll(_partials[i], p => double.CreateTruncating(p));
            var partial = Tensor.From(partials).To(grad.DType).Reshape(_inputs[i].ShapeSpan);
            grads[i] = grad * partial;
        }
        if (Autograd.IsGradEnabled) GuardAgainstSecondDerivatives(grads);
        return grads;
    }

    // createGraph is recording this backward. Each gradient is routed through a node that also has edges to this
    // call's inputs, so that differentiating it again with respect to anything it depends on reaches the node.
    private void GuardAgainstSecondDerivatives(Tensor?[] grads)
    {
        if (!Autograd.ShouldRecord(_inputs)) return;
        for (int i = 0; i < grads.Length; i++)
        {
            if (grads[i] is not { } gradient) continue;
            grads[i] = new OnceDifferentiableGuard(_method).Apply([gradient, .. _inputs]);
        }
    }
}
