namespace AutogradGen;

public static partial class Autograd
{
    /// <summary>
    /// PyTorch's <c>torch.autograd.functional</c>: vector-Jacobian and Jacobian-vector products, Jacobians, Hessians
    /// and Hessian-vector products of a function of tensors, built on the tape (<see cref="Grad(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, IReadOnlyList{Tensor?}?, bool?, bool, bool)"/>
    /// with <c>createGraph</c>). Where PyTorch takes "a Tensor or a tuple of Tensors", each function has an overload
    /// for a single tensor and one for an array, and its results follow the same choice: a single input gives a
    /// single gradient, an array of inputs an array of gradients; a Jacobian of several outputs and several inputs
    /// is indexed <c>[output][input]</c>, a Hessian of several inputs <c>[input][input]</c>.
    /// </summary>
    /// <remarks>
    /// The function is called once with fresh tensors that require grad (detached copies of the inputs, or views of
    /// them with <c>createGraph</c> when they require grad themselves), so its result does not depend on whether the
    /// caller's tensors require grad. Results carry no history unless <c>createGraph</c> is set. In
    /// <c>strict</c> mode an output that does not depend on an input is an error instead of a zero block.
    /// </remarks>
    public static class Functional
    {
        // ---- vjp: vᵀ·J, one backward pass ------------------------------------------------------------------

        /// <summary>
        /// The function's output and the vector-Jacobian product <c>vᵀ·J</c> at <paramref name="inputs"/>
        /// (<c>torch.autograd.functional.vjp</c>).
        /// </summary>
        /// <param name="func">The function to differentiate.</param>
        /// <param name="inputs">The point.</param>
        /// <param name="v">A tensor of the output's shape; may be omitted when the output has one element (then 1).</param>
        /// <param name="createGraph">Record the computation, so the results can be differentiated again.</param>
        /// <param name="strict">Fail, instead of returning zeros, when the output does not depend on the input.</param>
        public static (Tensor Output, Tensor Vjp) Vjp(Func<Tensor, Tensor> func, Tensor inputs, Tensor? v = null, bool createGraph = false, bool strict = false)
        {
            CheckSingle(func, inputs, "vjp");
            var (outputs, vjp) = FunctionalTransforms.Vjp(Tupled(func), [inputs], Tupled(v), createGraph, strict, isOutputsTuple: false);
            return (outputs[0], vjp[0]);
        }

        /// <summary>The output and <c>vᵀ·J</c> of a function of several tensors: one product per input.</summary>
        public static (Tensor Output, Tensor[] Vjp) Vjp(Func<Tensor[], Tensor> func, Tensor[] inputs, Tensor? v = null, bool createGraph = false, bool strict = false)
        {
            CheckTuple(func, inputs, "vjp");
            var (outputs, vjp) = FunctionalTransforms.Vjp(Tupled(func), [.. inputs], Tupled(v), createGraph, strict, isOutputsTuple: false);
            return (outputs[0], vjp);
        }

        /// <summary>The outputs and <c>vᵀ·J</c> of a function with several outputs: <paramref name="v"/> has one tensor per output.</summary>
        public static (Tensor[] Outputs, Tensor Vjp) Vjp(Func<Tensor, Tensor[]> func, Tensor inputs, Tensor[]? v = null, bool createGraph = false, bool strict = false)
        {
            CheckSingle(func, inputs, "vjp");
            var (outputs, vjp) = FunctionalTransforms.Vjp(xs => func(xs[0]), [inputs], Copy(v), createGraph, strict, isOutputsTuple: true);
            return (outputs, vjp[0]);
        }

        /// <summary>The outputs and <c>vᵀ·J</c> of a function of several tensors with several outputs.</summary>
        public static (Tensor[] Outputs, Tensor[] Vjp) Vjp(Func<Tensor[], Tensor[]> func, Tensor[] inputs, Tensor[]? v = null, bool createGraph = false, bool strict = false)
        {
            CheckTuple(func, inputs, "vjp");
            return FunctionalTransforms.Vjp(func, [.. inputs], Copy(v), createGraph, strict, isOutputsTuple: true);
        }

        // ---- jvp: J·v, by the double-backward trick --------------------------------------------------------

