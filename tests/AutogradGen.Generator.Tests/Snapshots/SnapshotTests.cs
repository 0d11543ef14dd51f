namespace AutogradGen.Generator.Tests.Snapshots;

/// <summary>Generated code for a representative set of methods, kept as reviewed baselines.</summary>
public class SnapshotTests
{
    private const string Header = "using System;\nusing AutogradGen;\n\nnamespace Snapshots;\n\n";

    [Fact]
    public void Straight_line_code() => Baselines.Verify(Header + """
        public static partial class Objectives
        {
            [Differentiable]
            public static double Rosenbrock(double x, double y)
            {
                var a = 1 - x;
                var b = y - x * x;
                return a * a + 100 * b * b;
            }
        }
        """);

    [Fact]
    public void Branches_and_early_return() => Baselines.Verify(Header + """
        public static partial class Branches
        {
            [Differentiable]
            public static double Piecewise(double x, double y)
            {
                if (x < 0)
                {
                    return -x * y;
                }

                var t = x > y ? Math.Exp(x) : y * y;
                return t * x;
            }
        }
        """);

    [Fact]
    public void Accumulating_loop_records_nothing() => Baselines.Verify(Header + """
        public static partial class Loops
        {
            [Differentiable]
            public static double SumOfSquares(ReadOnlySpan<double> v)
            {
                double s = 0;
                for (int i = 0; i < v.Length; i++) s += v[i] * v[i];
                return s;
            }
        }
        """);

    [Fact]
    public void Loop_locals_are_recomputed_not_recorded() => Baselines.Verify(Header + """
        public static partial class Loops
        {
            [Differentiable]
            public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
            {
                double sum = 0.0;
                for (int i = 0; i + 1 < x.Length; i += 2)
                {
                    double xi = x[i];
                    double b = x[i + 1] - xi * xi;
                    double a = 1.0 - xi;
                    sum += 100.0 * b * b + a * a;
                }

                return Math.Sqrt(sum);
            }
        }
        """);

    [Fact]
    public void Loop_with_an_accumulator_known_adjoint_runs_once() => Baselines.Verify(Header + """
        public static partial class Loops
        {
            [Differentiable]
            public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
            {
                double sum = 0.0;
                for (int i = 0; i < x.Length; i += 2)
                {
                    double xi = x[i];
                    double b = x[i + 1] - xi * xi;
                    double a = 1.0 - xi;
                    sum += 100.0 * b * b + a * a;
                }

                return 0.5 * sum;
            }
        }
        """);

    [Fact]
    public void Inner_loop_locals_reading_the_outer_index_are_recomputed() => Baselines.Verify(Header + """
        public static partial class Loops
        {
            [Differentiable]
            public static double Centred(ReadOnlySpan<double> v, ReadOnlySpan<double> mean)
            {
                double sum = 0.0;
                for (int i = 0; i < v.Length / mean.Length; i++)
                {
                    for (int j = 0; j < mean.Length; j++)
                    {
                        double centred = v[i * mean.Length + j] - mean[j];
                        sum += centred * centred;
                    }
                }

                return sum;
            }
        }
        """);

    [Fact]
    public void Loops_of_known_trip_count_reserve_their_records() => Baselines.Verify(Header + """
        public static partial class Loops
        {
            [Differentiable]
            public static double Relax(ReadOnlySpan<double> v, int passes)
            {
                Span<double> state = stackalloc double[v.Length];
                double sum = 0.0;
                for (int pass = 0; pass < passes; pass++)
                {
                    for (int j = 0; j < v.Length; j++)
                    {
                        if (v[j] > 0) state[j] = Math.Sin(state[j] + v[j]);
                        else state[j] = state[j] * v[j];
                    }

                    for (int j = pass; j < v.Length; j++)
                    {
                        state[j] = Math.Cos(state[j]);
                    }
                }

                for (int j = 0; j < v.Length; j++) sum += state[j] * state[j];
                return sum;
            }
        }
        """);

    [Fact]
    public void Element_increments_after_a_full_rewrite_save_nothing() => Baselines.Verify(Header + """
        public static partial class Arrays
        {
            [Differentiable]
            public static double Triangular(ReadOnlySpan<double> points, ReadOnlySpan<double> weights, int d)
            {
                Span<double> transformed = stackalloc double[d];
                double sum = 0.0;
                for (int i = 0; i < points.Length / d; i++)
                {
                    for (int j = 0; j < d; j++)
                    {
                        transformed[j] = points[i * d + j] * weights[j];
                    }

                    for (int column = 0; column < d; column++)
                    {
                        for (int row = column + 1; row < d; row++)
                        {
                            transformed[row] += weights[row] * points[i * d + column];
                        }
                    }

                    for (int j = 0; j < d; j++)
                    {
                        sum += transformed[j] * transformed[j];
                    }
                }

                return sum;
            }
        }
        """);

