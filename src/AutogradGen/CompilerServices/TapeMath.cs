using System.ComponentModel;

namespace AutogradGen.CompilerServices;

/// <summary>
/// The pieces of System.Math that tape twins (<c>{Name}Tape</c>, generated for [Differentiable] methods) need
/// beyond the tensor operations themselves: constants, local arrays, and the functions whose kinks the generator's
/// rule table decides in a particular way (max/min ties split, clamp's bounds, pow's zero base), written with
/// tensor operations so that the tape records them.
/// </summary>
/// <remarks>Public only because generated code in the user's assembly calls it; hidden from IntelliSense.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class TapeMath
{
    /// <summary>A 0-d constant: a literal or a value that carries no derivative, lifted onto the tape.</summary>
    public static Tensor Constant(double value, DType dtype) => Tensor.Scalar(value, false, dtype);

    /// <summary>
    /// A jagged array that carries no derivative as the rows a twin takes for a differentiated jagged parameter: one
    /// constant 1-d tensor per row (null rows stay null, so the callee's twin throws where the original does).
    /// </summary>
    public static Tensor[] JaggedConstant(double[][]? rows, DType dtype) =>
        rows is null ? null! : [.. rows.Select(r => r is null ? null! : Tensor.From(r).To(dtype))];

    /// <inheritdoc cref="JaggedConstant(double[][], DType)"/>
    public static Tensor[] JaggedConstant(float[][]? rows, DType dtype) =>
        rows is null ? null! : [.. rows.Select(r => r is null ? null! : Tensor.From(r).To(dtype))];

    /// <summary>A local array of <paramref name="length"/> 0-d zeros; element writes replace elements (no in-place).</summary>
    public static Tensor[] Array(int length, DType dtype)
    {
        var zero = Constant(0, dtype);
        var elements = new Tensor[length];
        System.Array.Fill(elements, zero);
        return elements;
    }

    /// <summary>A local array of 0-d tensors as one 1-d tensor, for a call that takes it as a differentiated span.</summary>
    public static Tensor Stack(Tensor[] elements, DType dtype)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return elements.Length == 0 ? Tensor.Zeros([0], false, dtype) : Tensor.Stack(elements);
    }

    /// <summary>The values of a local array, for a call that takes it as a span without differentiating it.</summary>
    public static double[] Doubles(Tensor[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var values = new double[elements.Length];
        for (int i = 0; i < values.Length; i++) values[i] = elements[i].Item();
        return values;
    }

    /// <summary>The values of a local float array, for a call that takes it as a span without differentiating it.</summary>
    public static float[] Singles(Tensor[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var values = new float[elements.Length];
        for (int i = 0; i < values.Length; i++) values[i] = (float)elements[i].Item();
        return values;
    }

    /// <summary><c>Math.Max</c>: the gradient goes to the larger argument; a tie splits it half and half.</summary>
    public static Tensor Max(Tensor a, Tensor b) => NotNull(a).Maximum(b);

    /// <summary><c>Math.Min</c>: the gradient goes to the smaller argument; a tie splits it half and half.</summary>
    public static Tensor Min(Tensor a, Tensor b) => NotNull(a).Minimum(b);

    /// <summary>
    /// <c>Math.Clamp</c>, decided on the values: the gradient goes to <paramref name="x"/> inside the bounds (ends
    /// included), to the bound that is returned outside them. Throws as Math.Clamp does when min &gt; max.
    /// </summary>
    public static Tensor Clamp(Tensor x, Tensor min, Tensor max)
    {
        double value = NotNull(x).Item(), low = NotNull(min).Item(), high = NotNull(max).Item();
        _ = Math.Clamp(value, low, high);
        return value < low ? min : value > high ? max : x;
    }

    /// <summary><c>Math.Pow</c> with both operands on the tape (<c>PowBackward1</c>, PyTorch's zero-base and zero-exponent rules).</summary>
    public static Tensor Pow(Tensor x, Tensor y) => NotNull(x).Pow(y);

    /// <summary><c>Math.Log(a, newBase)</c> = log a / log newBase.</summary>
    public static Tensor Log(Tensor a, Tensor newBase) => NotNull(a).Log() / NotNull(newBase).Log();

    /// <summary><c>Math.FusedMultiplyAdd(a, b, c)</c> = a·b + c (the tape rounds the product; the derivative is the same).</summary>
    public static Tensor FusedMultiplyAdd(Tensor a, Tensor b, Tensor c) => NotNull(a) * b + c;

    /// <summary><c>Math.ScaleB(x, n)</c> = x·2ⁿ.</summary>
    public static Tensor ScaleB(Tensor x, int n) => NotNull(x) * Math.ScaleB(1.0, n);

    /// <summary>
    /// <c>a % b</c> (C#'s truncated remainder): derivative 1 for a and −trunc(a / b) for b. The value is the exact
    /// remainder; the tape carries a − b·trunc(a / b) plus the (constant) rounding difference.
    /// </summary>
    public static Tensor Remainder(Tensor a, Tensor b)
    {
        double left = NotNull(a).Item(), right = NotNull(b).Item();
        var quotient = Math.Truncate(left / right);
        var approximation = a - b * quotient;
        var exact = a.DType == DType.Float32 ? (float)left % (float)right : left % right;
        return approximation + (exact - approximation.Item());
    }

    /// <summary>
    /// A call of a method with a [DerivativeOf] user derivative, recorded as one node named after the method
    /// (<c>{Method}Backward</c>) whose backward rule scales the partials the user's derivative returned.
    /// </summary>
    /// <typeparam name="T">double or float: the method's floating-point type.</typeparam>
    /// <typeparam name="TState">The arguments that are not floating point (ints, bools), passed to <paramref name="derivative"/>.</typeparam>
    /// <param name="method">The called method's name.</param>
    /// <param name="state">The non-floating-point arguments.</param>
    /// <param name="derivative">Calls the user's derivative with the input values and stores its partials.</param>
    /// <param name="inputs">One tensor per floating-point parameter: 0-d for a scalar, 1-d for a span or array.</param>
    public static Tensor UserDerivative<T, TState>(string method, TState state, UserDerivativeCall<T, TState> derivative, params Tensor[] inputs)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        => new UserDerivativeFunction<T, TState>(method, state, derivative).Apply(inputs);

    private static Tensor NotNull(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor;
    }
}

/// <summary>
/// Calls a user derivative: reads the inputs' values (one array per floating-point parameter, length 1 for a
/// scalar), writes the partials into arrays of the same shapes, and returns the value.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T UserDerivativeCall<T, in TState>(TState state, T[][] values, T[][] partials);
