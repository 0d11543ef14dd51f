using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;
using AutogradGen.Generator.Parsing;
using AutogradGen.Generator.Rules;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Second order, forward over reverse, for <c>[Differentiable(SecondOrder = true)]</c>: <c>{Name}TangentPullback</c>
/// is the pullback's own code printed again with every <c>double</c> a <c>Dual</c> (value and one tangent), so the
/// gradient it computes carries its derivative along the inputs' tangents, the Hessian-vector product;
/// <c>{Name}HessianVectorProduct</c> and <c>{Name}Hessian</c> call it (the Hessian once per coordinate).
/// </summary>
/// <remarks>
/// Why a rewrite of the printed pullback: the emitters print C# directly, so the reverse sweep exists only as text.
/// Its syntax tree is rewritten, not its characters: the <c>double</c> keyword becomes <c>Dual</c> (locals,
/// temporaries, record stacks, adjoints; not <c>double.NaN</c>-style member reads), <c>System.Math</c> becomes
/// <c>DualMath</c>, and each call of a [Differentiable] callee is redirected to its dual form (its value through
/// <c>{Callee}DualValue</c>, its pullback through <c>{Callee}TangentPullback</c>). Every partial, recording and
/// restoring decision of the first-order code is kept, so the second-order code is exactly the derivative of it.
/// The cost is the Dual arithmetic: about two flops per flop of the gradient, plus the wider records.
/// <see cref="SecondOrderCheck"/> has refused what has no dual form, so this never fails on a checked model.
/// </remarks>
internal static class SecondOrderEmitter
{
    private const string DualType = "global::AutogradGen.CompilerServices.Dual";
    private const string Scratch = "global::AutogradGen.CompilerServices.ScratchBuffer<" + DualType + ">";

    public static void Emit(MethodModel model, LoweredMethod method, string reverseText, string forwardText, CodeWriter writer)
    {
        WriteTangentPullback(model, method, reverseText, writer);
        writer.Line();
        var forwardOverForward = RewritesForward(model, method);
        if (NestedCallEmitter.Applies(model))
        {
            // What forward-mode nested callers and second-order callers' own TangentDerivative call.
            if (forwardOverForward)
            {
                WriteTangentDerivative(model, method, forwardText, writer);
            }
            else
            {
                WriteTangentDerivativeOverPullback(model, writer);
            }

            writer.Line();
        }

        // Second-order callers pass scalars only (SecondOrderCheck), so only such a method needs its dual value.
        if (model.Variables.All(v => !v.IsParameter || v.Storage == StorageKind.Scalar || v.PassThroughType is not null))
        {
            WriteDualValue(model, writer);
            writer.Line();
        }

        if (NestedCallEmitter.Applies(model))
        {
            // What other [Differentiable] methods call when they call this one's Gradient or Derivative.
            NestedCallEmitter.Emit(model, writer, forwardOverForward);
            writer.Line();
        }
        else if (NestedSpanCallEmitter.Applies(model))
        {
            // The same for a method with span parameters: its gradient read component by component.
            NestedSpanCallEmitter.Emit(model, writer);
            writer.Line();
        }

        var parameters = model.Variables.Where(v => v.IsParameter).ToList();
        var names = new NameTable(model.Variables.Select(v => v.Name));
        WriteHessianVectorProduct(model, parameters, names, writer);
        writer.Line();
        WriteHessian(model, parameters, new NameTable(model.Variables.Select(v => v.Name)), writer);
    }

