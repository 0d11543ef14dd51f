namespace AutogradGen.Generator.Model;

/// <summary>
/// A struct whose fields are all double or float (directly or through nested such structs), as the generator
/// sees it after scalar replacement: an ordered list of scalar leaves, and how to build a value of the struct
/// back from leaf values. Parameters, locals and call arguments of such a type become one scalar per leaf before
/// the emitters see the method; only signatures and call sites put the struct back together.
/// </summary>
/// <param name="TypeText">The fully qualified type, <c>global::</c> prefixed.</param>
/// <param name="Rebuild">
/// C# building a value from its leaves, with <c>{0}</c>, <c>{1}</c>, ... standing for the leaves in order:
/// <c>new global::Vec3({0}, {1}, {2})</c> or an object initialiser.
/// </param>
/// <param name="Leaves">Every scalar field, depth first in declaration order.</param>
internal sealed record StructShape(string TypeText, string Rebuild, EquatableArray<StructLeaf> Leaves)
{
    /// <summary>The struct built from the given leaf texts.</summary>
    public string Build(System.Collections.Generic.IReadOnlyList<string> leaves)
    {
        var text = Rebuild;
        // Highest index first, so that {1} is never mistaken for the start of {12}.
        for (var i = leaves.Count - 1; i >= 0; i--)
        {
            text = text.Replace("{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", leaves[i]);
        }

        return text;
    }
}

/// <summary>One scalar field of a <see cref="StructShape"/>.</summary>
/// <param name="Access">How C# reads it from a value: <c>X</c>, or <c>Position.X</c> through a nested struct.</param>
/// <param name="Suffix">What generated scalar names append to the variable's name: <c>X</c>, <c>Position_X</c>.</param>
/// <param name="Kind">double or float.</param>
internal sealed record StructLeaf(string Access, string Suffix, NumberKind Kind);

/// <summary>
/// A parameter of struct type, replaced in the body by one scalar parameter per leaf (<see cref="LeafVariables"/>,
/// named <c>a_X</c>, <c>a_Y</c>, ...). Signatures show the struct; its tangent and gradient are of the same type.
/// </summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Shape">Its struct type's fields.</param>
/// <param name="LeafVariables">The scalar parameter per leaf that the body reads instead.</param>
/// <param name="Differentiated">Whether it gets a tangent and a gradient.</param>
/// <param name="PassedIn">An <c>in</c> parameter (a large parameter pack passed by reference): the generated methods take it <c>in</c> too.</param>
internal sealed record StructParameter(string Name, StructShape Shape, EquatableArray<string> LeafVariables, bool Differentiated, bool PassedIn = false)
{
    /// <summary>The parameter as the generated signatures declare it: <c>in global::Market market</c>.</summary>
    public string Declaration => (PassedIn ? "in " : string.Empty) + Shape.TypeText + " " + Name;
}

/// <summary>
/// Where a <see cref="CallParameter"/> sits when the callee's parameter is a struct: the call site passes
/// <see cref="Shape"/> built from consecutive leaf arguments, <see cref="Leaf"/> numbering this one within it.
/// </summary>
internal sealed record StructArgument(int Parameter, StructShape Shape, int Leaf);

/// <summary>
/// A differentiated 2-D array parameter (<c>double[,] w</c>): signatures show the array, and its tangent and gradient
/// are 2-D arrays of the same shape. The body reads it through <see cref="Elements"/>, a read-only span parameter of
/// its elements in row-major order (<c>w[i, j]</c> is <c>w_elements[i * w.GetLength(1) + j]</c>), so the emitters
/// differentiate it as a span; <see cref="Name"/> stays a pass-through parameter for <c>GetLength</c> and <c>Length</c>.
/// </summary>
/// <remarks>
/// A differentiated jagged array (<c>double[][] a</c>, <see cref="Layout"/> set) is read the same way: its elements,
/// row after row, are copied into a pooled span (<c>a_elements</c>) described by the local <see cref="Layout"/>
/// (<c>CompilerServices.JaggedArray&lt;T&gt;</c>: where each row starts, how long it is), so <c>a[i][j]</c> is
/// <c>a_elements[a_jagged.Index(i, j)]</c> and <c>a[i].Length</c> is <c>a_jagged.RowLength(i)</c>. Its tangent and
/// gradient are jagged arrays of the same shape, copied into and added back from pooled spans.
/// </remarks>
internal sealed record MatrixParameter(string Name, string Elements, NumberKind Kind, string? Layout = null)
{
    /// <summary>A jagged array (<c>double[][]</c>) rather than a 2-D array (<c>double[,]</c>).</summary>
    public bool IsJagged => Layout is not null;

    /// <summary>
    /// Set for a differentiated array or span of structs (Model/StructArrayModel.cs), which the emitters treat as a 2-D
    /// array of n rows of k numbers, except that its tangent and gradient are spans of the struct (length-checked) and
    /// its numbers are the structs' own memory (<c>CompilerServices.StructElements</c>).
    /// </summary>
    public StructArrayParameter? Structs { get; init; }

    public string TypeText => Kind.Keyword() + (IsJagged ? "[][]" : "[,]");
}
