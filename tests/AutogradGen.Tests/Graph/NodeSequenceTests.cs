namespace AutogradGen.Tests.Graph;

/// <summary>Node creation numbers, which order ready nodes in backward: handed out per thread in blocks, as PyTorch's.</summary>
public class NodeSequenceTests
{
    private static List<long> RecordNodes(int count)
    {
        var x = Tensor.Scalar(1, requiresGrad: true, dtype: DType.Float64);
        var numbers = new List<long>(count);
        var y = x;
        for (int i = 0; i < count; i++)
        {
            y = y * 2;
            numbers.Add(y.GradFn!.SequenceNr);
        }
        return numbers;
    }

    [Fact]
    public void Nodes_made_later_on_a_thread_have_larger_numbers_across_block_boundaries()
    {
        var numbers = RecordNodes(10_000);
        for (int i = 1; i < numbers.Count; i++) Assert.True(numbers[i] > numbers[i - 1], $"node {i} is numbered {numbers[i]}, after {numbers[i - 1]}");
    }

    [Fact]
    public void Nodes_made_on_different_threads_never_share_a_number()
    {
        var perThread = new List<long>[2];
        var threads = new Thread[2];
        for (int t = 0; t < threads.Length; t++)
        {
            int index = t;
            threads[t] = new Thread(() => perThread[index] = RecordNodes(10_000));
        }
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        var all = perThread[0].Concat(perThread[1]).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }
}
