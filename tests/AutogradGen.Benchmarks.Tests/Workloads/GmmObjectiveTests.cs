using AutogradGen.Benchmarks.Tests.Support;
using AutogradGen.Benchmarks.Workloads.Gmm;

namespace AutogradGen.Benchmarks.Tests.Workloads;

public class GmmObjectiveTests
{
    private static double ObjectiveOf(GmmInstance instance) =>
        GmmObjective.Value(instance, instance.Parameters, new GmmWorkspace(instance));

    [Fact]
    public void Objective_on_test_txt_matches_ADBench()
    {
        Tolerance.AssertClose(8.07380408004975791, ObjectiveOf(GmmCases.Load(GmmCases.Test)), 1e-8, "objective on test.txt");
    }

    [Fact]
    public void Objective_on_gmm_d2_K5_matches_ADBench()
    {
        Tolerance.AssertClose(-5240.59056254964707, ObjectiveOf(GmmCases.Load(GmmCases.D2K5)), 1e-8, "objective on gmm_d2_K5.txt");
    }

    [Fact]
    public void Objective_call_allocates_nothing()
    {
        GmmInstance instance = GmmCases.Load(GmmCases.D2K5);
        var workspace = new GmmWorkspace(instance);
        GmmObjective.Value(instance, instance.Parameters, workspace);

        long before = GC.GetAllocatedBytesForCurrentThread();
        GmmObjective.Value(instance, instance.Parameters, workspace);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_workspace_made_for_another_size_is_rejected_with_how_to_fix_it()
    {
        GmmInstance instance = GmmCases.Load(GmmCases.Test);

        var error = Assert.Throws<ArgumentException>(() => GmmObjective.Value(instance, instance.Parameters, new GmmWorkspace(2, 5)));

        Assert.StartsWith(
            "The workspace was made for d = 2, k = 5 but the instance has d = 2, k = 3; create it with new GmmWorkspace(instance).",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeded_instance_is_the_same_on_every_draw()
    {
        GmmInstance first = GmmRandomInstance.Create(3, 2, 5, seed: 42);
        GmmInstance second = GmmRandomInstance.Create(3, 2, 5, seed: 42);

        Assert.Equal(first.Parameters.ToArray(), second.Parameters.ToArray());
        Assert.Equal(first.Points.ToArray(), second.Points.ToArray());
    }

    [Fact]
    public void Another_seed_draws_another_instance()
    {
        GmmInstance first = GmmRandomInstance.Create(3, 2, 5, seed: 42);
        GmmInstance second = GmmRandomInstance.Create(3, 2, 5, seed: 43);

        Assert.NotEqual(first.Parameters.ToArray(), second.Parameters.ToArray());
    }

    [Fact]
    public void Seeded_means_are_uniform_in_the_unit_interval()
    {
        GmmInstance instance = GmmCases.Load(GmmCases.D10K25);

        ReadOnlySpan<double> means = instance.Parameters.Slice(instance.MeansOffset, 250);

        Assert.All(means.ToArray(), m => Assert.InRange(m, 0.0, 1.0));
    }
}
