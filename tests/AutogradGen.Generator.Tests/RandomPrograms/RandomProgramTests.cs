using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using AutogradGen.Generator.Tests.Driver;

namespace AutogradGen.Generator.Tests.RandomPrograms;

/// <summary>
/// Property test: randomly written methods (branches, early returns, loops with break and continue, reassignment,
/// a local array, calls of [Differentiable] helpers with scalars, spans and arrays)
/// compile with their generated derivatives, and those agree with finite differences and with each other.
/// The programs are compiled into one in-memory assembly, loaded in a collectible load context and called.
/// </summary>
public class RandomProgramTests
{
    private const int Programs = 40;
    private const int PointsPerProgram = 6;

    [Fact]
    public void Random_programs_have_gradients_matching_finite_differences_and_forward_mode()
    {
        var source = new System.Text.StringBuilder("using System;\nusing AutogradGen;\n\n" + RandomProgramWriter.Helpers + "public static partial class RandomFunctions\n{\n");
        for (var i = 0; i < Programs; i++)
        {
            source.Append(new RandomProgramWriter(seed: 1000 + i).Method("F" + i)).Append('\n');
        }

        source.Append("}\n");
        var run = GeneratorHarness.Run(source.ToString());
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);

        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new AssemblyLoadContext("RandomPrograms", isCollectible: true);
        try
        {
            image.Position = 0;
            var type = context.LoadFromStream(image).GetType("RandomFunctions")!;
            var checkedPoints = 0;
            for (var i = 0; i < Programs; i++)
            {
                checkedPoints += CheckProgram(type, "F" + i, new Random(i));
            }

            // Points next to a branch switch are left out (finite differences straddle a jump there), but few.
            Assert.True(checkedPoints >= Programs * PointsPerProgram * 3 / 4, $"Only {checkedPoints} points were smooth enough to check.");
        }
        finally
        {
            context.Unload();
        }
    }

    private static int CheckProgram(Type type, string name, Random random)
    {
        var value = Method(type, name + "Value");
        var gradient = Method(type, name + "Check");
        var forward = Method(type, name + "Forward");
        var checkedPoints = 0;
        for (var n = 0; n < PointsPerProgram; n++)
        {
            var point = Enumerable.Range(0, 7).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var g = new double[7];
            var f = (double)gradient.Invoke(null, [point, g])!;
            Assert.Equal((double)value.Invoke(null, [point])!, f);

            var direction = Enumerable.Range(0, 7).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var derivative = (double)forward.Invoke(null, [point, direction])!;
            var dot = g.Zip(direction, (a, b) => a * b).Sum();
            Assert.True(Math.Abs(derivative - dot) <= 1e-9 * Math.Max(1, g.Zip(direction, (a, b) => Math.Abs(a * b)).Sum()),
                $"{name}: forward mode {derivative:R} but <gradient, direction> = {dot:R} at ({string.Join(", ", point)})");

            var smooth = true;
            var expected = new double[7];
            for (var i = 0; i < 7 && smooth; i++)
            {
                var coarse = Difference(value, point, i, 1e-3);
                var fine = Difference(value, point, i, 5e-4);
                expected[i] = (4 * fine - coarse) / 3;
                smooth = Math.Abs(coarse - fine) <= 1e-5 * Math.Max(1, Math.Abs(fine));
            }

            if (!smooth)
            {
                continue;
            }

            checkedPoints++;
            for (var i = 0; i < 7; i++)
            {
                Assert.True(Math.Abs(g[i] - expected[i]) <= 1e-7 * Math.Max(1, Math.Abs(expected[i])),
                    $"{name}: gradient[{i}] is {g[i]:R}, finite differences give {expected[i]:R} at ({string.Join(", ", point)})");
            }
        }

        return checkedPoints;
    }

    private static double Difference(MethodInfo value, double[] point, int i, double h)
    {
        var plus = (double[])point.Clone();
        var minus = (double[])point.Clone();
        plus[i] += h;
        minus[i] -= h;
        return ((double)value.Invoke(null, [plus])! - (double)value.Invoke(null, [minus])!) / (2 * h);
    }

    private static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException($"{name} was not generated.");
}
