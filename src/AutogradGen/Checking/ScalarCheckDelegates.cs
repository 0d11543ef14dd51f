namespace AutogradGen;

/// <summary>
/// A scalar function of a point, for <c>GradCheck.Scalar</c>: <c>x =&gt; Objectives.Rosenbrock(x[0], x[1])</c>, or a
/// method that takes the span itself: <c>x =&gt; Losses.LogLoss(x)</c>.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
/// <param name="x">The point.</param>
public delegate T ScalarFunction<T>(ReadOnlySpan<T> x);

/// <summary>
/// A reverse-mode gradient: writes ∂f/∂xᵢ into <paramref name="gradient"/> and returns f(x), the shape of a generated
/// <c>{Name}Gradient</c> method: <c>(x, g) =&gt; Objectives.RosenbrockGradient(x[0], x[1], out g[0], out g[1])</c>.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
/// <param name="x">The point.</param>
/// <param name="gradient">Where to write the gradient, one entry per coordinate of the point.</param>
/// <returns>The function's value at <paramref name="x"/>.</returns>
public delegate T GradientFunction<T>(ReadOnlySpan<T> x, Span<T> gradient);

/// <summary>
/// A forward-mode directional derivative ⟨∇f(x), direction⟩, the shape of a generated <c>{Name}Derivative</c> method:
/// <c>(x, t) =&gt; Objectives.RosenbrockDerivative(x[0], x[1], t[0], t[1]).Derivative</c>.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
/// <param name="x">The point.</param>
/// <param name="direction">The tangent, one entry per coordinate of the point.</param>
public delegate T ForwardFunction<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> direction);
