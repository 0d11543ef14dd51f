using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;

namespace AutogradGen.Generator.Emit;

/// <summary>What both modes share while emitting one method: the lowered body, activity, names and the writer.</summary>
internal abstract class EmitContext
{
    private int _temporaries;

    protected EmitContext(MethodModel model, LoweredMethod method, Activity activity, CodeWriter writer, NameTable names, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives)
    {
        UserDerivatives = userDerivatives;
        Model = model;
        Method = method;
        Activity = activity;
        Writer = writer;
        Names = names;
        Variables = method.Variables.ToDictionary(v => v.Name);
    }

    protected MethodModel Model { get; }

    /// <summary>User-supplied derivatives by the documentation id of the method they differentiate.</summary>
    protected IReadOnlyDictionary<string, UserDerivativeModel> UserDerivatives { get; }

    protected LoweredMethod Method { get; }

    protected Activity Activity { get; }

    protected CodeWriter Writer { get; }

    protected NameTable Names { get; }

    protected Dictionary<string, VariableModel> Variables { get; }

    protected NumberKind ResultKind => Model.ReturnKind;

    /// <summary>Declares a temporary holding <paramref name="text"/> and returns its name.</summary>
    protected string Temporary(NumberKind kind, string text, string prefix = "t")
    {
        var name = TemporaryName(prefix);
        Writer.Line(kind.Keyword() + " " + name + " = " + text + ";");
        return name;
    }

    /// <summary>The next temporary's name (t0, dt1, g2, ...), for temporaries declared some other way.</summary>
    protected string TemporaryName(string prefix) => Names.Fresh(prefix + _temporaries++);

    /// <summary>
    /// The value of an expression as text simple enough to repeat in a formula: names, literals and element
    /// reads as they are; anything else computed once into a temporary, its operands first (three-address code).
    /// Conditionals are computed whole so that the branch not taken is never evaluated.
    /// </summary>
    protected string Value(Expr expr, Dictionary<Expr, string> computed)
    {
        if (IsSimple(expr))
        {
            return ExprPrinter.Print(expr);
        }

        if (computed.TryGetValue(expr, out var known))
        {
            return known;
        }

        var operands = LocalPartials.Operands(expr);
        var substituted = expr;
        if (operands.Count > 0 && expr is not ConditionalExpr)
        {
            var values = operands.Select(o => Value(o, computed)).ToList();
            substituted = Substitute(expr, values);
        }

        var name = Temporary(expr.Kind, ExprPrinter.Print(substituted));
        computed[expr] = name;
        return name;
    }

    /// <summary>The node with its operands replaced by the given texts.</summary>
    protected static Expr Substitute(Expr node, IReadOnlyList<string> operands)
    {
        Expr Named(Expr original, string text) => new VariableExpr(original.Kind, text);
        return node switch
        {
            UnaryExpr u => u with { Operand = Named(u.Operand, operands[0]) },
            BinaryExpr b => b with { Left = Named(b.Left, operands[0]), Right = Named(b.Right, operands[1]) },
            MathCallExpr m => m with { Arguments = m.Arguments.Select((a, i) => Named(a, operands[i])).ToEquatableArray() },
            _ => node,
        };
    }

    protected static bool IsSimple(Expr expr) => expr switch
    {
        VariableExpr or LengthExpr or ArrayArgumentExpr => true,
        LiteralExpr literal => !literal.Text.StartsWith("-"),
        ElementExpr or PassThroughExpr => true,
        DetachedExpr detached => IsSimple(detached.Operand),
        _ => false,
    };

    protected static string Zero(NumberKind kind) => Literals.Zero(kind);

    protected void SourceComment(Stmt statement) => Writer.Line("// line " + statement.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + statement.Source);

    protected string TypeOf(VariableModel variable) => TypeClassifier.TypeText(variable);

    /// <summary>An original parameter as the generated methods declare it: its type, with <c>in</c> kept (a <c>params</c> array is a plain array).</summary>
    protected string ParameterDeclaration(VariableModel parameter) =>
        (parameter.PassedIn ? "in " : parameter.ReferenceKind is { } keyword ? keyword + " " : string.Empty) + TypeOf(parameter) + " " + parameter.Name;

    protected IEnumerable<VariableModel> Parameters => Method.Variables.Where(v => v.IsParameter);

    protected IEnumerable<VariableModel> Locals => Method.Variables.Where(v => !v.IsParameter);

    /// <summary>Declares every local at the top, so that both sweeps see them whatever block they were declared in.</summary>
    protected void DeclareLocals(CodeWriter writer)
    {
        foreach (var local in Locals)
        {
            writer.Line(local.Storage switch
            {
                StorageKind.Scalar => local.Kind.Keyword() + " " + local.Name + " = default;",
                StorageKind.Array => local.Kind.Keyword() + "[] " + local.Name + " = global::System.Array.Empty<" + local.Kind.Keyword() + ">();",
                _ => "scoped " + TypeOf(local) + " " + local.Name + " = default;",
            });
        }
    }

    /// <summary>The array-of-derivatives companion of a local array, allocated like the original (zeroed).</summary>
    protected void AllocateCompanion(AllocateStmt allocation, string companion)
    {
        var kind = Variables[allocation.Variable].Kind.Keyword();
        Writer.Line(companion + (allocation.OnStack ? " = stackalloc " : " = new ") + kind + "[" + allocation.Variable + ".Length];");
        if (allocation.OnStack)
        {
            Writer.Line(companion + ".Clear();");
        }
    }

    /// <summary>Declares the tangent or adjoint of a local: zero, or an empty array until its allocation.</summary>
    protected static void DeclareCompanion(CodeWriter writer, VariableModel local, string companion) => writer.Line(local.Storage switch
    {
        StorageKind.Scalar => local.Kind.Keyword() + " " + companion + " = " + Zero(local.Kind) + ";",
        StorageKind.Array => local.Kind.Keyword() + "[] " + companion + " = global::System.Array.Empty<" + local.Kind.Keyword() + ">();",
        _ => "scoped global::System.Span<" + local.Kind.Keyword() + "> " + companion + " = default;",
    });

    /// <summary>
    /// Rejects a span of derivatives (<paramref name="what"/>: "tangent", "gradient") whose length differs from
    /// its parameter's, naming <paramref name="span"/>: the entry point the user calls checks under its own names.
    /// </summary>
    protected static void LengthCheck(CodeWriter writer, string what, string parameter, string span)
    {
        writer.Open("if (" + span + ".Length != " + parameter + ".Length)");
        // The parameter name as a literal, not nameof(...): a user method called nameof in the type would capture it.
        writer.Line("throw new global::System.ArgumentException($\"The " + what + " must have the same length as '" + parameter + "' ({" + parameter + ".Length}), but has {" + span + ".Length}.\", \"" + span.TrimStart('@') + "\");");
        writer.Close();
    }

    protected static string Target(AssignStmt assignment, string variable) =>
        assignment.Index is null ? variable : variable + "[" + ExprPrinter.Print(assignment.Index) + "]";
}
