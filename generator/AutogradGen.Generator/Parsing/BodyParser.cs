using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Translates a method body's operation tree into the IR, one construct at a time. Whatever it cannot
/// translate becomes a diagnostic at that exact construct; translation goes on so that one build reports
/// every problem of the method.
/// </summary>
internal sealed partial class BodyParser
{
    private readonly IMethodSymbol _method;
    /// <summary>The model of the tree being translated (another tree's while a helper declared there is inlined).</summary>
    private SemanticModel _semanticModel;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<VariableModel> _variables = new();
    private readonly List<PendingCall> _pendingCalls = new();
    private readonly Dictionary<ISymbol, VariableModel> _bySymbol = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _usedNames = new();
    private readonly HashSet<IParameterSymbol> _passThroughParameters = new(SymbolEqualityComparer.Default);

    /// <summary>Locals already reported at their declaration (AGD0015): their uses fail without a diagnostic of their own.</summary>
    private readonly HashSet<ILocalSymbol> _refusedLocals = new(SymbolEqualityComparer.Default);

    /// <summary>Failures already explained by an earlier diagnostic (one root cause, one diagnostic).</summary>
    private int _explainedFailures;
    private int _loopDepth;

    /// <summary>A vector-valued method's results span (MethodModel.VectorResult): the one parameter the body may write.</summary>
    private string? _results;

    /// <summary>For a method returning a tuple or struct of numbers (StructResults): its shape; each return writes its leaves into <see cref="_results"/>.</summary>
    private StructShape? _resultShape;

    private BodyParser(IMethodSymbol method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        _method = method;
        _semanticModel = semanticModel;
        _cancellationToken = cancellationToken;
    }

    public static BodyResult Parse(
        IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, IReadOnlyList<VariableModel> parameters, CancellationToken cancellationToken,
        IReadOnlyList<StructParameter>? structParameters = null, string? results = null, IReadOnlyList<MatrixParameter>? matrixParameters = null,
        Dictionary<InvocationExpressionSyntax, NestedCalls.Found>? nestedCalls = null, StructShape? resultShape = null,
        IReadOnlyList<StructArrayParameter>? structArrays = null)
    {
        var parser = new BodyParser(method, semanticModel, cancellationToken) { _results = results, _resultShape = resultShape };
        if (nestedCalls is not null)
        {
            parser._nestedCalls = nestedCalls;
        }

        return parser.Run(syntax, parameters, structParameters ?? System.Array.Empty<StructParameter>(), matrixParameters ?? System.Array.Empty<MatrixParameter>(),
            structArrays ?? System.Array.Empty<StructArrayParameter>());
    }