        /// <summary>
        /// The function's output and the Jacobian-vector product <c>J·v</c> at <paramref name="inputs"/>
        /// (<c>torch.autograd.functional.jvp</c>), computed as PyTorch does with the double-backward trick: two
        /// backward passes, the first recorded.
        /// </summary>
        /// <param name="func">The function to differentiate.</param>
        /// <param name="inputs">The point.</param>
        /// <param name="v">A tensor of the input's shape; may be omitted when the input has one element (then 1).</param>
        /// <param name="createGraph">Record the computation, so the results can be differentiated again.</param>
        /// <param name="strict">Fail, instead of returning zeros, when the output does not depend on the input.</param>
        public static (Tensor Output, Tensor Jvp) Jvp(Func<Tensor, Tensor> func, Tensor inputs, Tensor? v = null, bool createGraph = false, bool strict = false)
        {
            CheckSingle(func, inputs, "jvp");
            var (outputs, jvp) = FunctionalTransforms.Jvp(Tupled(func), [inputs], Tupled(v), createGraph, strict, isInputsTuple: false, isOutputsTuple: false);
            return (outputs[0], jvp[0]);
        }

        /// <summary>The output and <c>J·v</c> of a function of several tensors: <paramref name="v"/> has one tensor per input.</summary>
        public static (Tensor Output, Tensor Jvp) Jvp(Func<Tensor[], Tensor> func, Tensor[] inputs, Tensor[]? v = null, bool createGraph = false, bool strict = false)
        {
            CheckTuple(func, inputs, "jvp");
            var (outputs, jvp) = FunctionalTransforms.Jvp(Tupled(func), [.. inputs], Copy(v), createGraph, strict, isInputsTuple: true, isOutputsTuple: false);
            return (outputs[0], jvp[0]);
        }

        /// <summary>The outputs and <c>J·v</c> of a function with several outputs: one product per output.</summary>
        public static (Tensor[] Outputs, Tensor[] Jvp) Jvp(Func<Tensor, Tensor[]> func, Tensor inputs, Tensor? v = null, bool createGraph = false, bool strict = false)
        {
            CheckSingle(func, inputs, "jvp");
            return FunctionalTransforms.Jvp(xs => func(xs[0]), [inputs], Tupled(v), createGraph, strict, isInputsTuple: false, isOutputsTuple: true);
        }

        /// <summary>The outputs and <c>J·v</c> of a function of several tensors with several outputs.</summary>
        public static (Tensor[] Outputs, Tensor[] Jvp) Jvp(Func<Tensor[], Tensor[]> func, Tensor[] inputs, Tensor[]? v = null, bool createGraph = false, bool strict = false)
        {
            CheckTuple(func, inputs, "jvp");
            return FunctionalTransforms.Jvp(func, [.. inputs], Copy(v), createGraph, strict, isInputsTuple: true, isOutputsTuple: true);
        }

        // ---- jacobian ----------------------------------------------------------------------------------------

        /// <summary>
        /// The Jacobian of the function at <paramref name="inputs"/>, of shape <c>output.shape + input.shape</c>
        /// (<c>torch.autograd.functional.jacobian</c>).
        /// </summary>
        /// <param name="func">The function to differentiate.</param>
        /// <param name="inputs">The point.</param>
        /// <param name="createGraph">Record the computation, so the Jacobian can be differentiated again.</param>
        /// <param name="strict">Fail, instead of returning zeros, when an output does not depend on an input.</param>
        /// <param name="vectorize">PyTorch's vmap-batched variant. Accepted with PyTorch's rules (it excludes
        /// <paramref name="strict"/>; <see cref="JacobianStrategy.ForwardMode"/> requires it) and gives the same
        /// Jacobian; this runtime has no vmap, so the rows (or columns) are still computed one at a time.</param>
        /// <param name="strategy">One backward pass per output element (<see cref="JacobianStrategy.ReverseMode"/>),
        /// or one Jacobian-vector product per input element (<see cref="JacobianStrategy.ForwardMode"/>).</param>
        public static Tensor Jacobian(Func<Tensor, Tensor> func, Tensor inputs, bool createGraph = false, bool strict = false,
            bool vectorize = false, JacobianStrategy strategy = JacobianStrategy.ReverseMode)
        {
            CheckSingle(func, inputs, "jacobian");
            return FunctionalTransforms.Jacobian(Tupled(func), [inputs], createGraph, strict, vectorize, strategy, isOutputsTuple: false)[0][0];
        }

