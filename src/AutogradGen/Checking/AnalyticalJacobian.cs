namespace AutogradGen.Checking;

/// <summary>
/// The Jacobian from the backward pass, one vector-Jacobian product per output element (the basis vector eⱼ as
/// grad_output), through <see cref="Autograd.Grad(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, IReadOnlyList{Tensor?}?, bool?, bool, bool)"/>
/// with the graph retained, so no <see cref="Tensor.Grad"/> changes. The engine already refuses gradients whose shape
/// does not fit their input, so PyTorch's "Analytical gradient has incorrect size" cannot arise here.
/// </summary>
internal static class AnalyticalJacobian
{
    /// <summary>One block per input: rows are the input's elements, columns the output's.</summary>
    public static Jacobian[] Compute(Tensor output, Tensor[] inputs)
    {
        var blocks = new Jacobian[inputs.Length];
        for (int d = 0; d < inputs.Length; d++) blocks[d] = new Jacobian(inputs[d].Numel, output.Numel);

        int[] shape = [.. output.Shape];
        var basis = new double[output.Numel];
        for (int j = 0; j < basis.Length; j++)
        {
            basis[j] = 1;
            var gradOutput = Tensor.From(basis, shape);
            basis[j] = 0;
            var grads = Autograd.Grad([output], inputs, [gradOutput], retainGraph: true, allowUnused: true);
            for (int d = 0; d < inputs.Length; d++)
            {
                if (grads[d] is not { } grad) continue;
                var values = grad.ToArray();
                for (int k = 0; k < values.Length; k++) blocks[d][k, j] = values[k];
            }
        }
        return blocks;
    }
}
