namespace AutogradGen;

/// <summary>
/// Runs a backward pass, iteratively like PyTorch's engine: <see cref="GraphTask"/> finds the nodes with a
/// depth-first walk on an explicit stack, counts each node's dependencies, and runs a node once every node that
/// feeds it has run, so gradients reaching the same node are summed first. No recursion anywhere: a chain of a
/// million operations needs no more stack than a chain of one.
/// </summary>
/// <remarks>
/// A failed pass changes nothing: gradients meant for leaves and retained non-leaves are collected and written
/// only after every node has run, and saved tensors are freed only then.
/// </remarks>
internal static class Engine
{
    /// <param name="outputs">The tensors to differentiate (each requires grad).</param>
    /// <param name="grads">The gradient of each output, already of its shape and dtype.</param>
    /// <param name="keepGraph">Keep saved tensors for another pass.</param>
    /// <param name="createGraph">Record the backward pass so its results can be differentiated.</param>
    /// <param name="inputs">For <see cref="Autograd.Grad(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, IReadOnlyList{Tensor?}?, bool?, bool, bool)"/>:
    /// return the gradients of these and leave every <c>.Grad</c> alone. Null: accumulate into leaves.</param>
    /// <param name="allowUnused">With <paramref name="inputs"/>: null instead of an error for an input the outputs do not depend on.</param>
    /// <returns>The gradient of each input (empty when <paramref name="inputs"/> is null).</returns>
    public static Tensor?[] Run(IReadOnlyList<Tensor> outputs, Tensor[] grads, bool keepGraph, bool createGraph, IReadOnlyList<Tensor>? inputs, bool allowUnused)
    {
        var task = new GraphTask(outputs, grads, createGraph, inputs);
        try
        {
            task.Execute();
            if (inputs is not null && !allowUnused && Array.IndexOf(task.Captured, null) >= 0)
            {
                throw new AutogradException(Messages.UnusedInput);
            }
            task.Commit(keepGraph);
            return task.Captured;
        }
        finally
        {
            // Also after a failed pass: the nodes it claimed must be free for the next one.
            task.Release();
        }
    }
}