    private static void WriteTangentPullback(MethodModel model, LoweredMethod method, string reverseText, CodeWriter writer)
    {
        var members = SyntaxFactory.ParseCompilationUnit("partial class Generated\n{\n" + reverseText + "\n}\n")
            .DescendantNodes().OfType<MethodDeclarationSyntax>();
        var pullback = members.First(m => m.Identifier.Text == model.Name + "Pullback");
        var callees = StmtWalker.Descendants(method.Body).SelectMany(Expressions).SelectMany(Descendants).OfType<CallExpr>()
            .Where(c => c.Target.IsDifferentiable).Select(c => c.Target.Qualifier + "." + c.Target.Name);
        var calleeSet = new HashSet<string>(callees);
        var rewritten = (MethodDeclarationSyntax)new DualRewriter(calleeSet, model.DualUserDerivatives).Visit(pullback.WithoutLeadingTrivia())!;
        rewritten = rewritten.WithIdentifier(SyntaxFactory.Identifier(model.Name + "TangentPullback"));
        writer.Line("/// <summary>");
        writer.Line("/// Forward over reverse of <see cref=\"" + model.DocumentationId + "\"/>: its pullback run on dual numbers. The adjoints'");
        writer.Line("/// tangents receive seed × (Hessian · the inputs' tangents) (plus the seed's tangent × gradient). Called by");
        writer.Line("/// generated code; use " + model.Name + "HessianVectorProduct or " + model.Name + "Hessian instead.");
        writer.Line("/// </summary>");
        var lines = rewritten.ToFullString().TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToList();
        if (model.DualUserDerivatives.Count > 0)
        {
            // The [DerivativeOf] callees on dual numbers (Parsing/DualUserDerivative.cs), local to this method so
            // that two second-order methods calling the same callee declare nothing twice.
            var closing = lines[lines.Count - 1];
            var indent = closing.Substring(0, closing.Length - closing.TrimStart().Length) + "    ";
            lines.RemoveAt(lines.Count - 1);
            foreach (var dual in model.DualUserDerivatives)
            {
                lines.Add(string.Empty);
                lines.AddRange(dual.Text.Split('\n').Select(l => l.Length == 0 ? l : indent + l));
            }

            lines.Add(closing);
        }

        foreach (var line in lines)
        {
            writer.Line(line);
        }
    }

    /// <summary>
    /// Whether <c>{Name}TangentDerivative</c> is the method's forward mode rewritten onto dual numbers (forward over
    /// forward): scalar parameters, and calls only of static [Differentiable] methods, which are SecondOrder with
    /// scalar parameters (AGD0076) and so have a TangentDerivative of their own. A method that calls a user
    /// derivative or a plain method gets one over its dual pullback instead (<see cref="WriteTangentDerivativeOverPullback"/>).
    /// </summary>
    public static bool RewritesForward(MethodModel model, LoweredMethod method) =>
        NestedCallEmitter.Applies(model) && model.DualUserDerivatives.Count == 0
        && StmtWalker.Descendants(method.Body).SelectMany(Expressions).SelectMany(Descendants).OfType<CallExpr>()
            .All(c => c.Target.IsDifferentiable && c.Target.Receiver is null && !c.Target.IsNested);

