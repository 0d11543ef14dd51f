using System.Globalization;

namespace AutogradGen;

/// <summary>
/// The steps every <see cref="Autograd.Functional"/> function is made of, in PyTorch's order and with its
/// messages (<c>torch/autograd/functional.py</c>: <c>_grad_preprocess</c>, <c>_validate_v</c>,
/// <c>_check_requires_grad</c>, <c>_autograd_grad</c>, <c>_fill_in_zeros</c>, <c>_grad_postprocess</c>).
/// Inputs and outputs are always arrays here; the public overloads decide which of them were single tensors.
/// </summary>
internal static class FunctionalSteps
{
    /// <summary>What a <see cref="CheckRequiresGrad"/> call is looking at, which only changes its message.</summary>
    internal enum Checked { Outputs, GradInputs, Jacobian, Hessian }

    /// <summary>Which backward pass produced the gradients <see cref="FillInZeros"/> completes, for its message.</summary>
    internal enum Stage { Back, BackTrick, DoubleBack, DoubleBackTrick }

    /// <summary>
    /// Null entries are PyTorch's <c>TypeError</c> for a value that is not a tensor.
    /// </summary>
    public static void CheckTensors(IReadOnlyList<Tensor?> tensors, string argName, string fnName, bool isTuple, string parameter)
    {
        ArgumentNullException.ThrowIfNull(tensors, parameter);
        for (int i = 0; i < tensors.Count; i++)
        {
            if (tensors[i] is not null) continue;
            throw new ArgumentException(isTuple
                ? Invariant($"The {argName} given to {fnName} must be either a Tensor or a tuple of Tensors but the value at index {i} has type NoneType.")
                : Invariant($"The {argName} given to {fnName} must be either a Tensor or a tuple of Tensors but the given {argName} has type NoneType."),
                parameter);
        }
    }

    /// <summary>
    /// A new tensor object per input, so that the function's own captured references to the caller's tensors are
    /// told apart from the arguments (pytorch#32576): with <paramref name="createGraph"/> an input that requires grad
    /// is viewed, so gradients still reach the caller's graph; every other input is detached and requires grad only
    /// when <paramref name="needGraph"/>.
    /// </summary>
    public static Tensor[] GradPreprocess(IReadOnlyList<Tensor> inputs, bool createGraph, bool needGraph)
    {
        var result = new Tensor[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            result[i] = createGraph && input.RequiresGrad
                ? input.View(input.ShapeSpan)
                : input.Detach().RequiresGrad_(needGraph);
        }
        return result;
    }

    /// <summary>Results without history unless the caller asked for a graph.</summary>
    public static Tensor[] GradPostprocess(Tensor[] tensors, bool createGraph)
    {
        if (createGraph) return tensors;
        var result = new Tensor[tensors.Length];
        for (int i = 0; i < tensors.Length; i++) result[i] = tensors[i].Detach();
        return result;
    }

    /// <summary>The same, for a Jacobian or Hessian indexed [output][input].</summary>
    public static Tensor[][] GradPostprocess(Tensor[][] tensors, bool createGraph)
    {
        var result = new Tensor[tensors.Length][];
        for (int i = 0; i < tensors.Length; i++) result[i] = GradPostprocess(tensors[i], createGraph);
        return result;
    }

    /// <summary><paramref name="v"/> must have one tensor per entry of <paramref name="other"/>, each of its size.</summary>
    public static void ValidateV(IReadOnlyList<Tensor> v, IReadOnlyList<Tensor> other, bool isOtherTuple)
    {
        if (v.Count != other.Count)
        {
            throw new AutogradException(isOtherTuple
                ? Invariant($"v is a tuple of invalid length: should be {other.Count} but got {v.Count}.")
                : "The given v should contain a single Tensor.");
        }
        for (int i = 0; i < v.Count; i++)
        {
            if (v[i].ShapeSpan.SequenceEqual(other[i].ShapeSpan)) continue;
            string prepend = isOtherTuple ? Invariant($"Entry {i} in ") : "";
            throw new AutogradException(Invariant($"{prepend}v has invalid size: should be {other[i].Shape} but got {v[i].Shape}."));
        }
    }

