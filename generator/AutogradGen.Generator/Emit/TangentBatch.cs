using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Vector mode for a vector-valued method's Jacobian: the forward emitter prints the Jvp once more with every double
/// tangent replaced by a <c>Vector256&lt;double&gt;</c>, four tangents side by side (+, −, scaling by a double: one SIMD
/// instruction each), so one sweep computes four columns of the Jacobian. The forward sweep's values and partials are
/// shared by the four, which is what makes it cheaper than four Jvps. The vector's operators are JIT intrinsics,
/// expanded in place however large the method: a struct of our own with operator methods was left as calls in the
/// large batched sweeps (the JIT's inlining budget runs out), which made a sweep cost 15 primals instead of about 2.
/// The emitters only ever add, subtract, negate and scale tangents; <c>CompilerServices.Tangents4</c> holds the lane
/// helpers (a unit tangent, copying lanes into a Jacobian).
/// </summary>
internal static class TangentBatch
{
    /// <summary>Tangents per sweep.</summary>
    public const int Width = 4;

    public const string TypeName = "global::System.Runtime.Intrinsics.Vector256<double>";

    /// <summary>The lane helpers: <c>Unit(lane)</c>, <c>CopyLanesTo(tangents, destination, start, stride, lanes)</c>.</summary>
    public const string Helpers = "global::AutogradGen.CompilerServices.Tangents4";

    /// <summary>The batched Jvp's name, <c>{Name}JvpBatch</c> (private, beside the Jacobian).</summary>
    public const string Suffix = "JvpBatch";

    /// <summary>
    /// Whether the batched Jvp can be printed: a double method without calls (a call's derivative takes one tangent),
    /// struct or 2-D array parameters, or local arrays on the heap (their batch companions go on the stack).
    /// </summary>
    public static bool Supports(MethodModel model, LoweredMethod method) =>
        model.IsVectorValued && model.StructParameters.Count == 0 && model.MatrixParameters.Count == 0 && model.PendingCalls.Count == 0
        && method.Variables.All(v => !v.Kind.IsFloatingPoint() || v.Kind == NumberKind.Double)
        && method.Variables.All(v => v.IsParameter || v.Storage != StorageKind.Array)
        && !Statements(method.Body).Any(s => s is AllocateStmt { OnStack: false });

    private static IEnumerable<Stmt> Statements(IEnumerable<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            yield return statement;
            var nested = statement switch
            {
                IfStmt branch => branch.Then.Concat(branch.Else),
                LoopStmt loop => loop.Body.Concat(loop.Step),
                _ => Enumerable.Empty<Stmt>(),
            };
            foreach (var inner in Statements(nested))
            {
                yield return inner;
            }
        }
    }
}
