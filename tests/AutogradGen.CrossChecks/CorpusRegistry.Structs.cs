using System.Numerics;
using AutogradGen.CrossChecks.Corpus;
using AutogradGen.CrossChecks.Harness;

namespace AutogradGen.CrossChecks;

/// <summary>The struct corpus (Corpus/Structs.cs): each struct parameter is its fields' coordinates, in field order.</summary>
public static partial class CorpusRegistry
{
    private static Vec3 V(double[] p, int i) => new(p[i], p[i + 1], p[i + 2]);

    private static double[] Flat(params Vec3[] vectors) => [.. vectors.SelectMany(v => new[] { v.X, v.Y, v.Z })];

    private static Vector3 F3(double[] p, int i) => new((float)p[i], (float)p[i + 1], (float)p[i + 2]);

    private static Vector2 F2(double[] p, int i) => new((float)p[i], (float)p[i + 1]);

    private static double[] Flat(params Vector3[] vectors) => [.. vectors.SelectMany(v => new double[] { v.X, v.Y, v.Z })];

    private static Particle P(double[] p, int i) => new(V(p, i), V(p, i + 3), p[i + 6]);

    private static double[] Flat(Particle p) => [.. Flat(p.Position, p.Velocity), p.Mass];

    private static HestonParameters H(double[] p, int steps) => new(p[0], p[1], p[2], p[3], p[4], steps);

    private static double[] Flat(HestonParameters h) => [h.Kappa, h.Theta, h.Sigma, h.Rho, h.V0];

    private static OptionInputs O(double[] p) => new() { Spot = p[0], Strike = p[1], Rate = p[2], Volatility = p[3], Maturity = p[4] };

    private static double[] Flat(OptionInputs o) => [o.Spot, o.Strike, o.Rate, o.Volatility, o.Maturity];

