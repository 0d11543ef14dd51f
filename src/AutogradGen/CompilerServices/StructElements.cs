using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutogradGen.CompilerServices;

/// <summary>
/// The fields of a span of structs as one span of numbers, struct after struct and field after field, so that
/// generated code differentiates a <c>ReadOnlySpan&lt;Vector3&gt;</c> or <c>Vec3[]</c> parameter as it does a span of
/// floats (<c>x[i].Y</c> is element <c>3 * i + 1</c>). No copy: the numbers are the structs' own memory
/// (<see cref="MemoryMarshal.Cast{TFrom, TTo}(ReadOnlySpan{TFrom})"/>). Public only because generated code calls it.
/// </summary>
/// <remarks>
/// The generator only lowers structs whose fields are all of one floating-point type, declared in order with no
/// explicit layout, so there is no padding and the fields lie in declaration order. The size check below makes a
/// struct laid out otherwise (one from another assembly with an explicit layout) fail loudly instead of reading
/// the wrong numbers.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StructElements
{
    /// <summary>The <paramref name="fields"/> numbers of every struct of <paramref name="structs"/>, read-only.</summary>
    public static ReadOnlySpan<T> Of<TStruct, T>(ReadOnlySpan<TStruct> structs, int fields)
        where TStruct : struct
        where T : unmanaged
    {
        RequireLayout<TStruct, T>(fields);
        return MemoryMarshal.Cast<TStruct, T>(structs);
    }

    /// <summary>The <paramref name="fields"/> numbers of every struct of <paramref name="structs"/>, written through (gradients are added to them).</summary>
    public static Span<T> Writable<TStruct, T>(Span<TStruct> structs, int fields)
        where TStruct : struct
        where T : unmanaged
    {
        RequireLayout<TStruct, T>(fields);
        return MemoryMarshal.Cast<TStruct, T>(structs);
    }

    private static void RequireLayout<TStruct, T>(int fields)
        where T : unmanaged
    {
        // Constant for the JIT: no cost once it holds.
        if (Unsafe.SizeOf<TStruct>() != fields * Unsafe.SizeOf<T>())
        {
            throw new NotSupportedException(
                $"'{typeof(TStruct)}' takes {Unsafe.SizeOf<TStruct>()} bytes, not the {fields * Unsafe.SizeOf<T>()} of its {fields} {typeof(T).Name} fields: its layout is not its fields one after another, so its elements cannot be differentiated as numbers.");
        }
    }
}
