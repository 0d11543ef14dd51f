namespace AutogradGen.Tests.Checking;

/// <summary>Custom functions with a planted mistake in their backward rule, to prove that the checks catch it.</summary>
internal static class PlantedFunctions
{
    /// <summary>x·y whose gradient with respect to y is 2·grad·y instead of grad·x.</summary>
    public sealed class WrongProductRule : Function
    {
        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
        {
            ctx.SaveForBackward(inputs[0], inputs[1]);
            return inputs[0] * inputs[1];
        }

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
        {
            var y = ctx.SavedTensors[1];
            return [grad * y, grad * y * 2];
        }
    }

    /// <summary>x³ with a correct first derivative computed from a detached x, so its second derivative is lost.</summary>
    public sealed class DetachedCube : Function
    {
        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
        {
            ctx.SaveForBackward(inputs[0]);
            return inputs[0].Pow(3);
        }

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
        {
            var x = ctx.SavedTensors[0].Detach();
            return [grad * 3 * x.Pow(2)];
        }
    }

    /// <summary>x³ with a correct, differentiable backward rule.</summary>
    public sealed class Cube : Function
    {
        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
        {
            ctx.SaveForBackward(inputs[0]);
            return inputs[0].Pow(3);
        }

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
        {
            var x = ctx.SavedTensors[0];
            return [grad * 3 * x.Pow(2)];
        }
    }

    /// <summary>x³ whose backward returns 3x² whatever the incoming gradient: right for grad = 1, wrong otherwise.</summary>
    public sealed class CubeIgnoringGradOutput : Function
    {
        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
        {
            ctx.SaveForBackward(inputs[0]);
            return inputs[0].Pow(3);
        }

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad) => [ctx.SavedTensors[0].Pow(2) * 3];
    }

    /// <summary>2x whose backward drifts by 1e-9 on every call: within gradcheck's tolerance, but not reproducible.</summary>
    public sealed class DriftingDouble : Function
    {
        private int _calls;

        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs) => inputs[0] * 2;

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad) => [grad * (2 + (1e-9 * ++_calls))];
    }
}
