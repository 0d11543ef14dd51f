using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Translates the body of a tensor method into tensor IR: statements here, expressions in
/// <c>TensorBodyParser.Expressions.cs</c>. Code without tensors in it (scalar locals, conditions, loop headers) is
/// kept as the user wrote it; everything that touches a tensor must be an operation of the rule table, a call
/// of a [Differentiable] tensor method, or an assignment of a tensor local.
/// </summary>
internal sealed partial class TensorBodyParser
{
    private readonly IMethodSymbol _method;
    private readonly SemanticModel _semanticModel;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly SortedSet<string> _callees = new(System.StringComparer.Ordinal);

    private TensorBodyParser(IMethodSymbol method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        _method = method;
        _semanticModel = semanticModel;
        _cancellationToken = cancellationToken;
    }

    public sealed record Result(EquatableArray<TensorStmt> Statements, EquatableArray<string> Callees, List<DiagnosticInfo> Diagnostics);

    public static Result Parse(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var parser = new TensorBodyParser(method, semanticModel, cancellationToken);
        var statements = new List<TensorStmt>();
        if (syntax.ExpressionBody is { } arrow)
        {
            statements.Add(new TensorReturn(Line(arrow.Expression), Source(arrow.Expression), parser.Expression(arrow.Expression)));
        }
        else if (syntax.Body is { } body)
        {
            var list = body.Statements;
            for (var i = 0; i < list.Count; i++)
            {
                if (i == list.Count - 1 && list[i] is ReturnStatementSyntax { Expression: { } value })
                {
                    statements.Add(new TensorReturn(Line(list[i]), Source(list[i]), parser.Expression(value)));
                }
                else
                {
                    parser.Statement(list[i], statements);
                }
            }

            if (list.Count == 0 || list[list.Count - 1] is not ReturnStatementSyntax)
            {
                parser.Unsupported(DiagnosticDescriptors.UnsupportedStatement, (SyntaxNode?)list.LastOrDefault() ?? body, "The end of the method", "a tensor method must end with its only return statement");
            }
        }

        return new Result(statements.ToEquatableArray(), parser._callees.ToEquatableArray(), parser._diagnostics);
    }

