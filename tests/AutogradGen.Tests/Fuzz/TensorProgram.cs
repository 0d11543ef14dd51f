using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Fuzz;

/// <summary>
/// A seeded random tensor program for the differential fuzzer: float64 leaves of random small shapes, then a random
/// sequence of operations from a table (element-wise unary, broadcasting binary, reductions, matmul in all its rank
/// combinations, views, and in-place writes on non-leaf intermediates, directly and through views). Every choice is
/// drawn from <c>new Random(seed)</c>, so running the program again on other tensors of the same shapes (as the
/// central differences do) takes exactly the same path. Operations are chosen to be smooth at the values they see
/// (no max, abs or sort: ties and kinks make central differences meaningless), so any disagreement is a bug.
/// </summary>
internal sealed class TensorProgram
{
    private const int MaxNumel = 36;

    private readonly int _seed;
    private readonly Tensor[] _inputs;

    private TensorProgram(int seed, Tensor[] inputs, string description)
    {
        _seed = seed;
        _inputs = inputs;
        Description = description;
    }

    /// <summary>The leaves the program reads, float64, requiring grad, in the order it asks for them.</summary>
    public Tensor[] Inputs => _inputs;

    /// <summary>The operations, for failure messages.</summary>
    public string Description { get; }

    /// <summary>Draws the program of <paramref name="seed"/>, creating its leaves as it first runs.</summary>
    public static TensorProgram Generate(int seed)
    {
        var values = new Random(unchecked(seed * 7919 + 17));
        var inputs = new List<Tensor>();
        var log = new List<string>();
        Run(seed, shape =>
        {
            var leaf = Leaf(values, shape);
            inputs.Add(leaf);
            return leaf;
        }, log);
        return new TensorProgram(seed, [.. inputs], $"seed {seed}: " + string.Join("; ", log));
    }

    /// <summary>The program's output for <paramref name="inputs"/> (tensors of the shapes of <see cref="Inputs"/>).</summary>
    public Tensor Evaluate(Tensor[] inputs) => Values(inputs)[^1];

    /// <summary>Every value the program makes, in order; the last is its output.</summary>
    public List<Tensor> Values(Tensor[] inputs)
    {
        int next = 0;
        return Run(_seed, _ => inputs[next++], log: null);
    }

    private static Tensor Leaf(Random values, int[] shape)
    {
        var data = new double[Numel(shape)];
        for (int i = 0; i < data.Length; i++) data[i] = AwayFromZero(values);
        return Tensor.From(data, shape, requiresGrad: true);
    }

    // In ±[0.1, 1.2], three decimals: never 0, where PyTorch's own rules are deliberately discontinuous (pow's gradient
    // is taken as 0 where the exponent is 0, so its second derivative there is not the limit central differences see).
    private static double AwayFromZero(Random random)
    {
        double magnitude = Math.Round(0.1 + random.NextDouble() * 1.1, 3);
        return random.Next(2) == 0 ? -magnitude : magnitude;
    }

    private static int Numel(ReadOnlySpan<int> shape)
    {
        int n = 1;
        foreach (int size in shape) n *= size;
        return n;
    }

    private static List<Tensor> Run(int seed, Func<int[], Tensor> input, List<string>? log)
    {
        var rng = new Random(seed);
        var context = new Context(rng, input, log);
        context.Pool.Add(input(context.RandomShape(rank: rng.Next(1, 4))));
        int steps = rng.Next(3, 10);
        for (int step = 0; step < steps; step++)
        {
            // Mostly the latest value, so that programs are deep; sometimes an earlier one, so that they branch.
            var a = rng.Next(3) == 0 ? context.Pool[rng.Next(context.Pool.Count)] : context.Pool[^1];
            var op = Table[rng.Next(Table.Length)];
            var result = op(context, a);
            context.Pool.Add(result);
        }
        // The output reads the last value through one more operation (so that it is never a bare leaf) and adds the
        // sum of every earlier intermediate, so that every operation of the program is on a path to it.
        var output = context.Pool[^1].Tanh() * 1.5;
        foreach (var value in context.Pool.Take(context.Pool.Count - 1))
        {
            if (value.GradFn is not null) output = output + value.Sum() * 0.1;
        }
        context.Pool.Add(output);
        return context.Pool;
    }

