using static AutogradGen.FunctionalSteps;

namespace AutogradGen;

/// <summary>
/// The algorithms of <see cref="Autograd.Functional"/> over arrays of inputs and outputs, as PyTorch's
/// <c>torch.autograd.functional</c> writes them: every product is one or two calls of
/// <see cref="Autograd.Grad(IReadOnlyList{Tensor}, IReadOnlyList{Tensor}, IReadOnlyList{Tensor?}?, bool?, bool, bool)"/>,
/// forward-mode products use the double-backward trick (the gradient of a vector-Jacobian product with respect
/// to its vector is a Jacobian-vector product), and second order comes from a backward pass recorded with
/// <c>createGraph</c>. The <c>isInputsTuple</c>/<c>isOutputsTuple</c> flags only shape the messages, as PyTorch's do.
/// </summary>
internal static class FunctionalTransforms
{
    private const string VOnlyForScalarInput = "The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.";

    public static (Tensor[] Outputs, Tensor[] Vjp) Vjp(Func<Tensor[], Tensor[]> func, Tensor[] inputs, Tensor[]? v,
        bool createGraph, bool strict, bool isOutputsTuple)
    {
        Tensor[] outputs;
        Tensor[]? vector = null;
        using (Autograd.EnableGrad())
        {
            inputs = GradPreprocess(inputs, createGraph, needGraph: true);
            outputs = Call(func, inputs, "vjp", isOutputsTuple);
            CheckRequiresGrad(outputs, Checked.Outputs, strict);
            if (v is not null)
            {
                CheckTensors(v, "v", "vjp", isOutputsTuple, nameof(v));
                vector = GradPreprocess(v, createGraph, needGraph: false);
                ValidateV(vector, outputs, isOutputsTuple);
            }
            else
            {
                RequireSingleElement(outputs, "The vector v can only be None if the user-provided function returns a single Tensor with a single element.");
            }
        }

        Tensor[] vjp;
        using (Autograd.SetGradEnabled(createGraph || Autograd.IsGradEnabled))
        {
            var grads = Grad(outputs, inputs, vector, createGraph);
            vjp = FillInZeros(grads, inputs, strict, createGraph, Stage.Back);
        }
        return (GradPostprocess(outputs, createGraph), GradPostprocess(vjp, createGraph));
    }

    public static (Tensor[] Outputs, Tensor[] Jvp) Jvp(Func<Tensor[], Tensor[]> func, Tensor[] inputs, Tensor[]? v,
        bool createGraph, bool strict, bool isInputsTuple, bool isOutputsTuple)
    {
        Tensor[] outputs;
        Tensor[]? vector = null;
        Tensor?[] gradInputs;
        Tensor[] gradOutputs;
        using (Autograd.EnableGrad())
        {
            inputs = GradPreprocess(inputs, createGraph, needGraph: true);
            if (v is not null)
            {
                CheckTensors(v, "v", "jvp", isInputsTuple, nameof(v));
                vector = GradPreprocess(v, createGraph, needGraph: false);
                ValidateV(vector, inputs, isInputsTuple);
            }
            else
            {
                RequireSingleElement(inputs, VOnlyForScalarInput);
            }
            outputs = Call(func, inputs, "jvp", isOutputsTuple);
            CheckRequiresGrad(outputs, Checked.Outputs, strict);

            // The backward pass is linear in grad_outputs, so their value never reaches the double-backward graph;
            // zeros are the safe choice (no inf or NaN to propagate).
            gradOutputs = ZerosRequiringGrad(outputs);
            gradInputs = Grad(outputs, inputs, gradOutputs, createGraph: true);
            CheckRequiresGrad(gradInputs, Checked.GradInputs, strict);
        }

        Tensor[] jvp;
        using (Autograd.SetGradEnabled(createGraph || Autograd.IsGradEnabled))
        {
            var grads = Grad(gradInputs, gradOutputs, vector, createGraph);
            jvp = FillInZeros(grads, outputs, strict, createGraph, Stage.BackTrick);
        }
        return (GradPostprocess(outputs, createGraph), GradPostprocess(jvp, createGraph));
    }

