using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Analysis;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Fused reverse mode: <c>{Name}Pullback</c> runs one forward sweep that keeps only what the reverse sweep
/// needs, then one reverse sweep that accumulates adjoints (<c>xBar</c>) in locals and adds
/// <c>seed × ∂result/∂parameter</c> to the caller's adjoints. <c>{Name}Gradient</c> calls it with seed 1.
/// </summary>
/// <remarks>
/// Recording: before a statement overwrites a value the reverse sweep reads (<see cref="ReverseNeeds"/>),
/// the old value is saved, and the reverse sweep restores it when it reaches that statement, so every
/// partial is evaluated on the values it had going forward. Outside loops a statement runs at most once and
/// the value goes to a fresh local; inside loops it goes on a <c>RecordStack</c>, with branch decisions and
/// trip counts (pushed after the construct, so that they pop before its contents).
/// </remarks>
internal sealed partial class ReverseEmitter : EmitContext
{
    private readonly Dictionary<string, string> _adjoints = new();
    private Dictionary<string, string> _matrixAdjoints = new();

    // The adjoint parameter of each 2-D or jagged array, by the array's name: callees handed the array add to it directly.
    private readonly Dictionary<string, string> _wholeAdjoints = new();
    private readonly ReverseNeeds _needs;
    private readonly CodeWriter _declarations = new();
    private readonly Dictionary<NumberKind, string> _stacks = new();
    private readonly Dictionary<Stmt, RecordSite> _sites = new(ReferenceComparer.Instance);
    private string _seed = string.Empty;

    // The adjoint type of the batched Vjp (ReverseBatch.cs), null for the ordinary pullback and Vjp.
    private readonly string? _batch;

    private ReverseEmitter(MethodModel model, LoweredMethod method, Activity activity, CodeWriter writer, NameTable names, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives, string? batch = null)
        : base(model, method, activity, writer, names, userDerivatives)
    {
        _needs = ReverseNeeds.Analyze(method, activity);
        _batch = batch;
    }

    public static void Emit(MethodModel model, LoweredMethod method, Activity activity, CodeWriter output, IReadOnlyDictionary<string, UserDerivativeModel> userDerivatives)
    {
        var names = new NameTable(method.Variables.Select(v => v.Name));
        var body = new CodeWriter();
        var emitter = new ReverseEmitter(model, method, activity, body, names, userDerivatives);
        emitter.EmitMethods(output);
    }

    /// <summary>
    /// Writes <c>{Name}VjpBatch</c> (ReverseBatch.cs), the Vjp of a vector-valued method with
    /// <see cref="ReverseBatch.Width"/> cotangents carried back through one reverse sweep, for the Jacobian's reverse path.
    /// </summary>
    public static void EmitBatch(MethodModel model, LoweredMethod method, Activity activity, CodeWriter output)
    {
        var names = new NameTable(method.Variables.Select(v => v.Name));
        var body = new CodeWriter();
        var emitter = new ReverseEmitter(model, method, activity, body, names, new Dictionary<string, UserDerivativeModel>(), ReverseBatch.TypeName);
        emitter.EmitMethods(output);
    }

    /// <summary>The type of an adjoint: the number's, or the batch of cotangents in the batched Vjp.</summary>
    private string AdjointType(NumberKind kind) => _batch ?? kind.Keyword();

    private string AdjointZero(NumberKind kind) => _batch is null ? Zero(kind) : "default";

    /// <summary>Declares a temporary adjoint (<c>g0</c>) holding <paramref name="text"/> and returns its name.</summary>
    private string AdjointTemporary(NumberKind kind, string text)
    {
        if (_batch is null)
        {
            return Temporary(kind, text, "g");
        }

        var name = TemporaryName("g");
        Writer.Line(_batch + " " + name + " = " + text + ";");
        return name;
    }

