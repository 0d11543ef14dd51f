using System.Globalization;
using System.Numerics;

namespace AutogradGen.Checking;

/// <summary>
/// Checks a scalar function's hand-written or generated derivatives: the reverse-mode gradient against central
/// differences (and its returned value against the function, and itself on a second call), then the forward-mode
/// derivative against ⟨gradient, direction⟩ along seeded random directions.
/// </summary>
internal sealed class ScalarGradChecker<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ScalarFunction<T> _function;
    private readonly Tolerance _tolerance;
    private readonly DType _dtype = typeof(T) == typeof(float) ? DType.Float32 : DType.Float64;

    public ScalarGradChecker(ScalarFunction<T> function, Tolerance tolerance)
    {
        _function = function;
        _tolerance = tolerance;
    }

    public GradCheckResult Run(GradientFunction<T> gradient, ForwardFunction<T>? derivative, T[] point, double eps, int directions, ulong seed)
    {
        var analytical = new T[point.Length];
        T returned = gradient(point, analytical);
        var again = new T[point.Length];
        T returnedAgain = gradient(point, again);
        double value = double.CreateTruncating(_function(point));

        string? failure = null;
        if (!analytical.AsSpan().SequenceEqual(again) || !returned.Equals(returnedAgain)) failure = NotDeterministic(analytical, again);
        if (!_tolerance.IsClose(double.CreateTruncating(returned), value)) failure ??= ValueMismatch(double.CreateTruncating(returned), value, point);

        var numerical = NumericalGradient(point, eps);
        var comparisons = new List<JacobianComparison>(point.Length);
        for (int k = 0; k < point.Length; k++)
        {
            double a = double.CreateTruncating(analytical[k]);
            bool passed = _tolerance.IsClose(a, numerical[k]);
            comparisons.Add(new JacobianComparison(0, k, k, Tolerance.AbsoluteError(a, numerical[k]), Tolerance.RelativeError(a, numerical[k]),
                new JacobianEntry(0, 0, numerical[k], a), passed) { WorstExcess = _tolerance.Excess(a, numerical[k]) });
            if (!passed) failure ??= GradientMismatch(k, numerical, analytical, point);
        }

        var directional = derivative is null ? [] : CompareDirections(derivative, analytical, point, directions, seed, ref failure);
        return new GradCheckResult(failure, comparisons, directional);
    }

    // The step actually taken is (x + eps) − (x − eps) after rounding to T, which for float is not 2·eps.
    private double[] NumericalGradient(T[] point, double eps)
    {
        var gradient = new double[point.Length];
        var shifted = (T[])point.Clone();
        for (int k = 0; k < point.Length; k++)
        {
            double original = double.CreateTruncating(point[k]);
            T minus = T.CreateTruncating(original - eps), plus = T.CreateTruncating(original + eps);
            shifted[k] = minus;
            double below = double.CreateTruncating(_function(shifted));
            shifted[k] = plus;
            double above = double.CreateTruncating(_function(shifted));
            shifted[k] = point[k];
            gradient[k] = (above - below) / (double.CreateTruncating(plus) - double.CreateTruncating(minus));
        }
        return gradient;
    }

    private List<DirectionalComparison> CompareDirections(ForwardFunction<T> derivative, T[] gradient, T[] point, int count, ulong seed, ref string? failure)
    {
        var generator = new RandomGenerator(seed);
        var comparisons = new List<DirectionalComparison>(count);
        for (int d = 0; d < count; d++)
        {
            var direction = new T[point.Length];
            var reported = new double[point.Length];
            double reverse = 0;
            for (int k = 0; k < point.Length; k++)
            {
                direction[k] = T.CreateTruncating(generator.NextNormal());
                reported[k] = double.CreateTruncating(direction[k]);
                reverse += double.CreateTruncating(gradient[k]) * reported[k];
            }
            double forward = double.CreateTruncating(derivative(point, direction));
            bool passed = _tolerance.IsClose(forward, reverse);
            comparisons.Add(new DirectionalComparison(d, reported, forward, reverse, Tolerance.AbsoluteError(forward, reverse), passed));
            if (!passed) failure ??= DirectionalMismatch(d, forward, reverse, reported, point);
        }
        return comparisons;
    }

    private string GradientMismatch(int input, double[] numerical, T[] analytical, T[] point) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Gradient mismatch with respect to input {input} at the point {Print(point)},\nnumerical:{Print(numerical)}\nanalytical:{Print(analytical)}\n");

    private string DirectionalMismatch(int direction, double forward, double reverse, double[] tangent, T[] point) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Directional derivative mismatch along direction {direction} at the point {Print(point)},\n") +
        $"forward mode:{GradCheckMessages.PythonRepr(forward)}\nreverse mode <gradient, direction>:{GradCheckMessages.PythonRepr(reverse)}\ndirection:{Print(tangent)}\n";

    private string ValueMismatch(double returned, double value, T[] point) =>
        $"The gradient function returned the value {GradCheckMessages.PythonRepr(returned)} but the function gives {GradCheckMessages.PythonRepr(value)} " +
        $"at the point {Print(point)}: both must compute the same function.";

    private string NotDeterministic(T[] first, T[] second) =>
        "The gradient function is not deterministic: two calls at the same point gave different gradients,\n" +
        $"first:{Print(first)}\nsecond:{Print(second)}\n";

    private string Print(T[] values) => Print(Array.ConvertAll(values, static value => double.CreateTruncating(value)));

    private string Print(double[] values)
    {
        var tensor = Tensor.From(values);
        return (_dtype == DType.Float64 ? tensor : tensor.To(_dtype)).ToString();
    }
}
