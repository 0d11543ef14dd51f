using System.Text.Json;

namespace AutogradGen.GradBench.Protocol;

/// <summary>
/// Reading the evals' inputs and writing their outputs. Readers check the shape and throw
/// <see cref="EvalInputException"/> naming the field, so a malformed input is an error reply, never a crash.
/// </summary>
internal static class Json
{
    /// <summary>The property <paramref name="name"/> of an input object.</summary>
    public static JsonElement Property(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw new EvalInputException($"input must be an object with '{name}', got {obj.ValueKind}");
        if (!obj.TryGetProperty(name, out var value)) throw new EvalInputException($"input has no '{name}'");
        return value;
    }

    /// <summary>A JSON number as a double.</summary>
    public static double Number(JsonElement value, string what)
    {
        if (value.ValueKind != JsonValueKind.Number) throw new EvalInputException($"'{what}' must be a number, got {value.ValueKind}");
        return value.GetDouble();
    }

    /// <summary>A JSON integer (GradBench's evals write integers as <c>5</c>; <c>5.0</c> is accepted too).</summary>
    public static int Int(JsonElement value, string what)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt32(out int i)) return i;
            double d = value.GetDouble();
            if (d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue) return (int)d;
        }

        throw new EvalInputException($"'{what}' must be an integer, got {value}");
    }

    /// <summary>A JSON array of numbers.</summary>
    public static double[] Vector(JsonElement value, string what)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new EvalInputException($"'{what}' must be an array of numbers, got {value.ValueKind}");
        var result = new double[value.GetArrayLength()];
        int i = 0;
        foreach (var element in value.EnumerateArray()) result[i++] = Number(element, what);
        return result;
    }

    /// <summary>A JSON array of equally long arrays of numbers, row-major into one array.</summary>
    public static double[] Matrix(JsonElement value, string what, out int rows, out int columns)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new EvalInputException($"'{what}' must be an array of arrays, got {value.ValueKind}");
        rows = value.GetArrayLength();
        columns = rows == 0 ? 0 : Row(value[0], what).GetArrayLength();
        var result = new double[rows * columns];
        int i = 0;
        foreach (var row in value.EnumerateArray())
        {
            if (Row(row, what).GetArrayLength() != columns) throw new EvalInputException($"the rows of '{what}' must all have {columns} numbers");
            foreach (var element in row.EnumerateArray()) result[i++] = Number(element, what);
        }

        return result;
    }

    /// <summary>Writes <paramref name="values"/> as a JSON array.</summary>
    public static void WriteVector(Utf8JsonWriter writer, ReadOnlySpan<double> values)
    {
        writer.WriteStartArray();
        foreach (double v in values) writer.WriteNumberValue(v);
        writer.WriteEndArray();
    }

    /// <summary>Writes a row-major <paramref name="values"/> as <paramref name="rows"/> JSON arrays.</summary>
    public static void WriteMatrix(Utf8JsonWriter writer, ReadOnlySpan<double> values, int rows)
    {
        int columns = rows == 0 ? 0 : values.Length / rows;
        writer.WriteStartArray();
        for (int r = 0; r < rows; r++) WriteVector(writer, values.Slice(r * columns, columns));
        writer.WriteEndArray();
    }

    private static JsonElement Row(JsonElement row, string what) =>
        row.ValueKind == JsonValueKind.Array ? row : throw new EvalInputException($"'{what}' must be an array of arrays of numbers");
}