    private void Statement(StatementSyntax statement, List<TensorStmt> into)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (statement)
        {
            case BlockSyntax block:
                foreach (var inner in block.Statements)
                {
                    Statement(inner, into);
                }

                break;
            case LocalDeclarationStatementSyntax declaration:
                LocalDeclaration(declaration, into);
                break;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } when IsTensor(assignment.Left):
                Assignment(statement, assignment, into);
                break;
            case ExpressionStatementSyntax expression when !MentionsTensor(expression.Expression):
                into.Add(new PlainStmt(Line(statement), statement.WithoutTrivia().ToString()));
                break;
            case IfStatementSyntax ifStatement when !MentionsTensor(ifStatement.Condition):
                into.Add(new TensorIf(Line(statement), "if (" + Source(ifStatement.Condition) + ")", Source(ifStatement.Condition), Block(ifStatement.Statement), Block(ifStatement.Else?.Statement)));
                break;
            case ForStatementSyntax forStatement when !MentionsTensor(forStatement.Condition) && (forStatement.Declaration is null || !IsTensorType(forStatement.Declaration.Type))
                && forStatement.Initializers.All(i => !MentionsTensor(i)) && forStatement.Incrementors.All(i => !MentionsTensor(i)):
                var header = "for (" + (forStatement.Declaration is { } d ? Source(d) : string.Join(", ", forStatement.Initializers.Select(Source))) + "; "
                    + (forStatement.Condition is { } c ? Source(c) : string.Empty) + "; " + string.Join(", ", forStatement.Incrementors.Select(Source)) + ")";
                into.Add(new TensorLoop(Line(statement), header, header, Block(forStatement.Statement)));
                break;
            case WhileStatementSyntax whileStatement when !MentionsTensor(whileStatement.Condition):
                var whileHeader = "while (" + Source(whileStatement.Condition) + ")";
                into.Add(new TensorLoop(Line(statement), whileHeader, whileHeader, Block(whileStatement.Statement)));
                break;
            case ReturnStatementSyntax:
                Unsupported(DiagnosticDescriptors.UnsupportedStatement, statement, "A return before the end of a tensor method", "return once, as the method's last statement");
                break;
            case EmptyStatementSyntax:
                break;
            default:
                Unsupported(DiagnosticDescriptors.UnsupportedStatement, statement, Describe(statement), "a tensor method supports tensor locals and assignments, if/else on non-tensor conditions, for and while loops with non-tensor headers, and statements without tensors");
                break;
        }
    }

    private EquatableArray<TensorStmt> Block(StatementSyntax? statement)
    {
        var statements = new List<TensorStmt>();
        if (statement is not null)
        {
            Statement(statement, statements);
        }

        return statements.ToEquatableArray();
    }

    private void LocalDeclaration(LocalDeclarationStatementSyntax declaration, List<TensorStmt> into)
    {
        if (!IsTensorType(declaration.Declaration.Type))
        {
            if (declaration.Declaration.Variables.Any(v => v.Initializer is { } init && MentionsTensor(init.Value) && !IsPlainValue(init.Value)))
            {
                Unsupported(DiagnosticDescriptors.UnsupportedStatement, declaration, Describe(declaration), "only Tensor locals can hold tensors");
                return;
            }

            into.Add(new PlainStmt(Line(declaration), declaration.WithoutTrivia().ToString()));
            return;
        }

        foreach (var variable in declaration.Declaration.Variables)
        {
            if (variable.Initializer is { } initializer)
            {
                into.Add(new TensorAssign(Line(declaration), Source(declaration), variable.Identifier.ValueText, Expression(initializer.Value)));
            }
        }
    }

    private void Assignment(StatementSyntax statement, AssignmentExpressionSyntax assignment, List<TensorStmt> into)
    {
        var target = _semanticModel.GetSymbolInfo(assignment.Left, _cancellationToken).Symbol;
        if (assignment.Left is not IdentifierNameSyntax name || target is not (ILocalSymbol or IParameterSymbol))
        {
            Unsupported(DiagnosticDescriptors.WriteOutsideMethod, assignment.Left, Source(assignment.Left));
            return;
        }

        var variable = name.Identifier.ValueText;
        var value = Expression(assignment.Right);
        var op = assignment.Kind() switch
        {
            SyntaxKind.SimpleAssignmentExpression => null,
            SyntaxKind.AddAssignmentExpression => "Add",
            SyntaxKind.SubtractAssignmentExpression => "Sub",
            SyntaxKind.MultiplyAssignmentExpression => "Mul",
            SyntaxKind.DivideAssignmentExpression => "Div",
            _ => string.Empty,
        };
        if (op == string.Empty)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, statement, Describe(statement), "tensors support =, +=, -=, *= and /=");
            return;
        }

        into.Add(new TensorAssign(Line(statement), Source(statement), variable, op is null ? value : new TensorOp(op, EquatableArray.Of<TensorExpr>(new TensorVar(variable), value))));
    }

    private void Unsupported(DiagnosticDescriptor descriptor, SyntaxNode syntax, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, syntax.GetLocation(), arguments));

    private bool IsTensor(ExpressionSyntax expression) => TensorMethodParser.IsTensor(_semanticModel.GetTypeInfo(expression, _cancellationToken).Type);

    private bool IsTensorType(TypeSyntax type) => TensorMethodParser.IsTensor(_semanticModel.GetTypeInfo(type, _cancellationToken).Type);

    /// <summary>Whether any part of <paramref name="node"/> is a tensor (and so needs to be understood, not copied).</summary>
    private bool MentionsTensor(SyntaxNode? node) =>
        node is not null && node.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Any(e => IsTensor(e) && !IsInsidePlainValue(e, node));

    /// <summary>
    /// A non-tensor value read from tensors (<c>x.Size(0)</c>, <c>x.Shape</c>, <c>loss.Item()</c>): no derivative
    /// flows through it, so code built from it is copied as written.
    /// </summary>
    private bool IsPlainValue(ExpressionSyntax expression) =>
        !IsTensor(expression) && expression is InvocationExpressionSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax;

    private bool IsInsidePlainValue(ExpressionSyntax expression, SyntaxNode root)
    {
        for (var node = expression.Parent; node is not null && node != root.Parent; node = node.Parent)
        {
            if (node is ExpressionSyntax outer && IsPlainValue(outer))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(SyntaxNode statement) => statement switch
    {
        LocalDeclarationStatementSyntax => "This declaration",
        ForEachStatementSyntax => "A foreach loop over tensors",
        DoStatementSyntax => "A do loop",
        SwitchStatementSyntax => "A switch statement",
        TryStatementSyntax => "A try statement",
        UsingStatementSyntax => "A using statement",
        ThrowStatementSyntax => "A throw statement",
        GotoStatementSyntax => "A goto statement",
        BreakStatementSyntax => "A break statement",
        ContinueStatementSyntax => "A continue statement",
        LocalFunctionStatementSyntax => "A local function",
        _ => "This statement",
    };

    private static int Line(SyntaxNode syntax) => syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>The user's text on one line, for comments and copied code.</summary>
    private static string Source(SyntaxNode syntax) => string.Join(" ", syntax.WithoutTrivia().ToString().Split(new[] { '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
