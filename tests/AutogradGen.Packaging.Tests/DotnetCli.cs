using System.Diagnostics;
using System.Text;

namespace AutogradGen.Packaging.Tests;

/// <summary>Runs the dotnet CLI in a child process with an environment of its own, and fails with its output on error.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(8);

    /// <returns>What the command printed (standard output and error).</returns>
    public static string Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild variables would point the child build at the wrong
        // SDK pieces; the child gets a clean MSBuild environment and no long-lived build servers.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var lockObject = new object();
        process.OutputDataReceived += (_, e) => { lock (lockObject) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lockObject) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {s_timeout.TotalMinutes} minutes:\n{output}");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{output}");
        return output.ToString();
    }
}
