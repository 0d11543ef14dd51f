namespace AutogradGen.Packaging.Tests;

/// <summary>The README's commands are the ones <see cref="ReadmeCommandTests"/> and its neighbours run word for word.</summary>
public class ReadmeListTests
{
    [Fact]
    public void Every_dotnet_command_in_the_README_is_one_the_tests_run_word_for_word()
    {
        var readme = File.ReadAllText(Path.Combine(CleanCopy.RepositoryRoot(), "README.md"));

        var commands = ReadmeCommands.InReadme(readme);

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
