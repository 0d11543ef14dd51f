using System.Numerics;
using AutogradGen.CrossChecks.Corpus;
using AutogradGen.CrossChecks.Harness;

namespace AutogradGen.CrossChecks;

/// <summary>The complex corpus's methods with Complex parameters (Corpus/ComplexNumbers.cs): each Complex is its real and imaginary part, in that order.</summary>
public static partial class CorpusRegistry
{
    private static Complex Z(double[] p, int i) => new(p[i], p[i + 1]);

    private static IEnumerable<CorpusFunction> ComplexFunctions()
    {
        yield return StructFunction.Create("ComplexNumbers.ComplexLoss", 3, (-1, 1),
            p => ComplexNumbers.ComplexLoss(Z(p, 0), p[2]),
            p => (ComplexNumbers.ComplexLossGradient(Z(p, 0), p[2], out var dz, out var dw), [dz.Real, dz.Imaginary, dw]),
            t => ComplexNumbers.ComplexLossTape(t[0], t[1], t[2]),
            (p, d) => ComplexNumbers.ComplexLossDerivative(Z(p, 0), p[2], Z(d, 0), d[2]));
        yield return StructFunction.Create("ComplexNumbers.ComplexRatioLoss", 4, (0.5, 2),
            p => ComplexNumbers.ComplexRatioLoss(Z(p, 0), Z(p, 2)),
            p => (ComplexNumbers.ComplexRatioLossGradient(Z(p, 0), Z(p, 2), out var dn, out var dd), [dn.Real, dn.Imaginary, dd.Real, dd.Imaginary]),
            t => ComplexNumbers.ComplexRatioLossTape(t[0], t[1], t[2], t[3]),
            (p, d) => ComplexNumbers.ComplexRatioLossDerivative(Z(p, 0), Z(p, 2), Z(d, 0), Z(d, 2)));
    }
}
