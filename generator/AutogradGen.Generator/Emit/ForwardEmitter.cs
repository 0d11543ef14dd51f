using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Forward mode: <c>{Name}Derivative</c> runs the body once, carrying beside each active variable its tangent
/// (<c>xDot</c>), and returns the value with the directional derivative along the given tangents.
/// </summary>
internal sealed partial class ForwardEmitter : EmitContext
{
    private readonly Dictionary<string, string> _tangents = new();

    // The tangent parameter of each 2-D or jagged array, by the array's name: handed on whole to callees.
    private readonly Dictionary<string, string> _wholeTangents = new();

    /// <summary>
    /// For the batched Jvp of a vector-valued method (<see cref="TangentBatch"/>): the type carrying several tangents at
    /// once in place of each double tangent; null for the ordinary one-tangent members.
    /// </summary>
    private readonly string? _batch;

    private ForwardEmitter(MethodModel model, LoweredMethod method, Activity activity, CodeWriter writer, NameTable names, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives, string? batch = null)
        : base(model, method, activity, writer, names, userDerivatives)
    {
        _batch = batch;
    }

    public static void Emit(MethodModel model, LoweredMethod method, Activity activity, CodeWriter writer, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives)
    {
        var emitter = new ForwardEmitter(model, method, activity, writer, new NameTable(method.Variables.Select(v => v.Name)), userDerivatives);
        emitter.EmitMethod();
    }

    /// <summary>
    /// Writes <c>{Name}JvpBatch</c> (TangentBatch.cs), the Jvp of a vector-valued method with
    /// <see cref="TangentBatch.Width"/> tangents carried through one sweep, for the Jacobian's forward path.
    /// </summary>
    public static void EmitBatch(MethodModel model, LoweredMethod method, Activity activity, CodeWriter writer)
    {
        var emitter = new ForwardEmitter(model, method, activity, writer, new NameTable(method.Variables.Select(v => v.Name)),
            new Dictionary<string, UserDerivativeModel>(), TangentBatch.TypeName);
        emitter.EmitMethod();
    }

    /// <summary>The C# type of a tangent of <paramref name="kind"/>: the kind itself, or the batch of tangents.</summary>
    private string TangentType(NumberKind kind) => _batch ?? kind.Keyword();

    /// <summary>A zero tangent.</summary>
    private string TangentZero(NumberKind kind) => _batch is null ? Zero(kind) : "default(" + _batch + ")";

    /// <summary>Declares a temporary tangent holding <paramref name="text"/>.</summary>
    private string TangentTemporary(NumberKind kind, string text)
    {
        if (_batch is null)
        {
            return Temporary(kind, text, "dt");
        }

        var name = TemporaryName("dt");
        Writer.Line(_batch + " " + name + " = " + text + ";");
        return name;
    }

