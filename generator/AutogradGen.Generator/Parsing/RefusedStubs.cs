using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>
/// Members for a method that gets no derivatives (an AGD error in its body, a refused callee, a missing user
/// derivative): the exact signatures it would have had, with bodies that throw. Without them every caller of
/// <c>{Name}Gradient</c>, <c>{Name}Derivative</c> or <c>{Name}Tape</c> is a CS0117 error besides the one that says
/// what to change; with them the build shows that one error alone (docs/DIAGNOSTICS.md, "Callers of a refused
/// method").
/// </summary>
/// <remarks>
/// The stub is the method's own model with its body replaced by <c>throw</c> (a guard, which every mode runs as
/// written) and a <c>return 0</c> after it, so the same emitters print the same signatures: nothing to keep in step
/// when a mode's signature changes. Only refusals found once the parameters are known get stubs; a declaration
/// error (not partial, a name taken, a parameter or result type that cannot be differentiated) has no signature to
/// copy, and its callers' errors are the compiler's.
/// </remarks>
internal static class RefusedStubs
{
    /// <summary>The stub of <paramref name="model"/>, named after the first error among <paramref name="diagnostics"/>; null without one.</summary>
    public static MethodModel? For(MethodModel model, IEnumerable<DiagnosticInfo> diagnostics, string? quietCallee = null)
    {
        var cause = diagnostics.FirstOrDefault(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);
        if (cause is null && quietCallee is null)
        {
            return null;
        }

        // A caller that lost its code silently (its callee is refused at its declaration) points at that callee's error.
        var message = cause is not null
            ? $"AutogradGen did not differentiate {model.Name}: see the {cause.Id} error reported on it, and rebuild once it is fixed."
            : $"AutogradGen did not differentiate {model.Name}: it calls {quietCallee}, whose declaration has an error; fix that one and rebuild.";
        var line = model.NameLocation.LineSpan.Start.Line + 1;
        var thrown = new PassThroughExpr(NumberKind.Int, EquatableArray.Of("throw new global::System.NotSupportedException(" + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(message, quote: true) + ")"), EquatableArray<Expr>.Empty, "void");
        var zero = model.IsVectorValued ? new LiteralExpr(NumberKind.Int, "0") : new LiteralExpr(model.ReturnKind, Literals.Zero(model.ReturnKind));
        return model with
        {
            Variables = model.Variables.Where(v => v.IsParameter).ToEquatableArray(),
            Body = EquatableArray.Of<Stmt>(
                new GuardStmt(line, "refused (" + (cause?.Id ?? "callee " + quietCallee) + "): " + model.Name + "'s members throw", thrown),
                new ReturnStmt(line, "(never reached)", zero)),
            PendingCalls = EquatableArray<PendingCall>.Empty,
            // The Hessian members need the pullback's own shape: a refused method's callers of them keep CS0117.
            SecondOrder = false,
        };
    }
}
