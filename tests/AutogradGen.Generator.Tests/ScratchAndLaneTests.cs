using System.Runtime.Intrinsics;
using AutogradGen.CompilerServices;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// The runtime pieces behind vector-mode Jacobians: scratch spans on the caller's stack when they fit (pooled when
/// not), and the lane helpers of the <c>Vector256&lt;double&gt;</c> tangents.
/// </summary>
public class ScratchAndLaneTests
{
    [Fact]
    public void A_scratch_span_that_fits_is_the_callers_stack_zeroed()
    {
        Span<double> stack = stackalloc double[8];
        stack.Fill(7);
        var buffer = new ScratchBuffer<double>(stack, 5);
        Assert.Equal(5, buffer.Span.Length);
        Assert.All(buffer.Span.ToArray(), v => Assert.Equal(0, v));
        buffer.Span[0] = 3;
        Assert.Equal(3, stack[0]);   // the same memory
        Assert.Equal(7, stack[5]);   // beyond the length, untouched
        buffer.Dispose();
    }

    [Fact]
    public void A_scratch_span_longer_than_the_stack_is_rented_zeroed()
    {
        Span<double> stack = stackalloc double[2];
        var buffer = new ScratchBuffer<double>(stack, 40);
        Assert.Equal(40, buffer.Span.Length);
        Assert.All(buffer.Span.ToArray(), v => Assert.Equal(0, v));
        buffer.Span[0] = 3;
        Assert.Equal(0, stack[0]);
        buffer.Dispose();
    }

    [Fact]
    public void Unit_tangents_have_one_lane_set_and_lanes_out_of_range_throw()
    {
        for (int lane = 0; lane < 4; lane++)
        {
            var unit = Tangents4.Unit(lane);
            for (int other = 0; other < 4; other++) Assert.Equal(other == lane ? 1.0 : 0.0, unit[other]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Tangents4.Unit(4));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Copying_lanes_writes_that_many_rows_of_one_column(int lanes)
    {
        var destination = new double[20];
        Tangents4.CopyLanesTo(Vector256.Create(1.0, 2.0, 3.0, 4.0), destination, start: 2, stride: 5, lanes);
        for (int i = 0; i < destination.Length; i++)
        {
            int lane = (i - 2) / 5;
            bool written = i >= 2 && (i - 2) % 5 == 0 && lane < lanes;
            Assert.Equal(written ? lane + 1.0 : 0.0, destination[i]);
        }
    }
}
