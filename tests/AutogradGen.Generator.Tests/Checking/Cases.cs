namespace AutogradGen.Generator.Tests.Checking;

/// <summary>Builds <see cref="DerivativeCase"/>s from generated methods of common scalar signatures.</summary>
public static class Cases
{
    public delegate double Gradient1(double x, out double dx);

    public delegate double Gradient2(double x, double y, out double dx, out double dy);

    public delegate double Gradient3(double x, double y, double z, out double dx, out double dy, out double dz);

    public delegate float GradientF1(float x, out float dx);

    public delegate float GradientF2(float x, float y, out float dx, out float dy);

    public static DerivativeCase One(string name, Func<double, double> f, Gradient1 gradient, Func<double, double, (double, double)> derivative) => new()
    {
        Name = name,
        Dimension = 1,
        Function = p => f(p[0]),
        Gradient = p => (gradient(p[0], out var dx), [dx]),
        Derivative = (p, d) => derivative(p[0], d[0]),
    };

    public static DerivativeCase Two(string name, Func<double, double, double> f, Gradient2 gradient, Func<double, double, double, double, (double, double)> derivative) => new()
    {
        Name = name,
        Dimension = 2,
        Function = p => f(p[0], p[1]),
        Gradient = p => (gradient(p[0], p[1], out var dx, out var dy), [dx, dy]),
        Derivative = (p, d) => derivative(p[0], p[1], d[0], d[1]),
    };

    public static DerivativeCase Three(
        string name, Func<double, double, double, double> f, Gradient3 gradient, Func<double, double, double, double, double, double, (double, double)> derivative) => new()
    {
        Name = name,
        Dimension = 3,
        Function = p => f(p[0], p[1], p[2]),
        Gradient = p => (gradient(p[0], p[1], p[2], out var dx, out var dy, out var dz), [dx, dy, dz]),
        Derivative = (p, d) => derivative(p[0], p[1], p[2], d[0], d[1], d[2]),
    };

    public static DerivativeCase OneFloat(string name, Func<float, float> f, GradientF1 gradient, Func<float, float, (float, float)> derivative) => new()
    {
        Name = name,
        Dimension = 1,
        Function = p => f((float)p[0]),
        Gradient = p => (gradient((float)p[0], out var dx), [dx]),
        Derivative = (p, d) => derivative((float)p[0], (float)d[0]),
        Tolerance = 1e-4,
        Step = 2e-2,
    };

    public static DerivativeCase TwoFloat(string name, Func<float, float, float> f, GradientF2 gradient, Func<float, float, float, float, (float, float)> derivative) => new()
    {
        Name = name,
        Dimension = 2,
        Function = p => f((float)p[0], (float)p[1]),
        Gradient = p => (gradient((float)p[0], (float)p[1], out var dx, out var dy), [dx, dy]),
        Derivative = (p, d) => derivative((float)p[0], (float)p[1], (float)d[0], (float)d[1]),
        Tolerance = 1e-4,
        Step = 2e-2,
    };

    public delegate double SpanGradient(ReadOnlySpan<double> v, Span<double> dv);

    public delegate (double Value, double Derivative) SpanDerivative(ReadOnlySpan<double> v, ReadOnlySpan<double> dv);

    public delegate double SpanFunction(ReadOnlySpan<double> v);

    public static DerivativeCase Span(string name, int dimension, SpanFunction f, SpanGradient gradient, SpanDerivative derivative) => new()
    {
        Name = name,
        Dimension = dimension,
        Function = p => f(p),
        Gradient = p =>
        {
            var dv = new double[p.Length];
            var value = gradient(p, dv);
            return (value, dv);
        },
        Derivative = (p, d) => derivative(p, d),
    };
}
