using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// A switch expression on a tuple, <c>(kind, leaky) switch { (0, _) =&gt; ..., (1, true) =&gt; ..., _ =&gt; ... }</c>:
/// each element is evaluated once, in order, and a positional pattern is the conjunction of its elements' patterns,
/// so the arms become the same if-chain as a switch on one value.
/// </summary>
internal sealed partial class BodyParser
{
    private Expr? TupleSwitchExpression(ISwitchExpressionOperation switchExpression, ITupleOperation tuple, NumberKind kind)
    {
        var syntax = switchExpression.Syntax;
        var elements = new List<Expr>();
        foreach (var element in tuple.Elements)
        {
            if ((IsIntEnum(element.Type) ? EnumAsInt(element) : Expression(element)) is not { } value)
            {
                return null;
            }

            elements.Add(Materialize(value, "switchValue", syntax));
        }

        return SwitchArms(switchExpression, kind, keepHoistTarget: false, (pattern, added) => TuplePattern(elements, pattern, added));
    }

    private Expr? TuplePattern(List<Expr> elements, IPatternOperation pattern, List<ISymbol> added)
    {
        switch (pattern)
        {
            case IDiscardPatternOperation:
                return True;
            case IRecursivePatternOperation { PropertySubpatterns.Length: 0, DeclaredSymbol: null } positional
                when positional.DeconstructionSubpatterns.Length == elements.Count:
                Expr? all = null;
                for (var i = 0; i < elements.Count; i++)
                {
                    if (Pattern(elements[i], positional.DeconstructionSubpatterns[i], declarations: null, added) is not { } part)
                    {
                        return null;
                    }

                    all = all is null || ReferenceEquals(all, True) ? part
                        : ReferenceEquals(part, True) ? all
                        : new BinaryExpr(NumberKind.Bool, BinaryOperator.And, all, part);
                }

                return all ?? True;
            default:
                return UnsupportedPatternAt(pattern.Syntax, "This pattern on a tuple",
                    "a switch on a tuple takes positional patterns with one pattern per element ('(0, _)', '(< 0, true)') and the discard '_'");
        }
    }
}