    [Fact]
    public void Adjoints_added_to_at_an_index_the_loop_does_not_change_are_summed_in_a_local() => Baselines.Verify(Header + """
        public static partial class Products
        {
            [Differentiable(nameof(a), nameof(x))]
            public static double ColumnOrderProduct(ReadOnlySpan<double> a, ReadOnlySpan<double> x, int n)
            {
                Span<double> y = stackalloc double[n];
                for (int j = 0; j < n; j++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        y[i] += a[i * n + j] * x[j];
                    }
                }

                double sum = 0.0;
                for (int i = 0; i < n; i++)
                {
                    sum += Math.Tanh(y[i]);
                }

                return sum;
            }
        }
        """);

    [Fact]
    public void Partials_that_read_a_result_read_the_variable_it_was_assigned_to() => Baselines.Verify(Header + """
        public static partial class Results
        {
            [Differentiable]
            public static double Chain(ReadOnlySpan<double> v, double scale)
            {
                double norm = Math.Sqrt(scale * scale + 1.0);
                double state = 0.5;
                for (int i = 0; i < v.Length; i++)
                {
                    double gate = Math.Tanh(v[i] * state);
                    state = Math.Exp(gate / norm) - state;
                }

                return state;
            }
        }
        """);

    [Fact]
    public void Integer_updates_are_undone_not_recorded() => Baselines.Verify(Header + """
        public static partial class Loops
        {
            [Differentiable(nameof(v))]
            public static double RunningIndex(ReadOnlySpan<double> v, int stride)
            {
                double sum = 0.0;
                int back = v.Length - 1;
                for (int c = 0; c < 2; c++)
                {
                    int lower = c;
                    for (int column = 0; column < 3; column++)
                    {
                        for (int row = column + 1; row < 3; row++)
                        {
                            sum += v[lower] * v[row] * v[column];
                            lower++;
                        }
                    }

                    sum += v[back] * v[back] * v[lower];
                    back -= stride;
                }

                return sum;
            }
        }
        """);

    [Fact]
    public void Increments_after_a_reset_save_nothing() => Baselines.Verify(Header + """
        public static partial class Loops
        {
            [Differentiable]
            public static double LogisticLoss(ReadOnlySpan<double> features, ReadOnlySpan<double> weights, ReadOnlySpan<double> labels)
            {
                double sum = 0;
                for (int row = 0; row < labels.Length; row++)
                {
                    double z = 0;
                    for (int j = 0; j < weights.Length; j++) z += features[row * weights.Length + j] * weights[j];
                    sum += Math.Max(z, 0.0) - labels[row] * z;
                }

                return sum;
            }
        }
        """);

    [Fact]
    public void Data_dependent_while_loop_records_overwritten_values() => Baselines.Verify(Header + """
        public static partial class Loops
        {
            [Differentiable]
            public static float Iterate(float x, float rate)
            {
                var y = x;
                while (MathF.Abs(y) > 0.01f)
                {
                    y = y * rate - MathF.Sin(y) * 0.1f;
                    if (y > 10) break;
                }

                return y;
            }
        }
        """);

    [Fact]
    public void Local_array_with_overwritten_elements() => Baselines.Verify(Header + """
        public static partial class Arrays
        {
            [Differentiable]
            public static double Smooth(ReadOnlySpan<double> v, int passes)
            {
                Span<double> state = stackalloc double[v.Length];
                for (var i = 0; i < v.Length; i++) state[i] = v[i];
                for (var p = 0; p < passes; p++)
                {
                    for (var i = 1; i < v.Length; i++)
                    {
                        state[i] = 0.5 * (state[i] + state[i - 1] * state[i - 1]);
                    }
                }

                return state[v.Length - 1];
            }
        }
        """);

    [Fact]
    public void Calls_to_differentiable_methods_and_user_derivatives() => Baselines.Verify(Header + """
        public static class Library
        {
            public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

            [DerivativeOf(typeof(Library), nameof(Softplus))]
            public static double SoftplusGradient(double x, out double dx)
            {
                dx = 1 / (1 + Math.Exp(-x));
                return Softplus(x);
            }
        }

        public static partial class Calls
        {
            [Differentiable]
            public static double Square(double x) => x * x;

            [Differentiable]
            public static double Model(double x, double y) => Square(x * y) + Library.Softplus(y);
        }
        """);
}
