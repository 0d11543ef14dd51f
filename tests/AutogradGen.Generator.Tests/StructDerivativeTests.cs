using System.Numerics;
using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Compile-and-run: struct parameters (a user's Vec3, a record struct with an int field, nested structs,
/// System.Numerics vectors) have gradients and tangents of their own type, in both modes and through calls.
/// </summary>
public class StructDerivativeTests
{
    private static Vec3 V(double[] p, int i) => new(p[i], p[i + 1], p[i + 2]);

    private static double[] Flat(params Vec3[] vectors) => vectors.SelectMany(v => new[] { v.X, v.Y, v.Z }).ToArray();

    private static Vector3 F3(double[] p, int i) => new((float)p[i], (float)p[i + 1], (float)p[i + 2]);

    private static HestonParameters Heston(double[] p) => new(p[0], p[1], p[2], p[3], p[4], 3);

    private static Particle Particle(double[] p, int i) => new() { Position = V(p, i), Mass = p[i + 3] };

    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        new()
        {
            Name = "SpringEnergy",
            Dimension = 7,
            Function = p => StructFunctions.SpringEnergy(V(p, 0), V(p, 3), p[6]),
            Gradient = p => (StructFunctions.SpringEnergyGradient(V(p, 0), V(p, 3), p[6], out var da, out var db, out var dk), [.. Flat(da, db), dk]),
            Derivative = (p, d) => StructFunctions.SpringEnergyDerivative(V(p, 0), V(p, 3), p[6], V(d, 0), V(d, 3), d[6]),
        },
        new()
        {
            Name = "TriangleSpring",
            Dimension = 9,
            Function = p => StructFunctions.TriangleSpring(V(p, 0), V(p, 3), V(p, 6)),
            Gradient = p => (StructFunctions.TriangleSpringGradient(V(p, 0), V(p, 3), V(p, 6), out var da, out var db, out var dc), Flat(da, db, dc)),
            Derivative = (p, d) => StructFunctions.TriangleSpringDerivative(V(p, 0), V(p, 3), V(p, 6), V(d, 0), V(d, 3), V(d, 6)),
        },
        new()
        {
            Name = "HestonVariance",
            Dimension = 6,
            Function = p => StructFunctions.HestonVariance(Heston(p), p[5]),
            Gradient = p =>
            {
                var value = StructFunctions.HestonVarianceGradient(Heston(p), p[5], out var dp, out var dt);
                return (value, [dp.Kappa, dp.Theta, dp.Sigma, dp.Rho, dp.V0, dt]);
            },
            Derivative = (p, d) => StructFunctions.HestonVarianceDerivative(Heston(p), p[5], Heston(d), d[5]),
        },
        new()
        {
            Name = "KineticEnergy",
            Dimension = 7,
            Function = p => StructFunctions.KineticEnergy(Particle(p, 0), V(p, 4)),
            Gradient = p =>
            {
                var value = StructFunctions.KineticEnergyGradient(Particle(p, 0), V(p, 4), out var dp, out var dv);
                return (value, [.. Flat(dp.Position), dp.Mass, .. Flat(dv)]);
            },
            Derivative = (p, d) => StructFunctions.KineticEnergyDerivative(Particle(p, 0), V(p, 4), Particle(d, 0), V(d, 4)),
        },
        new()
        {
            Name = "VectorSpring",
            Dimension = 7,
            Function = p => StructFunctions.VectorSpring(F3(p, 0), F3(p, 3), (float)p[6]),
            Gradient = p =>
            {
                var value = StructFunctions.VectorSpringGradient(F3(p, 0), F3(p, 3), (float)p[6], out var da, out var db, out var dk);
                return (value, [da.X, da.Y, da.Z, db.X, db.Y, db.Z, dk]);
            },
            Derivative = (p, d) => StructFunctions.VectorSpringDerivative(F3(p, 0), F3(p, 3), (float)p[6], F3(d, 0), F3(d, 3), (float)d[6]),
            Tolerance = 2e-3,
            Step = 1e-2,
            Low = 0.5,
            High = 2,
        },
        new()
        {
            Name = "VectorStep",
            Dimension = 5,
            Function = p => StructFunctions.VectorStep(new((float)p[0], (float)p[1]), new((float)p[2], (float)p[3]), (float)p[4]),
            Gradient = p =>
            {
                var value = StructFunctions.VectorStepGradient(new((float)p[0], (float)p[1]), new((float)p[2], (float)p[3]), (float)p[4], out var dp, out var dv, out var dt);
                return (value, [dp.X, dp.Y, dv.X, dv.Y, dt]);
            },
            Derivative = (p, d) => StructFunctions.VectorStepDerivative(
                new((float)p[0], (float)p[1]), new((float)p[2], (float)p[3]), (float)p[4], new((float)d[0], (float)d[1]), new((float)d[2], (float)d[3]), (float)d[4]),
            Tolerance = 1e-3,
            Step = 2e-2,
        },
        new()
        {
            Name = "TriangleArea",
            Dimension = 9,
            Function = p => StructFunctions.TriangleArea(V(p, 0), V(p, 3), V(p, 6)),
            Gradient = p => (StructFunctions.TriangleAreaGradient(V(p, 0), V(p, 3), V(p, 6), out var da, out var db, out var dc), Flat(da, db, dc)),
            Derivative = (p, d) => StructFunctions.TriangleAreaDerivative(V(p, 0), V(p, 3), V(p, 6), V(d, 0), V(d, 3), V(d, 6)),
        },
        new()
        {
            Name = "Orbit",
            Dimension = 7,
            Function = p => StructFunctions.Orbit(V(p, 0), V(p, 3), p[6], 5),
            Gradient = p => (StructFunctions.OrbitGradient(V(p, 0), V(p, 3), p[6], 5, out var dp, out var dv, out var dt), [.. Flat(dp, dv), dt]),
            Derivative = (p, d) => StructFunctions.OrbitDerivative(V(p, 0), V(p, 3), p[6], 5, V(d, 0), V(d, 3), d[6]),
            Low = 0.5,
            High = 1.5,
        },
        new()
        {
            Name = "Rotated",
            Dimension = 3,
            Function = p => StructFunctions.Rotated(V(p, 0)),
            Gradient = p => (StructFunctions.RotatedGradient(V(p, 0), out var da), Flat(da)),
            Derivative = (p, d) => StructFunctions.RotatedDerivative(V(p, 0), V(d, 0)),
        },
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> Names => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_central_finite_differences(string function) =>
        DerivativeChecker.GradientMatchesFiniteDifferences(s_cases[function]);

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_mode_equals_the_gradient_dotted_with_the_direction(string function) =>
        DerivativeChecker.ForwardModeMatchesGradientDotDirection(s_cases[function]);

    [Fact]
    public void The_gradient_of_a_struct_is_a_struct_of_the_same_type_with_its_int_field_left_default()
    {
        // Steps carries no derivative (its gradient field stays 0); the mean is θ' + (v0 − θ')·e^(−κt), so ∂/∂v0 = e^(−κt).
        StructFunctions.HestonVarianceGradient(new HestonParameters(1.5, 0.04, 0.3, -0.7, 0.05, 4), 2.0, out var gradient, out _);
        Assert.Equal(0, gradient.Steps);
        Assert.Equal(Math.Exp(-3.0), gradient.V0, 1e-14);
    }

    [Fact]
    public void An_in_struct_parameter_stays_in_in_the_generated_signatures()
    {
        // The signature rule (API.md): the original parameters keep their modifiers; `in` must not be dropped.
        foreach (var name in new[] { "SpringEnergyInGradient", "SpringEnergyInDerivative", "SpringEnergyInPullback" })
        {
            var method = typeof(StructFunctions).GetMethod(name)!;
            var parameters = method.GetParameters();
            Assert.True(parameters[0].IsIn && parameters[1].IsIn, name + " takes a and b in");
            Assert.False(parameters[2].IsIn, name + " takes k by value");
        }

        var a = new Vec3(1, 2, 3);
        var b = new Vec3(0.5, -1, 2);
        var energy = StructFunctions.SpringEnergyInGradient(in a, in b, 4, out var da, out var db, out var dk);
        Assert.Equal(0.5 * 4 * (0.25 + 9 + 1), energy, 1e-14);
        Assert.Equal((2.0, 12.0, 4.0), (da.X, da.Y, da.Z));
        Assert.Equal((-2.0, -12.0, -4.0), (db.X, db.Y, db.Z));
        Assert.Equal(0.5 * 10.25, dk, 1e-14);
        var (value, derivative) = StructFunctions.SpringEnergyInDerivative(a, b, 4, new Vec3(1, 0, 0), default, 0);
        Assert.Equal(energy, value, 1e-14);
        Assert.Equal(da.X, derivative, 1e-14);
    }

    [Fact]
    public void A_spring_gradient_is_the_force_on_each_end()
    {
        var a = new Vec3(1, 2, 3);
        var b = new Vec3(0.5, -1, 2);
        var energy = StructFunctions.SpringEnergyGradient(a, b, 4, out var da, out var db, out var dk);
        Assert.Equal(0.5 * 4 * (0.25 + 9 + 1), energy, 1e-14);
        Assert.Equal((2.0, 12.0, 4.0), (da.X, da.Y, da.Z));
        Assert.Equal((-2.0, -12.0, -4.0), (db.X, db.Y, db.Z));
        Assert.Equal(0.5 * 10.25, dk, 1e-14);
    }
}