    /// <summary>The Jacobian of each output with respect to each input, indexed [output][input].</summary>
    public static Tensor[][] Jacobian(Func<Tensor[], Tensor[]> func, Tensor[] inputs, bool createGraph, bool strict,
        bool vectorize, JacobianStrategy strategy, bool isOutputsTuple)
    {
        if (strategy is not (JacobianStrategy.ReverseMode or JacobianStrategy.ForwardMode))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy,
                "Expected strategy to be either \"forward-mode\" or \"reverse-mode\". Hint: If your function has more outputs than inputs, \"forward-mode\" tends to be more performant. Otherwise, prefer to use \"reverse-mode\".");
        }
        if (strategy == JacobianStrategy.ForwardMode)
        {
            if (createGraph)
            {
                throw new NotSupportedException("torch.autograd.functional.jacobian: `create_graph=True` and `strategy=\"forward-mode\"` are not supported together (yet). Please either set `create_graph=False` or `strategy=\"reverse-mode\"`.");
            }
            return ForwardJacobian(func, inputs, strict, vectorize, isOutputsTuple);
        }

        using var gradMode = Autograd.EnableGrad();
        inputs = GradPreprocess(inputs, createGraph, needGraph: true);
        var outputs = Call(func, inputs, "jacobian", isOutputsTuple);
        CheckRequiresGrad(outputs, Checked.Outputs, strict);
        if (vectorize && strict)
        {
            throw new AutogradException("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not supported together. Please either set `strict=False` or `vectorize=False`.");
        }

        // PyTorch's vectorize batches the rows below with vmap; this runtime has no vmap, so the rows are the same
        // backward passes run one after another, and the result is the same.
        var jacobian = new Tensor[outputs.Length][];
        for (int i = 0; i < outputs.Length; i++)
        {
            var output = outputs[i];
            var rows = NewLists(inputs.Length, output.Numel);
            var flat = output.Reshape([-1]);
            for (int j = 0; j < output.Numel; j++)
            {
                var row = Grad([flat[j]], inputs, createGraph: createGraph, retainGraph: true);
                for (int k = 0; k < inputs.Length; k++)
                {
                    if (row[k] is { } gradient)
                    {
                        if (strict && createGraph && !gradient.RequiresGrad)
                        {
                            // PyTorch names the output's index here, not the input's.
                            throw new AutogradException(Invariant($"The jacobian of the user-provided function is independent of input {i}. This is not allowed in strict mode when create_graph=True."));
                        }
                        rows[k].Add(gradient);
                    }
                    else
                    {
                        if (strict)
                        {
                            throw new AutogradException(Invariant($"Output {i} of the user-provided function is independent of input {k}. This is not allowed in strict mode."));
                        }
                        rows[k].Add(Tensor.ZerosLike(inputs[k]));
                    }
                }
            }
            jacobian[i] = new Tensor[inputs.Length];
            for (int k = 0; k < inputs.Length; k++)
            {
                int[] shape = [.. output.ShapeSpan, .. inputs[k].ShapeSpan];
                jacobian[i][k] = rows[k].Count == 0
                    ? Tensor.Zeros(shape, dtype: inputs[k].DType)
                    : Tensor.Stack(rows[k], 0).View(shape);
            }
        }
        return GradPostprocess(jacobian, createGraph);
    }

    /// <summary>
    /// One Jacobian column per input element: the double-backward trick over one recorded backward pass,
    /// u ↦ Jᵀu, differentiated with respect to u along each unit vector.
    /// </summary>
    private static Tensor[][] ForwardJacobian(Func<Tensor[], Tensor[]> func, Tensor[] inputs, bool strict, bool vectorize, bool isOutputsTuple)
    {
        if (strict)
        {
            throw new AutogradException("torch.autograd.functional.jacobian: `strict=True` and `strategy=\"forward-mode\"` are not supported together (yet). Please either set `strict=False` or `strategy=\"reverse-mode\"`.");
        }
        if (!vectorize)
        {
            throw new NotSupportedException("Computing Jacobian using forward-AD or forward-over-reverse Hessian is only implemented for `vectorize=True`.");
        }

        using var gradMode = Autograd.EnableGrad();
        inputs = GradPreprocess(inputs, createGraph: false, needGraph: true);
        var outputs = Call(func, inputs, "jacobian", isOutputsTuple);
        var gradOutputs = ZerosRequiringGrad(outputs);
        var gradInputs = Grad(outputs, inputs, gradOutputs, createGraph: true);

        var columns = new List<Tensor>[outputs.Length][];
        for (int i = 0; i < outputs.Length; i++) columns[i] = NewLists(inputs.Length, 0);
        var direction = new Tensor?[inputs.Length];
        for (int k = 0; k < inputs.Length; k++)
        {
            for (int element = 0; element < inputs[k].Numel; element++)
            {
                for (int other = 0; other < inputs.Length; other++)
                {
                    direction[other] = other == k ? UnitVector(inputs[k], element) : Tensor.ZerosLike(inputs[other]);
                }
                var column = Grad(gradInputs, gradOutputs, direction, createGraph: false, retainGraph: true);
                for (int i = 0; i < outputs.Length; i++)
                {
                    columns[i][k].Add(column[i] ?? Tensor.ZerosLike(outputs[i]));
                }
            }
        }

        var jacobian = new Tensor[outputs.Length][];
        for (int i = 0; i < outputs.Length; i++)
        {
            jacobian[i] = new Tensor[inputs.Length];
            for (int k = 0; k < inputs.Length; k++)
            {
                int[] shape = [.. outputs[i].ShapeSpan, .. inputs[k].ShapeSpan];
                jacobian[i][k] = columns[i][k].Count == 0
                    ? Tensor.Zeros(shape, dtype: outputs[i].DType)
                    : Tensor.Stack(columns[i][k], outputs[i].Rank).View(shape);
            }
        }
        return GradPostprocess(jacobian, createGraph: false);
    }

    /// <summary>The Hessian of a one-element function, indexed [input][input]: the Jacobian of its gradient.</summary>
    public static Tensor[][] Hessian(Func<Tensor[], Tensor> func, Tensor[] inputs, bool createGraph, bool strict,
        bool vectorize, JacobianStrategy outerJacobianStrategy)
    {
        if (outerJacobianStrategy is not (JacobianStrategy.ReverseMode or JacobianStrategy.ForwardMode))
        {
            throw new ArgumentOutOfRangeException(nameof(outerJacobianStrategy), outerJacobianStrategy, "Expected strategy to be either \"forward-mode\" or \"reverse-mode\".");
        }

        Tensor[] SingleOutput(Tensor[] arguments)
        {
            var output = func(arguments);
            CheckTensors([output], "outputs of the user-provided function", "hessian", isTuple: false, nameof(func));
            CheckRequiresGrad([output], Checked.Outputs, strict);
            if (output.Numel != 1) throw new AutogradException("The Tensor returned by the function given to hessian should contain a single element");
            return [output.Squeeze()];
        }

        Tensor[] JacobianOfFunc(Tensor[] arguments)
        {
            if (outerJacobianStrategy == JacobianStrategy.ForwardMode)
            {
                // The inner Jacobian views (rather than detaches) only inputs that require grad.
                foreach (var argument in arguments) argument.RequiresGrad_(true);
            }
            var jacobian = Jacobian(SingleOutput, arguments, createGraph: true, strict: false, vectorize: false,
                JacobianStrategy.ReverseMode, isOutputsTuple: false)[0];
            CheckRequiresGrad(jacobian, Checked.Jacobian, strict);
            return jacobian;
        }

        var hessian = Jacobian(JacobianOfFunc, inputs, createGraph, strict, vectorize, outerJacobianStrategy, isOutputsTuple: true);
        return hessian;
    }

    public static (Tensor Output, Tensor[] Vhp) Vhp(Func<Tensor[], Tensor> func, Tensor[] inputs, Tensor[]? v,
        bool createGraph, bool strict, bool isInputsTuple)
    {
        Tensor[] outputs;
        Tensor[]? vector;
        Tensor?[] jacobian;
        using (Autograd.EnableGrad())
        {
            (inputs, vector, outputs) = PrepareSecondOrder(func, inputs, v, createGraph, strict, isInputsTuple, "vhp");
            jacobian = Grad(outputs, inputs, createGraph: true);
            CheckRequiresGrad(jacobian, Checked.Jacobian, strict);
        }

        Tensor[] vhp;
        using (Autograd.SetGradEnabled(createGraph || Autograd.IsGradEnabled))
        {
            var grads = Grad(jacobian, inputs, vector, createGraph);
            vhp = FillInZeros(grads, inputs, strict, createGraph, Stage.DoubleBack);
        }
        return (GradPostprocess(outputs, createGraph)[0], GradPostprocess(vhp, createGraph));
    }

    public static (Tensor Output, Tensor[] Hvp) Hvp(Func<Tensor[], Tensor> func, Tensor[] inputs, Tensor[]? v,
        bool createGraph, bool strict, bool isInputsTuple)
    {
        Tensor[] outputs;
        Tensor[]? vector;
        Tensor[] gradJacobian;
        Tensor?[] doubleBack;
        using (Autograd.EnableGrad())
        {
            (inputs, vector, outputs) = PrepareSecondOrder(func, inputs, v, createGraph, strict, isInputsTuple, "hvp");
            var jacobian = Grad(outputs, inputs, createGraph: true);
            CheckRequiresGrad(jacobian, Checked.Jacobian, strict);

            // H·v = ∂/∂u (Hᵀ u) · v: differentiate the vector-Hessian product with respect to its vector.
            gradJacobian = ZerosRequiringGrad(inputs);
            doubleBack = Grad(jacobian, inputs, gradJacobian, createGraph: true);
            CheckRequiresGrad(jacobian, Checked.Hessian, strict);
        }

        Tensor[] hvp;
        using (Autograd.SetGradEnabled(createGraph || Autograd.IsGradEnabled))
        {
            var grads = Grad(doubleBack, gradJacobian, vector, createGraph);
            hvp = FillInZeros(grads, inputs, strict, createGraph, Stage.DoubleBackTrick);
        }
        return (GradPostprocess(outputs, createGraph)[0], GradPostprocess(hvp, createGraph));
    }

    /// <summary>What vhp and hvp do before their backward passes: inputs, v, and the one-element output.</summary>
    private static (Tensor[] Inputs, Tensor[]? Vector, Tensor[] Outputs) PrepareSecondOrder(Func<Tensor[], Tensor> func,
        Tensor[] inputs, Tensor[]? v, bool createGraph, bool strict, bool isInputsTuple, string fnName)
    {
        inputs = GradPreprocess(inputs, createGraph, needGraph: true);
        Tensor[]? vector = null;
        if (v is not null)
        {
            CheckTensors(v, "v", fnName, isInputsTuple, nameof(v));
            vector = GradPreprocess(v, createGraph, needGraph: false);
            ValidateV(vector, inputs, isInputsTuple);
        }
        else
        {
            RequireSingleElement(inputs, VOnlyForScalarInput);
        }
        var output = func(inputs);
        CheckTensors([output], "outputs of the user-provided function", fnName, isTuple: false, nameof(func));
        CheckRequiresGrad([output], Checked.Outputs, strict);
        if (output.Numel != 1) throw new AutogradException($"The Tensor returned by the function given to {fnName} should contain a single element");
        return (inputs, vector, [output]);
    }

    private static Tensor[] Call(Func<Tensor[], Tensor[]> func, Tensor[] inputs, string fnName, bool isOutputsTuple)
    {
        var outputs = func(inputs);
        CheckTensors(outputs, "outputs of the user-provided function", fnName, isOutputsTuple, nameof(func));
        return outputs;
    }

    private static Tensor[] ZerosRequiringGrad(IReadOnlyList<Tensor> like)
    {
        var zeros = new Tensor[like.Count];
        for (int i = 0; i < like.Count; i++) zeros[i] = Tensor.ZerosLike(like[i]).RequiresGrad_();
        return zeros;
    }

    /// <summary>A tensor of <paramref name="like"/>'s shape and dtype that is 1 at one row-major position and 0 elsewhere.</summary>
    private static Tensor UnitVector(Tensor like, int position)
    {
        int[] shape = like.ShapeSpan.ToArray();
        if (like.DType == DType.Float32)
        {
            var values = new float[like.Numel];
            values[position] = 1;
            return Tensor.From(values, shape);
        }
        var doubles = new double[like.Numel];
        doubles[position] = 1;
        return Tensor.From(doubles, shape).To(like.DType);
    }

    private static List<Tensor>[] NewLists(int count, int capacity)
    {
        var lists = new List<Tensor>[count];
        for (int i = 0; i < count; i++) lists[i] = new List<Tensor>(capacity);
        return lists;
    }
}