    private void EmitMethods(CodeWriter output)
    {
        var parameters = Parameters.ToList();

        // One adjoint parameter per differentiated parameter as the signature shows it: a struct has one (ref Vec3 aAdjoint).
        var adjointParameters = ParameterSlot.Of(Model, parameters).Where(s => s.Differentiated).ToDictionary(s => s.Name, s => Names.Fresh(s.Name + "Adjoint"));
        var seed = _seed = Names.Fresh("seed");
        // A 2-D array's adjoint is the span of the caller's adjoint array's elements (declared in the pullback).
        var matrixAdjoints = Model.MatrixParameters.ToDictionary(m => m.Elements, m => Names.Fresh(adjointParameters[m.Name] + "Elements"));
        foreach (var parameter in parameters.Where(p => p.Differentiated && Activity.IsActive(p.Name)))
        {
            _adjoints[parameter.Name] = matrixAdjoints.TryGetValue(parameter.Name, out var elements) ? elements
                : parameter.Storage == StorageKind.Scalar ? Names.Fresh(parameter.Name + "Bar") : adjointParameters[parameter.Name];
        }

        _matrixAdjoints = matrixAdjoints;
        foreach (var matrix in Model.MatrixParameters)
        {
            _wholeAdjoints[matrix.Name] = adjointParameters[matrix.Name];
        }

        // A parameter left out of the differentiation list gets an adjoint of its own (not the caller's) once
        // the body assigns it a value that depends on a differentiated parameter: it is then active like a local.
        foreach (var variable in Method.Variables.Where(v => !v.Differentiated && Activity.IsActive(v.Name)))
        {
            _adjoints[variable.Name] = Names.Fresh(variable.Name + "Bar");
        }

        // Found before any statement is emitted: they change what some assignments in those loops record.
        _ = Fused;
        _ = Checkpoints;
        Writer.Line("// Forward sweep: compute the value, saving what the reverse sweep needs.");
        ForwardSweep(Method.Body, 0);
        Writer.Line();
        if (Model.IsVectorValued)
        {
            EmitVjp(output, parameters, adjointParameters);
            return;
        }

        Writer.Line("// Reverse sweep: propagate the adjoint of the result back to the parameters.");
        if (_adjoints.TryGetValue(Method.Result, out var resultBar))
        {
            Writer.Line(resultBar + " = " + seed + ";");
            ReverseSweep(Method.Body, 0);
        }

        WriteGradient(output, parameters);
        output.Line();
        WritePullback(output, parameters, adjointParameters, seed);
    }

    private void WriteGradient(CodeWriter output, List<VariableModel> parameters)
    {
        var slots = ParameterSlot.Of(Model, parameters);
        var gradients = slots.Where(p => p.Differentiated).ToDictionary(p => p.Name, p => Names.Fresh(p.Name + "Gradient"));
        var signature = slots.Select(SignatureParameter).Concat(slots.Where(s => s.Differentiated).Select(s =>
            (s.IsValue ? "out " : string.Empty) + s.DerivativeType(writable: true) + " " + gradients[s.Name]));
        output.Line("/// <summary>");
        output.Line("/// Reverse mode of <see cref=\"" + Model.DocumentationId + "\"/>: returns its value and its gradient with respect to");
        output.Line("/// the differentiated parameters: set for scalars, added to the spans (as .grad accumulates).");
        output.Line("/// </summary>");
        output.Open(Model.Accessibility + Model.StaticModifier + ResultKind.Keyword() + " " + Model.Name + "Gradient(" + string.Join(", ", signature) + ")");
        // Checked here too, not only in the pullback: a wrong length is reported under the name the user passed.
        var matrixElements = ParameterSlot.MatrixElementNames(Model);
        foreach (var parameter in parameters.Where(p => p.Differentiated && p.Storage != StorageKind.Scalar && !matrixElements.Contains(p.Name)))
        {
            LengthCheck(output, "gradient", parameter.Name, gradients[parameter.Name]);
        }

        ParameterSlot.ShapeChecks(output, slots, gradients, "gradient");
        foreach (var slot in slots.Where(s => s.Differentiated && s.IsValue))
        {
            output.Line(gradients[slot.Name] + " = " + (slot.Plain is { } p ? Zero(p.Kind) : "default") + ";");
        }

        var arguments = slots.Select(s => s.Name).Append(Parsing.Literals.One(ResultKind)).Concat(slots.Where(s => s.Differentiated)
            .Select(s => (s.IsValue ? "ref " : string.Empty) + gradients[s.Name]));
        output.Line("return " + Model.Name + "Pullback(" + string.Join(", ", arguments) + ");");
        output.Close();
    }

