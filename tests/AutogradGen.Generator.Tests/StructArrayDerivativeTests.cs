using System.Numerics;
using System.Runtime.InteropServices;
using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Issue 10 item 3: arrays and spans of structs (Vector3[], ReadOnlySpan&lt;Vec2&gt;, Leg[]) as differentiated
/// parameters; their gradients (spans of the struct, added to) against central differences, forward against reverse,
/// the tape twin (a [n, k] tensor) against both.
/// </summary>
public class StructArrayDerivativeTests
{
    private static readonly Vec2[] s_chain = [new(0, 0), new(1.1, 0.2), new(1.9, 1.0), new(3.2, 0.7)];

    private static readonly Vec2[] s_polygon = [new(0, 0), new(2, 0.1), new(2.3, 1.7), new(0.4, 2.2)];

    private static readonly Leg[] s_legs = [new(100, 95, 12), new(-50, 105, 15), new(20, 99, 9)];

    [Fact]
    public void Spring_chain_gradient_matches_central_differences_and_is_added_to()
    {
        var gradient = new Vec2[s_chain.Length];
        gradient[0] = new Vec2(1, -1);
        var value = StructArrayFunctions.SpringChainGradient(s_chain, 2.5, 0.9, gradient, out var kGradient, out var restGradient);

        Assert.Equal(StructArrayFunctions.SpringChain(s_chain, 2.5, 0.9), value, 1e-14);
        var numbers = Numbers(gradient);
        for (var n = 0; n < numbers.Length; n++)
        {
            var central = Central(h => StructArrayFunctions.SpringChain(Shifted(s_chain, n, h), 2.5, 0.9));
            // The first element's gradient was added to what it held (1, -1), as for spans of doubles.
            var held = n == 0 ? 1.0 : n == 1 ? -1.0 : 0.0;
            Assert.Equal(central + held, numbers[n], 1e-7);
        }

        Assert.Equal(Central(h => StructArrayFunctions.SpringChain(s_chain, 2.5 + h, 0.9)), kGradient, 1e-7);
        Assert.Equal(Central(h => StructArrayFunctions.SpringChain(s_chain, 2.5, 0.9 + h)), restGradient, 1e-7);
    }

    [Fact]
    public void Polygon_area_gradient_is_the_closed_form_and_forward_mode_agrees()
    {
        var gradient = new Vec2[s_polygon.Length];
        StructArrayFunctions.PolygonAreaGradient(s_polygon, gradient);
        var m = s_polygon.Length;
        for (var i = 0; i < m; i++)
        {
            // ∂A/∂x_i = (y_{i+1} - y_{i-1}) / 2, ∂A/∂y_i = (x_{i-1} - x_{i+1}) / 2.
            var next = s_polygon[(i + 1) % m];
            var previous = s_polygon[(i + m - 1) % m];
            Assert.Equal(0.5 * (next.Y - previous.Y), gradient[i].X, 1e-14);
            Assert.Equal(0.5 * (previous.X - next.X), gradient[i].Y, 1e-14);
        }

        Vec2[] tangent = [new(0.3, -0.2), new(1, 0.5), new(-0.4, 0.1), new(0.25, 0.75)];
        var (value, derivative) = StructArrayFunctions.PolygonAreaDerivative(s_polygon, tangent);
        Assert.Equal(StructArrayFunctions.PolygonArea(s_polygon), value, 1e-14);
        Assert.Equal(Dot(gradient, tangent), derivative, 1e-13);
    }

    [Fact]
    public void NBody_energy_over_Vector3_matches_central_differences_in_float()
    {
        Vector3[] x = [new(0, 0, 0), new(1, 0.5f, -0.25f), new(-0.5f, 1.25f, 0.75f), new(0.3f, -1, 1)];
        var gradient = new Vector3[x.Length];
        StructArrayFunctions.NBodyEnergyGradient(x, 1.5f, gradient, out var gGradient);
        var numbers = MemoryMarshal.Cast<Vector3, float>(gradient.AsSpan()).ToArray();
        for (var n = 0; n < numbers.Length; n++)
        {
            var shiftedPlus = (Vector3[])x.Clone();
            var shiftedMinus = (Vector3[])x.Clone();
            MemoryMarshal.Cast<Vector3, float>(shiftedPlus.AsSpan())[n] += 1e-2f;
            MemoryMarshal.Cast<Vector3, float>(shiftedMinus.AsSpan())[n] -= 1e-2f;
            var central = (StructArrayFunctions.NBodyEnergy(shiftedPlus, 1.5f) - StructArrayFunctions.NBodyEnergy(shiftedMinus, 1.5f)) / 2e-2f;
            Assert.Equal(central, numbers[n], 2e-2);
        }

        Assert.Equal(StructArrayFunctions.NBodyEnergy(x, 1.5f) / 1.5f, gGradient, 1e-5);
        var tangent = new Vector3[] { new(1, 0, 0), new(0, 1, 0), new(0, 0, 1), new(0.5f, 0.5f, 0.5f) };
        var (_, derivative) = StructArrayFunctions.NBodyEnergyDerivative(x, 1.5f, tangent, 0f);
        var expected = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            expected += Vector3.Dot(gradient[i], tangent[i]);
        }

