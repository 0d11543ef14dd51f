namespace AutogradGen.Packaging.Tests;

/// <summary>The README's commands are the ones <see cref="ReadmeCommandTests"/> and its neighbours run word for word.</summary>
public class ReadmeListTests
{
    /// <summary>The READMEs a newcomer reads: the repository's, and the GradBench tool's, which it links to.</summary>
    private static readonly string[] Readmes = ["README.md", Path.Combine("tools", "AutogradGen.GradBench", "README.md")];

    [Fact]
    public void Every_dotnet_command_in_the_README_is_one_the_tests_run_word_for_word()
    {
        var commands = Readmes.SelectMany(readme => ReadmeCommands.InReadme(File.ReadAllText(Path.Combine(CleanCopy.RepositoryRoot(), readme))));

        Assert.Equal(ReadmeCommands.Tested.Order(StringComparer.Ordinal), commands.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_reader_finds_commands_in_shell_blocks_and_inline_code_but_not_in_CSharp_blocks()
    {
        var readme = "Run `dotnet run --project a -- --list` here.\n```sh\ndotnet test x.sln   # every test\nbash run.sh\n```\n"
            + "```csharp\ndotnet build y // not a command\n```\n";

        Assert.Equal(["dotnet run --project a -- --list", "dotnet test x.sln"], ReadmeCommands.InReadme(readme));
    }
}
