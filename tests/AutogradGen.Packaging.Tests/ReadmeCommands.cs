using System.Text.RegularExpressions;

namespace AutogradGen.Packaging.Tests;

/// <summary>
/// The README's commands, each run word for word by a test of this project, and the reader that finds every command in
/// the README (shell blocks and inline code that start with <c>dotnet</c>), so that a command added to the README
/// without a test fails <see cref="ReadmeCommandTests"/>.
/// </summary>
internal static partial class ReadmeCommands
{
    public const string RunSamples = "dotnet run --project samples/AutogradGen.Samples";
    public const string ListSamples = "dotnet run --project samples/AutogradGen.Samples -- --list";
    public const string RunOneSample = "dotnet run --project samples/AutogradGen.Samples -- static-gradients";
    public const string TestEverything = "dotnet test AutogradGen.sln";
    public const string Benchmarks = "dotnet run -c Release --project tests/AutogradGen.Benchmarks -- --short";
    public const string Pack = "dotnet pack src/AutogradGen -c Release -o ./packages";

    /// <summary>The commands the tests run.</summary>
    public static readonly string[] Tested = [RunSamples, ListSamples, RunOneSample, TestEverything, Benchmarks, Pack];

    /// <summary>Every <c>dotnet</c> command in the README, in order of appearance, without trailing shell comments.</summary>
    public static IReadOnlyList<string> InReadme(string readme)
    {
        var commands = new List<string>();
        bool inShellBlock = false;
        foreach (var rawLine in readme.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShellBlock = !inShellBlock && line is "```sh" or "```bash" or "```shell" or "```console";
                continue;
            }

            if (inShellBlock)
            {
                var command = (line.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line).Trim();
                if (command.StartsWith("dotnet ", StringComparison.Ordinal)) commands.Add(command);
                continue;
            }

            foreach (Match match in InlineCommand().Matches(line)) commands.Add(match.Groups[1].Value.Trim());
        }

        return commands;
    }

    [GeneratedRegex("`(dotnet [^`]+)`")]
    private static partial Regex InlineCommand();
}
