using System;
using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// The tape twin: <c>{Name}Tape</c> runs the method's body on the tape engine (define-by-run), with a
/// <c>Tensor</c> in place of each differentiated parameter (0-d for a scalar, 1-d for a span or array) and of the
/// result. Every floating-point local is a 0-d tensor and every local array an array of 0-d tensors (an element
/// write replaces the element: no in-place operation), so <c>Backward()</c> on the result gives the same gradient
/// as the generated <c>{Name}Gradient</c>. Control flow is decided on the values at run time: <c>if (x &gt; 0)</c>
/// tests <c>x.Item()</c>. Integers, booleans and parameters that are not differentiated stay as they are.
/// </summary>
/// <remarks>
/// A method whose body cannot be mapped gets no twin (and no diagnostic: users who do not call it never notice);
/// today that is only a method over other types than double, float, int and bool.
/// </remarks>
internal sealed partial class TapeEmitter
{
    private const string TensorType = "global::AutogradGen.Tensor";
    private const string TapeMath = "global::AutogradGen.CompilerServices.TapeMath";

    private readonly MethodModel _model;
    private readonly LoweredMethod _method;
    private readonly IReadOnlyDictionary<string, UserDerivativeModel> _userDerivatives;
    private readonly Dictionary<string, VariableModel> _variables;
    private readonly NameTable _names;
    private readonly CodeWriter _writer = new();
    private readonly Dictionary<string, string> _copies = new();
    private string _zero = string.Empty;

    /// <summary>Set when the body's nested call cannot be written on the tape: the twin only throws.</summary>
    private bool _throwsForNestedCall;

    private TapeEmitter(MethodModel model, LoweredMethod method, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives)
    {
        _model = model;
        _method = method;
        _userDerivatives = userDerivatives;
        _variables = method.Variables.ToDictionary(v => v.Name);
        _names = new NameTable(method.Variables.Select(v => v.Name));
    }

    /// <summary>Writes <c>{Name}Tape</c> into <paramref name="writer"/>, or nothing when the body cannot be mapped.</summary>
    public static bool TryEmit(MethodModel model, LoweredMethod method, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives, CodeWriter writer)
    {
        var emitter = new TapeEmitter(model, method, userDerivatives);
        try
        {
            emitter.EmitMethod();
        }
        catch (UnmappableException) when (NestedCallEmitter.NestedCallee(method) is not null)
        {
            // A nested call whose twin cannot be written (TapeEmitter.NestedCalls): the twin still exists, so that
            // the twins of this method's callers compile, and says so when it is called.
            emitter = new TapeEmitter(model, method, userDerivatives) { _throwsForNestedCall = true };
            emitter.EmitMethod();
        }
        catch (UnmappableException)
        {
            return false;
        }

        writer.Append(emitter._writer);
        return true;
    }