        /// <summary>The Jacobian of a function of several tensors: one block per input, each <c>output.shape + input.shape</c>.</summary>
        public static Tensor[] Jacobian(Func<Tensor[], Tensor> func, Tensor[] inputs, bool createGraph = false, bool strict = false,
            bool vectorize = false, JacobianStrategy strategy = JacobianStrategy.ReverseMode)
        {
            CheckTuple(func, inputs, "jacobian");
            return FunctionalTransforms.Jacobian(Tupled(func), [.. inputs], createGraph, strict, vectorize, strategy, isOutputsTuple: false)[0];
        }

        /// <summary>The Jacobian of a function with several outputs: one block per output, each <c>output.shape + input.shape</c>.</summary>
        public static Tensor[] Jacobian(Func<Tensor, Tensor[]> func, Tensor inputs, bool createGraph = false, bool strict = false,
            bool vectorize = false, JacobianStrategy strategy = JacobianStrategy.ReverseMode)
        {
            CheckSingle(func, inputs, "jacobian");
            var blocks = FunctionalTransforms.Jacobian(xs => func(xs[0]), [inputs], createGraph, strict, vectorize, strategy, isOutputsTuple: true);
            var result = new Tensor[blocks.Length];
            for (int i = 0; i < blocks.Length; i++) result[i] = blocks[i][0];
            return result;
        }

        /// <summary>The Jacobian of a function of several tensors with several outputs, indexed <c>[output][input]</c>.</summary>
        public static Tensor[][] Jacobian(Func<Tensor[], Tensor[]> func, Tensor[] inputs, bool createGraph = false, bool strict = false,
            bool vectorize = false, JacobianStrategy strategy = JacobianStrategy.ReverseMode)
        {
            CheckTuple(func, inputs, "jacobian");
            return FunctionalTransforms.Jacobian(func, [.. inputs], createGraph, strict, vectorize, strategy, isOutputsTuple: true);
        }

        // ---- second order --------------------------------------------------------------------------------------

        /// <summary>
        /// The Hessian of a function with a one-element result, of shape <c>input.shape + input.shape</c>
        /// (<c>torch.autograd.functional.hessian</c>): the Jacobian of its gradient.
        /// </summary>
        /// <param name="func">The function; its result must have one element.</param>
        /// <param name="inputs">The point.</param>
        /// <param name="createGraph">Record the computation, so the Hessian can be differentiated again.</param>
        /// <param name="strict">Fail when the Hessian does not depend on an input.</param>
        /// <param name="vectorize">As for <see cref="Jacobian(Func{Tensor, Tensor}, Tensor, bool, bool, bool, JacobianStrategy)"/>, for the outer Jacobian.</param>
        /// <param name="outerJacobianStrategy">The strategy of the outer Jacobian (the inner one is reverse mode):
        /// <see cref="JacobianStrategy.ForwardMode"/> is forward-over-reverse.</param>
        public static Tensor Hessian(Func<Tensor, Tensor> func, Tensor inputs, bool createGraph = false, bool strict = false,
            bool vectorize = false, JacobianStrategy outerJacobianStrategy = JacobianStrategy.ReverseMode)
        {
            CheckSingle(func, inputs, "hessian");
            return FunctionalTransforms.Hessian(xs => func(xs[0]), [inputs], createGraph, strict, vectorize, outerJacobianStrategy)[0][0];
        }

        /// <summary>The Hessian of a one-element function of several tensors, indexed <c>[input i][input j]</c>, each block <c>inputs[i].shape + inputs[j].shape</c>.</summary>
        public static Tensor[][] Hessian(Func<Tensor[], Tensor> func, Tensor[] inputs, bool createGraph = false, bool strict = false,
            bool vectorize = false, JacobianStrategy outerJacobianStrategy = JacobianStrategy.ReverseMode)
        {
            CheckTuple(func, inputs, "hessian");
            return FunctionalTransforms.Hessian(func, [.. inputs], createGraph, strict, vectorize, outerJacobianStrategy);
        }

