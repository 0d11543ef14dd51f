using System.Buffers;
using System.Text.Json;

namespace AutogradGen.GradBench.Protocol;

/// <summary>
/// The tool's side of GradBench's protocol: one message line in, one response line out. Every failure is a
/// response (<c>success: false</c> with an <c>error</c>), never an exception out of <see cref="Handle"/>: a
/// malformed line, an unknown module or function, a wrong input, or a failing evaluation.
/// </summary>
internal sealed class ToolSession(IReadOnlyList<IEvalModule> modules)
{
    /// <summary>The name the tool reports in its start response.</summary>
    public const string ToolName = "autogradgen";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = false };

    /// <summary>The response to one message line, as UTF-8 JSON on one line (without the newline).</summary>
    public byte[] Handle(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return Respond(null, w => Failure(w, $"malformed message (not JSON): {e.Message}"));
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("id", out var idElement)
                || idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out long id))
            {
                return Respond(null, w => Failure(w, "malformed message: expected an object with an integer 'id'"));
            }

            string? kind = message.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            return kind switch
            {
                "start" => Respond(id, w => w.WriteString("tool", ToolName)),
                "define" => Respond(id, w => Define(w, message)),
                "evaluate" => RespondEvaluate(id, message),
                _ => Respond(id, _ => { }),   // analysis and anything newer: only the id, as GradBench asks
            };
        }
    }

    private void Define(Utf8JsonWriter writer, JsonElement message)
    {
        string? name = StringProperty(message, "module");
        var module = Find(name);
        if (module is null)
        {
            Failure(writer, $"module '{name}' is not implemented; this tool implements {string.Join(", ", modules.Select(m => m.Name))}");
        }
        else if (module.Unsupported is { } why)
        {
            Failure(writer, why);
        }
        else
        {
            writer.WriteBoolean("success", true);
        }
    }

    private byte[] RespondEvaluate(long id, JsonElement message)
    {
        Evaluation evaluation;
        try
        {
            string? name = StringProperty(message, "module");
            var module = Find(name) ?? throw new EvalInputException($"module '{name}' is not implemented");
            if (module.Unsupported is { } why) throw new EvalInputException(why);
            string function = StringProperty(message, "function") ?? throw new EvalInputException("evaluate message has no 'function'");
            if (!module.Functions.Contains(function))
            {
                throw new EvalInputException($"module '{module.Name}' has no function '{function}'; it has {string.Join(", ", module.Functions)}");
            }

            if (!message.TryGetProperty("input", out var input)) throw new EvalInputException("evaluate message has no 'input'");
            evaluation = module.Evaluate(function, input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Respond(id, w => Failure(w, Describe(e)));
        }

        try
        {
            return Respond(id, w =>
            {
                w.WriteBoolean("success", true);
                w.WritePropertyName("output");
                evaluation.WriteOutput(w);
                WriteTimings(w, evaluation.Timings);
            });
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A NaN or an infinity in the output: JSON cannot carry it, so say so instead of writing broken JSON.
            return Respond(id, w =>
            {
                Failure(w, $"the output cannot be written as JSON: {e.Message}");
                WriteTimings(w, evaluation.Timings);
            });
        }
    }

    private static void WriteTimings(Utf8JsonWriter writer, IReadOnlyList<Timing> timings)
    {
        writer.WriteStartArray("timings");
        foreach (var timing in timings)
        {
            writer.WriteStartObject();
            writer.WriteString("name", timing.Name);
            writer.WriteNumber("nanoseconds", timing.Nanoseconds);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static byte[] Respond(long? id, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (id is { } value) writer.WriteNumber("id", value);
            else writer.WriteNull("id");
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Failure(Utf8JsonWriter writer, string error)
    {
        writer.WriteBoolean("success", false);
        writer.WriteString("error", error);
    }

    private static string Describe(Exception e) => e is EvalInputException ? e.Message : $"{e.GetType().Name}: {e.Message}";

    private IEvalModule? Find(string? name) => modules.FirstOrDefault(m => m.Name == name);

    private static string? StringProperty(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
