using System.Globalization;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>
/// AGD0008 covers every write to state the method does not own, not only fields: properties, and elements of the
/// caller's arrays and spans (whose derivatives the caller would never see). Each is reported at the write's target.
/// </summary>
public class WriteOutsideMethodTests
{
    private const string Usings = "using System;\nusing AutogradGen;\n";

    [Fact]
    public void Writing_a_property_is_reported_at_the_property() => AssertWriteReported("""
        public static partial class Functions
        {
            public static double Last { get; set; }

            [Differentiable]
            public static double F(double x)
            {
                [|Last|] = x;
                return x * x;
            }
        }
        """, "'Last'");

    [Fact]
    public void Writing_an_element_of_an_array_parameter_is_reported_at_the_element() => AssertWriteReported("""
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double[] v)
            {
                [|v[0]|] = 1;
                return v[1] * v[1];
            }
        }
        """, "'v[0]'");

    [Fact]
    public void Writing_an_element_of_a_span_parameter_is_reported_at_the_element() => AssertWriteReported("""
        public static partial class Functions
        {
            [Differentiable]
            public static double F(Span<double> v)
            {
                [|v[1]|] += v[0];
                return v[1] * v[1];
            }
        }
        """, "'v[1]'");

    private static void AssertWriteReported(string markedSource, string target)
    {
        var source = MarkedSource.Parse(Usings + markedSource);
        var run = GeneratorHarness.Run(source.Text);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AGD0008", diagnostic.Id);
        Assert.Equal(source.Span, diagnostic.Location.SourceSpan);
        Assert.Equal($"Cannot differentiate a write to {target}, which lives outside the method: compute into a local variable or a local array instead",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.False(run.HasCodeFor("F"));
    }
}