    private BodyResult Run(MethodDeclarationSyntax syntax, IReadOnlyList<VariableModel> parameters, IReadOnlyList<StructParameter> structParameters,
        IReadOnlyList<MatrixParameter> matrixParameters, IReadOnlyList<StructArrayParameter> structArrays)
    {
        foreach (var parameter in parameters)
        {
            _usedNames.Add(parameter.Name);
            _variables.Add(parameter);
            // A struct parameter's leaves have no symbol of their own: RegisterStructParameters maps the struct to them.
            if (_method.Parameters.FirstOrDefault(p => p.Name == parameter.Name) is not { } symbol)
            {
                continue;
            }

            if (parameter.PassThroughType is null)
            {
                _bySymbol[symbol] = parameter;
            }
            else
            {
                _passThroughParameters.Add(symbol);
            }
        }

        RegisterStructParameters(structParameters);
        RegisterMatrixParameters(matrixParameters);
        RegisterStructArrayParameters(structArrays);

        // Reserve every local name up front, so renaming a shadowed local never takes a later local's name.
        foreach (var local in syntax.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            _usedNames.Add(local.Identifier.ValueText);
        }

        // Pattern and deconstruction designations, and the parameters of local functions and lambdas (inlined as locals).
        foreach (var designation in syntax.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
        {
            _usedNames.Add(designation.Identifier.ValueText);
        }

        foreach (var parameter in syntax.DescendantNodes().OfType<ParameterSyntax>())
        {
            _usedNames.Add(parameter.Identifier.ValueText);
        }

        var statements = new List<Stmt>();
        var operation = _semanticModel.GetOperation(syntax, _cancellationToken) as IMethodBodyOperation;
        var body = (IOperation?)operation?.BlockBody ?? operation?.ExpressionBody;
        if (body is null)
        {
            Unsupported(DiagnosticDescriptors.UnsupportedStatement, syntax, "The method body", "it does not compile");
        }
        else
        {
            Statement(body, statements);
        }

        return new BodyResult(_variables.ToEquatableArray(), statements.ToEquatableArray(), _pendingCalls.ToEquatableArray(), _diagnostics.ToEquatableArray());
    }

    private string DeclareLocal(ILocalSymbol local, NumberKind kind, StorageKind storage)
    {
        if (_bySymbol.TryGetValue(local, out var existing))
        {
            return existing.Name;
        }

        var name = local.Name;
        if (_variables.Any(v => v.Name == name))
        {
            var suffix = 2;
            while (_usedNames.Contains(name + "_" + suffix))
            {
                suffix++;
            }

            name = name + "_" + suffix;
        }

        _usedNames.Add(name);
        var variable = new VariableModel(name, kind, storage, IsParameter: false, Differentiated: false);
        _variables.Add(variable);
        _bySymbol[local] = variable;
        return name;
    }

    /// <summary>Declares a variable the user did not write (a foreach loop's index), named apart from every user name.</summary>
    private string DeclareSynthetic(string wanted, NumberKind kind)
    {
        var name = wanted;
        for (var suffix = 2; _usedNames.Contains(name); suffix++)
        {
            name = wanted + "_" + suffix;
        }

        _usedNames.Add(name);
        _variables.Add(new VariableModel(name, kind, StorageKind.Scalar, IsParameter: false, Differentiated: false));
        return name;
    }

    private VariableModel? Variable(IOperation reference) => reference switch
    {
        ILocalReferenceOperation local => _bySymbol.TryGetValue(local.Local, out var l) ? l : null,
        IParameterReferenceOperation parameter => _bySymbol.TryGetValue(parameter.Parameter, out var p) ? p : null,
        _ => null,
    };

    /// <summary>Whether the operation reads a local refused at its declaration; counts it as an explained failure.</summary>
    private bool ExplainedByRefusedLocal(IOperation operation)
    {
        if (operation is not ILocalReferenceOperation local || !_refusedLocals.Contains(local.Local))
        {
            return false;
        }

        _explainedFailures++;
        return true;
    }

    /// <summary>Whether an expression the parser cannot take reads a local refused at its declaration (a Complex
    /// local, say): that declaration's diagnostic is the one root cause, so this one is counted as explained.</summary>
    private bool ReadsRefusedLocal(IOperation operation) =>
        _refusedLocals.Count > 0
        && operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>().FirstOrDefault(l => _refusedLocals.Contains(l.Local)) is { } local
        && ExplainedByRefusedLocal(local);

    private void Unsupported(DiagnosticDescriptor descriptor, SyntaxNode syntax, string what, string why) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, syntax.GetLocation(), what, why));

    private static int Line(SyntaxNode syntax) => syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>The statement's text on one line; for compound statements only the header.</summary>
    private static string SourceText(SyntaxNode syntax)
    {
        var text = syntax switch
        {
            IfStatementSyntax s => "if (" + s.Condition + ")",
            ForStatementSyntax s => s.ToString().Substring(0, s.CloseParenToken.Span.End - s.Span.Start),
            WhileStatementSyntax s => "while (" + s.Condition + ")",
            DoStatementSyntax s => "do ... while (" + s.Condition + ")",
            _ => syntax.ToString(),
        };
        return Regex.Replace(text, @"\s+", " ").Trim();
    }
}

/// <summary>The translated body: variables (parameters first), statements, calls awaiting a user derivative, diagnostics.</summary>
internal sealed record BodyResult(
    EquatableArray<VariableModel> Variables,
    EquatableArray<Stmt> Statements,
    EquatableArray<PendingCall> PendingCalls,
    EquatableArray<DiagnosticInfo> Diagnostics);
