namespace AutogradGen.Packaging.Tests;

/// <summary>The environment variables that steer the tests that run the README's commands.</summary>
internal static class TestEnvironment
{
    /// <summary>
    /// Set (to 1) for the <c>dotnet test AutogradGen.sln</c> that <see cref="CleanCopyTestRunTests"/> runs inside a clean
    /// copy: that inner run skips the test that started it, which would otherwise copy and test the repository again, forever.
    /// </summary>
    public const string InsideCleanCopyRun = "AUTOGRADGEN_INSIDE_CLEAN_COPY_RUN";

    /// <summary>Set (to 1) to run the README's benchmark command too: about six minutes of measurements on every core.</summary>
    public const string RunBenchmarkCommand = "AUTOGRADGEN_RUN_BENCHMARK_COMMAND";

    public static bool IsSet(string name) => Environment.GetEnvironmentVariable(name) is "1" or "true";
}

/// <summary>A test that the inner run of <c>dotnet test AutogradGen.sln</c> in a clean copy skips (it is that run).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OutsideCleanCopyRunFactAttribute : FactAttribute
{
    public OutsideCleanCopyRunFactAttribute()
    {
        if (TestEnvironment.IsSet(TestEnvironment.InsideCleanCopyRun))
        {
            Skip = $"this run is the clean-copy run this test starts ({TestEnvironment.InsideCleanCopyRun}=1)";
        }
    }
}

/// <summary>A test that runs only when its environment variable asks for it, because it takes many minutes of every core.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OptInFactAttribute : FactAttribute
{
    public OptInFactAttribute(string variable, string why)
    {
        if (!TestEnvironment.IsSet(variable))
        {
            Skip = $"{why}: set {variable}=1 to run it";
        }
    }
}
