namespace AutogradGen.GradBench.Evals.Hello;

/// <summary>GradBench's hello eval: <c>square</c> is x², and <c>double</c> is its derivative, 2x.</summary>
public static partial class HelloFunctions
{
    /// <summary>x².</summary>
    [Differentiable]
    public static double Square(double x) => x * x;
}
