namespace AutogradGen.Generator.Model;

/// <summary>
/// A differentiated array or span of structs (<c>Vec3[] v</c>, <c>ReadOnlySpan&lt;Vector3&gt; x</c>, <c>Span&lt;Particle&gt; p</c>)
/// whose fields are all of one floating-point type: signatures show it as written, and its tangent is a
/// <c>ReadOnlySpan</c> and its gradient a <c>Span</c> of the same struct (added to, as for spans of doubles). The body
/// reads it through <see cref="Elements"/>, a read-only span parameter of its numbers, struct after struct
/// (<c>x[i].Y</c> is <c>x_elements[i * 3 + 1]</c>; <c>CompilerServices.StructElements</c>, no copy), so the emitters
/// differentiate it as any span; <see cref="Name"/> stays a pass-through parameter.
/// </summary>
/// <param name="Name">The parameter.</param>
/// <param name="Elements">The span parameter of its numbers that the body indexes.</param>
/// <param name="Shape">The element struct: its leaves are the numbers of one element, in memory order.</param>
internal sealed record StructArrayParameter(string Name, string Elements, StructShape Shape)
{
    /// <summary>The one floating-point type of every field.</summary>
    public NumberKind Kind => Shape.Leaves[0].Kind;

    /// <summary>Numbers per element.</summary>
    public int Width => Shape.Leaves.Count;

    /// <summary>The span of the numbers of <paramref name="structs"/> (a span or array of the struct).</summary>
    public string NumbersOf(string structs, bool writable) =>
        "global::AutogradGen.CompilerServices.StructElements." + (writable ? "Writable" : "Of") + "<" + Shape.TypeText + ", " + Kind.Keyword() + ">("
        + structs + ", " + Width.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";

    /// <summary>The type of its tangent (read-only) or gradient (writable).</summary>
    public string SpanType(bool writable) => (writable ? "global::System.Span<" : "global::System.ReadOnlySpan<") + Shape.TypeText + ">";
}
