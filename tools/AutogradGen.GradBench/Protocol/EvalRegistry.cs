using AutogradGen.GradBench.Evals.Ba;
using AutogradGen.GradBench.Evals.Det;
using AutogradGen.GradBench.Evals.Gmm;
using AutogradGen.GradBench.Evals.Hello;
using AutogradGen.GradBench.Evals.Ht;
using AutogradGen.GradBench.Evals.Kmeans;
using AutogradGen.GradBench.Evals.Llsq;
using AutogradGen.GradBench.Evals.Lse;
using AutogradGen.GradBench.Evals.Lstm;
using AutogradGen.GradBench.Evals.Ode;
using AutogradGen.GradBench.Evals.Particle;
using AutogradGen.GradBench.Evals.Saddle;

namespace AutogradGen.GradBench.Protocol;

/// <summary>Every eval module the tool knows.</summary>
internal static class EvalRegistry
{
    public static IReadOnlyList<IEvalModule> All { get; } =
    [
        new HelloModule(), new GmmModule(), new LstmModule(), new OdeModule(), new LlsqModule(), new LseModule(),
        new DetModule(), new BaModule(), new HtModule(), new KmeansModule(), new ParticleModule(),
        new SaddleModule(),
    ];
}
