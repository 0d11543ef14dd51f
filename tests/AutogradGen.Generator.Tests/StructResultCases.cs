using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Functions.StructResultFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// The tuple- and struct-returning methods of <see cref="StructResultFunctions"/> as cases of the vector-valued corpus
/// (<see cref="VectorValuedTests"/>): their span members (results span after the original parameters, one element per
/// field in order), the original writing its fields into the span, and the tape twin (one 0-d tensor per field).
/// </summary>
public static class StructResultCases
{
    public static readonly VectorValuedTests.Case[] Corpus =
    {
        new("tuple: polar to cartesian", new[] { 1.7, 0.6 }, 2,
            (x, r) => { var (a, b) = PolarToCartesian(x[0], x[1]); r[0] = a; r[1] = b; },
            (x, r, v, rt) => PolarToCartesianJvp(x[0], x[1], r, v[0], v[1], rt),
            (x, r, u, g) => PolarToCartesianVjp(x[0], x[1], r, u, ref g[0], ref g[1]),
            (x, r, j) => PolarToCartesianJacobian(x[0], x[1], r, j))
        {
            Tape = x => Tensor.Stack(PolarToCartesianTape(x[0], x[1])),
        },
        new("named tuple with an early return: cartesian to polar", new[] { 0.8, -1.3 }, 2,
            (x, r) => { var p = CartesianToPolar(x[0], x[1]); r[0] = p.Radius; r[1] = p.Angle; },
            (x, r, v, rt) => CartesianToPolarJvp(x[0], x[1], r, v[0], v[1], rt),
            (x, r, u, g) => CartesianToPolarVjp(x[0], x[1], r, u, ref g[0], ref g[1]),
            (x, r, j) => CartesianToPolarJacobian(x[0], x[1], r, j))
        {
            Tape = x => Tensor.Stack(CartesianToPolarTape(x[0], x[1])),
        },
        new("struct: spherical to cartesian", new[] { 2.0, 0.7, -1.1 }, 3,
            (x, r) => { var p = SphericalToCartesian(x[0], x[1], x[2]); r[0] = p.X; r[1] = p.Y; r[2] = p.Z; },
            (x, r, v, rt) => SphericalToCartesianJvp(x[0], x[1], x[2], r, v[0], v[1], v[2], rt),
            (x, r, u, g) => SphericalToCartesianVjp(x[0], x[1], x[2], r, u, ref g[0], ref g[1], ref g[2]),
            (x, r, j) => SphericalToCartesianJacobian(x[0], x[1], x[2], r, j))
        {
            Tape = x => Tensor.Stack(SphericalToCartesianTape(x[0], x[1], x[2])),
        },
        new("tuple from spans: Lotka-Volterra step", new[] { 1.2, 0.8, 1.1, 0.4, 0.1, 0.4 }, 2,
            (x, r) => { var s = LotkaVolterraStep(x[..2], x[2..]); r[0] = s.Prey; r[1] = s.Predator; },
            (x, r, v, rt) => LotkaVolterraStepJvp(x[..2], x[2..], r, v[..2], v[2..], rt),
            (x, r, u, g) => LotkaVolterraStepVjp(x[..2], x[2..], r, u, g[..2], g[2..]),
            (x, r, j) => LotkaVolterraStepJacobian(x[..2], x[2..], r, j))
        {
            Tape = x => Tensor.Stack(LotkaVolterraStepTape(x[..2], x[2..])),
        },
        new("tuple: BA projection", new[] { 0.1, -0.2, 0.05, 0.3, -0.1, -4.0, 1.2, 0.01, -0.02, 0.05, -0.01, 0.5, -0.3, 2.0 }, 2,
            (x, r) => { var (u, v) = Project(x[..11], x[11..]); r[0] = u; r[1] = v; },
            (x, r, v, rt) => ProjectJvp(x[..11], x[11..], r, v[..11], v[11..], rt),
            (x, r, u, g) => ProjectVjp(x[..11], x[11..], r, u, g[..11], g[11..]),
            (x, r, j) => ProjectJacobian(x[..11], x[11..], r, j))
        {
            Tape = x => Tensor.Stack(ProjectTape(x[..11], x[11..])),
        },
        new("three-element tuple: softmax", new[] { 0.2, -1.0, 1.5 }, 3,
            (x, r) => { var (a, b, c) = Softmax3(x[0], x[1], x[2]); r[0] = a; r[1] = b; r[2] = c; },
            (x, r, v, rt) => Softmax3Jvp(x[0], x[1], x[2], r, v[0], v[1], v[2], rt),
            (x, r, u, g) => Softmax3Vjp(x[0], x[1], x[2], r, u, ref g[0], ref g[1], ref g[2]),
            (x, r, j) => Softmax3Jacobian(x[0], x[1], x[2], r, j))
        {
            Tape = x => Tensor.Stack(Softmax3Tape(x[0], x[1], x[2])),
        },
        new("settable struct: quadratic-form gradient", new[] { 0.5, -1.0 }, 2,
            (x, r) => { var g = QuadraticGradient(x); r[0] = g.X; r[1] = g.Y; },
            (x, r, v, rt) => QuadraticGradientJvp(x, r, v, rt),
            (x, r, u, g) => QuadraticGradientVjp(x, r, u, g),
            (x, r, j) => QuadraticGradientJacobian(x, r, j))
        {
            Tape = x => Tensor.Stack(QuadraticGradientTape(x)),
        },
        new("one-expression struct: scale", new[] { 1.5, 0.2, -0.4, 2.0 }, 3,
            (x, r) => { var p = Scale(x[0], x[1], x[2], x[3]); r[0] = p.X; r[1] = p.Y; r[2] = p.Z; },
            (x, r, v, rt) => ScaleJvp(x[0], x[1], x[2], x[3], r, v[0], v[1], v[2], v[3], rt),
            (x, r, u, g) => ScaleVjp(x[0], x[1], x[2], x[3], r, u, ref g[0], ref g[1], ref g[2], ref g[3]),
            (x, r, j) => ScaleJacobian(x[0], x[1], x[2], x[3], r, j))
        {
            Tape = x => Tensor.Stack(ScaleTape(x[0], x[1], x[2], x[3])),
        },
        new("nested structs: frame", new[] { 0.7 }, 6,
            (x, r) => { var f = FrameAt(x[0]); r[0] = f.Origin.X; r[1] = f.Origin.Y; r[2] = f.Origin.Z; r[3] = f.Axis.X; r[4] = f.Axis.Y; r[5] = f.Axis.Z; },
            (x, r, v, rt) => FrameAtJvp(x[0], r, v[0], rt),
            (x, r, u, g) => FrameAtVjp(x[0], r, u, ref g[0]),
            (x, r, j) => FrameAtJacobian(x[0], r, j))
        {
            Tape = x => Tensor.Stack(FrameAtTape(x[0])),
        },
        new("tuple after a loop: damped pendulum", new[] { 0.9, -0.3, 0.2 }, 2,
            (x, r) => { var (a, v) = PendulumSteps(x[0], x[1], x[2]); r[0] = a; r[1] = v; },
            (x, r, v, rt) => PendulumStepsJvp(x[0], x[1], x[2], r, v[0], v[1], v[2], rt),
            (x, r, u, g) => PendulumStepsVjp(x[0], x[1], x[2], r, u, ref g[0], ref g[1], ref g[2]),
            (x, r, j) => PendulumStepsJacobian(x[0], x[1], x[2], r, j))
        {
            Tape = x => Tensor.Stack(PendulumStepsTape(x[0], x[1], x[2])),
        },
    };
}
