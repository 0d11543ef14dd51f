namespace AutogradGen.Generator.Model;

/// <summary>
/// A method marked [DerivativeOf]: the derivative of the method whose documentation id is <paramref name="Key"/>.
/// Shaped like a generated Gradient: original parameters, then a partial per floating-point parameter
/// (<c>out T</c> for scalars, <c>Span&lt;T&gt;</c> for spans and arrays), returning the value.
/// </summary>
internal sealed record UserDerivativeModel(string Key, string ContainingType, string Name);