    private static IEnumerable<CorpusFunction> StructFunctions()
    {
        yield return StructFunction.Create("Structs.SpringEnergy", 7, (-2, 2),
            p => Structs.SpringEnergy(V(p, 0), V(p, 3), p[6]),
            p => (Structs.SpringEnergyGradient(V(p, 0), V(p, 3), p[6], out var da, out var db, out var dk), [.. Flat(da, db), dk]),
            t => Structs.SpringEnergyTape(t[0], t[1], t[2], t[3], t[4], t[5], t[6]),
            (p, d) => Structs.SpringEnergyDerivative(V(p, 0), V(p, 3), p[6], V(d, 0), V(d, 3), d[6]));
        yield return StructFunction.Create("Structs.SoftLennardJones", 6, (-2, 2),
            p => Structs.SoftLennardJones(V(p, 0), V(p, 3)),
            p => (Structs.SoftLennardJonesGradient(V(p, 0), V(p, 3), out var da, out var db), Flat(da, db)),
            t => Structs.SoftLennardJonesTape(t[0], t[1], t[2], t[3], t[4], t[5]),
            (p, d) => Structs.SoftLennardJonesDerivative(V(p, 0), V(p, 3), V(d, 0), V(d, 3)));
        yield return Three("Structs.ThreeBodyPotential", Structs.ThreeBodyPotential, Structs.ThreeBodyPotentialGradient, Structs.ThreeBodyPotentialDerivative,
            t => Structs.ThreeBodyPotentialTape(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]));
        yield return Three("Structs.TriangleArea", Structs.TriangleArea, Structs.TriangleAreaGradient, Structs.TriangleAreaDerivative,
            t => Structs.TriangleAreaTape(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]));
        yield return Three("Structs.CentroidPull", Structs.CentroidPull, Structs.CentroidPullGradient, Structs.CentroidPullDerivative,
            t => Structs.CentroidPullTape(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]));
        yield return StructFunction.Create("Structs.DihedralCosine", 12, (-2, 2),
            p => Structs.DihedralCosine(V(p, 0), V(p, 3), V(p, 6), V(p, 9)),
            p => (Structs.DihedralCosineGradient(V(p, 0), V(p, 3), V(p, 6), V(p, 9), out var da, out var db, out var dc, out var dd), Flat(da, db, dc, dd)),
            t => Structs.DihedralCosineTape(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11]),
            (p, d) => Structs.DihedralCosineDerivative(V(p, 0), V(p, 3), V(p, 6), V(p, 9), V(d, 0), V(d, 3), V(d, 6), V(d, 9)));
        yield return StructFunction.Create("Structs.KineticEnergy", 7, (-2, 2),
            p => Structs.KineticEnergy(P(p, 0)),
            p => (Structs.KineticEnergyGradient(P(p, 0), out var dp), Flat(dp)),
            t => Structs.KineticEnergyTape(t[0], t[1], t[2], t[3], t[4], t[5], t[6]),
            (p, d) => Structs.KineticEnergyDerivative(P(p, 0), P(d, 0)));
        yield return StructFunction.Create("Structs.DampedFlight", 8, (-1, 1),
            p => Structs.DampedFlight(P(p, 0), p[7]),
            p => (Structs.DampedFlightGradient(P(p, 0), p[7], out var dp, out var dt), [.. Flat(dp), dt]),
            t => Structs.DampedFlightTape(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]),
            (p, d) => Structs.DampedFlightDerivative(P(p, 0), p[7], P(d, 0), d[7]));
        yield return One("Structs.QuarterTurns", Structs.QuarterTurns, Structs.QuarterTurnsGradient, Structs.QuarterTurnsDerivative,
            t => Structs.QuarterTurnsTape(t[0], t[1], t[2]));
        yield return One("Structs.MirroredWhenNegative", Structs.MirroredWhenNegative, Structs.MirroredWhenNegativeGradient, Structs.MirroredWhenNegativeDerivative,
            t => Structs.MirroredWhenNegativeTape(t[0], t[1], t[2]));
        yield return StructFunction.Create("Structs.MutablePair", 2, (-2, 2),
            p => Structs.MutablePair(new Vec2 { X = p[0], Y = p[1] }),
            p => (Structs.MutablePairGradient(new Vec2 { X = p[0], Y = p[1] }, out var dp), [dp.X, dp.Y]),
            t => Structs.MutablePairTape(t[0], t[1]),
            (p, d) => Structs.MutablePairDerivative(new Vec2 { X = p[0], Y = p[1] }, new Vec2 { X = d[0], Y = d[1] }));
        yield return StructFunction.Create("Structs.HestonMeanVariance", 6, (0.2, 1.5),
            p => Structs.HestonMeanVariance(H(p, 1), p[5]),
            p => (Structs.HestonMeanVarianceGradient(H(p, 1), p[5], out var dh, out var dt), [.. Flat(dh), dt]),
            t => Structs.HestonMeanVarianceTape(t[0], t[1], t[2], t[3], t[4], 1, t[5]),
            (p, d) => Structs.HestonMeanVarianceDerivative(H(p, 1), p[5], H(d, 0), d[5]));
        yield return StructFunction.Create("Structs.HestonEulerVariance", 6, (0.2, 1.5),
            p => Structs.HestonEulerVariance(H(p, 12), p[5]),
            p => (Structs.HestonEulerVarianceGradient(H(p, 12), p[5], out var dh, out var dt), [.. Flat(dh), dt]),
            t => Structs.HestonEulerVarianceTape(t[0], t[1], t[2], t[3], t[4], 12, t[5]),
            (p, d) => Structs.HestonEulerVarianceDerivative(H(p, 12), p[5], H(d, 0), d[5]));
        yield return StructFunction.Create("Structs.BlackScholesCall", 5, (0.2, 1.5),
            p => Structs.BlackScholesCall(O(p)),
            p => (Structs.BlackScholesCallGradient(O(p), out var d), Flat(d)),
            t => Structs.BlackScholesCallTape(t[0], t[1], t[2], t[3], t[4]),
            (p, d) => Structs.BlackScholesCallDerivative(O(p), O(d)));
        yield return StructFunction.Create("Structs.BlackScholesPutOfBumpedSpot", 5, (0.2, 1.5),
            p => Structs.BlackScholesPutOfBumpedSpot(O(p)),
            p => (Structs.BlackScholesPutOfBumpedSpotGradient(O(p), out var d), Flat(d)),
            t => Structs.BlackScholesPutOfBumpedSpotTape(t[0], t[1], t[2], t[3], t[4]),
            (p, d) => Structs.BlackScholesPutOfBumpedSpotDerivative(O(p), O(d)));
        yield return StructFunction.Create("Structs.VectorSpring", 7, (-2, 2),
            p => Structs.VectorSpring(F3(p, 0), F3(p, 3), (float)p[6]),
            p => (Structs.VectorSpringGradient(F3(p, 0), F3(p, 3), (float)p[6], out var da, out var db, out var dk), [.. Flat(da, db), dk]),
            t => Structs.VectorSpringTape(t[0], t[1], t[2], t[3], t[4], t[5], t[6]),
            (p, d) => Structs.VectorSpringDerivative(F3(p, 0), F3(p, 3), (float)p[6], F3(d, 0), F3(d, 3), (float)d[6]),
            isFloat: true);
        yield return StructFunction.Create("Structs.VectorBend", 9, (-2, 2),
            p => Structs.VectorBend(F3(p, 0), F3(p, 3), F3(p, 6)),
            p => (Structs.VectorBendGradient(F3(p, 0), F3(p, 3), F3(p, 6), out var da, out var db, out var dc), Flat(da, db, dc)),
            t => Structs.VectorBendTape(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]),
            (p, d) => Structs.VectorBendDerivative(F3(p, 0), F3(p, 3), F3(p, 6), F3(d, 0), F3(d, 3), F3(d, 6)),
            isFloat: true);
        yield return StructFunction.Create("Structs.VectorProjectile", 5, (0.5, 2),
            p => Structs.VectorProjectile(F2(p, 0), F2(p, 2), (float)p[4] * 0.1f),
            p => (Structs.VectorProjectileGradient(F2(p, 0), F2(p, 2), (float)p[4] * 0.1f, out var dp, out var dv, out var dt), [dp.X, dp.Y, dv.X, dv.Y, dt * 0.1f]),
            t => Structs.VectorProjectileTape(t[0], t[1], t[2], t[3], t[4] * 0.1f),
            (p, d) =>
            {
                var (value, derivative) = Structs.VectorProjectileDerivative(F2(p, 0), F2(p, 2), (float)p[4] * 0.1f, F2(d, 0), F2(d, 2), (float)d[4] * 0.1f);
                return (value, derivative);
            },
            isFloat: true);
    }

    private delegate double Vec3Gradient(Vec3 a, out Vec3 da);

    private delegate double Vec3Gradient3(Vec3 a, Vec3 b, Vec3 c, out Vec3 da, out Vec3 db, out Vec3 dc);

    private static CorpusFunction One(string name, Func<Vec3, double> value, Vec3Gradient gradient, Func<Vec3, Vec3, (double, double)> derivative, Func<Tensor[], Tensor> tape) =>
        StructFunction.Create(name, 3, (-2, 2),
            p => value(V(p, 0)),
            p => (gradient(V(p, 0), out var da), Flat(da)),
            tape,
            (p, d) => derivative(V(p, 0), V(d, 0)));

    private static CorpusFunction Three(
        string name, Func<Vec3, Vec3, Vec3, double> value, Vec3Gradient3 gradient, Func<Vec3, Vec3, Vec3, Vec3, Vec3, Vec3, (double, double)> derivative, Func<Tensor[], Tensor> tape) =>
        StructFunction.Create(name, 9, (-2, 2),
            p => value(V(p, 0), V(p, 3), V(p, 6)),
            p => (gradient(V(p, 0), V(p, 3), V(p, 6), out var da, out var db, out var dc), Flat(da, db, dc)),
            tape,
            (p, d) => derivative(V(p, 0), V(p, 3), V(p, 6), V(d, 0), V(d, 3), V(d, 6)));
}
