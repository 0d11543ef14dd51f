using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tooling.Tests.Robustness;

/// <summary>The edits a mutation applies, each one a way code looks while it is being typed or refactored.</summary>
internal enum MutationKind
{
    DeleteToken,
    DuplicateToken,
    SwapAdjacentTokens,
    ReplaceTokenWithAnother,
    ReplaceTokenWithSameCategory,
    TruncateMethod,
    EditCharacter,
}

/// <summary>
/// Deterministic mutations of one source file: the same seed always gives the same text. Token-level edits keep the
/// file mostly parseable, so that the generator's parser and emitter, not only the compiler's parser, see odd code;
/// replacing a token with another of the same file (an identifier, an operator, a type keyword) gives code that often
/// still compiles but means something else, which is where wrong generated code would show.
/// </summary>
internal sealed class SourceMutator
{
    private const string Characters = "xyzinv0123456789.;,(){}[]+-*/%=<>!&|?: \n\"'";

    private readonly string _text;
    private readonly IReadOnlyList<SyntaxToken> _tokens;
    private readonly IReadOnlyList<TextSpan> _methods;

    public SourceMutator(string text)
    {
        _text = text;
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        _tokens = root.DescendantTokens().Where(token => !token.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        _methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Select(method => method.Span).ToList();
    }

    public (MutationKind Kind, string Text) Mutate(int seed)
    {
        var random = new Random(seed);
        var kind = (MutationKind)random.Next(Enum.GetValues<MutationKind>().Length);
        var text = kind switch
        {
            MutationKind.DeleteToken => Replace(RandomToken(random).Span, string.Empty),
            MutationKind.DuplicateToken => DuplicateToken(random),
            MutationKind.SwapAdjacentTokens => SwapAdjacentTokens(random),
            MutationKind.ReplaceTokenWithAnother => Replace(RandomToken(random).Span, RandomToken(random).Text),
            MutationKind.ReplaceTokenWithSameCategory => ReplaceTokenWithSameCategory(random),
            MutationKind.TruncateMethod => TruncateMethod(random),
            _ => EditCharacter(random),
        };
        return (kind, text);
    }

    private SyntaxToken RandomToken(Random random) => _tokens[random.Next(_tokens.Count)];

    private string Replace(TextSpan span, string replacement) =>
        string.Concat(_text.AsSpan(0, span.Start), replacement, _text.AsSpan(span.End));

    /// <summary>
    /// An identifier for another identifier of the file (a method renamed into an overload, a variable for another),
    /// an operator for another, a type keyword for another, a number for another: code that often still compiles.
    /// </summary>
    private string ReplaceTokenWithSameCategory(Random random)
    {
        var token = RandomToken(random);
        var category = Category(token);
        var candidates = category switch
        {
            TokenCategory.Identifier => _tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.Text).Distinct().ToList(),
            TokenCategory.Operator => s_operators,
            TokenCategory.TypeKeyword => s_typeKeywords,
            TokenCategory.Number => s_numbers,
            _ => [],
        };
        return candidates.Count == 0 ? EditCharacter(random) : Replace(token.Span, candidates[random.Next(candidates.Count)]);
    }

    private enum TokenCategory
    {
        Other,
        Identifier,
        Operator,
        TypeKeyword,
        Number,
    }

    private static readonly IReadOnlyList<string> s_operators = ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=", "&&", "||", "=", "+=", "-=", "*=", "/=", "?"];

    private static readonly IReadOnlyList<string> s_typeKeywords = ["double", "float", "int", "long", "bool", "var", "decimal", "object"];

    private static readonly IReadOnlyList<string> s_numbers = ["0", "1", "-1", "2", "0.5", "1e-3", "1e308", "0f", "2.5f", "10", "1L", "0.1m"];

    private static TokenCategory Category(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.IdentifierToken => TokenCategory.Identifier,
        SyntaxKind.NumericLiteralToken => TokenCategory.Number,
        SyntaxKind.DoubleKeyword or SyntaxKind.FloatKeyword or SyntaxKind.IntKeyword or SyntaxKind.LongKeyword or SyntaxKind.BoolKeyword
            or SyntaxKind.DecimalKeyword or SyntaxKind.ObjectKeyword => TokenCategory.TypeKeyword,
        _ when s_operators.Contains(token.Text) => TokenCategory.Operator,
        _ => TokenCategory.Other,
    };

    private string DuplicateToken(Random random)
    {
        var token = RandomToken(random);
        return Replace(new TextSpan(token.Span.End, 0), " " + token.Text);
    }

    private string SwapAdjacentTokens(Random random)
    {
        var index = random.Next(_tokens.Count - 1);
        var (first, second) = (_tokens[index], _tokens[index + 1]);
        var between = _text.Substring(first.Span.End, second.SpanStart - first.Span.End);
        return Replace(TextSpan.FromBounds(first.SpanStart, second.Span.End), second.Text + between + first.Text);
    }

    /// <summary>Cuts a method off at a random point, keeping the rest of the file: a method half typed.</summary>
    private string TruncateMethod(Random random)
    {
        if (_methods.Count == 0)
        {
            return EditCharacter(random);
        }

        var method = _methods[random.Next(_methods.Count)];
        var cut = method.Start + random.Next(method.Length);
        return Replace(TextSpan.FromBounds(cut, method.End), string.Empty);
    }

    private string EditCharacter(Random random)
    {
        var position = random.Next(_text.Length);
        var character = Characters[random.Next(Characters.Length)].ToString();
        return random.Next(3) switch
        {
            0 => Replace(new TextSpan(position, 0), character),
            1 => Replace(new TextSpan(position, 1), character),
            _ => Replace(new TextSpan(position, 1), string.Empty),
        };
    }
}
