namespace AutogradGen.Generator.Tests.Tensors;

/// <summary>
/// One tensor method under test: how to make its inputs in a dtype, which of them are differentiated, the
/// original method (run on the tape) and its generated Gradient. A method that stops a derivative on purpose
/// (Detach) differs from central differences by design: <paramref name="StopsDerivatives"/> leaves it out of that check.
/// </summary>
internal sealed record TensorCase(
    string Name,
    Func<DType, RandomGenerator, Tensor[]> Inputs,
    int[] Differentiated,
    Func<Tensor[], Tensor> Original,
    Func<Tensor[], (Tensor Value, Tensor[] Gradients)> Generated,
    bool StopsDerivatives = false);

/// <summary>Inputs for the cases: seeded, in the requested dtype.</summary>
internal static class TensorInputs
{
    public static Tensor Randn(RandomGenerator generator, DType dtype, params int[] shape) => Tensor.Randn(shape, dtype: dtype, generator: generator);

    public static Tensor Rand(RandomGenerator generator, DType dtype, params int[] shape) => Tensor.Rand(shape, dtype: dtype, generator: generator);

    /// <summary>Class indices in [0, classes), Int64.</summary>
    public static Tensor Classes(RandomGenerator generator, int count, int classes) =>
        Tensor.From(Enumerable.Range(0, count).Select(_ => (long)(generator.NextUInt32() % (uint)classes)).ToArray());
}
