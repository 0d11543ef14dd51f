namespace AutogradGen.Checking;

/// <summary>
/// PyTorch's slow-mode gradcheck for tape functions: the numerical Jacobian of every output with respect to every
/// input that requires grad, the analytical Jacobian computed twice (the second run checks that backward is
/// reentrant), an entry-by-entry comparison, and a check that backward scales with grad_output.
/// </summary>
internal static class TensorGradChecker
{
    public static GradCheckResult Run(Func<Tensor[], Tensor[]> function, Tensor[] inputs, double eps, Tolerance tolerance, double nondetTol)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        using var gradEnabled = Autograd.EnableGrad();

        int[] differentiable = DifferentiableInputs(inputs);
        var differentiableInputs = Array.ConvertAll(differentiable, index => inputs[index]);
        var allOutputs = Evaluate(function, inputs);
        int[] outputNumels = Array.ConvertAll(allOutputs, output => output.Numel);
        int[] differentiableOutputs = [.. Enumerable.Range(0, allOutputs.Length).Where(o => allOutputs[o].RequiresGrad)];

        var numerical = new NumericalJacobian(function, inputs, differentiable);
        var numericalBlocks = numerical.Compute(outputNumels, eps);
        if (differentiableOutputs.Length == 0) return NoDifferentiableOutputs(numericalBlocks);

        string? failure = Float64Failure(numerical.OutputDTypes, differentiableOutputs, eps);
        var comparisons = new List<JacobianComparison>();
        for (int i = 0; i < differentiableOutputs.Length; i++)
        {
            var output = allOutputs[differentiableOutputs[i]];
            var analytical = AnalyticalJacobian.Compute(output, differentiableInputs);
            var repeated = AnalyticalJacobian.Compute(output, differentiableInputs);
            if (!IsReentrant(analytical, repeated, nondetTol)) failure ??= GradCheckMessages.NotReentrant(nondetTol);

            for (int j = 0; j < differentiable.Length; j++)
            {
                var numericalBlock = numericalBlocks[j][differentiableOutputs[i]];
                var comparison = JacobianComparer.Compare(analytical[j], numericalBlock, i, j, differentiable[j], tolerance);
                comparisons.Add(comparison);
                if (!comparison.Passed)
                {
                    failure ??= GradCheckMessages.JacobianMismatch(i, j,
                        numericalBlock.ToTensor(output.DType), analytical[j].ToTensor(differentiableInputs[j].DType));
                }
            }
        }
        failure ??= BackwardScalesWithGradOutput(differentiableOutputs, allOutputs, differentiableInputs);
        return new GradCheckResult(failure, comparisons, []);
    }

    private static Tensor[] Evaluate(Func<Tensor[], Tensor[]> function, Tensor[] inputs)
    {
        var outputs = function(inputs) ?? throw new ArgumentException("The function returned null; return its output tensors.", nameof(function));
        for (int o = 0; o < outputs.Length; o++)
        {
            if (outputs[o] is null) throw new ArgumentException($"Output {o} of the function is null; return a tensor for every output.", nameof(function));
        }
        return outputs;
    }

    private static int[] DifferentiableInputs(Tensor[] inputs)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is null) throw new ArgumentNullException(nameof(inputs), $"Input {i} is null; pass a tensor for every argument of the function.");
        }
        int[] differentiable = [.. Enumerable.Range(0, inputs.Length).Where(i => inputs[i].RequiresGrad)];
        if (differentiable.Length == 0) throw new ArgumentException(GradCheckMessages.NoInputRequiresGrad, nameof(inputs));
        return differentiable;
    }

    // With no output that requires grad, the function must not depend on the inputs at all (PyTorch's check).
    private static GradCheckResult NoDifferentiableOutputs(Jacobian[][] numericalBlocks)
    {
        bool allZero = numericalBlocks.All(static blocks => blocks.All(static block => block.Values.All(static value => value == 0)));
        return new GradCheckResult(allZero ? null : GradCheckMessages.NumericalGradientNotZero, [], []);
    }

    private static string? Float64Failure(DType[] dtypes, int[] differentiableOutputs, double eps)
    {
        for (int i = 0; i < differentiableOutputs.Length; i++)
        {
            var dtype = dtypes[differentiableOutputs[i]];
            if (dtype != DType.Float64) return GradCheckMessages.OutputNotFloat64(i, dtype, eps);
        }
        return null;
    }

    private static bool IsReentrant(Jacobian[] first, Jacobian[] second, double nondetTol)
    {
        for (int d = 0; d < first.Length; d++)
        {
            if (!first[d].EqualsWithin(second[d], nondetTol)) return false;
        }
        return true;
    }

    // A zero grad_output must give zero gradients: a backward rule that ignores its incoming gradient is caught here
    // even where it happens to match the Jacobian (PyTorch's _test_backward_mul_by_grad_output).
    private static string? BackwardScalesWithGradOutput(int[] differentiableOutputs, Tensor[] allOutputs, Tensor[] inputs)
    {
        var outputs = Array.ConvertAll(differentiableOutputs, o => allOutputs[o]);
        var zeros = Array.ConvertAll(outputs, output => (Tensor?)Tensor.ZerosLike(output));
        var grads = Autograd.Grad(outputs, inputs, zeros, allowUnused: true);
        foreach (var grad in grads)
        {
            if (grad is not null && grad.ToArray().Any(static value => value != 0)) return GradCheckMessages.BackwardNotMultipliedByGradOutput;
        }
        return null;
    }
}