    private void WritePullback(CodeWriter output, List<VariableModel> parameters, Dictionary<string, string> adjointParameters, string seed)
    {
        var slots = ParameterSlot.Of(Model, parameters);
        var signature = slots.Select(SignatureParameter).Append(ResultKind.Keyword() + " " + seed).Concat(slots.Where(s => s.Differentiated).Select(s =>
            (s.IsValue ? "ref " : string.Empty) + s.DerivativeType(writable: true) + (s.Matrix is { Structs: null } ? "?" : string.Empty) + " " + adjointParameters[s.Name]));
        output.Line("/// <summary>");
        output.Line("/// Pullback of <see cref=\"" + Model.DocumentationId + "\"/>: returns its value and adds <paramref name=\"" + seed + "\"/> times");
        output.Line("/// its gradient to the adjoints. Called by generated code; use " + Model.Name + "Gradient instead.");
        output.Line("/// </summary>");
        output.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        output.Open(Model.Accessibility + Model.StaticModifier + ResultKind.Keyword() + " " + Model.Name + "Pullback(" + string.Join(", ", signature) + ")");
        var matrixElements = ParameterSlot.MatrixElementNames(Model);
        foreach (var parameter in parameters.Where(p => p.Differentiated && p.Storage != StorageKind.Scalar && !matrixElements.Contains(p.Name)))
        {
            LengthCheck(output, "gradient", parameter.Name, adjointParameters[parameter.Name]);
        }

        ParameterSlot.ShapeChecks(output, slots, adjointParameters, "gradient", nullMeansNone: true);
        ParameterSlot.Unpack(output, Model);
        var jaggedAdjoints = new Dictionary<MatrixParameter, string>();
        foreach (var matrix in Model.MatrixParameters)
        {
            if (matrix.Structs is { } structs)
            {
                // The numbers of the caller's span of structs: the adjoints are added to the structs' own memory.
                output.Line("global::System.Span<" + matrix.Kind.Keyword() + "> " + _matrixAdjoints[matrix.Elements] + " = " + structs.NumbersOf(adjointParameters[matrix.Name], writable: true) + ";");
                continue;
            }

            if (matrix.IsJagged)
            {
                // A jagged adjoint is summed in a pooled span of the parameter's layout, and added to the caller's rows at the end.
                var buffer = jaggedAdjoints[matrix] = Names.Fresh(adjointParameters[matrix.Name] + "Buffer");
                output.Line("using var " + buffer + " = " + matrix.Layout + ".Zeros();");
                output.Line("global::System.Span<" + matrix.Kind.Keyword() + "> " + _matrixAdjoints[matrix.Elements] + " = " + buffer + ".Span;");
                continue;
            }

            // A null adjoint (a generated caller's data, whose gradient nobody wants) is summed into a pooled scratch span.
            var adjoint = adjointParameters[matrix.Name];
            var scratch = Names.Fresh(adjoint + "Scratch");
            output.Line("using var " + scratch + " = new global::AutogradGen.CompilerServices.ScratchBuffer<" + matrix.Kind.Keyword() + ">(" + adjoint + " is null ? " + matrix.Name + ".Length : 0);");
            output.Line("global::System.Span<" + matrix.Kind.Keyword() + "> " + _matrixAdjoints[matrix.Elements]
                + " = " + adjoint + " is null ? " + scratch + ".Span : global::AutogradGen.CompilerServices.Matrix.Elements(" + adjoint + ");");
        }

        WriteDeclarations(output);
        output.Line();
        output.Append(Writer);

        output.Line();
        WriteAdjointsBack(output, slots, adjointParameters);
        foreach (var pair in jaggedAdjoints)
        {
            output.Line(pair.Value + ".AddTo(" + adjointParameters[pair.Key.Name] + ");");
        }

        foreach (var stack in _stacks.Values)
        {
            output.Line(stack + ".Dispose();");
        }

        output.Line("return " + Method.Result + ";");
        output.Close();
    }

