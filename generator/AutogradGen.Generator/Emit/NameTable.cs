using System.Collections.Generic;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// Hands out local names for generated code that never clash with the user's names or with each other:
/// the wanted name, or the wanted name with _2, _3, ... appended.
/// </summary>
internal sealed class NameTable
{
    private readonly HashSet<string> _taken;

    public NameTable(IEnumerable<string> taken) => _taken = new HashSet<string>(taken);

    public string Fresh(string wanted)
    {
        var name = wanted;
        for (var suffix = 2; !_taken.Add(name); suffix++)
        {
            name = wanted + "_" + suffix;
        }

        return name;
    }
}