    private void EmitMethod()
    {
        var parameters = Parameters.ToList();
        var slots = ParameterSlot.Of(Model, parameters);

        // Keyed by the body's variable: a struct's leaves read their tangent from the struct tangent (aTangent.X).
        var tangentParameters = new Dictionary<string, string>();
        var tangentSignature = new List<string>();
        var matrixTangents = new Dictionary<string, string>();
        foreach (var slot in slots.Where(s => s.Differentiated))
        {
            var tangentName = Names.Fresh(slot.Name + "Tangent");
            if (slot.Matrix is not null)
            {
                matrixTangents[slot.Name] = tangentName;
                _wholeTangents[slot.Name] = tangentName;
                // Nullable: null is a zero tangent, which generated callers pass for data that carries no derivative.
                tangentSignature.Add(slot.DerivativeType(writable: false) + (slot.Matrix.Structs is null ? "? " : " ") + tangentName);
                continue;
            }

            if (slot.Plain is { } p)
            {
                tangentParameters[p.Name] = tangentName;
                // A by-reference helper's ref/out result: its tangent comes in and goes out the same way (ByReferenceMembers).
                var modifier = p.ReferenceKind is { } keyword ? keyword + " " : string.Empty;
                tangentSignature.Add(modifier + (p.Storage == StorageKind.Scalar ? TangentType(p.Kind) : "global::System.ReadOnlySpan<" + TangentType(p.Kind) + ">") + " " + tangentName);
                continue;
            }

            var structParameter = slot.Struct!;
            tangentSignature.Add(structParameter.Shape.TypeText + " " + tangentName);
            for (var i = 0; i < structParameter.LeafVariables.Count; i++)
            {
                tangentParameters[structParameter.LeafVariables[i]] = tangentName + "." + structParameter.Shape.Leaves[i].Access;
            }
        }

        var signature = slots.Select(s => s.Plain is { } p ? ParameterDeclaration(p) : s.Struct!.Declaration).Concat(tangentSignature);
        var resultType = ResultKind.Keyword();
        string? resultsTangent = null;
        if (Model.VectorResult is { } batchResults && _batch is not null)
        {
            // Internal to the Jacobian: several tangents per sweep, the results' tangents as batches too.
            resultsTangent = Names.Fresh(batchResults + "Tangent");
            Writer.Line("/// <summary>The Jacobian's forward path: <c>" + Model.Name + "Jvp</c> carrying " + TangentBatch.Width + " tangents per sweep.</summary>");
            Writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            Writer.Open("private" + Model.StaticModifier + "void " + Model.Name + TangentBatch.Suffix + "(" + string.Join(", ", signature.Append("global::System.Span<" + _batch + "> " + resultsTangent)) + ")");
            LengthCheck(Writer, "results tangent", batchResults, resultsTangent);
        }
        else if (Model.VectorResult is { } results)
        {
            // Vector-valued: the results go to the caller's span as the original writes them, J·v to resultsTangent.
            resultsTangent = Names.Fresh(results + "Tangent");
            Writer.Line("/// <summary>");
            Writer.Line("/// Forward mode of <see cref=\"" + Model.DocumentationId + "\"/> (a Jacobian-vector product): writes its results");
            Writer.Line("/// into <paramref name=\"" + results + "\"/> and J·v into <paramref name=\"" + resultsTangent + "\"/>, v being the given tangents");
            Writer.Line("/// (one per differentiated parameter).");
            Writer.Line("/// </summary>");
            Writer.Open(Model.Accessibility + Model.StaticModifier + "void " + Model.Name + "Jvp(" + string.Join(", ", signature.Append("global::System.Span<" + resultType + "> " + resultsTangent)) + ")");
            LengthCheck(Writer, "results tangent", results, resultsTangent);
        }
        else if (Model.ByReferenceHelper)
        {
            Writer.Line("/// <summary>");
            Writer.Line("/// Forward mode of <see cref=\"" + Model.DocumentationId + "\"/>: runs it, and carries each ref and out parameter's");
            Writer.Line("/// tangent beside its value (a ref tangent comes in and goes out updated, an out tangent goes out), along the given");
            Writer.Line("/// tangents of the other differentiated parameters" + (Model.ReturnsVoid ? "." : "; returns its value and directional derivative."));
            Writer.Line("/// </summary>");
            var returns = Model.ReturnsVoid ? "void" : "(" + resultType + " Value, " + resultType + " Derivative)";
            Writer.Open(Model.Accessibility + Model.StaticModifier + returns + " " + Model.Name + "Derivative(" + string.Join(", ", signature) + ")");
        }
        else
        {
            Writer.Line("/// <summary>");
            Writer.Line("/// Forward mode of <see cref=\"" + Model.DocumentationId + "\"/>: its value and its directional derivative");
            Writer.Line("/// along the given tangents (one per differentiated parameter).");
            Writer.Line("/// </summary>");
            Writer.Open(Model.Accessibility + Model.StaticModifier + "(" + resultType + " Value, " + resultType + " Derivative) " + Model.Name + "Derivative(" + string.Join(", ", signature) + ")");
        }

        var matrixElements = ParameterSlot.MatrixElementNames(Model);
        foreach (var parameter in parameters.Where(p => p.Differentiated && p.Storage != StorageKind.Scalar && !matrixElements.Contains(p.Name)))
        {
            LengthCheck(Writer, "tangent", parameter.Name, tangentParameters[parameter.Name]);
        }

        ParameterSlot.ShapeChecks(Writer, slots, matrixTangents, "tangent", nullMeansNone: true);
        if (resultsTangent is not null)
        {
            // After every check, so a rejected call writes nothing. Elements the body never writes keep their
            // value whatever the inputs: their tangent is zero.
            Writer.Line(resultsTangent + ".Clear();");
        }

        ParameterSlot.Unpack(Writer, Model);
        foreach (var pair in ParameterSlot.UnpackDerivatives(Writer, Model, matrixTangents, Names, writable: false))
        {
            tangentParameters[pair.Key] = pair.Value;
        }

        foreach (var parameter in parameters.Where(p => p.ReferenceKind == "out"))
        {
            // An out parameter has no value coming in: assigned first, so every path of the generated code assigns it.
            Writer.Line(parameter.Name + " = " + (parameter.Kind == NumberKind.Bool ? "false" : Zero(parameter.Kind)) + ";");
        }

        foreach (var parameter in parameters.Where(p => p.Differentiated && Activity.IsActive(p.Name)))
        {
            if (parameter.Storage == StorageKind.Scalar)
            {
                var tangent = Names.Fresh(parameter.Name + "Dot");
                var incoming = parameter.ReferenceKind == "out" ? TangentZero(parameter.Kind) : tangentParameters[parameter.Name];
                Writer.Line(TangentType(parameter.Kind) + " " + tangent + " = " + incoming + ";");
                _tangents[parameter.Name] = tangent;
            }
            else
            {
                _tangents[parameter.Name] = tangentParameters[parameter.Name];
            }
        }

        DeclareLocals(Writer);

        // A parameter left out of the differentiation list starts with a zero tangent, and carries one once the
        // body assigns it a value that depends on a differentiated parameter: it is then active like a local.
        foreach (var variable in Method.Variables.Where(v => !v.Differentiated && Activity.IsActive(v.Name)))
        {
            if (variable.Name == Model.VectorResult)
            {
                _tangents[variable.Name] = resultsTangent!;
                continue;
            }

            var tangent = Names.Fresh(variable.Name + "Dot");
            _tangents[variable.Name] = tangent;
            if (_batch is null)
            {
                DeclareCompanion(Writer, variable, tangent);
            }
            else
            {
                Writer.Line(variable.Storage == StorageKind.Scalar ? _batch + " " + tangent + " = default;" : "scoped global::System.Span<" + _batch + "> " + tangent + " = default;");
            }
        }

        Writer.Line();
        Statements(Method.Body);
        if (Model.IsVectorValued)
        {
            Writer.Close();
            return;
        }

        if (Model.ByReferenceHelper)
        {
            // The ref and out parameters' tangents go back to the caller as their values did.
            Writer.Line();
            foreach (var parameter in parameters.Where(p => p.ReferenceKind is not null && p.Differentiated))
            {
                Writer.Line(tangentParameters[parameter.Name] + " = " + (_tangents.TryGetValue(parameter.Name, out var outgoing) ? outgoing : TangentZero(parameter.Kind)) + ";");
            }

            if (Model.ReturnsVoid)
            {
                Writer.Close();
                return;
            }
        }

        Writer.Line();
        var derivative = _tangents.TryGetValue(Method.Result, out var resultTangent) ? resultTangent : Zero(ResultKind);
        Writer.Line("return (" + Method.Result + ", " + derivative + ");");
        Writer.Close();
    }

