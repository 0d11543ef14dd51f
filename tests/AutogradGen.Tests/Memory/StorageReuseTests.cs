using AutogradGen.Optim;

namespace AutogradGen.Tests.Memory;

/// <summary>
/// The backward pass's storage reuse (docs/ARCHITECTURE.md, "Storage reuse"): gradients it made and consumed go to
/// the pool, a leaf's first gradient is taken rather than copied when nothing else holds it, sums and element-wise
/// backward rules write over gradients the pass owns. Every case is compared bit for bit with the same computation
/// run with the tracking off (the engine as it was: copies and new buffers), and every tensor user code could see
/// (hook arguments, custom Function gradients, the caller's gradient argument, retained and captured gradients) is
/// checked to be unchanged afterwards. Lengths are odd primes above the pool's 16 KB threshold, so that other tests
/// running at the same time never share a pool bucket with these.
/// </summary>
[Collection(SingleThreadedAllocationCounts.Name)]
public class StorageReuseTests
{
    private const int Length = 100_003;

    private static T Untracked<T>(Func<T> run)
    {
        PassAllocations.DisabledOnThisThread = true;
        try
        {
            return run();
        }
        finally
        {
            PassAllocations.DisabledOnThisThread = false;
        }
    }

    private static Tensor Seeded(int length, ulong seed, bool requiresGrad, DType dtype = DType.Float64)
    {
        var values = new double[length];
        ulong state = seed;
        for (int i = 0; i < length; i++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            values[i] = ((state >> 11) * (1.0 / (1UL << 53)) * 4) - 2;
        }
        var tensor = Tensor.From(values);
        if (dtype != DType.Float64) tensor = tensor.To(dtype);
        if (requiresGrad) tensor.RequiresGrad = true;
        return tensor;
    }

    /// <summary>The benchmark's chain, Σ (tanh(a·b + c) · sigmoid(a))²: returns the loss and the three gradients.</summary>
    private static double[][] ChainGradients(Tensor a, Tensor b, Tensor c)
    {
        a.Grad = null;
        b.Grad = null;
        c.Grad = null;
        var w = (a * b + c).Tanh() * a.Sigmoid();
        var loss = (w * w).Sum();
        loss.Backward();
        return [[loss.Item()], a.Grad!.ToArray(), b.Grad!.ToArray(), c.Grad!.ToArray()];
    }

