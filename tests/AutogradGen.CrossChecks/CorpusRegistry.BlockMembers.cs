using AutogradGen.CrossChecks.Corpus;
using AutogradGen.CrossChecks.Harness;

namespace AutogradGen.CrossChecks;

/// <summary>Struct members with block bodies (Corpus/BlockMembers.cs): each Planar is its two coordinates.</summary>
public static partial class CorpusRegistry
{
    private static Planar Pl(double[] p, int i) => new(p[i], p[i + 1]);

    private static double[] Flat(params Planar[] points) => [.. points.SelectMany(v => new[] { v.X, v.Y })];

    private delegate double PlanarGradient2(Planar a, Planar b, out Planar da, out Planar db);

    private delegate double PlanarScalarGradient(Planar a, double s, out Planar da, out double ds);

    private static CorpusFunction TwoPlanar(string name, Func<Planar, Planar, double> value, PlanarGradient2 gradient,
        Func<Planar, Planar, Planar, Planar, (double, double)> derivative, Func<Tensor[], Tensor> tape, (double, double) domain) =>
        StructFunction.Create(name, 4, domain,
            p => value(Pl(p, 0), Pl(p, 2)),
            p => (gradient(Pl(p, 0), Pl(p, 2), out var da, out var db), Flat(da, db)),
            tape,
            (p, d) => derivative(Pl(p, 0), Pl(p, 2), Pl(d, 0), Pl(d, 2)));

    private static CorpusFunction PlanarAndScalar(string name, Func<Planar, double, double> value, PlanarScalarGradient gradient,
        Func<Planar, double, Planar, double, (double, double)> derivative, Func<Tensor[], Tensor> tape, (double, double) domain) =>
        StructFunction.Create(name, 3, domain,
            p => value(Pl(p, 0), p[2]),
            p => (gradient(Pl(p, 0), p[2], out var da, out var ds), [.. Flat(da), ds]),
            tape,
            (p, d) => derivative(Pl(p, 0), p[2], Pl(d, 0), d[2]));

    private static IEnumerable<CorpusFunction> BlockMemberFunctions()
    {
        yield return TwoPlanar("BlockMembers.NormOfSum", BlockMembers.NormOfSum, BlockMembers.NormOfSumGradient, BlockMembers.NormOfSumDerivative,
            t => BlockMembers.NormOfSumTape(t[0], t[1], t[2], t[3]), (-2, 2));
        yield return TwoPlanar("BlockMembers.SoftDistance", BlockMembers.SoftDistance, BlockMembers.SoftDistanceGradient, BlockMembers.SoftDistanceDerivative,
            t => BlockMembers.SoftDistanceTape(t[0], t[1], t[2], t[3]), (-2, 2));
        yield return TwoPlanar("BlockMembers.CosineBetween", BlockMembers.CosineBetween, BlockMembers.CosineBetweenGradient, BlockMembers.CosineBetweenDerivative,
            t => BlockMembers.CosineBetweenTape(t[0], t[1], t[2], t[3]), (-2, 2));
        yield return PlanarAndScalar("BlockMembers.RotatedLength", BlockMembers.RotatedLength, BlockMembers.RotatedLengthGradient, BlockMembers.RotatedLengthDerivative,
            t => BlockMembers.RotatedLengthTape(t[0], t[1], t[2]), (-2, 2));
        yield return PlanarAndScalar("BlockMembers.SpiralEnergy", BlockMembers.SpiralEnergy, BlockMembers.SpiralEnergyGradient, BlockMembers.SpiralEnergyDerivative,
            t => BlockMembers.SpiralEnergyTape(t[0], t[1], t[2]), (-1, 1));
        yield return PlanarAndScalar("BlockMembers.ScaledNorm", BlockMembers.ScaledNorm, BlockMembers.ScaledNormGradient, BlockMembers.ScaledNormDerivative,
            t => BlockMembers.ScaledNormTape(t[0], t[1], t[2]), (0.2, 1.5));
        yield return StructFunction.Create("BlockMembers.Series", 2, (-1.5, 1.5),
            p => BlockMembers.Series(Pl(p, 0)),
            p => (BlockMembers.SeriesGradient(Pl(p, 0), out var dp), Flat(dp)),
            t => BlockMembers.SeriesTape(t[0], t[1]),
            (p, d) => BlockMembers.SeriesDerivative(Pl(p, 0), Pl(d, 0)));
        yield return StructArrayFunction.Create<Planar>("BlockMembers.ElementMembers", 4, (-2, 2),
            x => BlockMembers.ElementMembers(x), (x, g) => BlockMembers.ElementMembersGradient(x, g), (x, t) => BlockMembers.ElementMembersDerivative(x, t),
            BlockMembers.ElementMembersTape);
        yield return StructArrayFunction.Create<Planar>("BlockMembers.Perimeter", 5, (-2, 2),
            x => BlockMembers.Perimeter(x), (x, g) => BlockMembers.PerimeterGradient(x, g), (x, t) => BlockMembers.PerimeterDerivative(x, t),
            BlockMembers.PerimeterTape);
    }
}
