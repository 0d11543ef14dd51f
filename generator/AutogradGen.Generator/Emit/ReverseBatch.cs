using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Vector mode backwards, for a vector-valued method's Jacobian when it has few results (a residual block such as
/// bundle adjustment's 2 × 15): the reverse emitter prints the Vjp once more with every adjoint replaced by
/// a <c>Vector256&lt;double&gt;</c> (<see cref="TangentBatch"/>), four cotangents side by side, so one forward sweep and one reverse sweep give
/// four rows of the Jacobian. Without it each row costs a whole Vjp, forward sweep and transcendental functions
/// included. Adjoints are only ever added, negated and scaled by a partial, which is all the type offers.
/// </summary>
internal static class ReverseBatch
{
    /// <summary>Cotangents per sweep.</summary>
    public const int Width = TangentBatch.Width;

    public const string TypeName = TangentBatch.TypeName;

    /// <summary>The batched Vjp's name, <c>{Name}VjpBatch</c> (private, beside the Jacobian).</summary>
    public const string Suffix = "VjpBatch";

    /// <summary>
    /// Whether the batched Vjp can be printed: what the batched Jvp needs (<see cref="TangentBatch.Supports"/>), and
    /// straight-line code with branches only: no loops (their records and fused sweeps keep double adjoints), no
    /// local arrays, no calls (a callee's pullback takes one seed) and no conversions between number types.
    /// </summary>
    public static bool Supports(MethodModel model, LoweredMethod method) =>
        TangentBatch.Supports(model, method)
        && method.Variables.All(v => v.IsParameter || v.Storage == StorageKind.Scalar)
        && method.Body.All(Supported);

    private static bool Supported(Stmt statement) => statement switch
    {
        AssignStmt assignment => Supported(assignment.Value) && (assignment.Index is null || Supported(assignment.Index)),
        IfStmt branch => Supported(branch.Condition) && branch.Then.All(Supported) && branch.Else.All(Supported),
        GuardStmt => true,
        _ => false,
    };

    private static bool Supported(Expr expr) =>
        expr is not (CallExpr or ConvertExpr or PassThroughExpr or ArrayArgumentExpr) && ExprWalker.Children(expr).All(Supported);
}
