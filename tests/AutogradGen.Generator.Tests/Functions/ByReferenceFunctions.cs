namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// By-reference helpers that get a Derivative of their own (Parsing/ByReferenceMembers.cs): ref state advanced in
/// place, out results beside a returned value, an early return from a void helper, and one that cannot (a span).
/// </summary>
public static partial class ByReferenceFunctions
{
    /// <summary>A damped oscillator's semi-implicit Euler step: both ref values read and written.</summary>
    [Differentiable]
    public static void Step(ref double x, ref double v, double k, double dt)
    {
        v -= k * x * dt + 0.1 * v * dt;
        x += v * dt;
    }

    /// <summary>Returns a value and hands a second one back through out.</summary>
    [Differentiable]
    public static double Split(double x, double s, out double y)
    {
        y = Math.Sin(x) * s;
        return x * x + y;
    }

    /// <summary>An early return that leaves the ref value as it is, and an int ref counter beside it.</summary>
    [Differentiable]
    public static void Shrink(ref double x, ref int steps, double factor)
    {
        if (x < 0.1)
        {
            return;
        }

        x = Math.Sqrt(x) * factor;
        steps++;
    }

    /// <summary>A ref parameter left out of the list still carries its tangent; the one named is an input.</summary>
    [Differentiable(nameof(scale))]
    public static void Scale(ref double x, double scale, double offset) => x = x * scale + offset;

    /// <summary>Calls the helpers inlined, as before: its gradient is the composition of theirs.</summary>
    [Differentiable]
    public static double Energy(double x0, double v0, double k)
    {
        var x = x0;
        var v = v0;
        for (var i = 0; i < 5; i++)
        {
            Step(ref x, ref v, k, 0.1);
        }

        var value = Split(x, v, out var y);
        return value + y * k;
    }
}
