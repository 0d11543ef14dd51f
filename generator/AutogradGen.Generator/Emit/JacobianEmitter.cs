using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// <c>{Name}Jacobian</c> of a vector-valued method: the dense Jacobian, row-major (results × inputs, the inputs being
/// the differentiated parameters in order, a span or array counting its length), from one <c>{Name}Jvp</c> per input
/// (a column each) when there are no more inputs than results, else one <c>{Name}Vjp</c> per result (a row each).
/// The sizes are the call's. Scratch spans are pooled, so a call allocates nothing.
/// </summary>
/// <remarks>Methods with struct parameters get no Jacobian (their Jvp and Vjp take struct tangents and adjoints).</remarks>
internal static class JacobianEmitter
{
    /// <param name="model">The vector-valued method.</param>
    /// <param name="writer">Where the Jacobian goes.</param>
    /// <param name="batched">The method has a batched Jvp (<see cref="TangentBatch"/>): forward mode carries
    /// <see cref="TangentBatch.Width"/> tangents per sweep, and is chosen when it needs no more sweeps than reverse mode.</param>
    /// <param name="reverseBatched">The method also has a batched Vjp (<see cref="ReverseBatch"/>): reverse mode carries
    /// <see cref="ReverseBatch.Width"/> cotangents per sweep, and the mode with fewer sweeps is chosen.</param>
    public static bool TryEmit(MethodModel model, CodeWriter writer, bool batched = false, bool reverseBatched = false)
    {
        if (!model.IsVectorValued || model.StructParameters.Count > 0)
        {
            return false;
        }

        var results = model.VectorResult!;
        var kind = model.ReturnKind.Keyword();
        var parameters = model.Variables.Where(v => v.IsParameter).ToList();
        var inputs = parameters.Where(p => p.Differentiated).ToList();
        var names = new NameTable(model.Variables.Select(v => v.Name));
        var jacobian = names.Fresh("jacobian");
        var inputCount = names.Fresh("inputCount");
        var resultCount = names.Fresh("resultCount");
        var row = names.Fresh("row");
        var column = names.Fresh("column");
        var k = names.Fresh("k");
        var one = Parsing.Literals.One(model.ReturnKind);
        var zero = Parsing.Literals.Zero(model.ReturnKind);

        // Where each input's entries start in a row: the lengths of the inputs before it.
        var offsets = new List<string>();
        var sum = new List<string>();
        foreach (var input in inputs)
        {
            offsets.Add(sum.Count == 0 ? "0" : string.Join(" + ", sum));
            sum.Add(input.Storage == StorageKind.Scalar ? "1" : input.Name + ".Length");
        }

        var signature = parameters.Select(p => (p.PassedIn ? "in " : string.Empty) + Parsing.TypeClassifier.TypeText(p) + " " + p.Name)
            .Append("global::System.Span<" + kind + "> " + jacobian);
        writer.Line("/// <summary>");
        writer.Line("/// The Jacobian of <see cref=\"" + model.DocumentationId + "\"/>: writes its results into <paramref name=\"" + results + "\"/> and");
        writer.Line("/// ∂" + results + "[i]/∂input[j] into <paramref name=\"" + jacobian + "\"/>[i * inputs + j], row-major, the inputs being");
        writer.Line("/// " + (inputs.Count == 0 ? "none" : string.Join(", ", inputs.Select(i => i.Name))) + " in that order (a span or array counts its length).");
        if (reverseBatched)
        {
            writer.Line("/// Vector mode: forward, " + TangentBatch.Width + " columns per sweep, when that takes no more sweeps than reverse mode,");
            writer.Line("/// else reverse, " + ReverseBatch.Width + " rows per sweep (one vector-Jacobian product per result for one or two results).");
        }
        else if (batched)
        {
            writer.Line("/// Forward mode, " + TangentBatch.Width + " columns per sweep (vector mode), when that takes no more sweeps than reverse mode,");
            writer.Line("/// else reverse mode (one vector-Jacobian product per result).");
        }
        else
        {
            writer.Line("/// Forward mode (one Jacobian-vector product per input) when there are no more inputs than results, else");
            writer.Line("/// reverse mode (one vector-Jacobian product per result).");
        }

        writer.Line("/// </summary>");
        writer.Open(model.Accessibility + model.StaticModifier + "void " + model.Name + "Jacobian(" + string.Join(", ", signature) + ")");
        writer.Line("int " + inputCount + " = " + (sum.Count == 0 ? "0" : string.Join(" + ", sum)) + ";");
        writer.Line("int " + resultCount + " = " + results + ".Length;");
        writer.Open("if (" + jacobian + ".Length != " + resultCount + " * " + inputCount + ")");
        writer.Line("throw new global::System.ArgumentException($\"The Jacobian must have {" + resultCount + "} × {" + inputCount + "} = {" + resultCount + " * " + inputCount + "} elements (results × inputs), but has {" + jacobian + ".Length}.\", \"" + jacobian + "\");");
        writer.Close();

        if (batched)
        {
            WriteBatchedForward(model, writer, names, parameters, inputs, offsets, jacobian, inputCount, resultCount, row, reverseBatched);
        }

        if (reverseBatched)
        {
            // Two results or more: one forward sweep and one batched reverse sweep for up to four rows, the forward's
            // values and partials (cos, sin, quotients) shared by the rows (BA's 2 × 15 block: 7.4 primals with a Vjp
            // per row, counted in instructions, docs/BENCHMARKS.md). One result: its Vjp is the row.
            writer.Open("if (" + resultCount + " > 1)");
            WriteBatchedReverse(model, writer, names, parameters, inputs, offsets, jacobian, inputCount, resultCount, row);
            writer.Line("return;");
            writer.Close();
            writer.Line();
        }

        // Forward: every tangent zero but one, J·eⱼ is column j.
        writer.Open("if (" + inputCount + " <= " + resultCount + ")");
        var forwardBuffers = new List<string>();
        var tangentBuffers = new Dictionary<string, string>();
        foreach (var input in inputs.Where(i => i.Storage != StorageKind.Scalar))
        {
            var buffer = names.Fresh(input.Name + "Tangent");
            tangentBuffers[input.Name] = buffer;
            writer.Line(Scratch(buffer, input.Kind.Keyword(), input.Name + ".Length", forwardBuffers));
        }

        var columnBuffer = names.Fresh("columnValues");
        writer.Line(Scratch(columnBuffer, kind, resultCount, forwardBuffers));
        writer.Line("int " + column + " = 0;");
        foreach (var input in inputs)
        {
            string JvpCall(string scalarTangent) =>
                model.Name + "Jvp(" + string.Join(", ", parameters.Select(p => p.Name)
                    .Concat(inputs.Select(i => i.Storage != StorageKind.Scalar ? tangentBuffers[i.Name] + ".Span" : i.Name == input.Name ? scalarTangent : Parsing.Literals.Zero(i.Kind)))
                    .Append(columnBuffer + ".Span")) + ");";
            if (input.Storage == StorageKind.Scalar)
            {
                writer.Line(JvpCall(Parsing.Literals.One(input.Kind)));
                WriteColumn(writer, row, resultCount, jacobian, inputCount, column, columnBuffer);
                writer.Line(column + "++;");
                continue;
            }

            writer.Open("for (int " + k + " = 0; " + k + " < " + input.Name + ".Length; " + k + "++)");
            writer.Line(tangentBuffers[input.Name] + ".Span[" + k + "] = " + Parsing.Literals.One(input.Kind) + ";");
            writer.Line(JvpCall(string.Empty));
            writer.Line(tangentBuffers[input.Name] + ".Span[" + k + "] = " + Parsing.Literals.Zero(input.Kind) + ";");
            WriteColumn(writer, row, resultCount, jacobian, inputCount, column, columnBuffer);
            writer.Line(column + "++;");
            writer.Close();
        }

        Dispose(writer, forwardBuffers);
        writer.Line("return;");
        writer.Close();
        writer.Line();

        // Reverse: a cotangent zero but at one result, eᵢᵀJ is row i (the Vjp adds to the row, cleared first).
        var cotangent = names.Fresh("cotangent");
        var reverseBuffers = new List<string>();
        writer.Line(Scratch(cotangent, kind, resultCount, reverseBuffers));
        // A span input of another precision than the results (float inputs, double results) gets its row in a buffer
        // of its own type, converted into the Jacobian after each Vjp.
        var converted = new Dictionary<string, string>();
        foreach (var input in inputs.Where(i => i.Storage != StorageKind.Scalar && i.Kind != model.ReturnKind))
        {
            converted[input.Name] = names.Fresh(input.Name + "Row");
            writer.Line(Scratch(converted[input.Name], input.Kind.Keyword(), input.Name + ".Length", reverseBuffers));
        }

        writer.Line(jacobian + ".Clear();");
        writer.Open("for (int " + row + " = 0; " + row + " < " + resultCount + "; " + row + "++)");
        writer.Line(cotangent + ".Span[" + row + "] = " + one + ";");
        foreach (var buffer in converted.Values)
        {
            writer.Line(buffer + ".Span.Clear();");
        }

        var scalarGradients = new Dictionary<string, string>();
        foreach (var input in inputs.Where(i => i.Storage == StorageKind.Scalar))
        {
            scalarGradients[input.Name] = names.Fresh(input.Name + "Gradient");
            writer.Line(input.Kind.Keyword() + " " + scalarGradients[input.Name] + " = " + Parsing.Literals.Zero(input.Kind) + ";");
        }

        var adjoints = inputs.Select((input, i) => input.Storage == StorageKind.Scalar
            ? "ref " + scalarGradients[input.Name]
            : converted.TryGetValue(input.Name, out var buffer) ? buffer + ".Span"
            : jacobian + ".Slice(" + row + " * " + inputCount + " + " + offsets[i] + ", " + input.Name + ".Length)");
        writer.Line(model.Name + "Vjp(" + string.Join(", ", parameters.Select(p => p.Name).Append(cotangent + ".Span").Concat(adjoints)) + ");");
        for (var i = 0; i < inputs.Count; i++)
        {
            var cast = inputs[i].Kind != model.ReturnKind ? "(" + kind + ")" : string.Empty;
            if (inputs[i].Storage == StorageKind.Scalar)
            {
                writer.Line(jacobian + "[" + row + " * " + inputCount + " + " + offsets[i] + "] = " + cast + scalarGradients[inputs[i].Name] + ";");
            }
            else if (converted.TryGetValue(inputs[i].Name, out var buffer))
            {
                var j = names.Fresh("j");
                writer.Line("for (int " + j + " = 0; " + j + " < " + inputs[i].Name + ".Length; " + j + "++) " + jacobian + "[" + row + " * " + inputCount + " + " + offsets[i] + " + " + j + "] = "
                    + cast + buffer + ".Span[" + j + "];");
            }
        }

        writer.Line(cotangent + ".Span[" + row + "] = " + zero + ";");
        writer.Close();
        Dispose(writer, reverseBuffers);
        writer.Close();
        return true;
    }