    private delegate Tensor Operation(Context c, Tensor a);

    private static readonly Operation[] Table =
    [
        // Element-wise unary, smooth everywhere (or at the values they see).
        static (c, a) => c.Log("tanh", a.Tanh()),
        static (c, a) => c.Log("sigmoid", a.Sigmoid()),
        static (c, a) => c.Log("sin", a.Sin()),
        static (c, a) => c.Log("exp(tanh)", a.Tanh().Exp()),
        static (c, a) => c.Log("log(x²+1)", (a * a + 1).Log()),
        static (c, a) => c.Log("sqrt(x²+0.5)", (a * a + 0.5).Sqrt()),
        static (c, a) => c.Log("pow 2", a.Pow(2.0)),
        static (c, a) => c.Log("softplus", F.Softplus(a)),
        static (c, a) => c.Log("1 - x/2", 1 - a * 0.5),

        static (c, a) => c.Log("log1p(x²)", (a * a).Log1p()),
        static (c, a) => c.Log("expm1(tanh)", a.Tanh().Expm1()),
        static (c, a) => c.Log("rsqrt(x²+0.5)", (a * a + 0.5).Rsqrt()),
        static (c, a) => c.Log("erf", a.Erf()),
        static (c, a) => c.Log("reciprocal(x²+0.5)", (a * a + 0.5).Reciprocal()),
        static (c, a) => c.Log("gelu tanh", F.Gelu(a, GeluApproximation.Tanh)),
        static (c, a) => c.Log("gelu", F.Gelu(a)),
        static (c, a) => c.Log("silu", F.Silu(a)),

        // Binary with broadcasting.
        static (c, a) => c.Binary("add", a, static (x, y) => x + y),
        static (c, a) => c.Binary("sub", a, static (x, y) => x - y),
        static (c, a) => c.Binary("mul", a, static (x, y) => x * y),
        static (c, a) => c.Binary("div", a, static (x, y) => x / (y * y + 0.5)),
        static (c, a) => c.Binary("atan2", a, static (x, y) => x.Atan2(y * y + 0.5)),

        static (c, a) => c.Binary("pow tensor", a, static (x, y) => (x * x + 0.5).Pow(y)),
        static (c, a) => c.Binary("where", a, static (x, y) => Tensor.Where((x * y).Gt(0.1234567), x, y.Sin())),
        static (c, a) => c.Binary("mse none", a, static (x, y) => x.ShapeSpan.SequenceEqual(y.ShapeSpan) ? F.MseLoss(x, y, Reduction.None) : (x - y) * (x - y)),

        // Reductions and normalisations along a dimension.
        static (c, a) => a.Rank == 0 ? c.Log("sum()", a.Sum()) : c.Log("sum dim", a.Sum(c.Dim(a), c.Rng.Next(2) == 0)),
        static (c, a) => a.Rank == 0 ? c.Log("mean()", a.Mean()) : c.Log("mean dim", a.Mean(c.Dim(a), c.Rng.Next(2) == 0)),
        static (c, a) => c.Log("sum()", a.Sum()),
        static (c, a) => a.Rank == 0 ? a.Sin() : c.Log("logsumexp", a.LogSumExp(c.Dim(a), c.Rng.Next(2) == 0)),
        static (c, a) => a.Rank == 0 ? a.Cos() : c.Log("norm dim", (a * a + 0.1).Norm(2, c.Dim(a))),
        static (c, a) => c.Log("norm", (a + 2).Norm()),
        static (c, a) => a.Rank == 0 ? a.Tanh() : c.Log("softmax", F.Softmax(a, c.Dim(a))),
        static (c, a) => a.Rank == 0 ? a.Tanh() : c.Log("log_softmax", F.LogSoftmax(a, c.Dim(a))),
        static (c, a) => a.Rank == 0 ? a.Tanh() : c.Log("cumsum", a.CumSum(c.Dim(a))),

        static (c, a) => a.Rank == 0 || a.Shape[c.Rng.Next(a.Rank)] < 2 ? c.Log("var()", (a.Numel < 2 ? a * a : a.Var())) : c.Log("var dim", a.Var(a.Shape.ToArray().ToList().FindIndex(n => n >= 2))),
        static (c, a) => a.Rank == 0 || a.Numel < 2 ? a.Tanh() : c.Log("std", (a + 0.01).Std()),
        static (c, a) => a.Rank == 0 ? a.Tanh() : c.Log("prod dim", a.Prod(c.Dim(a), c.Rng.Next(2) == 0)),
        static (c, a) => a.Rank == 0 ? a.Tanh() : c.Log("layer_norm", F.LayerNorm(a, [a.Shape[^1]])),
        static (c, a) => a.Rank < 2 ? a.Tanh() : c.Log("cross_entropy", F.CrossEntropy(a, c.ClassIndices(a))),

        // Copying rearrangements.
        static (c, a) => a.Rank == 0 ? a.Tanh() : c.Log("flip", a.Flip([c.Dim(a)])),
        static (c, a) => a.Rank == 0 ? a.Tanh() : c.Log("roll", a.Roll([1], [c.Dim(a)])),
        static (c, a) => a.Numel * 2 > MaxNumel ? a.Tanh() : c.Log("repeat", a.Repeat([.. Enumerable.Repeat(1, Math.Max(a.Rank - 1, 0)), 2])),
        static (c, a) => a.Rank < 2 ? a.Tanh() : c.Log("tril", a.Tril()),
        static (c, a) => a.Rank == 0 || a.Numel * 2 > MaxNumel ? a.Tanh() : c.Log("cat", Tensor.Cat([a, a.Sin()], c.Dim(a))),
        static (c, a) => a.Numel * 2 > MaxNumel ? a.Tanh() : c.Log("stack", Tensor.Stack([a, a.Cos()], c.Rng.Next(a.Rank + 1))),
        static (c, a) => a.Rank == 0 ? a.Tanh() : c.IndexSelect(a),
        static (c, a) => a.Rank == 0 ? a.Tanh() : c.Log("masked_fill", a.MaskedFill(a.Gt(0.2345678), 0.5)),

        // Matrix products of every rank combination.
        static (c, a) => c.MatMul(a),
        static (c, a) => c.MatMul(a),

        // Views.
        static (c, a) => a.Rank < 2 ? c.Log("unsqueeze", a.Unsqueeze(0)) : c.Log("transpose", a.Transpose(c.Dim(a), c.Dim(a))),
        static (c, a) => c.Log("permute", a.Permute(c.Permutation(a.Rank))),
        static (c, a) => a.Rank >= 3 ? c.Log("select", a.Select(0, 0)) : c.Log("unsqueeze", a.Unsqueeze(c.Rng.Next(a.Rank + 1))),
        static (c, a) => a.Rank == 0 ? a.Unsqueeze(0) : c.Select(a),
        static (c, a) => a.Rank == 0 ? a.Unsqueeze(0) : c.Slice(a),
        static (c, a) => a.Rank == 0 ? a.Unsqueeze(0) : c.Log("narrow", a.Narrow(c.Dim(a), 0, 1)),
        static (c, a) => c.Expand(a),
        static (c, a) => c.Log("reshape -1", a.Reshape([-1])),
        static (c, a) => a.Rank < 2 ? c.Log("t", a.T()) : c.Log("diagonal", a.Diagonal(0, 0, 1)),
        static (c, a) => c.Log("alias", a.Alias()),
        static (c, a) => a.Rank < 2 || !a.IsContiguous ? c.Log("flatten", a.Flatten()) : c.Log("view", a.View([a.Shape[0], -1])),

        // In-place writes on a fresh non-leaf intermediate (a clone, which saves nothing), directly and through views.
        static (c, a) => c.InPlace(a),
        static (c, a) => c.InPlace(a),
        static (c, a) => c.InPlaceThroughView(a),
        static (c, a) => c.InPlaceThroughView(a),
    ];

