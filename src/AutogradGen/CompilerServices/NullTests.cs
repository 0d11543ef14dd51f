using System.ComponentModel;

namespace AutogradGen.CompilerServices;

/// <summary>
/// The null test of an array parameter (<c>prices is null</c> in a guard clause) as generated code spells it.
/// </summary>
/// <remarks>
/// A method call rather than <c>is null</c> because the compiler's nullable analysis learns from <c>is null</c>: the
/// generated reverse sweep reads the array again after the test (its loops run backwards, after the original's
/// statements), where the compiler would then warn that it may be null (CS8602, an error under
/// TreatWarningsAsErrors), although the original read it only where it was known not to be. Public only because
/// generated code in the user's assembly calls it; hidden from IntelliSense.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NullTests
{
    /// <summary>Whether <paramref name="value"/> is null (an array, or the tape twin's tensor or tensors).</summary>
    public static bool IsNull(object? value) => value is null;
}