    private void Statements(IEnumerable<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            Statement(statement);
        }
    }

    private void Statement(Stmt statement)
    {
        SourceComment(statement);
        switch (statement)
        {
            case AssignStmt assignment:
                Assign(assignment);
                break;
            case AllocateStmt allocation:
                Writer.Line(allocation.Variable + (allocation.OnStack ? " = stackalloc " : " = new ") + Variables[allocation.Variable].Kind.Keyword() + "[" + ExprPrinter.Print(allocation.Length) + "];");
                if (_tangents.TryGetValue(allocation.Variable, out var companion))
                {
                    if (_batch is null)
                    {
                        AllocateCompanion(allocation, companion);
                    }
                    else
                    {
                        // Batch companions live on the stack only when the array does (checked in TangentBatch.Supports).
                        Writer.Line(companion + " = stackalloc " + _batch + "[" + allocation.Variable + ".Length];");
                        Writer.Line(companion + ".Clear();");
                    }
                }

                break;
            case GuardStmt guard:
                Writer.Line(ExprPrinter.Print(guard.Code) + ";");
                break;
            case IfStmt branch:
                Writer.Open("if (" + ExprPrinter.Print(branch.Condition) + ")");
                Statements(branch.Then);
                if (branch.Else.Count > 0)
                {
                    Writer.Close();
                    Writer.Open("else");
                    Statements(branch.Else);
                }

                Writer.Close();
                break;
            case LoopStmt loop:
                var condition = loop.Condition is null ? "true" : ExprPrinter.Print(loop.Condition);
                Writer.Open(loop.TestAfterBody ? "do" : "while (" + condition + ")");
                Statements(loop.Body);
                Statements(loop.Step);
                Writer.Close(loop.TestAfterBody ? "} while (" + condition + ");" : "}");
                break;
        }
    }

    private void Assign(AssignStmt assignment)
    {
        if (!_tangents.TryGetValue(assignment.Variable, out var tangent))
        {
            Writer.Line(Target(assignment, assignment.Variable) + " = " + ExprPrinter.Print(assignment.Value) + ";");
            return;
        }

        var (value, derivative) = Linearize(assignment.Value, new Dictionary<Expr, string>());
        Writer.Line(Target(assignment, tangent) + " = " + (derivative ?? TangentZero(Variables[assignment.Variable].Kind)) + ";");
        Writer.Line(Target(assignment, assignment.Variable) + " = " + value + ";");
    }
}