    private void EmitMethod()
    {
        if (_method.Variables.Any(v => v.Kind is not (NumberKind.Double or NumberKind.Float or NumberKind.Int or NumberKind.Bool)))
        {
            // Only scalar code has a twin: methods over other types (tensors) already run on the tape.
            throw new UnmappableException();
        }

        FindAssignedRawFloatingParameters(_method.Body);
        // A differentiated 2-D array is a 2-d tensor, read in the body through its elements (w_elements = w.Flatten()).
        var matrices = _model.MatrixParameters.ToDictionary(m => m.Name);
        var matrixElements = new HashSet<string>(_model.MatrixParameters.Select(m => m.Elements));
        var results = _model.VectorResult;
        var parameters = _method.Variables.Where(v => v.IsParameter && !matrixElements.Contains(v.Name) && !(v.Name == results && _model.ResultShape is not null)).ToList();
        // A vector-valued twin holds its results in an array of 0-d tensors and returns it: as many as the results
        // span's length (a parameter in its place) or as the tuple or struct has fields.
        var resultCount = results is null ? null : _model.ResultShape is { } shape ? shape.Leaves.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : _names.Fresh(results + "Length");
        if (parameters.Any(p => p.ReferenceKind is not null && p.Kind.IsFloatingPoint() && (!p.Differentiated || p.Storage != StorageKind.Scalar)))
        {
            // A ref or out number the method does not differentiate would be written as a tensor the caller cannot take.
            throw new UnmappableException();
        }

        // A by-reference helper's ref and out numbers are ref and out tensors (rebound by the body); its ints and bools stay ref and out.
        var signature = parameters.Select(p => p.Name == results ? "int " + resultCount
            : matrices.TryGetValue(p.Name, out var m) && m.IsJagged ? TensorType + "[] " + p.Name
            : (p.ReferenceKind is { } modifier ? modifier + " " : string.Empty)
                + (p.Differentiated || matrices.ContainsKey(p.Name) ? TensorType : (p.PassedIn ? "in " : string.Empty) + TypeOf(p)) + " " + p.Name);
        var returnType = _model.ByReferenceHelper && _model.ReturnsVoid ? "void" : TensorType + (results is null ? string.Empty : "[]");
        if (_throwsForNestedCall && NestedCallEmitter.NestedCallee(_method) is { } nested)
        {
            _writer.Line("/// <summary>Tape twin of <see cref=\"" + _model.DocumentationId + "\"/>, which calls a generated derivative in a form that has no tape form: it throws.</summary>");
            _writer.Line(_model.Accessibility + _model.StaticModifier + returnType + " " + (_model.TwinName ?? _model.Name + "Tape") + "(" + string.Join(", ", signature) + ") =>");
            _writer.Line("    throw new global::System.NotSupportedException(\"" + _model.Name + " calls a generated derivative of " + nested
                + " with an argument a tape twin cannot capture (an 'in' parameter or a span passed through): use " + _model.Name + "Gradient or " + _model.Name + "Derivative.\");");
            return;
        }

        _writer.Line("/// <summary>");
        _writer.Line("/// Tape twin of <see cref=\"" + _model.DocumentationId + "\"/>: the same body run on the tape engine, with a");
        // The 2-D array case is only named where there is one, so that every other twin reads as before.
        _writer.Line("/// tensor for each differentiated parameter (0-d for a scalar, 1-d for a span" + (matrices.Values.Any(m => !m.IsJagged) ? ", 2-d for a 2-D array" : string.Empty)
            + (matrices.Values.Any(m => m.IsJagged) ? ", an array of 1-d tensors for a jagged array" : string.Empty) + (returnType == "void" ? ")." : ") and for the result."));
        if (parameters.Any(p => p.ReferenceKind is not null && p.Kind.IsFloatingPoint()))
        {
            _writer.Line("/// Its ref and out numbers are tensors the body rebinds: a ref tensor comes in as the starting value and goes out");
            _writer.Line("/// as the final one, recorded on the tape; call <c>Backward()</c> on any of them" + (_model.ReturnsVoid ? "." : " or on the result."));
        }
        else if (results is null)
        {
            _writer.Line("/// Call <c>Backward()</c> on the result for the gradient, or use it inside a larger tape program.");
        }
        else
        {
            _writer.Line("/// Returns one 0-d tensor per result, in the order of " + (_model.ResultShape is null ? "<paramref name=\"" + resultCount + "\"/> elements of the results span" : "the result's fields or elements")
                + " (elements the body never writes are 0);");
            _writer.Line("/// <c>Tensor.Stack</c> them for <c>Autograd.Functional.Jacobian</c>.");
        }

        _writer.Line("/// </summary>");
        _writer.Open(_model.Accessibility + _model.StaticModifier + returnType + " " + (_model.TwinName ?? _model.Name + "Tape") + "(" + string.Join(", ", signature) + ")");
        if (results is not null)
        {
            _writer.Line(TensorType + "[] " + results + " = " + TapeMath + ".Array(" + resultCount + ", " + DTypeOf(_model.ReturnKind) + ");");
        }

        foreach (var matrix in _model.MatrixParameters)
        {
            if (matrix.IsJagged)
            {
                // Its rows joined into one 1-d tensor, read with the same Index and RowLength as the generated code.
                _writer.Line("var " + matrix.Layout + " = global::AutogradGen.CompilerServices.JaggedTensors.Of(" + matrix.Name + ", " + DTypeOf(matrix.Kind) + ");");
                _writer.Line(TensorType + " " + matrix.Elements + " = " + matrix.Layout + ".Elements;");
                continue;
            }

            _writer.Line(TensorType + " " + matrix.Elements + " = " + matrix.Name + ".Flatten();");
        }

        _zero = _names.Fresh("zero");
        _writer.Line(TensorType + " " + _zero + " = " + TapeMath + ".Constant(0, " + DTypeOf(_model.ReturnKind) + ");");
        foreach (var copy in _copies)
        {
            _writer.Line(TensorType + " " + copy.Value + " = " + TapeMath + ".Constant(" + copy.Key + ", " + DTypeOf(_variables[copy.Key].Kind) + ");");
        }
        foreach (var local in _method.Variables.Where(v => !v.IsParameter))
        {
            _writer.Line(Declaration(local));
        }

        foreach (var output in parameters.Where(p => p.ReferenceKind == "out"))
        {
            // The original assigns every out parameter before reading it; the lowered body may not show C# that it does.
            _writer.Line(output.Name + " = " + (output.Kind.IsFloatingPoint() ? TapeMath + ".Constant(0, " + DTypeOf(output.Kind) + ")" : "default") + ";");
        }

        _writer.Line();
        Statements(_method.Body);
        if (returnType != "void")
        {
            _writer.Line();
            _writer.Line("return " + _method.Result + ";");
        }

        _writer.Close();
    }

