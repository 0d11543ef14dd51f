using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Fuzz;

/// <summary>
/// The seeded differential fuzzer (issue 13): random tensor programs (<see cref="TensorProgram"/>) checked against
/// central differences in float64 with <see cref="GradCheck"/>, and against rules that do not depend on our
/// implementation: the VJP is linear in the output weights, Backward() and Autograd.Grad agree, the gradient of
/// sum(v) with respect to any value v is all ones (its sum is numel), and a view's gradient equals that of the same
/// elements gathered by copying (index_select of the flat positions the view reads). Seeds are fixed; a failure
/// names the seed and the program.
/// </summary>
public class DifferentialFuzzTests
{
    private const int Programs = 600;

    public static TheoryData<int> SeedBatches => new() { 0, 1, 2, 3, 4, 5 };

    private static IEnumerable<TensorProgram> Batch(int batch)
    {
        const int size = Programs / 6;
        for (int seed = batch * size; seed < (batch + 1) * size; seed++) yield return TensorProgram.Generate(seed);
    }

    [Theory]
    [MemberData(nameof(SeedBatches))]
    public void Gradients_of_random_programs_match_central_differences(int batch)
    {
        foreach (var program in Batch(batch))
        {
            var result = GradCheck.Check(program.Evaluate, program.Inputs);
            Assert.True(result.Passed, $"{program.Description}\n{result.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(SeedBatches))]
    public void Second_order_gradients_of_random_programs_match_central_differences(int batch)
    {
        // createGraph records every backward rule; its gradients are checked against central differences of the first.
        foreach (var program in Batch(batch).Where((_, i) => i % 3 == 0))
        {
            var result = GradGradCheck.Check(program.Evaluate, program.Inputs);
            Assert.True(result.Passed, $"{program.Description}\n{result.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(SeedBatches))]
    public void The_vector_Jacobian_product_is_linear_and_Backward_agrees_with_Grad(int batch)
    {
        foreach (var program in Batch(batch))
        {
            var inputs = program.Inputs;
            var output = program.Evaluate(inputs);
            var w1 = Weights(output, 0.3);
            var w2 = Weights(output, -1.1);
            var g1 = Autograd.Grad([(output * w1).Sum()], inputs, retainGraph: true, allowUnused: true);
            var g2 = Autograd.Grad([(output * w2).Sum()], inputs, retainGraph: true, allowUnused: true);
            var combined = (output * w1).Sum() * 2 - (output * w2).Sum() * 3;
            var gc = Autograd.Grad([combined], inputs, retainGraph: true, allowUnused: true);
            foreach (var input in inputs) input.Grad = null;
            combined.Backward();
            for (int i = 0; i < inputs.Length; i++)
            {
                var a = Values(g1[i], inputs[i]);
                var b = Values(g2[i], inputs[i]);
                var c = Values(gc[i], inputs[i]);
                var backward = Values(inputs[i].Grad, inputs[i]);
                for (int k = 0; k < c.Length; k++)
                {
                    double expected = 2 * a[k] - 3 * b[k];
                    Assert.True(Math.Abs(c[k] - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)),
                        $"{program.Description}\ninput {i}, element {k}: grad of the combination {c[k]}, combination of grads {expected}");
                    Assert.True(c[k] == backward[k], $"{program.Description}\ninput {i}, element {k}: Autograd.Grad {c[k]}, Backward {backward[k]}");
                }
            }
            foreach (var input in inputs) input.Grad = null;
        }
    }

    [Theory]
    [MemberData(nameof(SeedBatches))]
    public void The_gradient_of_a_sum_with_respect_to_each_value_is_all_ones(int batch)
    {
        foreach (var program in Batch(batch))
        {
            foreach (var value in program.Values(program.Inputs))
            {
                if (!value.RequiresGrad) continue;
                var grad = Autograd.Grad([value.Sum()], [value])[0]!;
                Assert.Equal(value.Shape, grad.Shape);
                Assert.True(grad.ToArray().All(g => g == 1), $"{program.Description}\nvalue of shape [{string.Join(", ", value.Shape)}]: {string.Join(", ", grad.ToArray())}");
                Assert.Equal(value.Numel, grad.Sum().Item());
            }
        }
    }

    [Theory]
    [MemberData(nameof(SeedBatches))]
    public void A_chain_of_views_has_the_gradient_of_the_copied_elements(int batch)
    {
        for (int seed = batch * 50; seed < (batch + 1) * 50; seed++)
        {
            var rng = new Random(seed);
            int[] shape = [.. Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(1, 4))];
            var chain = ViewChain(rng, shape.Length, out string description);
            var x = GradientCheck.Input(shape);
            var positions = chain(Tensor.Arange(0, x.Numel).To(DType.Float64).Reshape(shape));
            var view = chain(x);
            // The same elements by copying: the flat positions the view reads, gathered with index_select.
            var flat = positions.Reshape([-1]).ToArray().Select(p => (long)p).ToArray();
            var copied = x.Reshape([-1]).IndexSelect(0, Tensor.From(flat)).Reshape(view.Shape.ToArray());
            Assert.Equal(copied.ToArray(), view.ToArray());
            var weights = Weights(view, 0.7);
            var viaView = Autograd.Grad([(view * weights).Sum()], [x])[0]!;
            var viaCopy = Autograd.Grad([(copied * weights).Sum()], [x])[0]!;
            // Equal up to rounding: an expanded element's gradient is a sum, added in another order by index_select's backward.
            AssertClose(viaCopy.ToArray(), viaView.ToArray(), $"seed {seed}, shape [{string.Join(", ", shape)}], {description}");
        }
    }

    [Theory]
    [MemberData(nameof(SeedBatches))]
    public void An_in_place_write_through_views_has_the_gradient_of_the_written_positions(int batch)
    {
        for (int seed = batch * 50; seed < (batch + 1) * 50; seed++)
        {
            var rng = new Random(1000 + seed);
            int[] shape = [.. Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(1, 4))];
            var chain = ViewChain(rng, shape.Length, out string description, allowExpand: false);
            var x = GradientCheck.Input(shape);
            var positions = chain(Tensor.Arange(0, x.Numel).To(DType.Float64).Reshape(shape)).Reshape([-1]).ToArray();
            // w = x * 1; chain(w) *= 3: written positions are x·3, the others x (each position is written once: no expand).
            var w = x * 1;
            chain(w).Mul_(3);
            var factor = Enumerable.Repeat(1.0, x.Numel).ToArray();
            foreach (double p in positions) factor[(int)p] = 3;
            var expected = x * Tensor.From(factor, shape);
            Assert.Equal(expected.ToArray(), w.ToArray());
            var weights = Weights(w, -0.4);
            var grad = Autograd.Grad([(w * weights).Sum()], [x])[0]!;
            var expectedGrad = (weights * Tensor.From(factor, shape)).ToArray();
            AssertClose(expectedGrad, grad.ToArray(), $"seed {seed}, shape [{string.Join(", ", shape)}], {description}");
        }
    }

    // A random chain of one to three views; the same chain applies to any tensor of the shape.
    private static Func<Tensor, Tensor> ViewChain(Random rng, int rank, out string description, bool allowExpand = true)
    {
        var steps = new List<(string Name, Func<Tensor, Tensor> Apply)>();
        int count = rng.Next(1, 4);
        var probe = Tensor.Zeros(Enumerable.Repeat(3, rank).ToArray());
        for (int i = 0; i < count; i++)
        {
            int r = probe.Rank;
            int kind = rng.Next(allowExpand ? 7 : 6);
            (string, Func<Tensor, Tensor>) step = kind switch
            {
                0 when r >= 2 => ("transpose", t => t.Transpose(0, t.Rank - 1)),
                1 when r >= 1 => Pick(rng.Next(r), rng.Next(3), static (d, i) => ($"select({d}, {i})", t => t.Select(d, Math.Min(i, t.Shape[d] - 1)))),
                2 when r >= 1 => Pick(rng.Next(r), rng.Next(2), static (d, s) => ($"slice({d}, {s}::2)", t => t.Slice(d, Math.Min(s, t.Shape[d] - 1), null, 2))),
                3 when r >= 2 => ("diagonal", t => t.Diagonal(0, 0, 1)),
                4 => ("unsqueeze(0)", t => t.Unsqueeze(0)),
                5 when r >= 2 => ("permute (reversed)", t => t.Permute(Enumerable.Range(0, t.Rank).Reverse().ToArray())),
                6 => ("expand a new leading dimension", t => t.Expand([2, .. t.Shape.ToArray()])),
                _ => ("alias", t => t.Alias()),
            };
            steps.Add(step);
            probe = step.Item2(probe);
        }
        description = string.Join(" → ", steps.Select(s => s.Name));
        return t =>
        {
            foreach (var (_, apply) in steps) t = apply(t);
            return t;
        };
    }

    private static void AssertClose(double[] expected, double[] actual, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(expected[k] - actual[k]) <= 1e-12 * Math.Max(1, Math.Abs(expected[k])),
                $"{context}: element {k} expected {expected[k]}, got {actual[k]}\nexpected {string.Join(", ", expected)}\nactual   {string.Join(", ", actual)}");
        }
    }

    private static (string, Func<Tensor, Tensor>) Pick(int a, int b, Func<int, int, (string, Func<Tensor, Tensor>)> make) => make(a, b);

    private static Tensor Weights(Tensor output, double phase)
    {
        var values = new double[output.Numel];
        for (int i = 0; i < values.Length; i++) values[i] = Math.Round(Math.Sin(1.3 * i + phase), 3);
        return Tensor.From(values, output.Shape.ToArray());
    }

    private static double[] Values(Tensor? grad, Tensor input) => grad?.ToArray() ?? new double[input.Numel];
}
