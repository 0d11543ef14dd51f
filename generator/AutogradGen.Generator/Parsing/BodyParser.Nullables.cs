using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// <c>cap is double c</c>, <c>cap is not null</c>, <c>cap is null</c> on a nullable number that carries no derivative
/// (a parameter such as <c>double? cap</c>, a field): the test is <c>cap.HasValue</c> and <c>c</c> is
/// <c>cap.GetValueOrDefault()</c>, both read as the original reads them (pass-through values).
/// </summary>
internal sealed partial class BodyParser
{
    private static bool IsNullableNumber(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && TypeClassifier.Scalar(nullable.TypeArguments[0]) is not null;

    /// <summary>The lowered test, or false in <paramref name="handled"/> for a pattern this does not cover (left to the ordinary path).</summary>
    private Expr? NullablePattern(IIsPatternOperation isPattern, out bool handled)
    {
        handled = false;
        var underlying = ((INamedTypeSymbol)isPattern.Value.Type!).TypeArguments[0];
        var kind = TypeClassifier.Scalar(underlying)!.Value;
        bool hasValue;
        ILocalSymbol? designation = null;
        switch (isPattern.Pattern)
        {
            case IDeclarationPatternOperation d when SymbolEqualityComparer.Default.Equals(d.MatchedType, underlying):
                hasValue = true;
                designation = d.DeclaredSymbol as ILocalSymbol;
                if (designation is null && d.DeclaredSymbol is not null)
                {
                    return null;
                }

                break;
            case ITypePatternOperation t when SymbolEqualityComparer.Default.Equals(t.MatchedType, underlying):
            case INegatedPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } } }:
                hasValue = true;
                break;
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } }:
                hasValue = false;
                break;
            default:
                return null;
        }

        var reported = _diagnostics.Count;
        if (PassThroughCode(isPattern.Value) is not { Holes.Count: 0 } code)
        {
            _diagnostics.RemoveRange(reported, _diagnostics.Count - reported);
            return null;
        }

        handled = true;
        var text = code.Parts[0];
        if (designation is not null)
        {
            var value = new PassThroughExpr(kind, EquatableArray.Of(text + ".GetValueOrDefault()"), EquatableArray<Expr>.Empty);
            if (_hoistTarget is { } output)
            {
                var name = DeclareLocal(designation, kind, StorageKind.Scalar);
                output.Add(new AssignStmt(Line(isPattern.Syntax), SourceText(isPattern.Syntax), name, null, value));
            }
            else
            {
                // No statement can go here: the designation stands for the value wherever it is read.
                _substitutions[designation] = value;
            }
        }

        return new PassThroughExpr(NumberKind.Bool, EquatableArray.Of(hasValue ? text + ".HasValue" : "!" + text + ".HasValue"), EquatableArray<Expr>.Empty);
    }
}
