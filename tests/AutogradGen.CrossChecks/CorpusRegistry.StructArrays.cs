using System.Numerics;
using AutogradGen.CrossChecks.Corpus;
using AutogradGen.CrossChecks.Harness;

namespace AutogradGen.CrossChecks;

/// <summary>
/// The corpus of arrays and spans of structs (Corpus/StructArrays.cs): the differentiated array's numbers are the flat
/// point (struct after struct, fields in declaration order); other parameters are fixed here (their own derivatives
/// are asked for and dropped, their tangents are 0, their twin arguments constants).
/// </summary>
public static partial class CorpusRegistry
{
    /// <summary>Two triangles sharing an edge, and a third fanned off it, over five vertices.</summary>
    private static readonly int[] s_triangles = [0, 1, 2, 1, 3, 2, 2, 3, 4];

    private static Tensor Constant(double value) => Tensor.Scalar(value, false, DType.Float64);

    private static IEnumerable<CorpusFunction> StructArrayFunctions()
    {
        yield return StructArrayFunction.Create<Vector3>("StructArrays.NBodyEnergy", 3, (-2, 2),
            x => StructArrays.NBodyEnergy(x), (x, g) => StructArrays.NBodyEnergyGradient(x, g), (x, t) => StructArrays.NBodyEnergyDerivative(x, t),
            StructArrays.NBodyEnergyTape, isFloat: true);
        yield return StructArrayFunction.Create<Vec3>("StructArrays.SoftenedPotential", 4, (-2, 2),
            StructArrays.SoftenedPotential, (x, g) => StructArrays.SoftenedPotentialGradient(x, g), (x, t) => StructArrays.SoftenedPotentialDerivative(x, t),
            StructArrays.SoftenedPotentialTape);

        const double K = 1.7;
        yield return StructArrayFunction.Create<Vec2>("StructArrays.SpringChain", 5, (-2, 2),
            x => StructArrays.SpringChain(x, K), (x, g) => StructArrays.SpringChainGradient(x, K, g, out _), (x, t) => StructArrays.SpringChainDerivative(x, K, t, 0),
            x => StructArrays.SpringChainTape(x, Constant(K)));
        yield return StructArrayFunction.Create<Point2>("StructArrays.PolygonArea", 5, (-2, 2),
            x => StructArrays.PolygonArea(x), (x, g) => StructArrays.PolygonAreaGradient(x, g), (x, t) => StructArrays.PolygonAreaDerivative(x, t),
            StructArrays.PolygonAreaTape);
        yield return StructArrayFunction.Create<Point2>("StructArrays.PolygonPerimeter", 5, (-2, 2),
            x => StructArrays.PolygonPerimeter(x), (x, g) => StructArrays.PolygonPerimeterGradient(x, g), (x, t) => StructArrays.PolygonPerimeterDerivative(x, t),
            StructArrays.PolygonPerimeterTape);
        yield return StructArrayFunction.Create<Point2>("StructArrays.Roundness", 4, (-2, 2),
            x => StructArrays.Roundness(x), (x, g) => StructArrays.RoundnessGradient(x, g), (x, t) => StructArrays.RoundnessDerivative(x, t),
            StructArrays.RoundnessTape);
        yield return StructArrayFunction.Create<Vec3>("StructArrays.TriangleMeshEnergy", 5, (-1, 1),
            x => StructArrays.TriangleMeshEnergy(x, s_triangles), (x, g) => StructArrays.TriangleMeshEnergyGradient(x, s_triangles, g),
            (x, t) => StructArrays.TriangleMeshEnergyDerivative(x, s_triangles, t), x => StructArrays.TriangleMeshEnergyTape(x, s_triangles));

        const double Spot = 1.0;
        yield return StructArrayFunction.Create<Leg>("StructArrays.PortfolioValue", 3, (0.5, 1.5),
            x => StructArrays.PortfolioValue(x, Spot), (x, g) => StructArrays.PortfolioValueGradient(x, Spot, g),
            (x, t) => StructArrays.PortfolioValueDerivative(x, Spot, t), x => StructArrays.PortfolioValueTape(x, Spot));
        yield return StructArrayFunction.Create<Leg>("StructArrays.PortfolioRisk", 3, (0.5, 1.5),
            x => StructArrays.PortfolioRisk(x, Spot), (x, g) => StructArrays.PortfolioRiskGradient(x, Spot, g),
            (x, t) => StructArrays.PortfolioRiskDerivative(x, Spot, t), x => StructArrays.PortfolioRiskTape(x, Spot));

        yield return StructArrayFunction.Create<Particle>("StructArrays.KineticEnergy", 3, (-2, 2),
            x => StructArrays.KineticEnergy(x), (x, g) => StructArrays.KineticEnergyGradient(x, g), (x, t) => StructArrays.KineticEnergyDerivative(x, t),
            StructArrays.KineticEnergyTape);
        const double Dt = 0.3;
        yield return StructArrayFunction.Create<Particle>("StructArrays.DriftedInertia", 3, (-2, 2),
            x => StructArrays.DriftedInertia(x, Dt), (x, g) => StructArrays.DriftedInertiaGradient(x, Dt, g),
            (x, t) => StructArrays.DriftedInertiaDerivative(x, Dt, t), x => StructArrays.DriftedInertiaTape(x, Dt));

        yield return StructArrayFunction.Create<Vector3>("StructArrays.CentroidSpread", 4, (-2, 2),
            x => StructArrays.CentroidSpread(x), (x, g) => StructArrays.CentroidSpreadGradient(x, g), (x, t) => StructArrays.CentroidSpreadDerivative(x, t),
            StructArrays.CentroidSpreadTape, isFloat: true);
        yield return StructArrayFunction.Create<Point2>("StructArrays.BendingEnergy", 5, (-2, 2),
            x => StructArrays.BendingEnergy(x), (x, g) => StructArrays.BendingEnergyGradient(x, g), (x, t) => StructArrays.BendingEnergyDerivative(x, t),
            StructArrays.BendingEnergyTape);
        yield return StructArrayFunction.Create<Vector2>("StructArrays.PathLength", 3, (-2, 2),
            x => StructArrays.PathLength(x), (x, g) => StructArrays.PathLengthGradient(x, g), (x, t) => StructArrays.PathLengthDerivative(x, t),
            StructArrays.PathLengthTape, isFloat: true);
        yield return StructArrayFunction.Create<Point2>("StructArrays.EdgeLengthVariance", 5, (-2, 2),
            x => StructArrays.EdgeLengthVariance(x), (x, g) => StructArrays.EdgeLengthVarianceGradient(x, g), (x, t) => StructArrays.EdgeLengthVarianceDerivative(x, t),
            StructArrays.EdgeLengthVarianceTape);
        yield return StructArrayFunction.Create<Vec2>("StructArrays.EulerSprings", 3, (-2, 2),
            x => StructArrays.EulerSprings(x), (x, g) => StructArrays.EulerSpringsGradient(x, g), (x, t) => StructArrays.EulerSpringsDerivative(x, t),
            StructArrays.EulerSpringsTape);
        yield return StructArrayFunction.Create<Vec3>("StructArrays.ClosestPairPull", 4, (-2, 2),
            StructArrays.ClosestPairPull, (x, g) => StructArrays.ClosestPairPullGradient(x, g), (x, t) => StructArrays.ClosestPairPullDerivative(x, t),
            StructArrays.ClosestPairPullTape);
    }
}