        /// <summary>
        /// The output of a one-element function and the vector-Hessian product <c>vᵀ·H</c>
        /// (<c>torch.autograd.functional.vhp</c>): two backward passes, the first recorded.
        /// </summary>
        /// <param name="func">The function; its result must have one element.</param>
        /// <param name="inputs">The point.</param>
        /// <param name="v">A tensor of the input's shape; may be omitted when the input has one element.</param>
        /// <param name="createGraph">Record the computation, so the results can be differentiated again.</param>
        /// <param name="strict">Fail, instead of returning zeros, when the Jacobian does not depend on the input.</param>
        public static (Tensor Output, Tensor Vhp) Vhp(Func<Tensor, Tensor> func, Tensor inputs, Tensor? v = null, bool createGraph = false, bool strict = false)
        {
            CheckSingle(func, inputs, "vhp");
            var (output, vhp) = FunctionalTransforms.Vhp(xs => func(xs[0]), [inputs], Tupled(v), createGraph, strict, isInputsTuple: false);
            return (output, vhp[0]);
        }

        /// <summary><c>vᵀ·H</c> of a one-element function of several tensors: <paramref name="v"/> has one tensor per input.</summary>
        public static (Tensor Output, Tensor[] Vhp) Vhp(Func<Tensor[], Tensor> func, Tensor[] inputs, Tensor[]? v = null, bool createGraph = false, bool strict = false)
        {
            CheckTuple(func, inputs, "vhp");
            return FunctionalTransforms.Vhp(func, [.. inputs], Copy(v), createGraph, strict, isInputsTuple: true);
        }

        /// <summary>
        /// The output of a one-element function and the Hessian-vector product <c>H·v</c>
        /// (<c>torch.autograd.functional.hvp</c>): three backward passes (the double-backward trick over
        /// <see cref="Vhp(Func{Tensor, Tensor}, Tensor, Tensor?, bool, bool)"/>). For a twice continuously differentiable
        /// function H is symmetric and <c>Vhp</c> gives the same vector for less work, as PyTorch's documentation says.
        /// </summary>
        public static (Tensor Output, Tensor Hvp) Hvp(Func<Tensor, Tensor> func, Tensor inputs, Tensor? v = null, bool createGraph = false, bool strict = false)
        {
            CheckSingle(func, inputs, "hvp");
            var (output, hvp) = FunctionalTransforms.Hvp(xs => func(xs[0]), [inputs], Tupled(v), createGraph, strict, isInputsTuple: false);
            return (output, hvp[0]);
        }

        /// <summary><c>H·v</c> of a one-element function of several tensors: <paramref name="v"/> has one tensor per input.</summary>
        public static (Tensor Output, Tensor[] Hvp) Hvp(Func<Tensor[], Tensor> func, Tensor[] inputs, Tensor[]? v = null, bool createGraph = false, bool strict = false)
        {
            CheckTuple(func, inputs, "hvp");
            return FunctionalTransforms.Hvp(func, [.. inputs], Copy(v), createGraph, strict, isInputsTuple: true);
        }

        // ---- adapters between the public shapes and the array form ---------------------------------------------

        private static Func<Tensor[], Tensor[]> Tupled(Func<Tensor, Tensor> func) => xs => [func(xs[0])];

        private static Func<Tensor[], Tensor[]> Tupled(Func<Tensor[], Tensor> func) => xs => [func(xs)];

        private static Tensor[]? Tupled(Tensor? v) => v is null ? null : [v];

        // A copy, so that a caller's array is never written and a later change to it cannot reach the computation.
        private static Tensor[]? Copy(Tensor[]? v) => v is null ? null : [.. v];

        private static void CheckSingle(Delegate func, Tensor inputs, string fnName)
        {
            ArgumentNullException.ThrowIfNull(func);
            FunctionalSteps.CheckTensors([inputs], "inputs", fnName, isTuple: false, nameof(inputs));
        }

        private static void CheckTuple(Delegate func, Tensor[] inputs, string fnName)
        {
            ArgumentNullException.ThrowIfNull(func);
            FunctionalSteps.CheckTensors(inputs, "inputs", fnName, isTuple: true, nameof(inputs));
        }
    }
}
