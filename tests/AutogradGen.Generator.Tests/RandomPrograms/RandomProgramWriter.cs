using System.Globalization;
using System.Text;

namespace AutogradGen.Generator.Tests.RandomPrograms;

/// <summary>
/// Writes random [Differentiable] methods over three scalars and an array: reassigned locals, compound
/// assignments, branches, counted and data-dependent loops with break and continue, and a local array written
/// by index. Values are kept bounded (tanh, sin, 1 + e²) so that finite differences stay meaningful.
/// </summary>
public sealed class RandomProgramWriter
{
    private const int Locals = 3;
    private readonly Random _random;
    private readonly StringBuilder _text = new();
    private int _indent;
    private int _loopDepth;
    private int _blockDepth;
    private int _loops;

    public RandomProgramWriter(int seed) => _random = new Random(seed);

    /// <summary>[Differentiable] helpers the random methods call: scalars, and a span with an array.</summary>
    public const string Helpers = """
        public static partial class Helpers
        {
            [Differentiable]
            public static double Blend(double a, double b) => a * Math.Tanh(b) + 0.5 * b;

            [Differentiable]
            public static double WeightedSum(ReadOnlySpan<double> values, double[] weights)
            {
                var s = 0.0;
                for (var i = 0; i < values.Length; i++)
                {
                    s += values[i] * Math.Sin(weights[i]);
                }

                return s;
            }
        }

        """;

    /// <summary>
    /// <c>static double {name}(double x0, double x1, double x2, double[] v)</c>, plus <c>{name}Check</c>
    /// wrappers over flat arrays that reflection can call: value, gradient into g, and derivative along d.
    /// </summary>
    public string Method(string name)
    {
        _text.Clear();
        Line("[Differentiable]");
        Line($"public static double {name}(double x0, double x1, double x2, double[] v)");
        Line("{");
        _indent++;
        Line("Span<double> buffer = stackalloc double[4];");
        for (var i = 0; i < Locals; i++)
        {
            Line($"double t{i} = {Leaf(allowLocals: false)};");
        }

        Statements(4 + _random.Next(4));
        Line("return t0 + 0.5 * t1 - t2 + buffer[1] * 0.25;");
        _indent--;
        Line("}");
        Line();
        Line($"public static double {name}Value(double[] p) => {name}(p[0], p[1], p[2], p[3..]);");
        Line($"public static double {name}Check(double[] p, double[] g) => {name}Gradient(p[0], p[1], p[2], p[3..], out g[0], out g[1], out g[2], g.AsSpan(3));");
        Line($"public static double {name}Forward(double[] p, double[] d) => {name}Derivative(p[0], p[1], p[2], p[3..], d[0], d[1], d[2], d[3..]).Derivative;");
        return _text.ToString();
    }

    private void Statements(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Statement();
        }
    }

    private void Statement()
    {
        var choice = _random.Next(_loopDepth > 0 ? 13 : 11);
        var target = "t" + _random.Next(Locals);
        switch (choice)
        {
            case 0 or 1:
                Line($"{target} = {Bounded(Expression(3))};");
                break;
            case 2:
                Line($"{target} += {Expression(2)};");
                break;
            case 3:
                Line($"{target} *= {Bounded(Expression(2))};");
                break;
            case 4:
                Line($"buffer[{_random.Next(4)}] {(_random.Next(2) == 0 ? "=" : "+=")} {Bounded(Expression(2))};");
                break;
            case 5 when _blockDepth < 3:
                var index = "i" + _loops++;
                Line($"for (int {index} = 0; {index} < v.Length; {index}++)");
                Block(loop: true, () =>
                {
                    Line($"{target} = {target} * 0.5 + {Bounded($"v[{index}] * {Leaf(true)}")};");
                    Line($"buffer[{index}] = {Bounded($"buffer[{index}] + v[{index}] * {Leaf(true)}")};");
                    Statements(1 + _random.Next(2));
                });
                break;
            case 6 when _blockDepth < 3:
                var counter = "c" + _loops++;
                Line($"int {counter} = 0;");
                Line($"while ({counter} < 4 && {Leaf(true)} < {Literal()})");
                Block(loop: true, () =>
                {
                    Line($"{counter}++;");
                    Statements(1 + _random.Next(2));
                });
                break;
            case 7 or 8:
                Line($"if ({Expression(1)} > {Literal()})");
                Block(loop: false, () => Statements(1 + _random.Next(2)));
                if (_random.Next(2) == 0)
                {
                    Line("else");
                    Block(loop: false, () => Statements(1 + _random.Next(2)));
                }

                break;
            case 9:
                Line($"if ({Leaf(true)} > {Literal()}) return {Bounded(Expression(1))} + t1;");
                break;
            case 10:
                Line($"buffer[{_random.Next(4)}] += {Bounded("Helpers.WeightedSum(buffer, v) * " + Leaf(true))};");
                break;
            case 11:
                Line($"if ({Leaf(true)} > {Literal()}) break;");
                break;
            case 12:
                Line($"if ({Leaf(true)} < {Literal()}) continue;");
                break;
            default:
                Line($"{target} -= {Expression(2)};");
                break;
        }
    }

    private void Block(bool loop, Action body)
    {
        Line("{");
        _indent++;
        _blockDepth++;
        _loopDepth += loop ? 1 : 0;
        body();
        _loopDepth -= loop ? 1 : 0;
        _blockDepth--;
        _indent--;
        Line("}");
    }

    private string Expression(int depth)
    {
        if (depth == 0 || _random.Next(4) == 0)
        {
            return Leaf(true);
        }

        var left = Expression(depth - 1);
        var right = Expression(depth - 1);
        return _random.Next(9) switch
        {
            0 => $"({left} + {right})",
            1 => $"({left} - {right})",
            2 or 3 => $"({left} * {right})",
            4 => $"({left} / (1 + {right} * {right}))",
            5 => $"Math.Sin({left})",
            6 => _random.Next(2) == 0 ? $"Math.Sqrt(1 + {left} * {left})" : $"Helpers.Blend({left}, {right})",
            7 => $"Math.Log(1 + {left} * {left})",
            _ => $"Math.Exp(Math.Cos({left}))",
        };
    }

    private string Bounded(string expression) => _random.Next(3) switch
    {
        0 => $"Math.Tanh({expression})",
        1 => $"Math.Sin({expression})",
        _ => $"Math.Atan({expression})",
    };

    private string Leaf(bool allowLocals) => _random.Next(allowLocals ? 6 : 4) switch
    {
        0 => "x0",
        1 => "x1",
        2 => "x2",
        3 => $"v[{_random.Next(4)}]",
        4 => "t" + _random.Next(Locals),
        _ => $"buffer[{_random.Next(4)}]",
    };

    private string Literal() => (_random.NextDouble() * 2 - 1).ToString("0.###", CultureInfo.InvariantCulture);

    private void Line(string line = "") => _text.Append(' ', _indent * 4).Append(line).Append('\n');
}