    private static void AssertBitwiseEqual(double[][] expected, double[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k].Length, actual[k].Length);
            for (int i = 0; i < expected[k].Length; i++)
            {
                if (BitConverter.DoubleToInt64Bits(expected[k][i]) != BitConverter.DoubleToInt64Bits(actual[k][i]))
                {
                    Assert.Fail($"array {k}, element {i}: expected {expected[k][i]:R}, got {actual[k][i]:R}");
                }
            }
        }
    }

    [Fact]
    public void The_element_wise_chain_gives_the_untracked_engines_values_bit_for_bit_step_after_step()
    {
        var (a, b, c) = (Seeded(Length, 1, true), Seeded(Length, 2, true), Seeded(Length, 3, true));
        var expected = Untracked(() => ChainGradients(a, b, c));
        // Several steps: later ones run on arrays that earlier backward passes gave back to the pool.
        for (int step = 0; step < 4; step++) AssertBitwiseEqual(expected, ChainGradients(a, b, c));
    }

    [Fact]
    public void A_warm_chain_step_allocates_nine_arrays_where_the_untracked_engine_allocates_nineteen()
    {
        var (a, b, c) = (Seeded(Length, 4, true), Seeded(Length, 5, true), Seeded(Length, 6, true));
        double ArraysPerStep()
        {
            void Step()
            {
                a.Grad = null;
                b.Grad = null;
                c.Grad = null;
                var w = (a * b + c).Tanh() * a.Sigmoid();
                (w * w).Sum().Backward();
            }
            Step();
            long before = GC.GetAllocatedBytesForCurrentThread();
            Step();
            return (GC.GetAllocatedBytesForCurrentThread() - before) / (8.0 * Length);
        }
        double untracked = Untracked(ArraysPerStep);
        double tracked = ArraysPerStep();
        // Forward: 6 results the user's code may still hold (never reused). Backward: 5 products (w·w's two, t·s's
        // one, a·b's two); one is served by the pool (the second of w·w's, added into the first and given back), 3
        // become the leaves' gradients without a copy, and tanh, sigmoid and one product are written over gradients
        // the pass owns; the one freed at the end (a's second gradient) serves the next step's forward: 6 + 5 - 2.
        // Untracked: every rule's result, every sum and every leaf's copy is new: 6 + 13.
        Assert.InRange(tracked, 8.9, 9.2);
        Assert.InRange(untracked, 18.9, 19.2);
    }

    [Fact]
    public void Two_leaves_given_the_same_gradient_do_not_share_its_storage()
    {
        // a + b hands one gradient tensor to both leaves: one may take it, the other must copy it.
        var a = Seeded(Length, 7, true);
        var b = Seeded(Length, 8, true);
        ((a + b) * Seeded(Length, 9, false)).Sum().Backward();
        var bGrad = b.Grad!.ToArray();
        Assert.False(ReferenceEquals(a.Grad!.Storage.Data, b.Grad!.Storage.Data));
        using (Autograd.NoGrad()) a.Grad.Add_(1);
        AssertBitwiseEqual([bGrad], [b.Grad.ToArray()]);
    }

    [Fact]
    public void A_taken_gradient_then_accumulates_in_place_as_a_copied_one_would()
    {
        var x = Seeded(Length, 10, true);
        var weights = Seeded(Length, 11, false);
        double[] Twice()
        {
            x.Grad = null;
            (x.Tanh() * weights).Sum().Backward();
            (x.Sigmoid() * x).Sum().Backward();
            return x.Grad!.ToArray();
        }
        AssertBitwiseEqual([Untracked(Twice)], [Twice()]);
    }

    [Fact]
    public void A_gradient_a_hook_kept_is_never_written_or_reused()
    {
        var x = Seeded(Length, 12, true);
        Tensor? kept = null;
        double[]? seen = null;
        var y = x * 3;
        y.RegisterHook(g =>
        {
            kept = g;
            seen = g.ToArray();
            return null;
        });
        // y's gradient flows on to x through MulBackward0, which may write over a gradient it owns: not this one.
        (y.Tanh() * 2).Sum().Backward();
        (x.Exp() * 5).Sum().Backward();
        AssertBitwiseEqual([seen!], [kept!.ToArray()]);
        Assert.False(ReferenceEquals(kept.Storage.Data, x.Grad!.Storage.Data));
    }

    [Fact]
    public void A_gradient_returned_by_a_hook_is_the_users_and_is_not_taken_by_the_leaf()
    {
        var x = Seeded(Length, 13, true);
        var replacement = Seeded(Length, 14, false);
        var copy = replacement.ToArray();
        x.RegisterHook(_ => replacement);
        (x.Sin() * 2).Sum().Backward();
        Assert.False(ReferenceEquals(replacement.Storage.Data, x.Grad!.Storage.Data));
        (x * 4).Sum().Backward();
        AssertBitwiseEqual([copy], [replacement.ToArray()]);
    }

    private sealed class KeepingSquare : Function
    {
        public Tensor? Kept { get; private set; }

        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
        {
            ctx.SaveForBackward(inputs[0]);
            return inputs[0] * inputs[0];
        }

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
        {
            // User code keeps the gradient it returns: the engine must never reuse or write it.
            Kept = grad * ctx.SavedTensors[0] * 2;
            return [Kept];
        }
    }

    [Fact]
    public void What_a_custom_function_returns_stays_the_users()
    {
        var x = Seeded(Length, 15, true);
        var square = new KeepingSquare();
        square.Apply(x * 1).Sum().Backward();
        var kept = square.Kept!;
        var copy = kept.ToArray();
        Assert.False(ReferenceEquals(kept.Storage.Data, x.Grad!.Storage.Data));
        (x.Tanh() * 3).Sum().Backward();
        AssertBitwiseEqual([copy], [kept.ToArray()]);
    }

    [Fact]
    public void The_callers_gradient_argument_is_never_taken_or_written()
    {
        var x = Seeded(Length, 16, true);
        var gradient = Seeded(Length, 17, false);
        var copy = gradient.ToArray();
        (x + 1).Backward(gradient);
        Assert.False(ReferenceEquals(gradient.Storage.Data, x.Grad!.Storage.Data));
        (x * 2).Backward(gradient);
        AssertBitwiseEqual([copy], [gradient.ToArray()]);
        AssertBitwiseEqual([copy.Select(g => g + (2 * g)).ToArray()], [x.Grad.ToArray()]);
    }

    [Fact]
    public void Retained_and_captured_gradients_keep_their_values()
    {
        var x = Seeded(Length, 18, true);
        var y = x.Sigmoid();
        y.RetainGrad();
        var z = y * x;
        z.RetainGrad();
        z.Tanh().Sum().Backward();
        var (yGrad, zGrad, xGrad) = (y.Grad!.ToArray(), z.Grad!.ToArray(), x.Grad!.ToArray());
        var expected = Untracked(() =>
        {
            var x2 = Tensor.From(x.ToArray(), requiresGrad: true);
            var y2 = x2.Sigmoid();
            y2.RetainGrad();
            var z2 = y2 * x2;
            z2.RetainGrad();
            z2.Tanh().Sum().Backward();
            return new[] { y2.Grad!.ToArray(), z2.Grad!.ToArray(), x2.Grad!.ToArray() };
        });
        AssertBitwiseEqual(expected, [yGrad, zGrad, xGrad]);

        // autograd.grad: the returned gradients are the caller's; a later pass must not reuse their storage.
        var captured = Autograd.Grad((x.Exp() * x).Sum(), [x]);
        var capturedCopy = captured[0]!.ToArray();
        for (int i = 0; i < 3; i++) (x.Cos() * x).Sum().Backward();
        AssertBitwiseEqual([capturedCopy], [captured[0]!.ToArray()]);
    }

    [Fact]
    public void A_retained_graph_differentiated_twice_accumulates_as_before()
    {
        var x = Seeded(Length, 19, true);
        double[] Run()
        {
            x.Grad = null;
            var loss = ((x * x).Tanh() * x.Sigmoid()).Sum();
            loss.Backward(retainGraph: true);
            loss.Backward();
            return x.Grad!.ToArray();
        }
        AssertBitwiseEqual([Untracked(Run)], [Run()]);
    }

    [Fact]
    public void Float32_mlp_training_steps_match_the_untracked_engine_bit_for_bit()
    {
        const int batch = 64, inputs = 100, hidden = 257, classes = 10;
        (Tensor[] Parameters, SGD Optimizer) Make()
        {
            var w1 = Seeded(inputs * hidden, 20, false, DType.Float32).View([inputs, hidden]).Detach().Mul_(0.1);
            var w2 = Seeded(hidden * classes, 21, false, DType.Float32).View([hidden, classes]).Detach().Mul_(0.1);
            var p = new[] { w1, Tensor.Zeros([hidden]), w2, Tensor.Zeros([classes]) };
            foreach (var t in p) t.RequiresGrad = true;
            return (p, new SGD(p, lr: 0.05));
        }
        var x = Seeded(batch * inputs, 22, false, DType.Float32).View([batch, inputs]);
        var targets = Tensor.From(Enumerable.Range(0, batch).Select(i => (long)(i * 7 % classes)).ToArray());
        double[][] Train((Tensor[] Parameters, SGD Optimizer) model)
        {
            var (p, optimizer) = model;
            for (int step = 0; step < 4; step++)
            {
                optimizer.ZeroGrad();
                var h = (x.MatMul(p[0]) + p[1]).Relu();
                var loss = AutogradGen.Functional.CrossEntropy(h.MatMul(p[2]) + p[3], targets);
                loss.Backward();
                optimizer.Step();
            }
            return [.. p.Select(t => t.ToArray())];
        }
        var expected = Untracked(() => Train(Make()));
        AssertBitwiseEqual(expected, Train(Make()));
    }

    [Fact]
    public void The_pool_hands_out_only_arrays_of_the_exact_length_and_clears_them_when_asked()
    {
        const int length = 100_019;
        var first = new double[length];
        first.AsSpan().Fill(3);
        Assert.True(StoragePool.Return(first) || StoragePool.PooledBytes > 0);
        var cleared = StoragePool.Rent<double>(length, clear: true);
        Assert.All(cleared, v => Assert.Equal(0, v));
        Assert.Equal(length, StoragePool.Rent<double>(length, clear: false).Length);
        Assert.Equal(length + 1, StoragePool.Rent<double>(length + 1, clear: false).Length);
        // Small arrays are never pooled.
        Assert.False(StoragePool.Return(new double[16]));
    }
}
