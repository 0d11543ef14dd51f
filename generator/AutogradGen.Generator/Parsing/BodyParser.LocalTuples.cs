using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// A local function that returns a tuple literal in one expression, deconstructed where it is called
/// (<c>var (k1x, k1v) = Rates(x, v);</c>, an RK4 stage): each argument goes into a local once, the function's
/// parameters stand for those locals, and the tuple literal's elements become the targets' values.
/// </summary>
internal sealed partial class BodyParser
{
    private bool LocalTupleCall(IInvocationOperation call, List<Expr> into, List<Stmt> output)
    {
        var function = call.TargetMethod;
        var what = $"A call to local function '{function.Name}'";
        if (function.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) is not LocalFunctionStatementSyntax declaration
            || _semanticModel.GetOperation(declaration, _cancellationToken) is not ILocalFunctionOperation { Body: { } body }
            || body.Operations.Length != 1 || body.Operations[0] is not IReturnOperation { ReturnedValue: { } returned })
        {
            InlineRefused(call.Syntax, what, "a local function returning a tuple is inlined when its body is one tuple expression, such as '=> (v, -x)'; return the elements from separate functions otherwise");
            return false;
        }

        if (_inlining.Any(f => SymbolEqualityComparer.Default.Equals(f, function.OriginalDefinition)) || function.IsGenericMethod)
        {
            InlineRefused(call.Syntax, what, "it calls itself or is generic");
            return false;
        }

        var line = Line(call.Syntax);
        var source = SourceText(call.Syntax.FirstAncestorOrSelf<StatementSyntax>() ?? call.Syntax);
        var bound = new List<ISymbol>();
        _inlining.Add(function.OriginalDefinition);
        try
        {
            foreach (var argument in call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
            {
                var parameter = argument.Parameter!;
                if (parameter.RefKind is RefKind.Ref or RefKind.Out || TypeClassifier.Classify(parameter.Type) is not { Storage: StorageKind.Scalar } classified)
                {
                    InlineRefused(argument.Syntax, what, $"parameter '{parameter.Name}' must be a double, float, int or bool passed by value");
                    return false;
                }

                if (HoistingExpression(argument.Value, output) is not { } value)
                {
                    return false;
                }

                // Evaluated once, as the call would: each element of the tuple may read the parameter.
                _substitutions[parameter] = MaterializeInto(Coerce(value, classified.Kind), parameter.Name, line, source, output);
                bound.Add(parameter);
            }

            return CollectTupleValues(returned, into, output);
        }
        finally
        {
            _inlining.RemoveAt(_inlining.Count - 1);
            foreach (var symbol in bound)
            {
                _substitutions.Remove(symbol);
            }
        }
    }
}
