using System.Globalization;

namespace AutogradGen.Checking;

/// <summary>The reports of the checks, in PyTorch's words (<c>torch/autograd/gradcheck.py</c>) where PyTorch has them.</summary>
internal static class GradCheckMessages
{
    public const string NoInputRequiresGrad =
        "gradcheck expects at least one input tensor to require gradient, but none of them have requires_grad=True.";

    public const string NumericalGradientNotZero = "Numerical gradient for function expected to be zero";

    public const string BackwardNotMultipliedByGradOutput = "backward not multiplied by grad_output";

    public static string JacobianMismatch(int outputIndex, int inputIndex, Tensor numerical, Tensor analytical) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Jacobian mismatch for output {outputIndex} with respect to input {inputIndex},\nnumerical:{numerical}\nanalytical:{analytical}\n");

    // PyTorch's sentence (its missing space after "gradient." included), then a hint that fits this API instead of
    // PyTorch's note about its own operator tests.
    public static string NotReentrant(double nondetTol) =>
        "Backward is not reentrant, i.e., running backward with same input and grad_output multiple times gives " +
        "different values, although analytical gradient matches numerical gradient." +
        $"The tolerance for nondeterminism was {PythonRepr(nondetTol)}.\n\n" +
        "NOTE: If your function relies on non-deterministic operations, this failure might be expected: " +
        "pass nondetTol: <tolerance> to the check.";

    public static string OutputNotFloat64(int outputIndex, DType dtype, double eps) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Output {outputIndex} is {dtype} even when every input that requires grad is a Float64 copy, so central differences with eps={PythonRepr(eps)} ") +
        "lose most of their digits. Keep the computation in float64 (avoid Float() and To(DType.Float32) inside the function) so that gradcheck can compare the Jacobians.";

    public static string OutputCountChanged(int original, int float64) =>
        string.Create(CultureInfo.InvariantCulture,
            $"The function returned {original} outputs for the inputs but {float64} for their float64 copies: it must return the same outputs whatever the inputs' dtype.");

    public static string OutputSizeChanged(int outputIndex, int original, int float64) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Output {outputIndex} has {original} elements for the inputs but {float64} for their float64 copies: it must have the same shape whatever the inputs' dtype.");

    /// <summary>
    /// Python's <c>repr(float)</c> for the tolerances and values in the reports: the shortest round-trip digits, fixed
    /// notation for decimal exponents from -4 to 15 (<c>0.0</c>, <c>0.001</c>, <c>25.2</c>), scientific otherwise
    /// (<c>1e-06</c>, <c>1e+16</c>).
    /// </summary>
    public static string PythonRepr(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        string sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0) return sign + "0.0";

        var (digits, exponent) = ShortestDigits(Math.Abs(value));
        if (exponent is < -4 or >= 16)
        {
            string mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
        }
        if (exponent < 0) return $"{sign}0.{new string('0', -exponent - 1)}{digits}";
        if (digits.Length <= exponent + 1) return $"{sign}{digits}{new string('0', exponent + 1 - digits.Length)}.0";
        return $"{sign}{digits[..(exponent + 1)]}.{digits[(exponent + 1)..]}";
    }

    // The significant digits of .NET's shortest round-trip form and the decimal exponent of the first one.
    private static (string Digits, int Exponent) ShortestDigits(double magnitude)
    {
        string text = magnitude.ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        int point = text.IndexOf('.', StringComparison.Ordinal);
        if (point < 0) point = text.Length;
        string all = text.Replace(".", string.Empty, StringComparison.Ordinal);
        int leadingZeros = all.Length - all.TrimStart('0').Length;
        string digits = all.Trim('0');
        return (digits, exponent + point - 1 - leadingZeros);
    }
}
