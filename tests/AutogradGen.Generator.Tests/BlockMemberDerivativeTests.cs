using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Issue 10 item 2: a struct's own methods, operators and property getters with block bodies, called from
/// [Differentiable] methods, in both modes (central differences, forward against reverse) and the tape twin.
/// </summary>
public class BlockMemberDerivativeTests
{
    private static Offset O(double[] p, int i) => new(p[i], p[i + 1], p[i + 2]);

    private static double[] Flat(params Offset[] offsets) => offsets.SelectMany(v => new[] { v.X, v.Y, v.Z }).ToArray();

    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        new()
        {
            Name = "NormOfSum",
            Dimension = 6,
            Function = p => BlockMemberFunctions.NormOfSum(O(p, 0), O(p, 3)),
            Gradient = p => (BlockMemberFunctions.NormOfSumGradient(O(p, 0), O(p, 3), out var da, out var db), Flat(da, db)),
            Derivative = (p, d) => BlockMemberFunctions.NormOfSumDerivative(O(p, 0), O(p, 3), O(d, 0), O(d, 3)),
        },
        new()
        {
            Name = "Mixed",
            Dimension = 4,
            Function = p => BlockMemberFunctions.Mixed(O(p, 0), p[3]),
            Gradient = p => (BlockMemberFunctions.MixedGradient(O(p, 0), p[3], out var da, out var ds), [.. Flat(da), ds]),
            Derivative = (p, d) => BlockMemberFunctions.MixedDerivative(O(p, 0), p[3], O(d, 0), d[3]),
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
    public void The_norm_of_a_sum_has_the_closed_form_gradient_and_the_twin_agrees()
    {
        var a = new Offset(1, -2, 0.5);
        var b = new Offset(0.25, 1, 1.5);
        var value = BlockMemberFunctions.NormOfSumGradient(a, b, out var da, out var db);
        var (x, y, z) = (1.25, -1.0, 2.0);
        var norm = Math.Sqrt(x * x + y * y + z * z);
        Assert.Equal(norm, value, 1e-14);
        Assert.Equal(x / norm, da.X, 1e-15);
        Assert.Equal(y / norm, da.Y, 1e-15);
        Assert.Equal(z / norm, da.Z, 1e-15);
        Assert.Equal((da.X, da.Y, da.Z), (db.X, db.Y, db.Z));

        var leaves = Flat(a, b).Select(v => Tensor.Scalar(v, requiresGrad: true, DType.Float64)).ToArray();
        var twin = BlockMemberFunctions.NormOfSumTape(leaves[0], leaves[1], leaves[2], leaves[3], leaves[4], leaves[5]);
        twin.Backward();
        Assert.Equal(value, twin.Item(), 1e-14);
        var twinGradient = leaves.Select(l => l.Grad!.Item()).ToArray();
        var generated = Flat(da, db);
        for (var i = 0; i < generated.Length; i++)
        {
            Assert.Equal(generated[i], twinGradient[i], 1e-14);
        }
    }

    [Fact]
    public void The_early_return_in_a_loop_of_a_member_takes_the_branch_the_original_takes()
    {
        // Y is the first coordinate beyond the bound: d tanh(Y)/dY = 1 - tanh²(Y), and nothing else depends on X or Z there.
        var a = new Offset(0.1, 1.2, -3);
        BlockMemberFunctions.MixedGradient(a, 1.0, out var da, out _);
        var numeric = (BlockMemberFunctions.Mixed(new Offset(0.1, 1.2 + 1e-6, -3), 1.0) - BlockMemberFunctions.Mixed(new Offset(0.1, 1.2 - 1e-6, -3), 1.0)) / 2e-6;
        Assert.Equal(numeric, da.Y, 1e-7);
    }

    [Fact]
    public void The_generated_code_keeps_the_members_lines_under_their_names()
    {
        var generated = GeneratedSource("BlockMemberFunctions");
        Assert.Contains("in Norm: double s = X * X + Y * Y + Z * Z;", generated, StringComparison.Ordinal);
        Assert.Contains("in Plus: var x = a.X + b.X;", generated, StringComparison.Ordinal);
        Assert.Contains("in Length: var s = Dot(this);", generated, StringComparison.Ordinal);
    }

    /// <summary>The generated file of the functions, run through the generator again as a user's build would.</summary>
    private static string GeneratedSource(string type)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "AutogradGen.Generator.Tests", "Functions", type + ".cs");
        var run = Driver.GeneratorHarness.Run("using System;\nusing AutogradGen;\n" + File.ReadAllText(path));
        Assert.Empty(run.Diagnostics);
        return run.Sources.Single(s => s.HintName == "AutogradGen.Generator.Tests.Functions." + type + ".Derivatives.g.cs").SourceText.ToString();
    }
}
