using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Checking.Cases;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Compile-and-run, issue 10 items 1, 2 and 4: tables, constants and properties read as the original reads them,
/// instance members of classes, structs and records, and parameters passed through.
/// </summary>
public class MemberDerivativeTests
{
    private static readonly LinearModel s_model = new([1.5, -0.75], 0.25);

    private static readonly Spring s_spring = new() { Stiffness = 3.0 };

    private static readonly ScaledSine s_sine = new(1.75);

    private static readonly double[][] s_data = [[1.0, 2.0], [0.5, -1.5, 3.0]];

    private static readonly double[,] s_table = { { 1.0, -0.5 }, { 0.25, 2.0 }, { -1.0, 0.5 } };

    private static readonly List<double> s_list = [1.0, -2.0, 0.5, 1.5];

    private static readonly IReadOnlyList<double> s_coefficients = [2.0, 0.25];

    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        Two("IntegrateExp", Quadrature.IntegrateExp, Quadrature.IntegrateExpGradient, Quadrature.IntegrateExpDerivative),
        Two("Score", s_model.Score, s_model.ScoreGradient, s_model.ScoreDerivative),
        Two("Loss", s_model.Loss, s_model.LossGradient, s_model.LossDerivative),
        One("Evaluate", x => LinearModel.Evaluate(s_model, x), (double x, out double dx) => LinearModel.EvaluateGradient(s_model, x, out dx),
            (x, dx) => LinearModel.EvaluateDerivative(s_model, x, dx)),
        One("Energy", s_spring.Energy, s_spring.EnergyGradient, s_spring.EnergyDerivative),
        One("Apply", s_sine.Apply, s_sine.ApplyGradient, s_sine.ApplyDerivative),
        One("Jagged", x => PassThrough.Jagged(s_data, 1, x), (double x, out double dx) => PassThrough.JaggedGradient(s_data, 1, x, out dx),
            (x, dx) => PassThrough.JaggedDerivative(s_data, 1, x, dx)),
        One("Table", x => PassThrough.Table(s_table, x), (double x, out double dx) => PassThrough.TableGradient(s_table, x, out dx),
            (x, dx) => PassThrough.TableDerivative(s_table, x, dx)),
        One("Lists", x => PassThrough.Lists(s_list, s_coefficients, x), (double x, out double dx) => PassThrough.ListsGradient(s_list, s_coefficients, x, out dx),
            (x, dx) => PassThrough.ListsDerivative(s_list, s_coefficients, x, dx)),
        One("MixedSquare", x => PassThrough.Mixed(3, Penalty.Square, "label", 2.0, true, x),
            (double x, out double dx) => PassThrough.MixedGradient(3, Penalty.Square, "label", 2.0, true, x, out dx),
            (x, dx) => PassThrough.MixedDerivative(3, Penalty.Square, "label", 2.0, true, x, dx)),
        One("MixedAbsolute", x => PassThrough.Mixed(2, Penalty.Absolute, "", null, false, x),
            (double x, out double dx) => PassThrough.MixedGradient(2, Penalty.Absolute, "", null, false, x, out dx),
            (x, dx) => PassThrough.MixedDerivative(2, Penalty.Absolute, "", null, false, x, dx)),
        One("Caller", x => PassThrough.Caller(s_data, Penalty.Square, x), (double x, out double dx) => PassThrough.CallerGradient(s_data, Penalty.Square, x, out dx),
            (x, dx) => PassThrough.CallerDerivative(s_data, Penalty.Square, x, dx)),
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
    public void A_quadrature_table_integrates_and_differentiates_exactly_enough()
    {
        // ∫ₐᵇ e^{2.5t} dt = (e^{2.5b} − e^{2.5a}) / 2.5; ∂/∂b = e^{2.5b}, ∂/∂a = −e^{2.5a} (three nodes: ~1e-3 off).
        var value = Quadrature.IntegrateExpGradient(0, 0.5, out var da, out var db);
        Assert.Equal((Math.Exp(1.25) - 1) / 2.5 + 0.5, value, 1e-3);
        Assert.Equal(-1.0, da, 1e-2);
        Assert.Equal(Math.Exp(1.25), db, 1e-2);
    }

    [Fact]
    public void An_instance_member_reads_the_receivers_fields_and_is_not_differentiated_with_respect_to_it()
    {
        var value = s_model.ScoreGradient(2, 4, out var dx, out var dy);
        Assert.Equal((1.5 * 2 - 0.75 * 4 + 0.25, 1.5, -0.75), (value, dx, dy));
        Assert.Equal((1.5 * 2 - 0.75 * 4 + 0.25, 1.5), s_model.ScoreDerivative(2, 4, 1, 0));
        Assert.Equal(6.0, s_spring.EnergyGradient(2, out var dSpring));
        Assert.Equal(6.0, dSpring);
    }

    [Fact]
    public void The_tape_twins_of_instance_members_agree_with_the_generated_gradient()
    {
        var x = Tensor.Scalar(0.5, requiresGrad: true, dtype: DType.Float64);
        var y = Tensor.Scalar(-1.25, requiresGrad: true, dtype: DType.Float64);
        var loss = s_model.LossTape(x, y);
        loss.Backward();
        var value = s_model.LossGradient(0.5, -1.25, out var dx, out var dy);
        Assert.Equal(value, loss.Item(), 12);
        Assert.Equal(dx, x.Grad!.Item(), 12);
        Assert.Equal(dy, y.Grad!.Item(), 12);
    }
}
