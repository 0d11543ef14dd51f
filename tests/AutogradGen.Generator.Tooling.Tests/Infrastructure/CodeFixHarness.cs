using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tooling.Tests.Infrastructure;

/// <summary>
/// Applies a code fix the way the IDE does, without the analyzer-testing packages: the files become documents of an
/// <see cref="AdhocWorkspace"/> project, the generator runs on the project's compilation, and each diagnostic it
/// reports with the given id is handed to the provider; the offered actions are applied to the solution.
/// </summary>
internal sealed class CodeFixHarness
{
    private readonly AdhocWorkspace _workspace = new();
    private readonly Project _project;

    public CodeFixHarness(params (string Path, string Source)[] files)
    {
        var project = _workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "UserCode", "UserCode", LanguageNames.CSharp,
            compilationOptions: GeneratorHarness.CompilationOptions,
            parseOptions: GeneratorHarness.ParseOptions,
            metadataReferences: References.All));
        foreach (var (path, source) in files)
        {
            project = project.AddDocument(Path.GetFileName(path), SourceText.From(source), filePath: path).Project;
        }

        _project = project;
    }

    /// <summary>The diagnostics the generator reports on the files, as the IDE would receive them.</summary>
    public async Task<ImmutableArray<Diagnostic>> GeneratorDiagnosticsAsync()
    {
        var compilation = await _project.GetCompilationAsync().ConfigureAwait(false);
        return GeneratorHarness.Run(compilation!).Diagnostics;
    }

    /// <summary>The titles of the actions <paramref name="provider"/> offers for each diagnostic with <paramref name="id"/>.</summary>
    public async Task<IReadOnlyList<string>> OfferedTitlesAsync(CodeFixProvider provider, string id)
    {
        var actions = await ActionsAsync(provider, id).ConfigureAwait(false);
        return actions.Select(action => action.Title).ToList();
    }

    /// <summary>
    /// Applies the first action offered for the first diagnostic with <paramref name="id"/> (the first one titled
    /// <paramref name="title"/>, when given) and returns every document's new text by path (unchanged documents included).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ApplyAsync(CodeFixProvider provider, string id, string? title = null)
    {
        var actions = await ActionsAsync(provider, id).ConfigureAwait(false);
        if (title is not null)
        {
            actions = actions.Where(action => action.Title == title).ToList();
        }

        Assert.True(actions.Count > 0, $"{provider.GetType().Name} offered no fix{(title is null ? string.Empty : " '" + title + "'")} for {id}.");
        var operations = await actions[0].GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in solution.GetProject(_project.Id)!.Documents)
        {
            texts[document.FilePath!] = (await document.GetTextAsync().ConfigureAwait(false)).ToString();
        }

        return texts;
    }

    private async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider, string id)
    {
        var diagnostics = (await GeneratorDiagnosticsAsync().ConfigureAwait(false)).Where(d => d.Id == id).ToList();
        Assert.True(diagnostics.Count > 0, $"The generator reported no {id}.");
        var actions = new List<CodeAction>();
        foreach (var diagnostic in diagnostics)
        {
            // The generator's locations carry the file path, as the IDE maps them back to a document.
            var path = diagnostic.Location.GetLineSpan().Path;
            var document = _project.Documents.Single(d => d.FilePath == path);
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }

        return actions;
    }
}
