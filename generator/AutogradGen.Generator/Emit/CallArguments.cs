using System;
using System.Collections.Generic;
using System.Linq;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Emit;

/// <summary>
/// The arguments of a call as the callee's signature takes them: a struct parameter's leaves (consecutive
/// <see cref="CallParameter"/>s with a <see cref="CallParameter.Struct"/>) go back into one struct value.
/// </summary>
internal static class CallArguments
{
    /// <summary>One parameter of the callee: the range of flat arguments it covers, and its struct shape if any.</summary>
    internal sealed record Group(int Start, int Count, StructShape? Shape);

    public static List<Group> Groups(CallTarget target)
    {
        var groups = new List<Group>();
        for (var i = 0; i < target.Parameters.Count;)
        {
            if (target.Parameters[i].Struct is { } argument)
            {
                groups.Add(new Group(i, argument.Shape.Leaves.Count, argument.Shape));
                i += argument.Shape.Leaves.Count;
            }
            else
            {
                groups.Add(new Group(i, 1, null));
                i++;
            }
        }

        return groups;
    }

    /// <summary>The argument texts with the leaves of each struct parameter built back into the struct.</summary>
    public static List<string> Values(CallTarget target, IReadOnlyList<string> flat) =>
        Groups(target).Select(g => g.Shape is { } shape ? shape.Build(flat.Skip(g.Start).Take(g.Count).ToList()) : flat[g.Start]).ToList();

    /// <summary>
    /// Per differentiated parameter of the callee, its derivative argument: <paramref name="leaf"/> for a plain one,
    /// the struct built from <paramref name="leaf"/> of each differentiated leaf (<c>default</c> for the others).
    /// </summary>
    public static List<string> Differentiated(CallTarget target, Func<int, string> leaf) =>
        Groups(target).Where(g => target.Parameters.Skip(g.Start).Take(g.Count).Any(p => p.Differentiated || p.WithoutDerivative is not null))
            .Select(g => g.Shape is { } shape
                ? shape.Build(Enumerable.Range(g.Start, g.Count).Select(i => target.Parameters[i].Differentiated ? leaf(i) : "default").ToList())
                : target.Parameters[g.Start].WithoutDerivative is not null ? "null" : leaf(g.Start))
            .ToList();
}
