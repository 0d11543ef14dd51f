using System.Diagnostics;
using System.Text;

namespace AutogradGen.Packaging.Tests;

/// <summary>Runs the dotnet CLI in a child process with an environment of its own, and fails with its output on error.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Runs a command line as a user types it (such as the README's <c>dotnet pack src/AutogradGen -c Release -o ./packages</c>):
    /// it must start with <c>dotnet</c>; the words after it are the arguments (the README's commands quote nothing).
    /// </summary>
    /// <returns>What the command printed (standard output and error).</returns>
    public static string RunCommandLine(string workingDirectory, IReadOnlyDictionary<string, string> environment, string commandLine, TimeSpan? timeout = null)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(words is ["dotnet", ..], $"'{commandLine}' is not a dotnet command.");
        return Run(workingDirectory, environment, timeout ?? s_timeout, words[1..]);
    }

    /// <returns>What the command printed (standard output and error).</returns>
    public static string Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Run(workingDirectory, environment, s_timeout, arguments);

    /// <returns>What the command printed (standard output and error).</returns>
    public static string Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
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

        // The test host runs under `dotnet test`, whose MSBuild (and test platform) variables would point the child at the
        // wrong SDK pieces or test host; the child gets a clean environment of that kind and no long-lived build servers.
        foreach (var name in start.Environment.Keys.Where(IsInheritedFromTheTestRun).ToList())
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
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes} minutes:\n{output}");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{output}");
        return output.ToString();
    }

    private static bool IsInheritedFromTheTestRun(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase);
}