    /// <summary>
    /// <c>{Name}TangentDerivative</c> of a method whose forward mode has no dual rewrite: the same results from one run
    /// of its dual pullback along the inputs' tangents, (g + ε·H·t) · (d + ε·d′) = ∇f·d + ε·(dᵀ·H·t + ∇f·d′).
    /// </summary>
    private static void WriteTangentDerivativeOverPullback(MethodModel model, CodeWriter writer)
    {
        var parameters = model.Variables.Where(v => v.IsParameter).ToList();
        var names = new NameTable(model.Variables.Select(v => v.Name));
        var differentiated = parameters.Where(p => p.Differentiated).ToList();
        var tangents = differentiated.ToDictionary(p => p.Name, p => names.Fresh(p.Name + "Tangent"));
        var adjoints = differentiated.ToDictionary(p => p.Name, p => names.Fresh(p.Name + "Adjoint"));
        var declarations = parameters.Select(p => (p.PassedIn ? "in " : string.Empty) + DualTypeOf(p) + " " + p.Name)
            .Concat(differentiated.Select(p => DualType + " " + tangents[p.Name]));
        writer.Line("/// <summary>");
        writer.Line("/// <see cref=\"" + model.DocumentationId + "\"/>'s Derivative on dual numbers (see its TangentPullback): computed by one run");
        writer.Line("/// of the pullback on dual numbers, as its body calls methods without a dual forward mode. Called by generated code.");
        writer.Line("/// </summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open(model.Accessibility + model.StaticModifier + "(" + DualType + " Value, " + DualType + " Derivative) " + model.Name + "TangentDerivative(" + string.Join(", ", declarations) + ")");
        foreach (var p in differentiated)
        {
            writer.Line(DualType + " " + adjoints[p.Name] + " = 0.0;");
        }

        var value = names.Fresh("value");
        writer.Line(DualType + " " + value + " = " + model.Name + "TangentPullback(" + string.Join(", ", parameters.Select(p => p.Name).Append("1.0").Concat(differentiated.Select(p => "ref " + adjoints[p.Name]))) + ");");
        writer.Line("return (" + value + ", " + (differentiated.Count == 0 ? "0.0" : string.Join(" + ", differentiated.Select(p => adjoints[p.Name] + " * " + tangents[p.Name]))) + ");");
        writer.Close();
    }

    /// <summary>
    /// Forward over forward: the method's own Derivative printed again with every <c>double</c> a <c>Dual</c>, so
    /// that its tangent output carries its derivative along the duals' tangents: run at (x + ε t, d + ε d′), the
    /// derivative's tangent is dᵀ H t + ∇f · d′ (GradBench's ff, the inner Derivative of a forward-mode caller).
    /// </summary>
    private static void WriteTangentDerivative(MethodModel model, LoweredMethod method, string forwardText, CodeWriter writer)
    {
        var members = SyntaxFactory.ParseCompilationUnit("partial class Generated\n{\n" + forwardText + "\n}\n")
            .DescendantNodes().OfType<MethodDeclarationSyntax>();
        var derivative = members.First(m => m.Identifier.Text == model.Name + "Derivative");
        var callees = new HashSet<string>(StmtWalker.Descendants(method.Body).SelectMany(Expressions).SelectMany(Descendants).OfType<CallExpr>()
            .Select(c => c.Target.Qualifier + "." + c.Target.Name));
        var rewritten = (MethodDeclarationSyntax)new DualRewriter(callees, model.DualUserDerivatives).Visit(derivative.WithAttributeLists(default).WithoutLeadingTrivia())!;
        rewritten = rewritten.WithIdentifier(SyntaxFactory.Identifier(model.Name + "TangentDerivative"));
        writer.Line("/// <summary>");
        writer.Line("/// Forward over forward of <see cref=\"" + model.DocumentationId + "\"/>: its Derivative run on dual numbers. The");
        writer.Line("/// derivative's tangent receives dᵀ·H·t + ∇f·d′ for inputs (x + εt) and tangents (d + εd′). Called by");
        writer.Line("/// generated code (the nested Derivative of a forward-mode caller).");
        writer.Line("/// </summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        foreach (var line in rewritten.ToFullString().TrimEnd().Split('\n').Select(l => l.TrimEnd()))
        {
            writer.Line(line);
        }
    }

    /// <summary>The method's value on dual numbers, for second-order callers: its forward mode, as a Dual.</summary>
    private static void WriteDualValue(MethodModel model, CodeWriter writer)
    {
        var parameters = model.Variables.Where(v => v.IsParameter).ToList();
        var declarations = parameters.Select(p => (p.PassedIn ? "in " : string.Empty) + DualTypeOf(p) + " " + p.Name);
        var arguments = parameters.Select(p => IsDualScalar(p) ? p.Name + ".Value" : p.Name)
            .Concat(parameters.Where(p => p.Differentiated).Select(p => p.Name + ".Tangent"));
        writer.Line("/// <summary>");
        writer.Line("/// <see cref=\"" + model.DocumentationId + "\"/> on dual numbers: its value and its derivative along the");
        writer.Line("/// differentiated arguments' tangents (forward mode). Called by generated second-order code.");
        writer.Line("/// </summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(model.Accessibility + model.StaticModifier + DualType + " " + model.Name + "DualValue(" + string.Join(", ", declarations) + ") =>");
        writer.Line("    " + DualType + ".Of(" + model.Name + "Derivative(" + string.Join(", ", arguments) + "));");
    }

    private static void WriteHessianVectorProduct(MethodModel model, List<VariableModel> parameters, NameTable names, CodeWriter writer)
    {
        var differentiated = parameters.Where(p => p.Differentiated).ToList();
        var directions = differentiated.ToDictionary(p => p.Name, p => names.Fresh(p.Name + "Direction"));
        var products = differentiated.ToDictionary(p => p.Name, p => names.Fresh(p.Name + "Hvp"));
        var signature = parameters.Select(Declaration)
            .Concat(differentiated.Select(p => (p.Storage == StorageKind.Scalar ? "double " : "global::System.ReadOnlySpan<double> ") + directions[p.Name]))
            .Concat(differentiated.Select(p => (p.Storage == StorageKind.Scalar ? "out double " : "global::System.Span<double> ") + products[p.Name]));
        writer.Line("/// <summary>");
        writer.Line("/// Hessian-vector product of <see cref=\"" + model.DocumentationId + "\"/> (forward over reverse): returns its value and");
        writer.Line("/// writes H·v into the products, v being the directions (one per differentiated parameter, in order).");
        writer.Line("/// </summary>");
        writer.Open(model.Accessibility + model.StaticModifier + "double " + model.Name + "HessianVectorProduct(" + string.Join(", ", signature) + ")");
        foreach (var p in differentiated.Where(p => p.Storage != StorageKind.Scalar))
        {
            LengthCheck(writer, "direction", p.Name, directions[p.Name]);
            LengthCheck(writer, "product", p.Name, products[p.Name]);
        }

        var inputs = DualInputs(parameters, names, writer, p => directions[p.Name]);
        var adjoints = DualAdjoints(differentiated, names, writer);
        var value = names.Fresh("value");
        writer.Line("// One pullback on dual numbers: the adjoints' values are the gradient, their tangents H·v.");
        writer.Line(DualType + " " + value + " = " + PullbackCall(model, parameters, inputs, adjoints) + ";");
        foreach (var p in differentiated)
        {
            if (p.Storage == StorageKind.Scalar)
            {
                writer.Line(products[p.Name] + " = " + adjoints[p.Name] + ".Tangent;");
            }
            else
            {
                var k = names.Fresh("k");
                writer.Open("for (int " + k + " = 0; " + k + " < " + p.Name + ".Length; " + k + "++)");
                writer.Line(products[p.Name] + "[" + k + "] = " + adjoints[p.Name] + ".Span[" + k + "].Tangent;");
                writer.Close();
            }
        }

        writer.Line("return " + value + ".Value;");
        writer.Close();
    }

    private static void WriteHessian(MethodModel model, List<VariableModel> parameters, NameTable names, CodeWriter writer)
    {
        var differentiated = parameters.Where(p => p.Differentiated).ToList();
        var hessian = names.Fresh("hessian");
        var n = names.Fresh("n");
        var signature = parameters.Select(Declaration).Append("global::System.Span<double> " + hessian);
        writer.Line("/// <summary>");
        writer.Line("/// Hessian of <see cref=\"" + model.DocumentationId + "\"/>: returns its value and writes the dense, symmetric");
        writer.Line("/// n × n matrix (row-major; n coordinates: the differentiated parameters in order, a span's elements each) into");
        writer.Line("/// <paramref name=\"" + hessian + "\"/>: one Hessian-vector product per coordinate, then the two halves averaged.");
        writer.Line("/// </summary>");
        writer.Open(model.Accessibility + model.StaticModifier + "double " + model.Name + "Hessian(" + string.Join(", ", signature) + ")");
        var offsets = new Dictionary<string, string>();
        var size = "0";
        foreach (var p in differentiated)
        {
            offsets[p.Name] = names.Fresh(p.Name + "Offset");
            writer.Line("int " + offsets[p.Name] + " = " + size + ";");
            size = offsets[p.Name] + " + " + (p.Storage == StorageKind.Scalar ? "1" : p.Name + ".Length");
        }

        writer.Line("int " + n + " = " + size + ";");
        writer.Open("if (" + hessian + ".Length != " + n + " * " + n + ")");
        writer.Line("throw new global::System.ArgumentException($\"The Hessian must have n × n = {" + n + " * " + n + "} elements for the " + "{" + n + "} differentiated coordinates, but has {" + hessian + ".Length}.\", \"" + hessian.TrimStart('@') + "\");");
        writer.Close();
        writer.Line();
        var column = names.Fresh("column");
        var inputs = DualInputs(parameters, names, writer, null);
        var adjoints = DualAdjoints(differentiated, names, writer);
        var value = names.Fresh("value");
        writer.Line(DualType + " " + value + " = default;");
        // At least once, so that the value is computed even with no coordinates (empty spans: nothing is written).
        writer.Open("for (int " + column + " = 0; " + column + " == 0 || " + column + " < " + n + "; " + column + "++)");
        writer.Line("// Direction: the unit vector of this coordinate; fresh adjoints.");
        var k = names.Fresh("k");
        foreach (var p in differentiated)
        {
            if (p.Storage == StorageKind.Scalar)
            {
                writer.Line(inputs[p.Name] + " = new " + DualType + "(" + p.Name + ", " + column + " == " + offsets[p.Name] + " ? 1.0 : 0.0);");
                writer.Line(adjoints[p.Name] + " = 0.0;");
            }
            else
            {
                writer.Open("for (int " + k + " = 0; " + k + " < " + p.Name + ".Length; " + k + "++)");
                writer.Line(inputs[p.Name] + ".Span[" + k + "] = new " + DualType + "(" + p.Name + "[" + k + "], " + column + " == " + offsets[p.Name] + " + " + k + " ? 1.0 : 0.0);");
                writer.Close();
                writer.Line(adjoints[p.Name] + ".Span.Clear();");
            }
        }

        writer.Line(value + " = " + PullbackCall(model, parameters, inputs, adjoints) + ";");
        writer.Line("// Row 'column' of the Hessian: the adjoints' tangents.");
        foreach (var p in differentiated)
        {
            if (p.Storage == StorageKind.Scalar)
            {
                writer.Line(hessian + "[" + column + " * " + n + " + " + offsets[p.Name] + "] = " + adjoints[p.Name] + ".Tangent;");
            }
            else
            {
                writer.Open("for (int " + k + " = 0; " + k + " < " + p.Name + ".Length; " + k + "++)");
                writer.Line(hessian + "[" + column + " * " + n + " + " + offsets[p.Name] + " + " + k + "] = " + adjoints[p.Name] + ".Span[" + k + "].Tangent;");
                writer.Close();
            }
        }

        writer.Close();
        writer.Line("// Symmetric by construction up to rounding: the two halves averaged make it symmetric exactly.");
        var i = names.Fresh("i");
        var j = names.Fresh("j");
        writer.Open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        writer.Open("for (int " + j + " = " + i + " + 1; " + j + " < " + n + "; " + j + "++)");
        var average = names.Fresh("average");
        writer.Line("double " + average + " = 0.5 * (" + hessian + "[" + i + " * " + n + " + " + j + "] + " + hessian + "[" + j + " * " + n + " + " + i + "]);");
        writer.Line(hessian + "[" + i + " * " + n + " + " + j + "] = " + average + ";");
        writer.Line(hessian + "[" + j + " * " + n + " + " + i + "] = " + average + ";");
        writer.Close();
        writer.Close();
        writer.Line("return " + value + ".Value;");
        writer.Close();
    }

    /// <summary>
    /// The Dual arguments: a differentiated scalar a local (its tangent the direction, when given), a double span a
    /// pooled buffer of duals; other parameters are passed as they are (a double converts to a constant Dual).
    /// </summary>
    private static Dictionary<string, string> DualInputs(List<VariableModel> parameters, NameTable names, CodeWriter writer, System.Func<VariableModel, string>? direction)
    {
        var inputs = new Dictionary<string, string>();
        foreach (var p in parameters)
        {
            if (p.PassThroughType is not null || !p.Kind.IsFloatingPoint())
            {
                inputs[p.Name] = p.Name;
            }
            else if (p.Storage == StorageKind.Scalar)
            {
                inputs[p.Name] = names.Fresh(p.Name + "Dual");
                var tangent = p.Differentiated && direction is not null ? direction(p) : "0.0";
                writer.Line(DualType + " " + inputs[p.Name] + " = new " + DualType + "(" + p.Name + ", " + tangent + ");");
            }
            else
            {
                inputs[p.Name] = names.Fresh(p.Name + "Dual");
                writer.Line("using var " + inputs[p.Name] + " = new " + Scratch + "(" + p.Name + ".Length);");
                var k = names.Fresh("k");
                var tangent = p.Differentiated && direction is not null ? direction(p) + "[" + k + "]" : "0.0";
                writer.Open("for (int " + k + " = 0; " + k + " < " + p.Name + ".Length; " + k + "++)");
                writer.Line(inputs[p.Name] + ".Span[" + k + "] = new " + DualType + "(" + p.Name + "[" + k + "], " + tangent + ");");
                writer.Close();
            }
        }

        return inputs;
    }

    private static Dictionary<string, string> DualAdjoints(List<VariableModel> differentiated, NameTable names, CodeWriter writer)
    {
        var adjoints = new Dictionary<string, string>();
        foreach (var p in differentiated)
        {
            adjoints[p.Name] = names.Fresh(p.Name + "Adjoint");
            writer.Line(p.Storage == StorageKind.Scalar
                ? DualType + " " + adjoints[p.Name] + " = 0.0;"
                : "using var " + adjoints[p.Name] + " = new " + Scratch + "(" + p.Name + ".Length);");
        }

        return adjoints;
    }

    private static string PullbackCall(MethodModel model, List<VariableModel> parameters, Dictionary<string, string> inputs, Dictionary<string, string> adjoints)
    {
        var arguments = parameters.Select(p => inputs[p.Name] + (p.Storage != StorageKind.Scalar && p.PassThroughType is null && p.Kind.IsFloatingPoint() ? ".Span" : string.Empty))
            .Append("1.0")
            .Concat(parameters.Where(p => p.Differentiated).Select(p => p.Storage == StorageKind.Scalar ? "ref " + adjoints[p.Name] : adjoints[p.Name] + ".Span"));
        return model.Name + "TangentPullback(" + string.Join(", ", arguments) + ")";
    }

    private static void LengthCheck(CodeWriter writer, string what, string parameter, string span)
    {
        writer.Open("if (" + span + ".Length != " + parameter + ".Length)");
        writer.Line("throw new global::System.ArgumentException($\"The " + what + " must have the same length as '" + parameter + "' ({" + parameter + ".Length}), but has {" + span + ".Length}.\", \"" + span.TrimStart('@') + "\");");
        writer.Close();
    }

    private static string Declaration(VariableModel p) => (p.PassedIn ? "in " : string.Empty) + TypeClassifier.TypeText(p) + " " + p.Name;

    private static bool IsDualScalar(VariableModel p) => p.PassThroughType is null && p.Storage == StorageKind.Scalar && p.Kind.IsFloatingPoint();

    private static string DualTypeOf(VariableModel p) => IsDualScalar(p) ? DualType : TypeClassifier.TypeText(p);

    private static IEnumerable<Expr> Descendants(Expr expr) => new[] { expr }.Concat(ExprWalker.Children(expr).SelectMany(Descendants));

    private static IEnumerable<Expr> Expressions(Stmt statement) => statement switch
    {
        AssignStmt a => a.Index is null ? new[] { a.Value } : new[] { a.Value, a.Index },
        IfStmt i => new[] { i.Condition },
        LoopStmt { Condition: { } condition } => new[] { condition },
        _ => Enumerable.Empty<Expr>(),
    };

    /// <summary>double → Dual, Math → DualMath, callees → their dual forms; everything else as printed.</summary>
    private sealed class DualRewriter : CSharpSyntaxRewriter
    {
        private readonly HashSet<string> _callees;
        private readonly Dictionary<string, string> _userDerivatives = new();

        public DualRewriter(HashSet<string> callees, IEnumerable<DualUserDerivativeModel> userDerivatives)
        {
            _callees = callees;
            foreach (var dual in userDerivatives)
            {
                _userDerivatives[dual.OriginalCall] = dual.OriginalLocal;
                _userDerivatives[dual.DerivativeCall] = dual.DerivativeLocal;
            }
        }

        public override SyntaxNode? VisitPredefinedType(PredefinedTypeSyntax node)
        {
            // double.NaN, double.PositiveInfinity: constants, which convert to a Dual where one is needed.
            if (!node.Keyword.IsKind(SyntaxKind.DoubleKeyword) || node.Parent is MemberAccessExpressionSyntax access && access.Expression == node)
            {
                return node;
            }

            return SyntaxFactory.ParseTypeName(DualType).WithTriviaFrom(node);
        }

        public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
        {
            // double.Hypot, double.SinPi... are printed on the number type (Math has none); DualMath has them as the rest.
            if (node.Expression.ToString() == "global::System.Math" || node.Expression.ToString() == "global::System.Double" && MathRules.IsOnNumberType(node.Name.Identifier.Text))
            {
                return node.WithExpression(SyntaxFactory.ParseExpression("global::AutogradGen.CompilerServices.DualMath").WithTriviaFrom(node.Expression));
            }

            return base.VisitMemberAccessExpression(node);
        }

        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
            SimpleNameSyntax? name = visited.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
            if (name is null)
            {
                return visited;
            }

            // Callees are matched with their qualifier as printed (a type, or the receiver), so a user method named
            // like a Math function is never confused with it.
            var text = name.Identifier.Text;
            var qualifier = visited.Expression is MemberAccessExpressionSyntax qualified ? qualified.Expression.ToString() + "." : string.Empty;
            if (_userDerivatives.TryGetValue(qualifier + text, out var local))
            {
                // A [DerivativeOf] callee or its derivative: the local function of its dual form, unqualified.
                return visited.WithExpression(SyntaxFactory.IdentifierName(local).WithTriviaFrom(visited.Expression));
            }

            var stem = text.EndsWith("Pullback", System.StringComparison.Ordinal) ? text.Substring(0, text.Length - "Pullback".Length) : null;
            // In the forward mode (forward over forward), a callee's Derivative becomes its TangentDerivative.
            var forwardStem = text.EndsWith("Derivative", System.StringComparison.Ordinal) ? text.Substring(0, text.Length - "Derivative".Length) : null;
            string? renamed = _callees.Contains(qualifier + text) ? text + "DualValue"
                : stem is not null && _callees.Contains(qualifier + stem) ? stem + "TangentPullback"
                : forwardStem is not null && _callees.Contains(qualifier + forwardStem) ? forwardStem + "TangentDerivative"
                : null;
            if (renamed is null)
            {
                return visited;
            }

            var newName = name.WithIdentifier(SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, renamed, name.Identifier.TrailingTrivia));
            return visited.Expression is MemberAccessExpressionSyntax member
                ? visited.WithExpression(member.WithName(newName))
                : visited.WithExpression(newName);
        }
    }
}
