using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutogradGen.CrossChecks.Harness;

/// <summary>A generated gradient over an array of structs: the gradient is a span of the same struct, added to.</summary>
public delegate double StructArrayGradient<T>(T[] x, Span<T> gradient);

/// <summary>The generated forward mode over an array of structs: the tangent is a span of the same struct.</summary>
public delegate (double Value, double Derivative) StructArrayDerivative<T>(T[] x, ReadOnlySpan<T> tangent);

/// <summary>
/// A <see cref="CorpusFunction"/> for a method of one differentiated array or span of structs whose fields are all
/// double (or all float): the flat point is the structs' numbers, struct after struct and field after field in
/// declaration order, which is also how the structs lie in memory (so the point is reinterpreted, not copied field by
/// field), and the tape twin's one [n, k] tensor (row i is struct i).
/// </summary>
public static class StructArrayFunction
{
    public static CorpusFunction Create<T>(string name, int count, (double Min, double Max) domain,
        Func<T[], double> value, StructArrayGradient<T> gradient, StructArrayDerivative<T> derivative, Func<Tensor, Tensor> tape, bool isFloat = false)
        where T : unmanaged
    {
        var width = Unsafe.SizeOf<T>() / (isFloat ? sizeof(float) : sizeof(double));
        return new(name, isFloat, count * width,
            point => value(Structs<T>(point, isFloat)),
            point =>
            {
                var g = new T[count];
                var v = gradient(Structs<T>(point, isFloat), g);
                return (v, Numbers(g, isFloat));
            },
            point =>
            {
                var leaf = isFloat
                    ? Tensor.From(point.Select(x => (float)x).ToArray(), [count, width], requiresGrad: true)
                    : Tensor.From(point, [count, width], requiresGrad: true);
                var result = tape(leaf);
                result.Backward();
                return (result.Item(), leaf.Grad?.ToArray() ?? new double[point.Length]);
            },
            (point, direction) => derivative(Structs<T>(point, isFloat), Structs<T>(direction, isFloat)),
            domain, []);
    }

    /// <summary>The structs whose numbers are <paramref name="point"/> (rounded to float for float structs).</summary>
    private static T[] Structs<T>(double[] point, bool isFloat)
        where T : unmanaged =>
        isFloat
            ? MemoryMarshal.Cast<float, T>(point.Select(x => (float)x).ToArray()).ToArray()
            : MemoryMarshal.Cast<double, T>(point).ToArray();

    private static double[] Numbers<T>(T[] structs, bool isFloat)
        where T : unmanaged =>
        isFloat
            ? MemoryMarshal.Cast<T, float>(structs.AsSpan()).ToArray().Select(x => (double)x).ToArray()
            : MemoryMarshal.Cast<T, double>(structs.AsSpan()).ToArray();
}