    /// <summary>Adds the scalar adjoints to the caller's, and rebuilds struct adjoints from their fields'.</summary>
    private void WriteAdjointsBack(CodeWriter output, List<ParameterSlot> slots, Dictionary<string, string> adjointParameters)
    {
        foreach (var slot in slots.Where(s => s.Differentiated))
        {
            if (slot.Matrix is null && slot.Plain is { Storage: StorageKind.Scalar } parameter && _adjoints.ContainsKey(parameter.Name))
            {
                output.Line(adjointParameters[parameter.Name] + " += " + _adjoints[parameter.Name] + ";");
            }
            else if (slot.Struct is { } structParameter && structParameter.LeafVariables.Any(_adjoints.ContainsKey))
            {
                // The struct's gradient, rebuilt from its fields' adjoints (a readonly struct cannot be added to in place).
                var adjoint = adjointParameters[structParameter.Name];
                var fields = structParameter.LeafVariables.Select((leaf, i) => adjoint + "." + structParameter.Shape.Leaves[i].Access
                    + (_adjoints.TryGetValue(leaf, out var bar) ? " + " + bar : string.Empty)).ToList();
                output.Line(adjoint + " = " + structParameter.Shape.Build(fields) + ";");
            }
        }
    }

    private string SignatureParameter(ParameterSlot slot) => slot.Plain is { } p ? ParameterDeclaration(p) : slot.Struct!.Declaration;

    private void WriteDeclarations(CodeWriter output)
    {
        DeclareLocals(output);
        foreach (var pair in _adjoints.Where(a => !Variables[a.Key].Differentiated || Variables[a.Key].Storage == StorageKind.Scalar))
        {
            if (_batch is null)
            {
                DeclareCompanion(output, Variables[pair.Key], pair.Value);
            }
            else
            {
                // ReverseBatch.Supports admits scalars and the results span only (no local arrays).
                output.Line(Variables[pair.Key].Storage == StorageKind.Scalar
                    ? _batch + " " + pair.Value + " = default;"
                    : "scoped global::System.Span<" + _batch + "> " + pair.Value + " = default;");
            }
        }

        output.Append(_declarations);
        foreach (var pair in _stacks.OrderBy(p => p.Key))
        {
            var kind = pair.Key.Keyword();
            output.Line("var " + pair.Value + " = new global::AutogradGen.CompilerServices.RecordStack<" + kind + ">(stackalloc " + kind + "[32]);");
        }
    }

    private string Stack(NumberKind kind)
    {
        var storageKind = kind == NumberKind.Bool ? NumberKind.Int : kind;
        if (!_stacks.TryGetValue(storageKind, out var name))
        {
            name = Names.Fresh("recorded" + (storageKind switch { NumberKind.Double => "Doubles", NumberKind.Float => "Floats", _ => "Ints" }));
            _stacks[storageKind] = name;
        }

        return name;
    }

    /// <summary>Declares a local at the top of the method (for values recorded outside loops).</summary>
    private string Hoisted(NumberKind kind, string wanted)
    {
        var name = Names.Fresh(wanted);
        _declarations.Line(kind.Keyword() + " " + name + " = default;");
        return name;
    }

    /// <summary>Where a statement's recordings live when it runs outside loops (at most once): plain locals.</summary>
    private sealed class RecordSite
    {
        public string? Saved { get; set; }

        public string? Decision { get; set; }

        public string? Count { get; set; }

        public string? Start { get; set; }
    }

    private RecordSite Site(Stmt statement)
    {
        if (!_sites.TryGetValue(statement, out var site))
        {
            site = new RecordSite();
            _sites[statement] = site;
        }

        return site;
    }

    /// <summary>Compares statements by identity: two equal statements in different places are different sites.</summary>
    internal sealed class ReferenceComparer : IEqualityComparer<Stmt>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(Stmt? x, Stmt? y) => ReferenceEquals(x, y);

        public int GetHashCode(Stmt obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
