using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>The generated code compiles cleanly, and the generator is deterministic.</summary>
public class GeneratedCodeCompilesTests
{
    private const string Source = """
        using System;
        using AutogradGen;

        namespace Sample.Inner
        {
            public static partial class Objectives
            {
                [Differentiable]
                public static double Rosenbrock(double x, double y)
                {
                    var a = 1 - x;
                    var b = y - x * x;
                    return a * a + 100 * b * b;
                }

                internal partial struct Nested
                {
                    [Differentiable]
                    internal static float Loop(ReadOnlySpan<float> v, int n)
                    {
                        Span<float> buffer = stackalloc float[v.Length];
                        var s = 0f;
                        for (var i = 0; i < n; i++)
                        {
                            for (var j = 0; j < v.Length; j++)
                            {
                                buffer[j] = buffer[j] * 0.5f + MathF.Sin(v[j] * i);
                                if (buffer[j] > 1) continue;
                                s += buffer[j] * s;
                            }
                        }

                        return s;
                    }
                }
            }
        }
        """;

    [Fact]
    public void Generated_code_compiles_with_no_errors_or_warnings()
    {
        var run = GeneratorHarness.Run(Source);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(2, run.Sources.Count());
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Generating_twice_gives_the_same_bytes()
    {
        var first = GeneratorHarness.Run(Source).Sources.Select(s => s.SourceText.ToString()).ToList();
        var second = GeneratorHarness.Run(Source).Sources.Select(s => s.SourceText.ToString()).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_method_with_an_error_gets_no_code_while_the_others_still_do()
    {
        var run = GeneratorHarness.Run(Source.Replace("return a * a + 100 * b * b;", "goto end; end: return a;", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.Id == "AGD0005");
        Assert.False(run.HasCodeFor("Rosenbrock"));
        Assert.True(run.HasCodeFor("Loop"));
    }

    [Fact]
    public void Generic_record_interface_and_nested_containing_types_all_get_code_that_compiles()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using AutogradGen;

            namespace N1
            {
                public static partial class Box<T>
                {
                    [Differentiable] public static double F(double x) => x * x;
                }
            }

            namespace N2
            {
                public partial record Rec
                {
                    [Differentiable] internal static float G(float x) => x * x;
                }

                public partial interface IShape
                {
                    [Differentiable] public static double H(double x) => Math.Sin(x);
                }

                public partial struct S
                {
                    public partial class Inner
                    {
                        [Differentiable] private static double K(double x) => x * 3;

                        [Differentiable] public static double L(double x) => K(x) * 2;
                    }
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(
            ["N1.Box{T}.Derivatives.g.cs", "N2.IShape.Derivatives.g.cs", "N2.Rec.Derivatives.g.cs", "N2.S.Inner.Derivatives.g.cs"],
            run.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }
}