    /// <summary>In strict mode, every tensor must require grad (and none may be missing).</summary>
    public static void CheckRequiresGrad(IReadOnlyList<Tensor?> tensors, Checked what, bool strict)
    {
        if (!strict) return;
        for (int i = 0; i < tensors.Count; i++)
        {
            var tensor = tensors[i];
            if (tensor is null)
            {
                throw new AutogradException(Invariant($"The output of the user-provided function is independent of input {i}. This is not allowed in strict mode."));
            }
            if (tensor.RequiresGrad) continue;
            throw new AutogradException(what switch
            {
                Checked.Hessian => Invariant($"The hessian of the user-provided function with respect to input {i} is independent of the input. This is not allowed in strict mode. You should ensure that your function is thrice differentiable and that the hessian depends on the inputs."),
                Checked.Jacobian => Invariant($"While computing the hessian, found that the jacobian of the user-provided function with respect to input {i} is independent of the input. This is not allowed in strict mode. You should ensure that your function is twice differentiable and that the jacobian depends on the inputs (this would be violated by a linear function for example)."),
                Checked.GradInputs => Invariant($"The gradient with respect to input {i} is independent of the inputs of the user-provided function. This is not allowed in strict mode."),
                _ => Invariant($"Output {i} of the user-provided function does not require gradients. The outputs must be computed in a differentiable manner from the input when running in strict mode."),
            });
        }
    }

    /// <summary>
    /// <see cref="Autograd.Grad(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, IReadOnlyList{Tensor?}?, bool?, bool, bool)"/>
    /// over the outputs that require grad only (the others contribute nothing), with unused inputs allowed: their
    /// gradient is null. With no output that requires grad the engine is not called at all.
    /// </summary>
    public static Tensor?[] Grad(IReadOnlyList<Tensor?> outputs, IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? gradOutputs = null,
        bool createGraph = false, bool? retainGraph = null)
    {
        var kept = new List<Tensor>(outputs.Count);
        var keptGrads = new List<Tensor?>(outputs.Count);
        for (int i = 0; i < outputs.Count; i++)
        {
            var output = outputs[i];
            if (output is null || !output.RequiresGrad) continue;
            kept.Add(output);
            keptGrads.Add(gradOutputs?[i]);
        }
        if (kept.Count == 0) return new Tensor?[inputs.Count];
        return Autograd.Grad(kept, inputs, keptGrads, retainGraph, createGraph, allowUnused: true);
    }

    /// <summary>
    /// Zeros (of the matching reference's shape) where no gradient reached, or, in strict mode, PyTorch's error
    /// for the pass that found the independence.
    /// </summary>
    public static Tensor[] FillInZeros(Tensor?[] grads, IReadOnlyList<Tensor> refs, bool strict, bool createGraph, Stage stage)
    {
        var result = new Tensor[grads.Length];
        for (int i = 0; i < grads.Length; i++)
        {
            var grad = grads[i];
            if (grad is null)
            {
                if (strict)
                {
                    throw new AutogradException(stage switch
                    {
                        Stage.Back => Invariant($"The output of the user-provided function is independent of input {i}. This is not allowed in strict mode."),
                        Stage.BackTrick => Invariant($"The gradient with respect to the input is independent of entry {i} in the grad_outputs when using the double backward trick to compute forward mode gradients. This is not allowed in strict mode."),
                        Stage.DoubleBack => Invariant($"The jacobian of the user-provided function is independent of input {i}. This is not allowed in strict mode."),
                        _ => Invariant($"The hessian of the user-provided function is independent of entry {i} in the grad_jacobian. This is not allowed in strict mode as it prevents from using the double backward trick to replace forward mode AD."),
                    });
                }
                grad = Tensor.ZerosLike(refs[i]);
            }
            else if (strict && createGraph && !grad.RequiresGrad)
            {
                throw new AutogradException(stage is Stage.Back or Stage.BackTrick
                    ? Invariant($"The jacobian of the user-provided function is independent of input {i}. This is not allowed in strict mode when create_graph=True.")
                    : Invariant($"The hessian of the user-provided function is independent of input {i}. This is not allowed in strict mode when create_graph=True."));
            }
            result[i] = grad;
        }
        return result;
    }

    /// <summary>Ones like the single one-element tensor, the implied v of a function of one scalar.</summary>
    public static void RequireSingleElement(IReadOnlyList<Tensor> tensors, string message)
    {
        if (tensors.Count != 1 || tensors[0].Numel != 1) throw new AutogradException(message);
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