        Assert.Equal(expected, derivative, 1e-4);
    }

    [Fact]
    public void Foreach_over_an_array_of_legs_matches_central_differences_and_the_tape_twin()
    {
        var gradient = new Leg[s_legs.Length];
        StructArrayFunctions.PortfolioValueGradient(s_legs, 101.0, gradient, out var spotGradient);
        var numbers = Numbers(gradient);
        for (var n = 0; n < numbers.Length; n++)
        {
            Assert.Equal(Central(h => StructArrayFunctions.PortfolioValue(Shifted(s_legs, n, h), 101.0)), numbers[n], 1e-6);
        }

        Assert.Equal(Central(h => StructArrayFunctions.PortfolioValue(s_legs, 101.0 + h)), spotGradient, 1e-6);

        // The twin takes the legs as one [n, 3] tensor: row i is leg i, its fields in declaration order.
        var legs = Tensor.From(Numbers(s_legs), [s_legs.Length, 3], requiresGrad: true);
        var spot = Tensor.Scalar(101.0, requiresGrad: true, DType.Float64);
        var twin = StructArrayFunctions.PortfolioValueTape(legs, spot);
        twin.Backward();
        Assert.Equal(StructArrayFunctions.PortfolioValue(s_legs, 101.0), twin.Item(), 1e-10);
        var twinGradient = legs.Grad!.ToArray<double>();
        for (var n = 0; n < numbers.Length; n++)
        {
            Assert.Equal(numbers[n], twinGradient[n], 1e-10);
        }

        Assert.Equal(spotGradient, spot.Grad!.Item(), 1e-10);
    }

    [Fact]
    public void A_gradient_or_tangent_of_the_wrong_length_is_an_ArgumentException_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => StructArrayFunctions.PolygonAreaGradient(s_polygon, new Vec2[2]));
        Assert.Equal("pGradient", error.ParamName);
        Assert.Contains("same length as 'p' (4), but has 2", error.Message, StringComparison.Ordinal);
        var tangentError = Assert.Throws<ArgumentException>(() => StructArrayFunctions.PolygonAreaDerivative(s_polygon, new Vec2[5]));
        Assert.Equal("pTangent", tangentError.ParamName);
    }

    [Fact]
    public void Gradient_and_derivative_over_spans_of_structs_allocate_nothing()
    {
        var gradient = new Vec2[s_chain.Length];
        var legGradient = new Leg[s_legs.Length];
        AssertNoAllocation(() => StructArrayFunctions.SpringChainGradient(s_chain, 2.5, 0.9, gradient, out _, out _));
        AssertNoAllocation(() => StructArrayFunctions.PolygonAreaDerivative(s_polygon, s_polygon).Derivative);
        AssertNoAllocation(() => StructArrayFunctions.PortfolioValueGradient(s_legs, 101.0, legGradient, out _));
    }

    private static double[] Numbers<T>(T[] structs)
        where T : struct => MemoryMarshal.Cast<T, double>(structs.AsSpan()).ToArray();

    private static T[] Shifted<T>(T[] structs, int number, double h)
        where T : struct
    {
        var copy = (T[])structs.Clone();
        MemoryMarshal.Cast<T, double>(copy.AsSpan())[number] += h;
        return copy;
    }

    private static double Dot<T>(T[] a, T[] b)
        where T : struct
    {
        var (x, y) = (Numbers(a), Numbers(b));
        return x.Select((v, i) => v * y[i]).Sum();
    }

    private static double Central(Func<double, double> f, double h = 1e-6) => (f(h) - f(-h)) / (2 * h);

    private static void AssertNoAllocation(Func<double> call)
    {
        for (var i = 0; i < 3; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            call();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
