using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Guard clauses run as written in every mode (the derivatives throw where the original does), and element
/// writes whose index reads the written array are undone at the index the forward sweep used.
/// </summary>
public class GuardAndIndexTests
{
    private static readonly double[][] s_rows = [[1.5], [-0.5], [2.0]];

    [Fact]
    public void Guards_pass_through_valid_inputs_in_every_mode()
    {
        Assert.Equal(3 * Math.Sqrt(2.25) / 2, GuardFunctions.SqrtTimesDerivative(2.25, 1).Derivative, 12);
        GuardFunctions.LogOfGradient(2, out var dLog);
        Assert.Equal(Math.Log(2) + 1, dLog, 12);
        GuardFunctions.ExpOrThrowGradient(1, out var dExp);
        Assert.Equal(2 * Math.E, dExp, 12);
        GuardFunctions.CountedGradient(s_rows, 3, 0.5, out var dCounted);
        Assert.Equal(1.5 * Math.Cos(0.5) - 0.5 * 2 * Math.Cos(1.0) + 2.0 * 3 * Math.Cos(1.5), dCounted, 12);
    }

    [Fact]
    public void A_ThrowIf_guard_throws_the_same_exception_from_the_gradient_the_derivative_and_the_twin()
    {
        var original = Assert.Throws<ArgumentOutOfRangeException>(() => GuardFunctions.SqrtTimes(-1));
        Assert.Equal(original.ParamName, Assert.Throws<ArgumentOutOfRangeException>(() => GuardFunctions.SqrtTimesGradient(-1, out _)).ParamName);
        Assert.Equal(original.ParamName, Assert.Throws<ArgumentOutOfRangeException>(() => GuardFunctions.SqrtTimesDerivative(-1, 1)).ParamName);
        Assert.Equal(original.ParamName, Assert.Throws<ArgumentOutOfRangeException>(() =>
            GuardFunctions.SqrtTimesTape(Tensor.Scalar(-1.0, requiresGrad: true, dtype: DType.Float64))).ParamName);
        Assert.Equal("x", original.ParamName);
    }

    [Fact]
    public void A_throw_statement_throws_the_same_message_from_every_mode()
    {
        var message = Assert.Throws<ArgumentOutOfRangeException>(() => GuardFunctions.LogOf(-2)).Message;
        Assert.Equal(message, Assert.Throws<ArgumentOutOfRangeException>(() => GuardFunctions.LogOfGradient(-2, out _)).Message);
        Assert.Equal(message, Assert.Throws<ArgumentOutOfRangeException>(() => GuardFunctions.LogOfDerivative(-2, 1)).Message);
        Assert.Equal(message, Assert.Throws<ArgumentOutOfRangeException>(() =>
            GuardFunctions.LogOfTape(Tensor.Scalar(-2.0, requiresGrad: true, dtype: DType.Float64))).Message);
        Assert.Contains("not -2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_throw_expression_and_guards_in_a_loop_throw_where_the_original_does()
    {
        Assert.Throws<ArgumentException>(() => GuardFunctions.ExpOrThrowGradient(11, out _));
        Assert.Throws<ArgumentException>(() => GuardFunctions.ExpOrThrowDerivative(11, 1));
        Assert.Throws<ArgumentNullException>(() => GuardFunctions.CountedGradient(null!, 1, 0.5, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => GuardFunctions.CountedDerivative(s_rows, 0, 0.5, 1));
        var missing = Assert.Throws<InvalidOperationException>(() => GuardFunctions.CountedGradient(s_rows, 4, 0.5, out _));
        Assert.Equal("row 3 is missing", missing.Message);
    }

    [Theory]
    [InlineData(1.5, 3.0)]
    [InlineData(-1.5, -3.0)]
    public void A_write_whose_index_reads_the_written_element_is_undone_at_the_index_the_forward_sweep_wrote(double x, double expected)
    {
        // b[(int)b[0]] = x writes b[0] (it was 0) and makes b[0] = x: the gradient of x² is 2x in both modes and on the tape.
        Assert.Equal(x * x, IndexFunctions.IndexReadsWrittenElementGradient(x, out var dx), 12);
        Assert.Equal(expected, dx, 12);
        Assert.Equal(expected, IndexFunctions.IndexReadsWrittenElementDerivative(x, 1).Derivative, 12);
        var leaf = Tensor.Scalar(x, requiresGrad: true, dtype: DType.Float64);
        IndexFunctions.IndexReadsWrittenElementTape(leaf).Backward();
        Assert.Equal(expected, leaf.Grad!.Item(), 12);
    }

    [Theory]
    [InlineData(1.5, 4.0)]   // both increments land on b[0]: b[0] = 4x, b[1] = 0
    [InlineData(0.5, 6.0)]   // the second lands on b[1]: b = [3x, x], f = 3x² + 3x
    public void Compound_writes_whose_index_reads_the_array_use_the_forward_index(double x, double expected)
    {
        IndexFunctions.CompoundIndexReadsWrittenElementGradient(x, out var dx);
        Assert.Equal(expected, dx, 12);
        Assert.Equal(expected, IndexFunctions.CompoundIndexReadsWrittenElementDerivative(x, 1).Derivative, 12);
    }

    [Theory]
    [InlineData(0.75)]
    [InlineData(-1.25)]
    public void Writes_whose_index_reads_another_element_or_runs_in_a_loop_use_the_forward_index(double x)
    {
        IndexFunctions.IndexReadsAnotherElementGradient(x, out var dOther);
        Assert.Equal(3 * x * x + 1, dOther, 12);
        IndexFunctions.IndexReadsArrayInLoopGradient(x, out var dLoop);
        Assert.Equal(24 * x, dLoop, 12);
        Assert.Equal(24 * x, IndexFunctions.IndexReadsArrayInLoopDerivative(x, 1).Derivative, 12);
    }

    [Fact]
    public void A_parenthesised_stackalloc_length_is_accepted()
    {
        // a has n + 2 = 5 elements, a[4] = 4x, f = 4x², f' = 8x.
        Assert.Equal(4 * 0.5 * 0.5, IndexFunctions.ParenthesisedStackallocLengthGradient(0.5, 3, out var dx), 12);
        Assert.Equal(4.0, dx, 12);
    }
}
