using System;
using System.Globalization;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Parsing;

/// <summary>Spells constants as C# in invariant culture; doubles round-trip ("R"), floats keep their suffix.</summary>
internal static class Literals
{
    public static string One(NumberKind kind) => kind switch
    {
        NumberKind.Double => "1.0",
        NumberKind.Float => "1f",
        _ => "1",
    };

    public static string Zero(NumberKind kind) => kind switch
    {
        NumberKind.Double => "0.0",
        NumberKind.Float => "0f",
        _ => "0",
    };

    public static string Two(NumberKind kind) => kind switch
    {
        NumberKind.Double => "2.0",
        NumberKind.Float => "2f",
        _ => "2",
    };

    public static string? Format(object? value, NumberKind kind) => (value, kind) switch
    {
        (bool b, _) => b ? "true" : "false",
        (_, NumberKind.Double) => Double(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        (_, NumberKind.Float) => Float(Convert.ToSingle(value, CultureInfo.InvariantCulture)),
        (_, NumberKind.Int) => Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    private static string Float(float value)
    {
        if (float.IsNaN(value))
        {
            return "float.NaN";
        }

        if (float.IsInfinity(value))
        {
            return value > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        return value.ToString("R", CultureInfo.InvariantCulture) + "f";
    }
}