    private sealed class Context(Random rng, Func<int[], Tensor> input, List<string>? log)
    {
        public Random Rng { get; } = rng;

        public List<Tensor> Pool { get; } = [];

        public Tensor Log(string name, Tensor result)
        {
            log?.Add($"{name} -> [{string.Join(", ", result.Shape)}]");
            return result;
        }

        public int[] RandomShape(int rank)
        {
            var shape = new int[rank];
            for (int d = 0; d < rank; d++) shape[d] = Rng.Next(1, 4);
            return shape;
        }

        public int Dim(Tensor a) => Rng.Next(a.Rank);

        public int[] Permutation(int rank)
        {
            var permutation = Enumerable.Range(0, rank).ToArray();
            for (int i = rank - 1; i > 0; i--)
            {
                int j = Rng.Next(i + 1);
                (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
            }
            return permutation;
        }

        /// <summary>A constant (not requiring grad) drawn from the program's own generator, so replays see the same values.</summary>
        private Tensor Constant(int[] shape)
        {
            var data = new double[Numel(shape)];
            for (int i = 0; i < data.Length; i++) data[i] = AwayFromZero(Rng);
            return Tensor.From(data, shape);
        }

        /// <summary>
        /// A second operand for <paramref name="shape"/>: a value already made, when one broadcasts (to exactly
        /// <paramref name="shape"/> if <paramref name="exactly"/>), else a new leaf or constant whose shape drops
        /// leading dimensions and sets others to 1.
        /// </summary>
        public Tensor Operand(Tensor self, int[] shape, bool exactly)
        {
            if (Rng.Next(2) == 0)
            {
                // Not the operand itself: x - x is exactly 0, where std and norm have kinks.
                var candidates = Pool.Where(v => !ReferenceEquals(v, self) && (exactly ? Expandable(v.Shape.ToArray(), shape) : Broadcastable(v.Shape.ToArray(), shape))).ToList();
                if (candidates.Count > 0) return candidates[Rng.Next(candidates.Count)];
            }
            int drop = shape.Length == 0 ? 0 : Rng.Next(shape.Length + 1);
            var operandShape = shape[drop..].Select(size => Rng.Next(3) == 0 ? 1 : size).ToArray();
            if (!exactly && operandShape.Length < 3 && Numel(shape) * 2 <= MaxNumel && Rng.Next(4) == 0)
            {
                operandShape = [2, .. shape]; // an operand with more dimensions: the result grows
            }
            return Rng.Next(4) == 0 ? Constant(operandShape) : input(operandShape);
        }

        public Tensor Binary(string name, Tensor a, Func<Tensor, Tensor, Tensor> op)
        {
            var b = Operand(a, a.Shape.ToArray(), exactly: false);
            return Rng.Next(2) == 0 ? Log(name, op(a, b)) : Log(name + " (swapped)", op(b, a));
        }

        public Tensor MatMul(Tensor a)
        {
            if (a.Rank == 0 || a.Rank > 3) return Log("sum()", a.Sum());
            int k = a.Shape[^1];
            int choice = Rng.Next(4);
            int[] otherShape = choice switch
            {
                0 => [k],
                1 => [k, Rng.Next(1, 4)],
                2 => [a.Rank == 3 ? (Rng.Next(2) == 0 ? a.Shape[0] : 1) : Rng.Next(1, 3), k, Rng.Next(1, 3)],
                _ => a.Rank >= 2 ? [Rng.Next(1, 3), a.Shape[^2]] : [Rng.Next(1, 3), 2, k],
            };
            var b = Rng.Next(4) == 0 ? Constant(otherShape) : input(otherShape);
            if (choice == 3 && a.Rank >= 2)
            {
                // The other operand on the left: 2-D·2-D or 2-D·3-D (the CloneBackward0 fold when it requires grad).
                return Log($"matmul [{string.Join(", ", b.Shape)}]·a", b.MatMul(a));
            }
            if (choice == 3) b = b.Transpose(1, 2); // a vector times a non-contiguous batch [r, k, 2]
            var product = a.MatMul(b);
            return Numel(product.Shape.ToArray()) > MaxNumel ? Log("matmul then sum", product.Sum()) : Log($"matmul a·[{string.Join(", ", b.Shape)}]", product);
        }

        public Tensor ClassIndices(Tensor input)
        {
            var shape = input.Shape.ToArray().Where((_, d) => d != 1).ToArray();
            var full = new long[Numel(shape)];
            for (int i = 0; i < full.Length; i++) full[i] = Rng.Next(input.Shape[1]);
            return Tensor.From(full).Reshape(shape);
        }

        public Tensor IndexSelect(Tensor a)
        {
            int d = Dim(a);
            var indices = Enumerable.Range(0, Rng.Next(1, 4)).Select(_ => (long)Rng.Next(a.Shape[d])).ToArray();
            return Log("index_select", a.IndexSelect(d, Tensor.From(indices)));
        }

        public Tensor Select(Tensor a)
        {
            int d = Dim(a);
            return Log("select", a.Select(d, Rng.Next(-a.Shape[d], a.Shape[d])));
        }

        public Tensor Slice(Tensor a)
        {
            int d = Dim(a), size = a.Shape[d];
            int start = Rng.Next(size), step = Rng.Next(1, 3);
            int? end = Rng.Next(2) == 0 ? null : Rng.Next(start + 1, size + 1);
            return Log($"slice {start}:{end}:{step}", a.Slice(d, start, end, step));
        }

        public Tensor Expand(Tensor a)
        {
            if (Numel(a.Shape.ToArray()) * 2 > MaxNumel) return Log("tanh", a.Tanh());
            int[] shape = a.Shape.ToArray();
            int ones = Array.IndexOf(shape, 1);
            if (ones >= 0 && Rng.Next(2) == 0)
            {
                shape[ones] = 3;
                return Log("expand a size-1 dimension", a.Expand(shape));
            }
            return Log("expand a new leading dimension", a.Expand([2, .. shape]));
        }

        public Tensor InPlace(Tensor a)
        {
            var w = a.Clone();
            switch (Rng.Next(5))
            {
                case 0: w.Mul_(Math.Round(Rng.NextDouble() * 2 - 1, 2)); return Log("clone.mul_(c)", w);
                case 1: w.Add_(Operand(a, w.Shape.ToArray(), exactly: true), alpha: 0.5); return Log("clone.add_(b, 0.5)", w);
                case 2: w.Mul_(Operand(a, w.Shape.ToArray(), exactly: true)); return Log("clone.mul_(b)", w);
                case 3: w.Div_(Operand(a, w.Shape.ToArray(), exactly: true).Pow(2.0) + 0.5); return Log("clone.div_(b²+0.5)", w);
                default: w.Sub_(Operand(a, w.Shape.ToArray(), exactly: true)); return Log("clone.sub_(b)", w);
            }
        }

        public Tensor InPlaceThroughView(Tensor a)
        {
            var w = a.Clone();
            if (w.Rank == 0) w = w.Unsqueeze(0).Clone();
            Tensor view = Rng.Next(4) switch
            {
                0 => w.Select(Dim(w), 0),
                1 => w.Slice(Dim(w), 0, null, 2),
                2 => w.Rank >= 2 ? w.Transpose(0, w.Rank - 1) : w.Unsqueeze(0),
                _ => w.Rank >= 2 ? w.Diagonal(0, 0, 1) : w[..],
            };
            string what;
            switch (Rng.Next(4))
            {
                case 0: view.Mul_(2); what = "mul_(2)"; break;
                case 1: view.Add_(Operand(a, view.Shape.ToArray(), exactly: true)); what = "add_(b)"; break;
                case 2: view.Copy_(Operand(a, view.Shape.ToArray(), exactly: true).Sin()); what = "copy_(sin b)"; break;
                default: view.Mul_(Operand(a, view.Shape.ToArray(), exactly: true)); what = "mul_(b)"; break;
            }
            // Either the base (CopySlices) or the view (its grad_fn regenerated from the base) goes on.
            return Rng.Next(2) == 0 ? Log($"view of clone.{what}, base", w) : Log($"view of clone.{what}, view", view);
        }

        private static bool Broadcastable(int[] a, int[] b)
        {
            for (int i = 1; i <= Math.Min(a.Length, b.Length); i++)
            {
                if (a[^i] != b[^i] && a[^i] != 1 && b[^i] != 1) return false;
            }
            return true;
        }

        private static bool Expandable(int[] from, int[] to)
        {
            if (from.Length > to.Length) return false;
            for (int i = 1; i <= from.Length; i++)
            {
                if (from[^i] != to[^i] && from[^i] != 1) return false;
            }
            return true;
        }
    }
}
