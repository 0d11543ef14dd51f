using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Whether a <c>[Differentiable(SecondOrder = true)]</c> method can have its Hessian members. They run the
/// pullback's code with every <c>double</c> a <c>Dual</c> (Emit/SecondOrderEmitter.cs), so everything that code
/// touches must have a dual form: the arithmetic and Math functions do; calls need the callee's own dual pullback.
/// Each refusal is one diagnostic on its construct, and the method then gets no code at all.
/// </summary>
internal static class SecondOrderCheck
{
    public static bool IsRequested(AttributeData attribute) =>
        attribute.NamedArguments.Any(a => a.Key == "SecondOrder" && a.Value.Value is true);

    /// <summary>
    /// The refusals, and the dual forms of the <c>[DerivativeOf]</c> callees (Parsing/DualUserDerivative.cs: the
    /// user's derivative differentiated itself), one per callee.
    /// </summary>
    public static List<DiagnosticInfo> Refusals(MethodModel model, Compilation compilation, System.Threading.CancellationToken cancellationToken, out EquatableArray<DualUserDerivativeModel> userDerivatives)
    {
        var refusals = new List<DiagnosticInfo>();
        var duals = new Dictionary<string, DualUserDerivativeModel>();
        var taken = new HashSet<string>(model.Variables.Select(v => v.Name).Append(model.Name));
        userDerivatives = EquatableArray<DualUserDerivativeModel>.Empty;
        var reason = MethodReason(model);
        if (reason is not null)
        {
            refusals.Add(AtName(model, reason));
            return refusals;
        }

        foreach (var expr in StmtWalker.Descendants(model.Body).SelectMany(OwnExpressions).SelectMany(Descendants))
        {
            if (expr is CallExpr call && model.PendingCalls.FirstOrDefault(p => p.Site == call.Site) is { } pending)
            {
                if (!call.Target.IsDifferentiable)
                {
                    if (duals.ContainsKey(call.Target.Key))
                    {
                        continue;
                    }

                    var (dual, dualReason) = DualUserDerivative.ForCall(call.Target, compilation, taken, cancellationToken);
                    if (dual is not null)
                    {
                        duals[call.Target.Key] = dual;
                        continue;
                    }

                    refusals.Add(pending.IfMissing with
                    {
                        Id = DiagnosticDescriptors.SecondOrderUserDerivative.Id,
                        Arguments = EquatableArray.Of(model.Name, call.Target.Name, dualReason!),
                    });
                }
                else if (CallReason(call, compilation) is { } why)
                {
                    refusals.Add(pending.IfMissing with
                    {
                        Id = DiagnosticDescriptors.SecondOrderCallee.Id,
                        Arguments = EquatableArray.Of(model.Name, call.Target.Name, why),
                    });
                }
            }
            else if (expr is PassThroughExpr passThrough && passThrough.Holes.SelectMany(Descendants).Any(h => h.Kind.IsFloatingPoint()))
            {
                refusals.Add(AtName(model, "a value read as the original reads it (a guard, an index into pass-through data) uses a floating-point value, which is a dual number in the second-order code; compute it into an int local first"));
                break;
            }
        }

        userDerivatives = duals.Values.ToEquatableArray();
        return refusals;
    }

    private static string? MethodReason(MethodModel model)
    {
        if (model.MatrixParameters.FirstOrDefault() is { } arrayParameter)
        {
            return arrayParameter.Structs is { } structs
                ? "it takes a differentiated array or span of '" + structs.Shape.TypeText.Replace("global::", string.Empty) + "', and second-order members take scalars and spans of double; pass its fields as a ReadOnlySpan<double>"
                : "it takes a differentiated " + (arrayParameter.IsJagged ? "jagged" : "2-D") + " array, and second-order members take scalars and spans of double; pass the elements as a ReadOnlySpan<double>";
        }

        if (model.IsVectorValued)
        {
            return "it is vector-valued (its results are a span), and second-order members are generated for methods returning one double; differentiate a scalar function of its results instead";
        }

        if (model.ReturnKind != NumberKind.Double || model.Variables.Any(v => v.Kind == NumberKind.Float && v.PassThroughType is null))
        {
            return "second-order members are generated for double arithmetic only, and it computes with float; compute in double";
        }

        if (model.StructParameters.Count > 0)
        {
            return "a struct parameter has no second-order form yet; pass its fields as double parameters";
        }

        if (model.Variables.FirstOrDefault(v => v.IsParameter && v.Storage == StorageKind.Array && v.PassThroughType is null) is { } array)
        {
            return $"the array parameter '{array.Name}' would need a copy of dual numbers per call; take a ReadOnlySpan<double> instead";
        }

        return null;
    }

    private static string? CallReason(CallExpr call, Compilation compilation)
    {
        var callee = DocumentationCommentId.GetFirstSymbolForDeclarationId(call.Target.Key, compilation) as IMethodSymbol;
        var marked = callee?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == MethodParser.DifferentiableAttributeName) is { } attribute && IsRequested(attribute);
        if (!marked)
        {
            return "the callee has no second-order code; mark it [Differentiable(SecondOrder = true)] too";
        }

        if (call.Target.Parameters.Any(p => p.Struct is not null || !p.IsPassThrough && (p.Storage != StorageKind.Scalar || p.Kind == NumberKind.Float)))
        {
            return "second-order calls pass scalar double arguments only, and this callee takes a span, an array, a struct or a float";
        }

        return null;
    }

    private static DiagnosticInfo AtName(MethodModel model, string reason) =>
        new(DiagnosticDescriptors.SecondOrderNotSupported.Id, model.NameLocation.FilePath, model.NameLocation.Span, model.NameLocation.LineSpan, EquatableArray.Of(model.Name, reason));

    private static IEnumerable<Expr> Descendants(Expr expr) => new[] { expr }.Concat(ExprWalker.Children(expr).SelectMany(Descendants));

    private static IEnumerable<Expr> OwnExpressions(Stmt statement) => statement switch
    {
        AssignStmt a => a.Index is null ? new[] { a.Value } : new[] { a.Value, a.Index },
        AllocateStmt a => new[] { a.Length },
        IfStmt i => new[] { i.Condition },
        LoopStmt { Condition: { } condition } => new[] { condition },
        ReturnStmt r => new[] { r.Value },
        GuardStmt g => new Expr[] { g.Code },
        _ => Enumerable.Empty<Expr>(),
    };
}