    /// <summary>
    /// Vector mode: the inputs in blocks of <see cref="TangentBatch.Width"/> columns, lane l of the block's tangents the
    /// unit vector of column first + l, so one batched Jvp writes the block's columns.
    /// </summary>
    private static void WriteBatchedForward(
        MethodModel model, CodeWriter writer, NameTable names, List<VariableModel> parameters, List<VariableModel> inputs, List<string> offsets,
        string jacobian, string inputCount, string resultCount, string row, bool reverseBatched)
    {
        const string batch = TangentBatch.TypeName;
        var width = TangentBatch.Width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = names.Fresh("first");
        var lanes = names.Fresh("lanes");
        var lane = names.Fresh("lane");
        var element = names.Fresh("element");
        // Against reverse mode's sweeps: one per result, or one per ReverseBatch.Width results when it is batched too.
        var reverseSweeps = reverseBatched ? "(" + resultCount + " + " + (ReverseBatch.Width - 1) + ") / " + width : resultCount;
        writer.Open("if ((" + inputCount + " + " + (TangentBatch.Width - 1) + ") / " + width + " <= " + reverseSweeps + ")");
        var tangents = new Dictionary<string, string>();
        var buffers = new List<string>();
        foreach (var input in inputs)
        {
            tangents[input.Name] = names.Fresh(input.Name + "Tangents");
            if (input.Storage != StorageKind.Scalar)
            {
                writer.Line(Scratch(tangents[input.Name], batch, input.Name + ".Length", buffers));
            }
        }

        var columns = names.Fresh("columnTangents");
        writer.Line(Scratch(columns, batch, resultCount, buffers));
        writer.Open("for (int " + first + " = 0; " + first + " < " + inputCount + "; " + first + " += " + width + ")");
        writer.Line("int " + lanes + " = global::System.Math.Min(" + width + ", " + inputCount + " - " + first + ");");
        void SeedSpans(bool set)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                if (inputs[i].Storage == StorageKind.Scalar)
                {
                    continue;
                }

                writer.Open("for (int " + lane + " = 0; " + lane + " < " + lanes + "; " + lane + "++)");
                writer.Line("int " + element + " = " + first + " + " + lane + " - (" + offsets[i] + ");");
                writer.Open("if ((uint)" + element + " < (uint)" + inputs[i].Name + ".Length)");
                writer.Line(tangents[inputs[i].Name] + ".Span[" + element + "] = " + (set ? TangentBatch.Helpers + ".Unit(" + lane + ")" : "default") + ";");
                writer.Close();
                writer.Close();
            }
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Storage == StorageKind.Scalar)
            {
                var at = "(" + offsets[i] + ") - " + first;
                writer.Line(batch + " " + tangents[inputs[i].Name] + " = (uint)(" + at + ") < (uint)" + lanes + " ? " + TangentBatch.Helpers + ".Unit(" + at + ") : default;");
            }
        }

        SeedSpans(set: true);
        writer.Line(model.Name + TangentBatch.Suffix + "(" + string.Join(", ", parameters.Select(p => p.Name)
            .Concat(inputs.Select(i => i.Storage == StorageKind.Scalar ? tangents[i.Name] : tangents[i.Name] + ".Span"))
            .Append(columns + ".Span")) + ");");
        SeedSpans(set: false);
        writer.Open("for (int " + row + " = 0; " + row + " < " + resultCount + "; " + row + "++)");
        writer.Open("for (int " + lane + " = 0; " + lane + " < " + lanes + "; " + lane + "++)");
        writer.Line(jacobian + "[" + row + " * " + inputCount + " + " + first + " + " + lane + "] = " + columns + ".Span[" + row + "][" + lane + "];");
        writer.Close();
        writer.Close();
        writer.Close();
        Dispose(writer, buffers);
        writer.Line("return;");
        writer.Close();
        writer.Line();
    }

    /// <summary>
    /// Vector mode backwards: the results in blocks of <see cref="ReverseBatch.Width"/> rows, lane l of the block's
    /// cotangents the unit vector of row first + l, so one batched Vjp gives the block's rows in its adjoints' lanes.
    /// </summary>
    private static void WriteBatchedReverse(
        MethodModel model, CodeWriter writer, NameTable names, List<VariableModel> parameters, List<VariableModel> inputs, List<string> offsets,
        string jacobian, string inputCount, string resultCount, string row)
    {
        const string batch = ReverseBatch.TypeName;
        var width = ReverseBatch.Width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = names.Fresh("first");
        var lanes = names.Fresh("lanes");
        var lane = names.Fresh("lane");
        var j = names.Fresh("j");
        var cotangents = names.Fresh("cotangents");
        var rows = names.Fresh("rowsBuffer");
        var buffers = new List<string>();
        // One scratch span for the cotangents and every span input's rows, sliced: one allocation and one clearing per
        // call instead of one per span (for a residual block such as BA's 2 × 15 these cost as much as the sweep).
        var spanInputs = inputs.Where(i => i.Storage != StorageKind.Scalar).ToList();
        var length = string.Join(" + ", new[] { resultCount }.Concat(spanInputs.Select(i => i.Name + ".Length")));
        writer.Line(Scratch(rows, batch, length, buffers));
        writer.Line("var " + cotangents + " = " + rows + ".Span.Slice(0, " + resultCount + ");");
        var adjoints = new Dictionary<string, string>();
        var start = resultCount;
        foreach (var input in inputs)
        {
            adjoints[input.Name] = names.Fresh(input.Name + "Rows");
            if (input.Storage != StorageKind.Scalar)
            {
                writer.Line("var " + adjoints[input.Name] + " = " + rows + ".Span.Slice(" + start + ", " + input.Name + ".Length);");
                start += " + " + input.Name + ".Length";
            }
        }

        writer.Open("for (int " + first + " = 0; " + first + " < " + resultCount + "; " + first + " += " + width + ")");
        writer.Line("int " + lanes + " = global::System.Math.Min(" + width + ", " + resultCount + " - " + first + ");");
        writer.Line("for (int " + lane + " = 0; " + lane + " < " + lanes + "; " + lane + "++) " + cotangents + "[" + first + " + " + lane + "] = " + TangentBatch.Helpers + ".Unit(" + lane + ");");
        foreach (var input in inputs.Where(i => i.Storage == StorageKind.Scalar))
        {
            writer.Line(batch + " " + adjoints[input.Name] + " = default;");
        }

        writer.Line(model.Name + ReverseBatch.Suffix + "(" + string.Join(", ", parameters.Select(p => p.Name).Append(cotangents)
            .Concat(inputs.Select(i => i.Storage == StorageKind.Scalar ? "ref " + adjoints[i.Name] : adjoints[i.Name]))) + ");");
        writer.Line("for (int " + lane + " = 0; " + lane + " < " + lanes + "; " + lane + "++) " + cotangents + "[" + first + " + " + lane + "] = default;");
        // Each adjoint holds one element of the block's rows, lane l in row first + l.
        writer.Line("int " + row + " = " + first + " * " + inputCount + ";");
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input.Storage == StorageKind.Scalar)
            {
                writer.Line(TangentBatch.Helpers + ".CopyLanesTo(" + adjoints[input.Name] + ", " + jacobian + ", " + row + " + " + offsets[i] + ", " + inputCount + ", " + lanes + ");");
            }
            else
            {
                writer.Line("for (int " + j + " = 0; " + j + " < " + input.Name + ".Length; " + j + "++) " + TangentBatch.Helpers + ".CopyLanesTo(" + adjoints[input.Name] + "[" + j + "], "
                    + jacobian + ", " + row + " + " + offsets[i] + " + " + j + ", " + inputCount + ", " + lanes + ");");
            }
        }

        if (spanInputs.Count > 0)
        {
            // The scratch starts zeroed: only a further block needs the rows cleared.
            writer.Open("if (" + first + " + " + width + " < " + resultCount + ")");
            foreach (var input in spanInputs)
            {
                writer.Line(adjoints[input.Name] + ".Clear();");
            }

            writer.Close();
        }

        writer.Close();
        Dispose(writer, buffers);
    }

    /// <summary>
    /// A zeroed scratch span of <paramref name="length"/> elements: on the stack when it has at most
    /// <see cref="StackElements"/> (a residual block's few results and inputs: renting from the pool would cost more than
    /// the block's derivative), else pooled. Declared before any loop, so the stack space is taken once per call, and only
    /// as much as is used (the runtime zeroes a stackalloc).
    /// </summary>
    /// <remarks>
    /// Not a <c>using</c>: a try/finally around the sweeps would keep the JIT from holding their locals in registers.
    /// The caller disposes the buffers (<see cref="Dispose"/>) on the way out; an exception leaves a rented array to
    /// the garbage collector, which the pool allows.
    /// </remarks>
    internal static string Scratch(string name, string type, string length, List<string> buffers)
    {
        buffers.Add(name);
        return "var " + name + " = new global::AutogradGen.CompilerServices.ScratchBuffer<" + type + ">(stackalloc " + type + "[(" + length + ") <= " + StackElements + " ? " + length + " : 0], " + length + ");";
    }

    /// <summary>A scratch span holding a copy of <paramref name="source"/>, on the stack as in <see cref="Scratch"/> (copied, not zeroed first).</summary>
    internal static string ScratchCopy(string name, string type, string source, List<string> buffers)
    {
        buffers.Add(name);
        return "var " + name + " = global::AutogradGen.CompilerServices.ScratchBuffer<" + type + ">.CopyOf(stackalloc " + type + "[(" + source + ".Length) <= " + StackElements + " ? " + source + ".Length : 0], " + source + ");";
    }

    /// <summary>Returns the scratch buffers of <see cref="Scratch"/> (before a return or the end of the method).</summary>
    internal static void Dispose(CodeWriter writer, List<string> buffers)
    {
        foreach (var buffer in buffers)
        {
            writer.Line(buffer + ".Dispose();");
        }
    }

    /// <summary>Elements of a scratch span kept on the stack.</summary>
    internal const int StackElements = 16;

    private static void WriteColumn(CodeWriter writer, string row, string resultCount, string jacobian, string inputCount, string column, string columnBuffer)
    {
        writer.Open("for (int " + row + " = 0; " + row + " < " + resultCount + "; " + row + "++)");
        writer.Line(jacobian + "[" + row + " * " + inputCount + " + " + column + "] = " + columnBuffer + ".Span[" + row + "];");
        writer.Close();
    }
}