    private string Declaration(VariableModel local)
    {
        if (local.Storage.IsIndexed())
        {
            return TensorType + "[] " + local.Name + " = global::System.Array.Empty<" + TensorType + ">();";
        }

        if (local.Kind.IsFloatingPoint())
        {
            // Same dtype for every floating local of a method unless it converts: the zero is only a placeholder
            // that every path assigns before reading (C#'s definite assignment held in the original).
            var zero = local.Kind == _model.ReturnKind ? _zero : TapeMath + ".Constant(0, " + DTypeOf(local.Kind) + ")";
            return TensorType + " " + local.Name + " = " + zero + ";";
        }

        return local.Kind.Keyword() + " " + local.Name + " = default;";
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
        _writer.Line("// line " + statement.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + statement.Source);
        switch (statement)
        {
            case AssignStmt assignment:
                Assign(assignment);
                break;
            case AllocateStmt allocation:
                _writer.Line(allocation.Variable + " = " + TapeMath + ".Array(" + Raw(allocation.Length) + ", " + DTypeOf(_variables[allocation.Variable].Kind) + ");");
                break;
            case GuardStmt guard:
                _writer.Line(guard.Code.Print(Raw) + ";");
                break;
            case IfStmt branch:
                _writer.Open("if (" + Raw(branch.Condition) + ")");
                Statements(branch.Then);
                if (branch.Else.Count > 0)
                {
                    _writer.Close();
                    _writer.Open("else");
                    Statements(branch.Else);
                }

                _writer.Close();
                break;
            case LoopStmt loop:
                var condition = loop.Condition is null ? "true" : Raw(loop.Condition);
                _writer.Open(loop.TestAfterBody ? "do" : "while (" + condition + ")");
                Statements(loop.Body);
                Statements(loop.Step);
                _writer.Close(loop.TestAfterBody ? "} while (" + condition + ");" : "}");
                break;
            default:
                throw new UnmappableException();
        }
    }

    private void Assign(AssignStmt assignment)
    {
        var variable = _variables[assignment.Variable];
        var target = assignment.Index is null ? NameOf(variable.Name) : variable.Name + "[" + Raw(assignment.Index) + "]";
        var holdsTensors = assignment.Index is null ? IsTensor(variable.Name) : StorageOf(variable.Name) == ArrayStorage.TensorArray;
        var value = holdsTensors ? AsTensor(assignment.Value) : Raw(assignment.Value);
        _writer.Line(target + " = " + value + ";");
    }

    /// <summary>
    /// A floating-point parameter that is not differentiated stays a plain number, unless the body assigns it: then
    /// the new value may carry a derivative (the generated code differentiates through it), so the body works on a
    /// tensor copy of it (<c>cValue</c>), declared first.
    /// </summary>
    private void FindAssignedRawFloatingParameters(IEnumerable<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case AssignStmt assignment when _variables[assignment.Variable] is { IsParameter: true, Differentiated: false, Storage: StorageKind.Scalar } parameter
                    && parameter.Kind.IsFloatingPoint() && !_copies.ContainsKey(parameter.Name):
                    _copies[parameter.Name] = _names.Fresh(parameter.Name + "Value");
                    break;
                case IfStmt branch:
                    FindAssignedRawFloatingParameters(branch.Then);
                    FindAssignedRawFloatingParameters(branch.Else);
                    break;
                case LoopStmt loop:
                    FindAssignedRawFloatingParameters(loop.Body);
                    FindAssignedRawFloatingParameters(loop.Step);
                    break;
            }
        }
    }

    /// <summary>The name the body uses for a variable: its own, or the tensor copy of an assigned plain parameter.</summary>
    private string NameOf(string variable) => _copies.TryGetValue(variable, out var copy) ? copy : variable;

    /// <summary>Whether a variable is a tensor on the tape: differentiated parameters and floating-point locals.</summary>
    private bool IsTensor(string name) => _variables.TryGetValue(name, out var variable) && variable.Kind.IsFloatingPoint()
        && (variable.IsParameter ? variable.Differentiated || _copies.ContainsKey(name) : !variable.Storage.IsIndexed());

    private ArrayStorage StorageOf(string name)
    {
        var variable = _variables[name];
        if (!variable.IsParameter || name == _model.VectorResult)
        {
            return ArrayStorage.TensorArray;
        }

        return variable.Differentiated ? ArrayStorage.Tensor : variable.Storage == StorageKind.Array ? ArrayStorage.RawArray : ArrayStorage.RawSpan;
    }

    private static string TypeOf(VariableModel variable) => Parsing.TypeClassifier.TypeText(variable);

    private static string DTypeOf(NumberKind kind) => kind == NumberKind.Float ? "global::AutogradGen.DType.Float32" : "global::AutogradGen.DType.Float64";

    /// <summary>How an array or span variable is held by the twin.</summary>
    private enum ArrayStorage
    {
        /// <summary>A differentiated span or array parameter: one 1-d tensor.</summary>
        Tensor,

        /// <summary>A local array: an array of 0-d tensors.</summary>
        TensorArray,

        /// <summary>A span parameter that is not differentiated, as the caller passed it.</summary>
        RawSpan,

        /// <summary>An array parameter that is not differentiated, as the caller passed it.</summary>
        RawArray,
    }

    /// <summary>A construct the twin cannot express: the method gets no twin.</summary>
    private sealed class UnmappableException : Exception
    {
    }
}
