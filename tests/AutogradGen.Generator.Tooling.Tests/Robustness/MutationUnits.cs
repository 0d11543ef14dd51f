using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutogradGen.Generator.Tooling.Tests.Robustness;

/// <summary>
/// Splits test source files into units of one [Differentiable] method each (with the [Differentiable] methods it
/// calls, and every other member of the file), so that a mutation makes the generator and the compiler redo one
/// method's work rather than a whole file's: the same edits, five to ten times more of them per second.
/// </summary>
internal static class MutationUnits
{
    public static IReadOnlyList<(string Path, string Source)> Split(IEnumerable<(string Path, string Source)> files) =>
        files.SelectMany(file => Split(file.Path, file.Source)).ToList();

    private static IEnumerable<(string Path, string Source)> Split(string path, string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var differentiable = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsDifferentiable).ToList();
        foreach (var method in differentiable)
        {
            var kept = WithCallees(method, differentiable);
            var unit = root.RemoveNodes(differentiable.Where(m => !kept.Contains(m)), SyntaxRemoveOptions.KeepNoTrivia)!;
            yield return (path.Replace(".cs", "." + method.Identifier.ValueText + ".cs", StringComparison.Ordinal), unit.ToFullString());
        }
    }

    /// <summary>The method and every [Differentiable] method it names or whose generated Gradient or Derivative it names, transitively (by name: overloads come along).</summary>
    private static HashSet<MethodDeclarationSyntax> WithCallees(MethodDeclarationSyntax method, List<MethodDeclarationSyntax> all)
    {
        var kept = new HashSet<MethodDeclarationSyntax> { method };
        var pending = new Stack<MethodDeclarationSyntax>(kept);
        while (pending.Count > 0)
        {
            var names = pending.Pop().DescendantNodes().OfType<IdentifierNameSyntax>().Select(name => name.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
            // A nested derivative names the callee's generated member (FGradient, FDerivative): F comes along too.
            foreach (var callee in all.Where(m => (names.Contains(m.Identifier.ValueText) || names.Contains(m.Identifier.ValueText + "Gradient")
                || names.Contains(m.Identifier.ValueText + "Derivative")) && kept.Add(m)))
            {
                pending.Push(callee);
            }
        }

        return kept;
    }

    private static bool IsDifferentiable(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => attribute.Name.ToString() is "Differentiable" or "DifferentiableAttribute"
            or "AutogradGen.Differentiable" or "AutogradGen.DifferentiableAttribute");
}
