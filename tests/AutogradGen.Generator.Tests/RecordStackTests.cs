using AutogradGen.CompilerServices;

namespace AutogradGen.Generator.Tests;

/// <summary>The runtime stack behind generated reverse mode: pushes, reservations and their replay.</summary>
public class RecordStackTests
{
    [Fact]
    public void Reserved_slots_replay_in_recording_order_after_the_stack_grows()
    {
        var stack = new RecordStack<double>(stackalloc double[4]);
        stack.Push(-1.0);
        var slots = stack.Reserve(100);
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = i * 0.5;
        }

        stack.Push(-2.0);
        Assert.Equal(102, stack.Count);
        Assert.Equal(-2.0, stack.Pop());
        var replayed = stack.Release(100);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * 0.5), replayed.ToArray());
        Assert.Equal(-1.0, stack.Pop());
        Assert.Equal(0, stack.Count);
        stack.Dispose();
    }

    [Fact]
    public void Reserving_a_count_below_one_records_nothing()
    {
        var stack = new RecordStack<int>(stackalloc int[4]);
        Assert.Equal(0, stack.Reserve(0).Length);
        Assert.Equal(0, stack.Reserve(-3).Length);
        Assert.Equal(0, stack.Release(-3).Length);
        Assert.Equal(0, stack.Count);
        stack.Dispose();
    }

    [Fact]
    public void Releasing_more_than_was_recorded_reports_generated_code_out_of_step()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            var stack = new RecordStack<int>(stackalloc int[4]);
            stack.Push(1);
            stack.Release(2);
        });
        Assert.Contains("replayed more values than the forward sweep recorded", error.Message, StringComparison.Ordinal);
    }
}
